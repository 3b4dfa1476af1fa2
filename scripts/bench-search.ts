/**
 * Measures search in a real browser: opens the behavior index of a built site in Chromium,
 * waits for the search index, then times each query from the input event to the rendered
 * results (the round trip to the search worker, the search and the DOM update together, as a
 * reader waits for them).
 *   tsx scripts/bench-search.ts --dist bench-output/dist-10000
 */
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { preview } from "astro";
import { chromiumPath } from "../src/lib/chromiumPath";

/** Queries of every kind: one word, several words, a typo, a phrase, a rare word. */
const BENCH_QUERIES = [
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
];

/** Median and 95th percentile of a list of numbers. */
function percentiles(values: number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

/** Opens the index page of the site served at `origin` and times every query `rounds` times. */
async function measureSearch(origin: string, rounds = 5) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/behaviors/`);
    const started = Date.now();
    await page.fill("#search-query", "warm up");
    await page.waitForFunction(
      () => /result/.test(document.querySelector(".search-status")?.textContent ?? ""),
      null,
      {
        timeout: 120_000,
      },
    );
    const ready = Date.now() - started;
    // A string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
    const timings: number[] = await page.evaluate(`(async () => {
      const queries = ${JSON.stringify(BENCH_QUERIES)};
      const input = document.querySelector("#search-query");
      const search = document.querySelector("behavior-search");
      const times = [];
      for (let round = 0; round < ${rounds}; round++) {
        for (const query of queries) {
          const rendered = new Promise((resolve) => {
            search.addEventListener("search-rendered", function done(event) {
              if (event.detail.query !== query) return;
              search.removeEventListener("search-rendered", done);
              resolve();
            });
          });
          const start = performance.now();
          input.value = query;
          input.dispatchEvent(new Event("input"));
          await rendered;
          times.push(performance.now() - start);
        }
      }
      return times;
    })()`);
    return { ready, ...percentiles(timings), samples: timings.length };
  } finally {
    await browser.close();
  }
}

const { values } = parseArgs({
  options: { dist: { type: "string", default: "dist" }, port: { type: "string", default: "4399" } },
});
process.env.LADDER_OUT_DIR = values.dist;
const server = await preview({ logLevel: "error", server: { port: Number(values.port), host: "127.0.0.1" } });
try {
  // Astro moves to another port when the asked one is taken.
  const result = await measureSearch(`http://127.0.0.1:${server.port}`);
  console.log(
    `search in Chromium over ${values.dist}: index ready after ${result.ready} ms; ` +
      `per query ${result.median.toFixed(1)} ms median, ${result.p95.toFixed(1)} ms p95 (${result.samples} samples)`,
  );
} finally {
  await server.stop();
}
