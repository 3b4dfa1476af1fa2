import type { SearchAnswer, SearchFilters, SearchSuggestion } from "./behaviorSearch";

/** "1 result", "12 results". */
export const resultCount = (count: number) => `${count} ${count === 1 ? "result" : "results"}`;

/**
 * What the status line of the behavior search says about an answer to `query` (as typed,
 * trimmed; empty when only filters are set): how many were found and shown, or that none has
 * all the words and these have most of them, or that nothing matched; and whether suggestions
 * follow, for a screen reader hearing only this line.
 */
export function searchStatus(
  answer: Omit<SearchAnswer, "results"> & { shown: number },
  query: string,
): string {
  const { total, shown, words, partial, suggestions } = answer;
  const count = shown < total ? `the first ${shown} of ${total} results` : resultCount(total);
  const following =
    suggestions.length === 0
      ? ""
      : suggestions.length === 1
        ? " A suggestion follows."
        : " Suggestions follow.";
  if (total === 0) return `No behavior matches ${query ? `“${query}”` : "these filters"}.${following}`;
  if (partial) {
    const all = words.map((word) => `“${word}”`).join(", ");
    return `No behavior has all of ${all} — showing those with most of them (${count}).${following}`;
  }
  const sentence = count[0].toUpperCase() + count.slice(1);
  return query ? `${sentence} for “${query}”` : sentence;
}

/**
 * A suggestion as the link offering it: "Did you mean “linux”?", "Search for “git” only",
 * "Search all tracks and all categories". `allOf` names what clearing a filter searches
 * ("All tracks"), as the filter's own first option says it.
 */
export function suggestionLabel(
  suggestion: SearchSuggestion,
  allOf: (filter: keyof SearchFilters) => string,
): string {
  if (suggestion.kind === "spelling") return `Did you mean “${suggestion.query}”?`;
  if (suggestion.kind === "fewer-words") return `Search for “${suggestion.query}” only`;
  return `Search ${(suggestion.cleared ?? []).map((name) => allOf(name).toLowerCase()).join(" and ")}`;
}
