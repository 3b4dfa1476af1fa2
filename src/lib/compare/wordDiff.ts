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

/** A stretch of a diff: text both share, or one change (what was removed and what was added). */
type Stretch = { same: string } | { removed: string; added: string };

/**
 * The word-level difference between two texts, in reading order: unchanged runs, and between
 * them what was removed followed by what was added. Every piece is a slice of its text, so the
 * unchanged and removed pieces joined give `older` and the unchanged and added pieces `newer`,
 * character for character.
 *
 * jsdiff's `diffWords` is not used because it drops or moves whitespace at the edges of a
 * change. Here the tokens are compared exactly with `diffArrays`; then, as diff-match-patch's
 * semantic cleanup does, a shared run no longer than the changes on both sides of it (a space,
 * "and", "with") is folded into them, so a rewritten sentence reads as one change rather than
 * many small ones around words that merely happen to recur.
 */
export function wordDiff(older: string, newer: string): WordChange[] {
  const stretches: Stretch[] = [];
  for (const part of diffArrays(wordTokens(older), wordTokens(newer))) {
    const value = part.value.join("");
    const last = stretches.at(-1);
    if (!part.added && !part.removed) stretches.push({ same: value });
    else if (last && !("same" in last)) last[part.added ? "added" : "removed"] += value;
    else stretches.push(part.added ? { removed: "", added: value } : { removed: value, added: "" });
  }
  const size = (change: Stretch) =>
    "same" in change ? 0 : Math.max(change.removed.length, change.added.length);
  for (let index = 1; index < stretches.length - 1; index++) {
    const [before, shared, after] = stretches.slice(index - 1, index + 2);
    if (!("same" in shared) || "same" in before || "same" in after) continue;
    if (shared.same.length > Math.min(size(before), size(after))) continue;
    stretches.splice(index - 1, 3, {
      removed: before.removed + shared.same + after.removed,
      added: before.added + shared.same + after.added,
    });
    // The merged change is larger: the shared run before it may now fold too.
    index = Math.max(0, index - 3);
  }
  return stretches.flatMap((stretch): WordChange[] =>
    "same" in stretch
      ? [{ value: stretch.same, change: "same" }]
      : [
          ...(stretch.removed ? [{ value: stretch.removed, change: "removed" as const }] : []),
          ...(stretch.added ? [{ value: stretch.added, change: "added" as const }] : []),
        ],
  );
}

/** The text one side of a diff stands for: `older` from the unchanged and removed pieces, `newer` from the unchanged and added ones. */
export function diffSide(diff: WordChange[], side: "older" | "newer"): WordChange[] {
  return diff.filter((part) => part.change !== (side === "older" ? "added" : "removed"));
}
