import { describe, expect, it } from "vitest";
import type { SearchSuggestion } from "../../../src/lib/search/behaviorSearch";
import { resultCount, searchStatus, suggestionLabel } from "../../../src/lib/search/searchMessages";

const answer = { total: 6, shown: 6, words: ["git", "databases"], partial: false, suggestions: [] };
const fewer: SearchSuggestion = { kind: "fewer-words", query: "git", filters: {}, total: 7 };

describe("searchStatus", () => {
  it("counts the results, and says when only the first are shown", () => {
    expect(searchStatus({ ...answer, words: ["git"] }, "git")).toBe("6 results for “git”");
    expect(searchStatus({ ...answer, total: 1, shown: 1 }, "git")).toBe("1 result for “git”");
    expect(searchStatus({ ...answer, total: 120, shown: 50 }, "team")).toBe(
      "The first 50 of 120 results for “team”",
    );
    expect(searchStatus({ ...answer, words: [] }, "")).toBe("6 results");
  });

  it("says when no behavior has all the words, naming them, and that suggestions follow", () => {
    expect(searchStatus({ ...answer, partial: true, suggestions: [fewer, fewer] }, "git databases")).toBe(
      "No behavior has all of “git”, “databases” — showing those with most of them (6 results). Suggestions follow.",
    );
  });

  it("says when nothing matched the words or the filters", () => {
    const none = { ...answer, total: 0, shown: 0 };
    expect(searchStatus({ ...none, words: ["xylophone"] }, "xylophone")).toBe(
      "No behavior matches “xylophone”.",
    );
    expect(searchStatus({ ...none, words: [], suggestions: [fewer] }, "")).toBe(
      "No behavior matches these filters. A suggestion follows.",
    );
  });
});

describe("suggestionLabel", () => {
  const allOf = (name: string) =>
    ({ track: "All tracks", level: "All levels", category: "All categories" })[name]!;

  it("words each kind of suggestion as the link that offers it", () => {
    expect(suggestionLabel({ kind: "spelling", query: "basic linux", filters: {}, total: 1 }, allOf)).toBe(
      "Did you mean “basic linux”?",
    );
    expect(suggestionLabel(fewer, allOf)).toBe("Search for “git” only");
    expect(
      suggestionLabel(
        { kind: "filter", query: "git", filters: {}, cleared: ["track", "category"], total: 7 },
        allOf,
      ),
    ).toBe("Search all tracks and all categories");
  });

  it("counts results in words", () => {
    expect([resultCount(0), resultCount(1), resultCount(2)]).toEqual(["0 results", "1 result", "2 results"]);
  });
});
