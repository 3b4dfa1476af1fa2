import { excerpt } from "../draft";
import type { Grid, GridCell } from "../grid";
import type { SheetCell } from "./readSheets";

/** How long a formula may be in a message before it is cut. */
const FORMULA_SHOWN = 40;

/** A1-style name of a cell of a grid (0-based row and column): `C7`. */
export function cellName(row: number, column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** A column's letters: `C`. */
export function columnLetters(column: number): string {
  return cellName(0, column).replace(/\d+$/, "");
}

/**
 * How a spreadsheet names a cell of a grid: `C7`, or `Delivery!C7` (`'Know-how'!C7`) when the
 * places name the sheet, as they do in a workbook of several sheets, so a person finds the cell
 * the way their spreadsheet program names it.
 */
export function cellReference(grid: Grid, row: number, column: number): string {
  const name = cellName(row, column);
  if (grid.name === undefined || !grid.at.file.endsWith(`#${grid.name}`)) return name;
  const sheet = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(grid.name)
    ? grid.name
    : `'${grid.name.replaceAll("'", "''")}'`;
  return `${sheet}!${name}`;
}

/** A formula as a message shows it: `=SUM(E8:E11)`, cut when long. */
export function shownFormula(formula: string): string {
  return formula.length > FORMULA_SHOWN ? `=${formula.slice(0, FORMULA_SHOWN)}…` : `=${formula}`;
}

/** How a loss names a cell: `cell Delivery!C7 "Nope"`, or by its formula when no result of it is saved. */
export function cellWhat(grid: Grid, row: number, column: number, cell: GridCell): string {
  const { formula } = cell as SheetCell;
  const shown = cell.text !== "" ? `"${excerpt(cell.text)}"` : `(${shownFormula(formula ?? "")})`;
  return `cell ${cellReference(grid, row, column)} ${shown}`;
}
