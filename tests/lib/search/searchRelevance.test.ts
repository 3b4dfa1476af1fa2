import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildSearchPayload,
  createBehaviorSearch,
  type SearchFilters,
} from "../../../src/lib/search/behaviorSearch";
import { searchDocuments } from "../../../src/lib/search/searchDocuments";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook } from "../../helpers/realHandbook";

/** One line of tests/fixtures/search-relevance.json; its description says what each field means. */
interface RelevanceCase {
  query: string;
  kind: string;
  filters?: SearchFilters;
  inFirstFive: string[];
  firstFiveFrom?: string[];
  firstFiveAt?: string[];
  allWords?: boolean;
  source: string;
}

const { queries } = JSON.parse(readFileSync("tests/fixtures/search-relevance.json", "utf8")) as {
  queries: RelevanceCase[];
};

describe("search relevance: what readers type finds what the data holds", async () => {
  const documents = searchDocuments(await realHandbook(), createUrls("/"));
  // Through JSON, as the browser receives it.
  const search = createBehaviorSearch(JSON.parse(JSON.stringify(buildSearchPayload(documents))));
  const key = (d: { track: string; id: string }) => `${d.track}/${d.id}`;

  it("holds at least 40 queries of every kind, each naming behaviors and levels that exist", () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(queries.map((q) => q.kind))).toEqual(
      new Set([
        "word",
        "word form",
        "typo",
        "phrase",
        "job title",
        "level code",
        "multiword",
        "hyphenated",
        "filter",
      ]),
    );
    const ids = new Set(documents.map(key));
    const levels = new Set(documents.map((d) => `${d.track}/${d.level}`));
    for (const q of queries) {
      for (const id of [...q.inFirstFive, ...(q.firstFiveFrom ?? [])]) expect(ids, q.query).toContain(id);
      for (const level of q.firstFiveAt ?? []) expect(levels, q.query).toContain(level);
      expect(
        q.inFirstFive.length + (q.firstFiveFrom?.length ?? 0) + (q.firstFiveAt?.length ?? 0),
      ).toBeGreaterThan(0);
      expect(q.source).toMatch(/data\//);
    }
  });

  const titled = queries.map(
    (q) => [`${q.kind}: “${q.query}”${q.filters ? ` ${JSON.stringify(q.filters)}` : ""}`, q] as const,
  );
  it.each(titled)("%s", (_title, q) => {
    const answer = search(q.query, q.filters ?? {}, 50);
    const firstFive = answer.results.slice(0, 5).map((r) => r.document);
    const shown = firstFive.map((d) => `${key(d)} (${d.level ?? d.place}): ${d.text}`);
    expect(firstFive.map(key), shown.join("\n")).toEqual(expect.arrayContaining(q.inFirstFive));
    if (q.firstFiveFrom) {
      expect(firstFive.length, shown.join("\n")).toBe(Math.min(5, q.firstFiveFrom.length));
      for (const d of firstFive) expect(q.firstFiveFrom, shown.join("\n")).toContain(key(d));
    }
    if (q.firstFiveAt) {
      expect(firstFive, shown.join("\n")).toHaveLength(5);
      for (const d of firstFive) expect(q.firstFiveAt, shown.join("\n")).toContain(`${d.track}/${d.level}`);
    }
    if (q.allWords !== undefined) expect(answer.partial, "no behavior has all the words").toBe(!q.allWords);
  });
});
