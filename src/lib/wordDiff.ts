import { diffWords } from "diff";

/** A run of words that both texts share, or that only the older or only the newer has. */
export interface WordChange {
  value: string;
  change: "same" | "removed" | "added";
}

/** The word-level difference between two texts (jsdiff's `diffWords`), in reading order. */
export function wordDiff(older: string, newer: string): WordChange[] {
  return diffWords(older, newer).map((part) => ({
    value: part.value,
    change: part.added ? "added" : part.removed ? "removed" : "same",
  }));
}
