/**
 * The items of one spreadsheet cell: the behaviors (or examples) it holds, each verbatim with
 * where it starts in the cell. Shared by every sheet format, so a CSV cell and an XLSX cell
 * with the same text give the same items.
 *
 * The rule: a cell is one item, its whole text (trimmed), unless its lines are separate items:
 * - when every non-blank line starts with a list marker (`- `, `* `, `• `, `◦ `, `▪ `, `– `),
 *   each line is an item, its marker consumed (a single marked line too: `- Mentors` is `Mentors`);
 * - when it has several non-blank lines that each read as a sentence of their own: every line
 *   starts with a capital letter, a digit or inline Markdown (`**`, `_`, `[`, a backtick, a
 *   quote), and no line but the last ends mid-sentence (with `,` `:` `;` `-` `–` `—` `(` `/`
 *   `&` or `and`/`or`). A line that starts in lower case, or follows a line ending mid-sentence,
 *   continues the line before: then the cell is one item, its line breaks kept.
 */

/** A list marker that starts a line of a cell, with the space after it. */
const MARKER = /^[-*•◦▪–]\s+/u;

/** How a line that stands as a sentence of its own starts. */
const STARTS_ITEM = /^(?:\p{Lu}|\p{N}|\*\*|_|\[|`|["“'‘])/u;

/** How a line ends when its sentence goes on in the next line. */
const ENDS_MID_SENTENCE = /(?:[,:;\-–—(/&]|\b(?:and|or))$/u;

/** An item of a cell: its text, and where it starts in the cell's value (UTF-16 offset). */
export interface CellItem {
  text: string;
  offset: number;
}

/** One non-blank line of a cell, trimmed, with the offset of its first character in the value. */
interface CellLine {
  text: string;
  offset: number;
}

function nonBlankLines(value: string): CellLine[] {
  const lines: CellLine[] = [];
  const pattern = /[^\r\n]+/g;
  for (let found = pattern.exec(value); found; found = pattern.exec(value)) {
    const text = found[0].trim();
    if (text.length === 0) continue;
    lines.push({ text, offset: found.index + (found[0].length - found[0].trimStart().length) });
  }
  return lines;
}

/** Whether a cell's lines are separate items, by the rule of this module. */
function linesAreSeparate(lines: CellLine[]): "marked" | "sentences" | false {
  if (lines.every((line) => MARKER.test(line.text))) return "marked";
  if (lines.length < 2) return false;
  const sentences =
    lines.every((line) => STARTS_ITEM.test(line.text)) &&
    lines.slice(0, -1).every((line) => !ENDS_MID_SENTENCE.test(line.text));
  return sentences ? "sentences" : false;
}

/** The items of a cell's value, by the rule of this module; none for an empty cell. */
export function cellItems(value: string): CellItem[] {
  const lines = nonBlankLines(value);
  if (lines.length === 0) return [];
  const separate = linesAreSeparate(lines);
  if (separate === "marked") {
    return lines.map((line) => {
      const marker = MARKER.exec(line.text)![0].length;
      return { text: line.text.slice(marker), offset: line.offset + marker };
    });
  }
  if (separate === "sentences") return lines.map((line) => ({ text: line.text, offset: line.offset }));
  const start = value.length - value.trimStart().length;
  return [{ text: value.trim(), offset: start }];
}
