import type { Thread, ThreadForm } from "../compare/threads";
import type { WordChange } from "../compare/wordDiff";
import { plainText } from "../text/inlineMarkdown";
import type { Level } from "./buildHandbook";
import { levelInText } from "./levelName";

/** "IC5", "IC5 and IC6", "IC3, IC4 and IC5"; "levels 3 and 4" for codes that are bare numbers. */
export function inWords(levels: Pick<Level, "code">[]): string {
  const names = levels.map(levelInText);
  const bare = names.length > 1 && names.every((name) => name.startsWith("level "));
  const listed = bare ? names.map((name) => name.slice("level ".length)) : names;
  const joined =
    listed.length <= 1 ? (listed[0] ?? "") : `${listed.slice(0, -1).join(", ")} and ${listed.at(-1)}`;
  return bare ? `levels ${joined}` : joined;
}

/** Whether a step changes no word: the next level restates the form word for word. */
export function sameWords(diff: WordChange[]): boolean {
  return diff.every((part) => part.change === "same");
}

/** Whether a step keeps a word of the form before (a letter or digit, not only punctuation or space). */
function keepsWords(diff: WordChange[]): boolean {
  return diff.some((part) => part.change === "same" && /[\p{L}\p{N}]/u.test(part.value));
}

/**
 * Whether the older side of a step is worth showing beside the newer: it removes words and
 * keeps some. A form reworded whole is best read next to the form before it, which the page
 * shows anyway.
 */
export function removesWords(diff: WordChange[]): boolean {
  return diff.some((part) => part.change === "removed") && keepsWords(diff);
}

/**
 * Whether a form restates another by naming it rather than in words: "Same as L1.", "Same as
 * L3-L4", as rubric tables say of a cell that does not change. Its words are no change of the
 * form before, so no word of it is marked.
 */
export function refersBack(text: string): boolean {
  const plain = plainText(text).trim();
  return plain.length <= 40 && /^(the\s+)?same\s+as\b/iu.test(plain);
}

/**
 * How a later form of a thread is best shown: the word diff from the form before, when it
 * keeps some of its words; otherwise its own text as written (a form rewritten whole, or one
 * that restates another by reference), as marking every word would say nothing.
 */
export function showsDiff(form: Pick<ThreadForm, "behavior" | "step">): boolean {
  return form.step !== undefined && keepsWords(form.step.diff) && !refersBack(form.behavior.text);
}

/**
 * Where a thread stops rising, in words, as the growth page and the level pages say it;
 * undefined when it rises to the top level: "Stops rising at IC4: still expected at IC5 and
 * IC6" on a cumulative track, "Not listed above IC4" on another.
 */
export function threadEnd(thread: Thread): string | undefined {
  const { levels, held } = thread.after;
  if (levels.length === 0) return undefined;
  const last = levelInText(thread.lastRestated);
  return held ? `Stops rising at ${last}: still expected at ${inWords(levels)}` : `Not listed above ${last}`;
}
