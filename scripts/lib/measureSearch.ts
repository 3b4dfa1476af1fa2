import { ELEMENT_IDS } from "../../src/lib/links/urls";
import { chromium } from "@playwright/test";
import { preview } from "astro";
import { CHROMIUM_ARGS, chromiumPath } from "./chromiumPath";

/**
 * Queries of every kind: one word, several words, a typo, a phrase, a rare word, the
 * beginnings of words as they are typed (the last word matches as a prefix), and words no
 * behavior has together (searched twice, then with suggestions).
 */
export const BENCH_QUERIES = [
  "rev",
  "revi",
  "onbo",
  "ment",
  "incident rev",
  "budget fore",
  "review",
  "incident reviews",
  "onboarding",
  "mentor",
  "api contracts",
  "deployment tooling independently",
  "secrity",
  "budget forecasts across teams",
  "design systems",
  "escalations",
  "onboarding forecasts",
];

/** Median and 95th percentile of a list of numbers. */
export function percentiles(values: number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

/** What a reader waits for: the index to be ready, then each query's results on screen. */
export interface SearchTimings {
  ready: number;
  /** Each query typed once the previous results are painted, as a reader types. */
  median: number;
  p95: number;
  samples: number;
  /** Each query typed the moment the previous results are in the page, before they are painted. */
  backToBack: { median: number; p95: number };
}

/**
 * Serves a built site (`outDir`, built with the default base) and times search in Chromium:
 * each query from the input event to its rendered results, `rounds` times, after one round
 * to warm up. Paced, each query waits until the previous results are painted, as between a
 * reader's keystrokes (a fast typist's are 100 ms apart). Back to back, it does not: then the
 * browser lays out and paints one answer while the next is on its way, and the time measured
 * is mostly that work of the previous query, so it is reported, not budgeted.
 */
export async function measureSearch(outDir: string, rounds = 5): Promise<SearchTimings> {
  const server = await preview({ outDir, logLevel: "error", server: { port: 4399, host: "127.0.0.1" } });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/behaviors/`);
    const started = Date.now();
    await page.fill(`#${ELEMENT_IDS.searchQuery}`, "warm up");
    // The status says something else than "Loading…" once the first answer is on screen.
    await page.waitForFunction(
      () => !/^(Loading…)?$/.test(document.querySelector(".search-status")?.textContent ?? ""),
      null,
      { timeout: 120_000 },
    );
    const ready = Date.now() - started;
    // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
    const time = (paced: boolean): Promise<number[]> =>
      page.evaluate(`(async () => {
      const queries = ${JSON.stringify(BENCH_QUERIES)};
      const input = document.querySelector("#${ELEMENT_IDS.searchQuery}");
      const search = document.querySelector("behavior-search");
      const times = [];
      for (let round = 0; round <= ${rounds}; round++) {
        for (const query of queries) {
          const rendered = new Promise((resolve) => {
            search.addEventListener("search-rendered", function done(event) {
              if (event.detail.query !== query) return;
              search.removeEventListener("search-rendered", done);
              resolve();
            });
          });
          if (${paced}) await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(painted))));
          const start = performance.now();
          input.value = query;
          input.dispatchEvent(new Event("input"));
          await rendered;
          if (round > 0) times.push(performance.now() - start);
        }
      }
      return times;
    })()`);
    const paced = await time(true);
    return {
      ready,
      ...percentiles(paced),
      samples: paced.length,
      backToBack: percentiles(await time(false)),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
