/**
 * Measures search in a real browser on one built site:
 *   tsx scripts/bench-search.ts --dist bench-output/dist-10000
 * Each query is timed from the input event to its rendered results: the round trip to the
 * search worker, the search and the DOM update together, as a reader waits for them.
 */
import { parseArgs } from "node:util";
import { measureSearch } from "./lib/measureSearch";

const { values } = parseArgs({ options: { dist: { type: "string", default: "dist" } } });
const result = await measureSearch(values.dist);
console.log(
  `search in Chromium over ${values.dist}: index ready after ${result.ready} ms; ` +
    `per query ${result.median.toFixed(1)} ms median, ${result.p95.toFixed(1)} ms p95 (${result.samples} samples); ` +
    `back to back ${result.backToBack.median.toFixed(1)} ms median, ${result.backToBack.p95.toFixed(1)} ms p95`,
);
