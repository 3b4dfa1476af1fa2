import { toMarkdown } from "mdast-util-to-markdown";
import { parse, type CastingContext } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { decodeText, type DraftText, type Misfit, type SourceFile, type SourcePlace } from "../draft";
import type { Grid, GridCell } from "../grid";
import { cellItems } from "./cellItems";

/** The spreadsheet formats Ladder reads (and, but for TSV, writes). */
export type SheetFormat = "csv" | "tsv" | "xlsx";

/**
 * A cell of a workbook, with what tells a computed or chosen value from a text someone wrote:
 * assessment templates beside a framework's texts hold dropdowns and formulas, which readers
 * report as what they are instead of reading them as behaviors.
 */
export interface SheetCell extends GridCell {
  /** The formula that computes the cell's value (without its `=`); the cell's text is its saved result, if any. */
  formula?: string;
  /** The values a dropdown (a list validation) offers in this cell. */
  choices?: string[];
}

/** Whether a cell holds anything: a text, or a formula whose result was not saved. */
export function hasContent(cell: GridCell | undefined): cell is GridCell {
  return cell !== undefined && (cell.text !== "" || (cell as SheetCell).formula !== undefined);
}

/**
 * Reads a spreadsheet file into grids, one per sheet with content (a CSV or TSV file is one),
 * each cell's text as written and its items (see `cellItems`) each with its place: for CSV and
 * TSV the line and column in the file where the item starts (so an editor jumps to it), for
 * XLSX the cell's row and column number. A file that is not of the format says why instead.
 */
export async function readSheets(file: SourceFile, format: SheetFormat): Promise<Grid[] | Misfit> {
  return format === "xlsx" ? readWorkbook(file) : readDelimited(file, format === "tsv" ? "\t" : ",");
}

/**
 * Finds the line and column of a byte offset of a UTF-8 text, the column counted in UTF-16 code
 * units as JavaScript and most editors count (and as Ladder reports places in JSON files).
 */
function placeFinder(file: string, bytes: Uint8Array): (offset: number) => SourcePlace {
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) lineStarts.push(i + 1);
  }
  const decoder = new TextDecoder();
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    const column = decoder.decode(bytes.subarray(lineStarts[low], offset)).length + 1;
    return { file, line: low + 1, column };
  };
}

/** Where csv-parse found one field: the byte offset of what follows it, and whether it was quoted. */
interface FieldEnd {
  end: number;
  quoted: boolean;
}

/**
 * A CSV or TSV file as one grid. csv-parse reads it (quotes as CSV says, records on lines of
 * any ending, rows of any length; a CSV whose first line has semicolons and no comma is
 * separated by semicolons). Each field starts where the one before it ended (or where its
 * record starts), which csv-parse reports as a byte offset, so a cell's items get their lines
 * and columns even inside quoted cells that span lines. A byte-order mark is dropped.
 */
function readDelimited(file: SourceFile, separator: "," | "\t"): Grid[] | Misfit {
  const kind = separator === "," ? "CSV" : "TSV";
  const text = decodeText(file);
  if (text === undefined) return { misfit: `${file.path} is not UTF-8 text (save it as ${kind} UTF-8)` };
  // Spreadsheet programs set to languages that write decimal commas save CSV with semicolons:
  // a first line with semicolons and no comma says so.
  const firstLine = /^[^\r\n]*/.exec(text)![0];
  const delimiter =
    separator === "," && firstLine.includes(";") && !firstLine.includes(",") ? ";" : separator;
  const bytes = new TextEncoder().encode(text);
  const placeOf = placeFinder(file.path, bytes);
  const fields: FieldEnd[][] = [[]];
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(Buffer.from(bytes), {
      delimiter,
      info: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Called once per field, in order; a record's first field starts a new list. `bytes` (where
      // the field ends) is in the context csv-parse passes, though its types leave it out.
      cast(value: string, context: CastingContext) {
        const { bytes: end } = context as CastingContext & { bytes: number };
        if (context.index === 0 && fields[fields.length - 1].length > 0) fields.push([]);
        fields[fields.length - 1].push({ end, quoted: context.quoting });
        return value;
      },
    }) as unknown as { record: string[]; info: { bytes: number } }[];
  } catch (error) {
    return { misfit: `${file.path} is not ${kind}: ${(error as Error).message}` };
  }
  const rows: GridCell[][] = [];
  let recordStart = 0;
  records.forEach(({ record, info }, index) => {
    const ends = fields[index] ?? [];
    let fieldStart = recordStart;
    rows.push(
      record.map((value, column) => {
        const quoted = ends[column]?.quoted ?? false;
        const contentStart = fieldStart + (quoted ? 1 : 0);
        fieldStart = (ends[column]?.end ?? fieldStart) + 1;
        return delimitedCell(value, quoted, contentStart, placeOf);
      }),
    );
    recordStart = info.bytes;
  });
  // A blank line is a record of one empty field: an empty row, as a spreadsheet shows it.
  const grid: Grid = {
    at: { file: file.path, line: 1, column: 1 },
    rows: rows.map((row) => (row.every((cell) => cell.text === "") ? [] : row)),
  };
  return [grid];
}

/**
 * A cell of a CSV or TSV file. Its value is the field as csv-parse gives it (quotes removed,
 * `""` read as `"`); an offset in it maps back to the file by adding the escaping quotes before it.
 */
function delimitedCell(
  value: string,
  quoted: boolean,
  contentStart: number,
  placeOf: (offset: number) => SourcePlace,
): GridCell {
  const encoder = new TextEncoder();
  const sourceOffset = (offset: number) => {
    const before = value.slice(0, offset);
    const escapes = quoted ? before.split('"').length - 1 : 0;
    return contentStart + encoder.encode(before).length + escapes;
  };
  const leading = value.length - value.trimStart().length;
  const items: DraftText[] = cellItems(value).map((item) => ({
    text: item.text,
    at: placeOf(sourceOffset(item.offset)),
  }));
  return { at: placeOf(sourceOffset(leading)), text: value.trim(), items };
}

/** The text a workbook cell shows for its value: rich text joined, a formula's result, a link as Markdown. */
function valueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) {
    const text = valueText(value.text as ExcelJS.CellValue);
    // A link to the web keeps where it leads, as the inline Markdown the model holds; a link
    // within the workbook (`#Sheet!A1`) is the workbook's own navigation.
    if (!/^(https?:|mailto:)/i.test(value.hyperlink)) return text;
    return toMarkdown({
      type: "link",
      url: value.hyperlink,
      children: [{ type: "text", value: text }],
    }).trim();
  }
  if ("formula" in value || "sharedFormula" in value) return valueText(value.result as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return "";
}

/** The formula of a workbook cell (shared formulas resolved by exceljs), if it has one. */
function formulaOf(cell: ExcelJS.Cell): string | undefined {
  if (cell.type !== ExcelJS.ValueType.Formula) return undefined;
  const formula = cell.formula;
  return typeof formula === "string" && formula !== "" ? formula : undefined;
}

/** The values a dropdown offers: a list validation written out (`"Nope,Somewhat,Yes"`), not a range. */
function choicesOf(cell: ExcelJS.Cell): string[] | undefined {
  const validation = cell.dataValidation;
  if (validation?.type !== "list") return undefined;
  const [list] = validation.formulae ?? [];
  const written = typeof list === "string" ? /^"([\s\S]*)"$/.exec(list) : null;
  if (!written) return undefined;
  return written[1].split(",").map((choice) => choice.trim());
}

/** A cell read from a workbook, before it is placed in its grid. */
interface WorkbookCell {
  row: number;
  column: number;
  text: string;
  formula?: string;
  choices?: string[];
}

/**
 * Every sheet of an XLSX workbook that has content, as a grid each, read with exceljs. Rows and
 * columns keep their numbers (row 3 is `rows[2]`, column C is a row's `[2]`), so a cell is named
 * as the spreadsheet names it. The cells a merged cell covers are left empty: the merged cell
 * holds the text once. A formula's cell holds its saved result and the formula (a formula whose
 * result was not saved is a cell with no text but its formula), a dropdown's cell its choices
 * (see {@link SheetCell}). When several sheets have content, places name the sheet:
 * `book.xlsx#Sheet2`.
 */
async function readWorkbook(file: SourceFile): Promise<Grid[] | Misfit> {
  // An XLSX file is a ZIP archive, which starts with "PK".
  if (file.bytes[0] !== 0x50 || file.bytes[1] !== 0x4b) {
    return { misfit: `${file.path} is not an XLSX workbook (it is not a ZIP archive)` };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    return { misfit: `${file.path} is not an XLSX workbook: ${(error as Error).message}` };
  }
  const sheets: { name: string; cells: WorkbookCell[] }[] = [];
  workbook.eachSheet((sheet) => {
    const cells: WorkbookCell[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const text = valueText(cell.value);
        const formula = formulaOf(cell);
        if (text.trim() === "" && formula === undefined) return;
        const choices = choicesOf(cell);
        cells.push({
          row: rowNumber,
          column: columnNumber,
          text,
          ...(formula !== undefined && { formula }),
          ...(choices && { choices }),
        });
      });
    });
    if (cells.length > 0) sheets.push({ name: sheet.name, cells });
  });
  if (sheets.length === 0) return { misfit: `${file.path} has no sheet with content` };
  return sheets.map(({ name, cells }) => {
    const sheetFile = sheets.length > 1 ? `${file.path}#${name}` : file.path;
    const rows: GridCell[][] = [];
    const last = (list: GridCell[][] | GridCell[], upTo: number, fill: (index: number) => void) => {
      while (list.length < upTo) fill(list.length);
    };
    for (const { row, column, text, formula, choices } of cells) {
      last(rows, row, () => rows.push([]));
      const cellsOfRow = rows[row - 1];
      last(cellsOfRow, column - 1, (index) =>
        cellsOfRow.push({ at: { file: sheetFile, line: row, column: index + 1 }, text: "", items: [] }),
      );
      const at = { file: sheetFile, line: row, column };
      const cell: SheetCell = {
        at,
        text: text.trim(),
        items: cellItems(text).map((item) => ({ text: item.text, at })),
        ...(formula !== undefined && { formula }),
        ...(choices && { choices }),
      };
      cellsOfRow.push(cell);
    }
    const first = cells[0];
    return { at: { file: sheetFile, line: first.row, column: first.column }, name, rows };
  });
}
