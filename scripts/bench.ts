/**
 * `npm run bench`: builds synthetic handbooks of about 2,500, 5,000 and 10,000 behaviors and
 * reports build time and peak memory, pages, output size, page weights, the search index and
 * search latency in Chromium, checks them against the budgets, and writes the table into
 * docs/benchmarks.md. A benchmark, not a test: it never fails a build.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromiumPath } from "./lib/chromiumPath";
import { listFiles } from "./lib/listFiles";
import { SEGMENTS } from "../src/lib/links/urls";
import { measureSearch, type SearchTimings } from "./lib/measureSearch";
import { buildStarlight, STARLIGHT_VERSION, writeStarlightProject } from "./lib/starlight";
import { writeSyntheticData } from "./lib/writeSyntheticData";
import { timedBuild as build } from "./lib/timedBuild";

const BASE_SIZE = 2500;
const SCALES = [1, 2, 4];

interface BuildRun {
  behaviors: number;
  seconds: number;
  peakMb?: number;
  pages: number;
  distMb: number;
  level: PageWeight;
  compare: PageWeight;
  indexRaw: number;
  indexGzip: number;
}

interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
}

/**
 * The bytes a page costs its reader: its HTML, its stylesheets, and the scripts it loads at
 * once with everything they import statically (what `import()` loads later is not counted).
 */
function pageWeight(outDir: string, page: string): PageWeight {
  const html = readFileSync(path.join(outDir, page), "utf8");
  // Assets live in _astro/ whatever the base path.
  const asset = (url: string) => path.join(outDir, url.slice(url.indexOf("_astro/")));
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce(
    (sum, m) => sum + statSync(asset(m[1])).size,
    0,
  );
  const loaded = new Set<string>();
  const load = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const [, imported] of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      load(path.join(path.dirname(file), imported));
    }
  };
  for (const [, src] of html.matchAll(/<script[^>]* src="([^"]+)"/g)) load(asset(src));
  const js = [...loaded].reduce((sum, file) => sum + statSync(file).size, 0);
  return { page, html: Buffer.byteLength(html), css, js };
}

function measureBuild(behaviors: number): BuildRun {
  const dataDir = `bench-output/data-${behaviors}`;
  const outDir = `bench-output/dist-${behaviors}`;
  writeSyntheticData(dataDir, behaviors);
  const { seconds, peakMb } = build(dataDir, outDir);
  const files = listFiles(outDir);
  const pages = files.filter((file) => file.endsWith(".html"));
  const bytes = files.reduce((sum, file) => sum + statSync(path.join(outDir, file)).size, 0);
  // The heaviest level page (the highest level states the most), and the widest comparison.
  // Pages two segments deep are level pages, but for a track's growth page and the site's own.
  const levelPages = pages.filter(
    (file) =>
      /^[^/]+\/[^/]+\/index\.html$/.test(file) &&
      !file.startsWith("behaviors/") &&
      !file.startsWith("b/") &&
      !file.startsWith(`${SEGMENTS.changes}/`) &&
      file.split("/")[1] !== SEGMENTS.growth,
  );
  const heaviest = levelPages.reduce((a, b) =>
    statSync(path.join(outDir, a)).size >= statSync(path.join(outDir, b)).size ? a : b,
  );
  const comparePages = pages.filter((file) => file.includes("/compare/"));
  const widest = comparePages.reduce((a, b) =>
    statSync(path.join(outDir, a)).size >= statSync(path.join(outDir, b)).size ? a : b,
  );
  const index = readFileSync(path.join(outDir, "behaviors/search-index.json"));
  return {
    behaviors,
    seconds,
    peakMb,
    pages: pages.length,
    distMb: bytes / 1024 / 1024,
    level: pageWeight(outDir, heaviest),
    compare: pageWeight(outDir, widest),
    indexRaw: index.length,
    indexGzip: gzipSync(index).length,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const runs = SCALES.map((scale) => {
  console.error(`building ${scale}× (${BASE_SIZE * scale} behaviors)…`);
  return measureBuild(BASE_SIZE * scale);
});
console.error("measuring search in Chromium on the largest set…");
const largest = runs.at(-1)!;
const search: SearchTimings = await measureSearch(`bench-output/dist-${largest.behaviors}`);
const real = (() => {
  console.error("measuring the real handbook…");
  const { seconds, peakMb } = build("data", "bench-output/dist-real");
  const index = readFileSync("bench-output/dist-real/behaviors/search-index.json");
  return {
    seconds,
    peakMb,
    level: pageWeight("bench-output/dist-real", "support/ic3/index.html"),
    indexGzip: gzipSync(index).length,
  };
})();

/** Ladder's `npm run build` and Starlight's on the same content, alternating, three times each. */
const sideBySide = (() => {
  console.error(
    `building the real handbook and the same content with Starlight ${STARLIGHT_VERSION}, three times each…`,
  );
  const starlightDir = "bench-output/starlight-real";
  const { pages } = writeStarlightProject("bench-output/dist-real", starlightDir);
  const ladder: number[] = [];
  const starlight: number[] = [];
  for (let run = 0; run < 3; run++) {
    ladder.push(build("data", "bench-output/dist-real").seconds);
    starlight.push(buildStarlight(starlightDir));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1];
  return { pages, ladder: median(ladder), starlight: median(starlight) };
})();

const chromium = chromiumPath();
const machine = [
  `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`,
  `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
  `${os.type()} ${os.release()}`,
  `Node ${process.versions.node}`,
  chromium
    ? execFileSync(chromium, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()
    : "Playwright's Chromium",
].join(", ");

const rows = runs.map(
  (run) =>
    `| ${run.behaviors.toLocaleString("en")} | ${run.seconds.toFixed(1)} s | ${run.peakMb ? `${Math.round(run.peakMb)} MB` : "n/a"} | ${run.pages.toLocaleString("en")} | ${Math.round(run.pages / run.seconds)} | ${run.distMb.toFixed(0)} MB | ${kb(run.level.html)} + ${kb(run.level.css)} + ${kb(run.level.js)} | ${kb(run.compare.html)} + ${kb(run.compare.css)} + ${kb(run.compare.js)} | ${kb(run.indexRaw)} / ${kb(run.indexGzip)} |`,
);
const ratio = largest.seconds / runs[0].seconds;
const levelTotal = (w: PageWeight) => w.html + w.css + w.js;
const budgets = [
  [`4× the data builds in at most 4.4× the time`, `${ratio.toFixed(2)}×`, ratio <= 4.4],
  [`10,000 behaviors build within 90 s`, `${largest.seconds.toFixed(1)} s`, largest.seconds <= 90],
  [
    `npm run build takes at most half of Starlight's time on the same content`,
    `${Math.round((100 * sideBySide.ladder) / sideBySide.starlight)} %`,
    sideBySide.ladder <= sideBySide.starlight / 2,
  ],
  [
    `a level page weighs at most 35 KB (real handbook, IC3)`,
    kb(levelTotal(real.level)),
    levelTotal(real.level) <= 35 * 1024,
  ],
  [
    `a level page weighs at most 35 KB (10,000 behaviors, heaviest)`,
    kb(levelTotal(largest.level)),
    levelTotal(largest.level) <= 35 * 1024,
  ],
  [
    `a level page ships at most 6 KB of JavaScript before search`,
    kb(Math.max(real.level.js, largest.level.js)),
    Math.max(real.level.js, largest.level.js) <= 6 * 1024,
  ],
  [`search answers within 16 ms (p95) at 10,000 behaviors`, `${search.p95.toFixed(1)} ms`, search.p95 <= 16],
  [`the real handbook's search index is under 40 KB gzip`, kb(real.indexGzip), real.indexGzip < 40 * 1024],
  [
    `the search index at 10,000 behaviors is under 1.5 MB gzip`,
    kb(largest.indexGzip),
    largest.indexGzip < 1.5 * 1024 * 1024,
  ],
] as const;

const report = `<!-- bench:start (written by npm run bench) -->
Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.

| behaviors | build | peak memory | pages | pages/s | dist/ | level page (HTML + CSS + JS) | compare page (HTML + CSS + JS) | search index (raw / gzip) |
| --: | --: | --: | --: | --: | --: | --- | --- | --- |
${rows.join("\n")}

Search in Chromium at ${largest.behaviors.toLocaleString("en")} behaviors, from the input event to the rendered results, each query typed once the last results are painted: **${search.median.toFixed(1)} ms median, ${search.p95.toFixed(1)} ms p95** (${search.samples} queries; the index was ready ${search.ready} ms after first use). Typed back to back, before the last results are painted: ${search.backToBack.median.toFixed(1)} ms median, ${search.backToBack.p95.toFixed(1)} ms p95. The real handbook builds in ${real.seconds.toFixed(1)} s.

Side by side in the same run, median of three alternating builds: the real handbook's \`npm run build\` (validation included) takes **${sideBySide.ladder.toFixed(1)} s**; Starlight ${STARLIGHT_VERSION} building the same content (one Markdown page with the same text for each of its ${sideBySide.pages} pages, \`astro build\` with Starlight's defaults) takes **${sideBySide.starlight.toFixed(1)} s**.

| budget | measured | met |
| --- | --: | :-: |
${budgets.map(([what, value, ok]) => `| ${what} | ${value} | ${ok ? "yes" : "**no**"} |`).join("\n")}
<!-- bench:end -->`;

const docs = "docs/benchmarks.md";
const current = readFileSync(docs, "utf8");
const updated = /<!-- bench:start[\s\S]*<!-- bench:end -->/.test(current)
  ? current.replace(/<!-- bench:start[\s\S]*<!-- bench:end -->/, report)
  : `${current.trimEnd()}\n\n${report}\n`;
writeFileSync(docs, updated);
console.log(report);
