import Fuse from "fuse.js";

/** Fuzzy matches worse than this (0 is exact, 1 anything) are no help as a suggestion. */
const THRESHOLD = 0.4;

/**
 * The ids among `candidates` closest to `id`, best first, for "did you mean …" messages.
 * Two searches with fuse.js: the whole id, which catches typos (`prioritises-work`), and its
 * words in any order, which catches reordered or reworded ids (`git-basics` → `basic-git`).
 * Words of one or two letters (`in`, `of`) are left out of the second, as they match anything.
 */
export function suggestIds(id: string, candidates: readonly string[], limit = 3): string[] {
  const items = [...new Set(candidates)].map((candidate) => ({
    id: candidate,
    words: candidate.split("-").join(" "),
  }));
  const options = { threshold: THRESHOLD, ignoreLocation: true, includeScore: true };
  const wholeMatches = new Fuse(items, { ...options, keys: ["id"] }).search(id);
  const words = id.split("-").filter((word) => word.length > 2);
  // With extended search, words separated by spaces must all match, each one fuzzily.
  const wordMatches =
    words.length > 0
      ? new Fuse(items, { ...options, keys: ["words"], useExtendedSearch: true }).search(words.join(" "))
      : [];
  const ranked = [...wholeMatches, ...wordMatches]
    .filter((match) => match.item.id !== id)
    .sort((a, b) => (a.score ?? 1) - (b.score ?? 1));
  return [...new Set(ranked.map((match) => match.item.id))].slice(0, limit);
}

/** `did you mean "a", "b" or "c"?`, or an empty string when there is nothing to suggest. */
export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  const quoted = suggestions.map((suggestion) => `"${suggestion}"`);
  const list =
    quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
  return `did you mean ${list}?`;
}
