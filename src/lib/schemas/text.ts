import { z, type RefinementCtx } from "astro/zod";

/**
 * Characters that take no room: text made only of them (and white space) looks empty, and two
 * names that differ only by them look the same.
 */
export const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/gu;

/** How a character is named in messages: U+0007. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * The first character of `text` that no page can show: a control character other than tab and
 * line breaks (NUL, U+0007 …, which HTML forbids and terminals obey), or half of a surrogate
 * pair (a JSON escape such as "\ud800" alone), which is no character at all. Undefined when
 * there is none. `index` counts UTF-16 code units from 0.
 */
export function unshowableCharacter(text: string): { char: string; index: number; what: string } | undefined {
  const found = /(?![\t\n\r])\p{Cc}|\p{Cs}/u.exec(text);
  if (!found) return undefined;
  const what = /\p{Cc}/u.test(found[0])
    ? "a control character"
    : "half of a character (a lone surrogate, as a JSON escape such as \\ud800 alone writes)";
  return { char: found[0], index: found.index, what };
}

/** The problem with text that holds an {@link unshowableCharacter}, for a field of a data file. */
function addUnshowableIssue(text: string, context: RefinementCtx): boolean {
  const found = unshowableCharacter(text);
  if (!found) return false;
  context.addIssue({
    code: "custom",
    message: `contains ${codePoint(found.char)}, ${found.what}, at character ${found.index + 1}: remove it`,
  });
  return true;
}

/** Any text a page or a message may show: every character must be showable. */
export const showableTextSchema = z
  .string({ invalid_type_error: "must be a string" })
  .superRefine((text, context) => void addUnshowableIssue(text, context));

/**
 * Text from the source, kept verbatim: nothing is trimmed or changed. It must show something
 * (white space and zero-width characters alone look empty), start and end with what it says,
 * and hold no character a page cannot show. Every text field of the data is checked by it.
 */
export const textSchema = z
  .string({ invalid_type_error: "must be a string" })
  .superRefine((text, context) => {
    if (addUnshowableIssue(text, context)) return;
    const visible = text.replace(ZERO_WIDTH, "").trim();
    if (visible.length === 0) {
      const invisible = [...new Set(text.match(ZERO_WIDTH) ?? [])].map(codePoint);
      context.addIssue({
        code: "custom",
        message:
          invisible.length > 0
            ? `must not be empty: it holds only invisible characters (${invisible.join(", ")}): write the text`
            : "must not be empty",
      });
    } else if (text.trim() !== text) {
      context.addIssue({ code: "custom", message: "must not start or end with white space: remove it" });
    }
  });

/**
 * What two names have in common when they look the same: the same letters however composed
 * (NFC: "é" as one character or as "e" and an accent), without zero-width characters.
 */
export function lookAlikeKey(text: string): string {
  return text.normalize("NFC").replace(ZERO_WIDTH, "");
}

/**
 * The characters each of two texts has that the other lacks, as code points: how two names
 * that look alike differ. `["U+0065 U+0301", "U+00E9"]` for "é" decomposed and composed.
 */
export function differingCharacters(a: string, b: string): [string, string] {
  const without = (from: string, other: string) => {
    const rest = [...other];
    return [...from].filter((char) => {
      const at = rest.indexOf(char);
      if (at === -1) return true;
      rest.splice(at, 1);
      return false;
    });
  };
  const names = (chars: string[]) => chars.map(codePoint).join(" ") || "nothing";
  return [names(without(a, b)), names(without(b, a))];
}
