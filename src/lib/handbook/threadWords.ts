import type { Thread } from "../compare/threads";
import type { WordChange } from "../compare/wordDiff";

/** "IC5", "IC5 and IC6", "IC3, IC4 and IC5". */
export function inWords(codes: string[]): string {
  return codes.length <= 1 ? (codes[0] ?? "") : `${codes.slice(0, -1).join(", ")} and ${codes.at(-1)}`;
}

/** Whether a step changes no word: the next level restates the form word for word. */
export function sameWords(diff: WordChange[]): boolean {
  return diff.every((part) => part.change === "same");
}

/**
 * Whether the older side of a step is worth showing beside the newer: it removes words and
 * keeps some (a letter or digit, not only punctuation). A form reworded whole is best read
 * next to the form before it, which the page shows anyway.
 */
export function removesWords(diff: WordChange[]): boolean {
  return (
    diff.some((part) => part.change === "removed") &&
    diff.some((part) => part.change === "same" && /[\p{L}\p{N}]/u.test(part.value))
  );
}

/**
 * Where a thread stops rising, in words, as the growth page and the level pages say it;
 * undefined when it rises to the top level: "Stops rising at IC4: still expected at IC5 and
 * IC6" on a cumulative track, "Not listed above IC4" on another.
 */
export function threadEnd(thread: Thread): string | undefined {
  const { levels, held } = thread.after;
  if (levels.length === 0) return undefined;
  const last = thread.lastRestated.code;
  return held
    ? `Stops rising at ${last}: still expected at ${inWords(levels.map((level) => level.code))}`
    : `Not listed above ${last}`;
}
