import { readFileSync } from "node:fs";
import path from "node:path";
import type { ImportInput, SourceFile, SourcePlace } from "../../src/lib/import/draft";
import type { Grid } from "../../src/lib/import/grid";

/** The spreadsheet fixtures' folder. */
export const SHEETS = "tests/fixtures/import/sheets";

/** A fixture of the sheets' folder as the importer is given it. */
export function sheetFile(name: string): SourceFile {
  const file = path.join(SHEETS, name);
  return { path: file, bytes: new Uint8Array(readFileSync(file)) };
}

/** One file as an import input. */
export function fileInput(file: SourceFile): ImportInput {
  return { path: file.path, isFolder: false, files: [file] };
}

/** `file:line:column`, to compare places. */
export { formatPlace as placeKey } from "../../src/lib/import/draft";

/**
 * The text of a delimited file from a place on (line and column in UTF-16 code units, without
 * a byte-order mark), to check that an item is the source's own text.
 */
export function textFrom(source: string, at: SourcePlace): string {
  const lines = source.replace(/^\uFEFF/, "").split(/(?<=\r\n|\n|\r(?!\n))/);
  return lines
    .slice(at.line - 1)
    .join("")
    .slice(at.column - 1);
}

/** Every non-empty cell of a grid, with its row and column in the grid. */
export function filledCells(grid: Grid) {
  return grid.rows.flatMap((row, r) =>
    row.map((cell, c) => ({ cell, row: r, column: c })).filter(({ cell }) => cell.text !== ""),
  );
}
