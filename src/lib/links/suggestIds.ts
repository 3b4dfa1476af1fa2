import Fuse from "fuse.js";
import { wordStems } from "../compare/textSimilarity";

/** Matches worse than this (0 is exact, 1 anything) are no help as a suggestion. */
const THRESHOLD = 0.4;

/** How much a word of the query found only in a candidate's text counts, against one in its id. */
const TEXT_WORD_WEIGHT = 0.75;

/** A name to suggest, with the text it stands for (a behavior's), whose words count too. */
export interface NameCandidate {
  id: string;
  text?: string;
}

/** The words of a name, whatever its case: `full-professional-git`, `shortTitle`, `evolves_from`. */
function nameWords(name: string): string {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .split(/[^\p{L}\p{N}]+/u)
    .join(" ")
    .trim();
}

/**
 * The names among `candidates` closest to `name`, best first, for "did you mean …" messages:
 * ids of behaviors, levels, tracks, categories, and field names. Three ways to be close:
 * - the whole name, by fuse.js's character similarity, which catches typos (`prioritises-work`);
 * - its words in any order, each fuzzily (fuse.js), for reordered ids (`git-basics` → `basic-git`);
 * - its words (stemmed, without the most common ones) found among the words of a candidate's id
 *   and text, for ids written from the text in other words (`full-git-proficiency` →
 *   `full-professional-git`, whose text is "Has full professional proficiency of Git.").
 * A candidate ranks by its best way; ties go to the closer spelling.
 */
export function suggestIds(
  name: string,
  candidates: readonly (string | NameCandidate)[],
  limit = 3,
): string[] {
  const byId = new Map<string, NameCandidate>();
  for (const candidate of candidates) {
    const item = typeof candidate === "string" ? { id: candidate } : candidate;
    if (item.id !== name && !byId.get(item.id)?.text) byId.set(item.id, item);
  }
  const items = [...byId.values()].map((item) => ({ ...item, words: nameWords(item.id) }));

  const spelling = new Map<string, number>();
  const keep = (id: string, score = 1) => spelling.set(id, Math.min(score, spelling.get(id) ?? 1));
  const options = { threshold: THRESHOLD, ignoreLocation: true, includeScore: true };
  for (const match of new Fuse(items, { ...options, keys: ["id"] }).search(name)) {
    keep(match.item.id, match.score);
  }
  // Words of one or two letters (`in`, `of`) are left out, as they match anything.
  const words = nameWords(name)
    .split(" ")
    .filter((word) => word.length > 2);
  if (words.length > 0) {
    // With extended search, words separated by spaces must all match, each one fuzzily.
    const fuse = new Fuse(items, { ...options, keys: ["words"], useExtendedSearch: true });
    for (const match of fuse.search(words.join(" "))) keep(match.item.id, match.score);
  }

  const stems = [...new Set(wordStems(nameWords(name)))];
  const wordScore = (item: NameCandidate & { words: string }) => {
    if (stems.length === 0) return 1;
    const inId = new Set(wordStems(item.words));
    const inText = new Set(wordStems(item.text ?? ""));
    const found = stems.reduce(
      (sum, stem) => sum + (inId.has(stem) ? 1 : inText.has(stem) ? TEXT_WORD_WEIGHT : 0),
      0,
    );
    return 1 - found / stems.length;
  };

  return items
    .map((item) => {
      const bySpelling = spelling.get(item.id) ?? 1;
      return { id: item.id, score: Math.min(bySpelling, wordScore(item)), bySpelling };
    })
    .filter((ranked) => ranked.score <= THRESHOLD)
    .sort((a, b) => a.score - b.score || a.bySpelling - b.bySpelling)
    .slice(0, limit)
    .map((ranked) => ranked.id);
}

/** `"a", "b" and "c"` (or `or`): names quoted, as messages list them. */
export function quotedList(names: readonly string[], conjunction: "and" | "or" = "and"): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** `did you mean "a", "b" or "c"?`, or an empty string when there is nothing to suggest. */
export function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length === 0 ? "" : `did you mean ${quotedList(suggestions, "or")}?`;
}
