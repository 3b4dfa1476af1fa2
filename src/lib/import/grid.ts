import type { DraftText, SourcePlace } from "./draft";

/**
 * One cell of a table or sheet. A cell may hold several items (behaviors on lines of their
 * own, split by `<br>`, list items, paragraphs): each keeps its text verbatim and its place.
 */
export interface GridCell {
  at: SourcePlace;
  /** The whole cell as written (trimmed), for headers and messages. */
  text: string;
  /** Its items, in order; none for an empty cell. */
  items: DraftText[];
}

/**
 * A table of a page or a sheet of a workbook, read into rows of cells, whatever its format:
 * Markdown and HTML tables and CSV, TSV and XLSX sheets all become grids, and one set of
 * readers (levels × categories in either orientation, one behavior per row) reads them all.
 */
export interface Grid {
  /** Where the table starts. */
  at: SourcePlace;
  /** A sheet's name, or the heading above a table. */
  name?: string;
  /** Rows in order; a row may be shorter than others (missing cells are empty). */
  rows: GridCell[][];
}
