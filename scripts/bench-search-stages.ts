/**
 * The search stages side by side, in Node, on one data folder: plain fuse.js with its options
 * varied, MiniSearch alone, and MiniSearch narrowing for fuse.js, with the payload each needs.
 *   tsx scripts/bench-search-stages.ts bench-output/data-10000
 * What a reader waits for in the browser is measured by scripts/bench-search.ts.
 */
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { validateDataDir } from "../src/lib/data/validateDataDir";
import { searchDocuments } from "../src/lib/search/searchDocuments";
import { buildSearchPayload, createBehaviorSearch, SEARCH_OPTIONS } from "../src/lib/search/behaviorSearch";
import { queryWords } from "../src/lib/search/searchWords";
import { createUrls } from "../src/lib/links/urls";
import { BENCH_QUERIES } from "./lib/measureSearch";
const dir = process.argv[2] ?? "bench-output/data-10000";
const { handbook } = await validateDataDir(dir);
const docs = searchDocuments(handbook!, createUrls("/"));
const Q = BENCH_QUERIES;
// The first steps as they were measured: fuse.js over four keys, each word required.
const FOUR_KEYS = {
  ...SEARCH_OPTIONS,
  keys: [
    { name: "text", weight: 3 },
    { name: "place", weight: 1 },
    { name: "categoryTitle", weight: 1 },
    { name: "trackTitle", weight: 0.5 },
  ],
  includeMatches: true,
};
const allWords = (q: string) => {
  const words = queryWords(q);
  if (words.length <= 1) return words[0] ?? "";
  return { $and: words.map((word) => ({ $or: FOUR_KEYS.keys.map(({ name }) => ({ [name]: word })) })) };
};
function time(name: string, f: (q: string) => unknown, size?: string) {
  const t: number[] = [];
  for (let r = 0; r < 5; r++)
    for (const q of Q) {
      const s = performance.now();
      f(q);
      t.push(performance.now() - s);
    }
  t.sort((a, b) => a - b);
  console.log(
    name.padEnd(44),
    "median",
    t[Math.floor(t.length / 2)].toFixed(1),
    "p95",
    t[Math.ceil(t.length * 0.95) - 1].toFixed(1),
    size ?? "",
  );
}
const sz = (o: unknown) => {
  const j = JSON.stringify(o);
  return `${(j.length / 1e6).toFixed(2)}MB raw ${(gzipSync(j).length / 1e3).toFixed(0)}KB gz`;
};
// V0 plain fuse, prebuilt index
const idx0 = Fuse.createIndex(FOUR_KEYS.keys!, docs);
const f0 = new Fuse(docs, FOUR_KEYS, idx0);
time("fuse, 4 keys, extended", (q) => f0.search(allWords(q), { limit: 100 }), sz({ docs, i: idx0.toJSON() }));
const o1 = { ...FOUR_KEYS, keys: [{ name: "text", weight: 1 }] };
const f1 = new Fuse(docs, o1, Fuse.createIndex(o1.keys!, docs));
time("fuse, text only", (q) => f1.search(q, { limit: 100 }));
const f2 = new Fuse(
  docs,
  { ...FOUR_KEYS, threshold: 0.2, useExtendedSearch: false, includeMatches: false },
  idx0,
);
time("fuse, no extended, no matches, thr .2", (q) => f2.search(q, { limit: 100 }));
// MiniSearch
const ms = new MiniSearch({
  idField: "n",
  fields: ["text", "place", "categoryTitle", "trackTitle"],
  storeFields: [],
});
ms.addAll(docs.map((d, n) => ({ ...d, n })));
const opts = {
  prefix: true,
  fuzzy: (t: string) => (t.length > 3 ? 0.2 : false),
  combineWith: "AND" as const,
  boost: { text: 3 },
};
time("minisearch alone", (q) => ms.search(q, opts).slice(0, 100), sz({ docs, i: ms.toJSON() }));
time("minisearch -> fuse top 100", (q) => {
  const c = ms
    .search(q, opts)
    .slice(0, 100)
    .map((r) => docs[r.id as number]);
  return new Fuse(c, FOUR_KEYS).search(allWords(q));
});
time("minisearch -> fuse top 50", (q) => {
  const c = ms
    .search(q, opts)
    .slice(0, 50)
    .map((r) => docs[r.id as number]);
  return new Fuse(c, FOUR_KEYS).search(allWords(q));
});
const t0 = performance.now();
MiniSearch.loadJSON(JSON.stringify(ms.toJSON()), {
  idField: "n",
  fields: ["text", "place", "categoryTitle", "trackTitle"],
});
console.log("minisearch index: load a serialized one", (performance.now() - t0).toFixed(0), "ms");
const t1 = performance.now();
new MiniSearch({ idField: "n", fields: ["text", "place", "categoryTitle", "trackTitle"] }).addAll(
  docs.map((d, n) => ({ ...d, n })),
);
console.log("minisearch index: build it from the documents", (performance.now() - t1).toFixed(0), "ms");
console.log("documents alone:", sz(docs));
// The search as the worker runs it: word forms, job titles, tiers, then fuse.js within them.
const payload = JSON.parse(JSON.stringify(buildSearchPayload(docs)));
const t2 = performance.now();
const shipped = createBehaviorSearch(payload);
console.log(
  "the shipped search: ready from the parsed payload in",
  (performance.now() - t2).toFixed(0),
  "ms",
);
time("the shipped search (word forms, tiers)", (q) => shipped(q), sz(payload));
