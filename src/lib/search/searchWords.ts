import { STOP_WORDS, WORD } from "../compare/textSimilarity";
/** A word as it stands in a text, perhaps of words joined by hyphens: "Git", "trade-offs", "up-to-date". */
export const TEXT_WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/**
 * The terms the search index holds for a text: its words in lower case, and each hyphenated
 * word also joined ("trade-offs" → trade, offs, tradeoffs), so a reader who types "tradeoffs"
 * finds it. Word forms are not indexed: the search looks them up in the index's vocabulary
 * (see `wordStem`), which keeps the index as small as the text.
 */
export function indexTerms(text: string): string[] {
  const lower = text.toLowerCase();
  const joined = (lower.match(TEXT_WORD) ?? [])
    .filter((word) => word.includes("-"))
    .map((word) => word.replaceAll("-", ""));
  return [...(lower.match(WORD) ?? []), ...joined];
}

/** Whether a word (lower case) tells nothing on its own: a common one ("in", "on", "the") or a letter ("’s"). */
export const isFiller = (word: string) => STOP_WORDS.has(word) || (word.length === 1 && !/\p{N}/u.test(word));

/** More words than this are a pasted paragraph: its first words find it, and the search stays quick. */
export const MAX_WORDS = 20;

/**
 * What was typed, as the words to search for: lower case, punctuation and symbols as spaces
 * (so nothing acts as an operator of the search libraries: "^git", "git | docker", quotes),
 * hyphenated words as their parts ("on-call" → on, call), each word once, and without words
 * that tell nothing ("expert in git" → expert, git) unless nothing else was typed; at most
 * `MAX_WORDS`.
 */
export function queryWords(query: string): string[] {
  const words = [...new Set(query.toLowerCase().match(WORD) ?? [])];
  const telling = words.filter((word) => !isFiller(word));
  return (telling.length > 0 ? telling : words).slice(0, MAX_WORDS);
}

/**
 * How many edits turn `a` into `b`: a letter added, removed or replaced, or two neighbours
 * swapped ("gti" → "git" is one, as a reader who typed it would count). Stops counting past
 * `max`: anything farther is `max + 1`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let closest = i;
    for (let j = 1; j <= b.length; j++) {
      let edits = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        edits = Math.min(edits, twoBack[j - 2] + 1);
      current[j] = edits;
      closest = Math.min(closest, edits);
    }
    if (closest > max) return max + 1;
    twoBack = previous;
    previous = current;
  }
  return Math.min(previous[b.length], max + 1);
}
