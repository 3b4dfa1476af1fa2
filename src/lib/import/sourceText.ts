import type { SourcePlace } from "./draft";

/**
 * Places in one source text from character offsets, the way every text reader of the importer
 * reports them: the line, and the column as characters from the line's start plus one. Syntax
 * trees count a tab as several columns; offsets do not, so every place of a table, a cell and
 * an item is computed here, from offsets, and agrees with the text sliced at them.
 */
export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    const lineEnd = /\r\n?|\n/g;
    let match: RegExpExecArray | null;
    while ((match = lineEnd.exec(text))) this.lineStarts.push(match.index + match[0].length);
  }

  /** The place of the character at `offset`. */
  placeAt(offset: number): SourcePlace {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { file: this.file, line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  /** The offset of a place of this text (the inverse of {@link placeAt}). */
  offsetOf(place: SourcePlace): number {
    return this.lineStarts[place.line - 1] + place.column - 1;
  }

  /** The first offset at or after `offset` that is not white space (or `end`). */
  skipSpace(offset: number, end = this.text.length): number {
    let at = offset;
    while (at < end && /\s/.test(this.text[at])) at++;
    return at;
  }
}
