/**
 * Part of `npm run bench`: a 10,000-behavior framework released 20 times (a review cycle's edits
 * between releases) against the same framework released once, built the README's way. Release
 * pages and histories must not make the handbook grow with behaviors × releases: build time and
 * output size stay within 1.5× of one release. Writes its table into docs/benchmarks.md.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "./lib/listFiles";
import { timedBuild } from "./lib/timedBuild";
import { writeReleasedData, writeSingleRelease } from "./lib/syntheticReleases";

const BEHAVIORS = 10_000;
const RELEASES = 20;
const BUDGET = 1.5;

interface Run {
  label: string;
  seconds: number;
  pages: number;
  historyPages: number;
  distMb: number;
  historyMb: number;
  releaseFilesMb: number;
}

function measure(label: string, dataDir: string, outDir: string): Run {
  const { seconds } = timedBuild(dataDir, outDir);
  const files = listFiles(outDir);
  const size = (list: string[]) =>
    list.reduce((sum, file) => sum + statSync(path.join(outDir, file)).size, 0);
  const history = files.filter((file) => /^b\/[^/]+\/[^/]+\/history\/index\.html$/.test(file));
  const releaseFiles = listFiles(path.join(dataDir, "releases")).map((file) =>
    path.join(dataDir, "releases", file),
  );
  return {
    label,
    seconds,
    pages: files.filter((file) => file.endsWith(".html")).length,
    historyPages: history.length,
    distMb: size(files) / 1024 ** 2,
    historyMb: size(history) / 1024 ** 2,
    releaseFilesMb: releaseFiles.reduce((sum, file) => sum + statSync(file).size, 0) / 1024 ** 2,
  };
}

const many = `bench-output/releases-${RELEASES}`;
const one = "bench-output/releases-1";
console.error(`writing ${BEHAVIORS.toLocaleString("en")} behaviors released ${RELEASES} times…`);
await writeReleasedData(many, BEHAVIORS, RELEASES);
await writeSingleRelease(many, one);
console.error("building both, alternating, twice each…");
const runs: Run[] = [];
for (let round = 0; round < 2; round++) {
  runs.push(measure("1 release", one, "bench-output/dist-releases-1"));
  runs.push(measure(`${RELEASES} releases`, many, `bench-output/dist-releases-${RELEASES}`));
}
/** The faster of the two builds of each (the other is the same build on a busier moment). */
const best = (label: string) =>
  runs.filter((run) => run.label === label).reduce((a, b) => (a.seconds <= b.seconds ? a : b));
const single = best("1 release");
const multiple = best(`${RELEASES} releases`);
const row = (run: Run) =>
  `| ${run.label} | ${run.seconds.toFixed(1)} s | ${run.pages.toLocaleString("en")} | ${run.historyPages.toLocaleString("en")} | ${run.distMb.toFixed(0)} MB | ${run.historyMb.toFixed(1)} MB | ${run.releaseFilesMb.toFixed(1)} MB |`;
const timeRatio = multiple.seconds / single.seconds;
const sizeRatio = multiple.distMb / single.distMb;
const report = `<!-- bench-releases:start (written by npm run bench) -->
Measured ${new Date().toISOString().slice(0, 10)}: the synthetic framework of ${BEHAVIORS.toLocaleString("en")} behaviors after ${RELEASES} review cycles, released after each, against the same data released once (the faster of two alternating builds of each).

| data | build | pages | history pages | dist/ | of it, history pages | release files |
| --- | --: | --: | --: | --: | --: | --: |
${row(single)}
${row(multiple)}

| budget | measured | met |
| --- | --: | :-: |
| ${RELEASES} releases build within ${BUDGET}× the time of one | ${timeRatio.toFixed(2)}× | ${timeRatio <= BUDGET ? "yes" : "**no**"} |
| ${RELEASES} releases' output within ${BUDGET}× the size of one | ${sizeRatio.toFixed(2)}× | ${sizeRatio <= BUDGET ? "yes" : "**no**"} |
<!-- bench-releases:end -->`;

const docs = "docs/benchmarks.md";
const current = readFileSync(docs, "utf8");
const marker = /<!-- bench-releases:start[\s\S]*<!-- bench-releases:end -->/;
writeFileSync(
  docs,
  marker.test(current) ? current.replace(marker, report) : `${current.trimEnd()}\n\n${report}\n`,
);
console.log(report);
