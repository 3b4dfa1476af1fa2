import { diffArrays } from "diff";

/** A run of words that both texts share, or that only the older or only the newer has. */
export interface WordChange {
  value: string;
  change: "same" | "removed" | "added";
}

const segmenter = new Intl.Segmenter("en", { granularity: "word" });
const whitespace = /^\s+$/u;

/**
 * Splits a text into words, punctuation marks and runs of whitespace, exactly as written: the
 * tokens joined give the text back. Unicode word boundaries (`Intl.Segmenter`) keep non-Latin
 * words, numbers such as "3.5" and emoji whole.
 */
export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const last = tokens.length - 1;
    // The segmenter splits "\n  " into several segments; one run of whitespace is one token.
    if (last >= 0 && whitespace.test(segment) && whitespace.test(tokens[last])) tokens[last] += segment;
    else tokens.push(segment);
  }
  return tokens;
}

/**
 * The word-level difference between two texts, in reading order: unchanged runs, and between
 * them what was removed followed by what was added. Every piece is a slice of its text, so the
 * unchanged and removed pieces joined give `older` and the unchanged and added pieces `newer`,
 * character for character.
 *
 * jsdiff's `diffWords` is not used because it drops or moves whitespace at the edges of a
 * change. Here the tokens are compared exactly with `diffArrays`, and a shared run of nothing
 * but whitespace between two changes is folded into them, so "a b" → "c d" reads as one change
 * rather than two around a kept space.
 */
export function wordDiff(older: string, newer: string): WordChange[] {
  const parts = diffArrays(wordTokens(older), wordTokens(newer));
  const result: WordChange[] = [];
  let removed = "";
  let added = "";
  const flushChange = () => {
    if (removed) result.push({ value: removed, change: "removed" });
    if (added) result.push({ value: added, change: "added" });
    removed = added = "";
  };
  parts.forEach((part, index) => {
    const value = part.value.join("");
    if (part.removed) removed += value;
    else if (part.added) added += value;
    else if (whitespace.test(value) && (removed || added) && index < parts.length - 1) {
      removed += value;
      added += value;
    } else {
      flushChange();
      result.push({ value, change: "same" });
    }
  });
  flushChange();
  return result;
}

/** The text one side of a diff stands for: `older` from the unchanged and removed pieces, `newer` from the unchanged and added ones. */
export function diffSide(diff: WordChange[], side: "older" | "newer"): WordChange[] {
  return diff.filter((part) => part.change !== (side === "older" ? "added" : "removed"));
}
