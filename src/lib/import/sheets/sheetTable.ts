import {
  comparePlaces,
  excerpt,
  isMisfit,
  type DraftCategory,
  type DraftLevel,
  type DraftText,
  type Loss,
  type Misfit,
  type ShapeReading,
  type SourcePlace,
} from "../draft";
import type { Grid, GridCell } from "../grid";
import { headerText, isLevelHeader, readGridMatrix, type TitledGrid } from "../tables/gridMatrix";
import { cellWhat, columnLetters, shownFormula } from "./cellNames";
import { hasContent, type SheetCell } from "./readSheets";

/**
 * A sheet of levels × categories as people lay them out in spreadsheets, read by the table
 * reader every format shares ({@link readGridMatrix}) once the sheet's own furniture is told
 * apart: title rows above the table, an assessment template's columns and rows beside the
 * framework's texts.
 */

/** How far down a sheet the header row is looked for (titles and notes may stand above it). */
const HEADER_SEARCH_ROWS = 20;

/** Names spreadsheet programs give new sheets (`Sheet1`, `Hoja1`, `Feuil1`…): not a name a person chose. */
const DEFAULT_SHEET_NAME =
  /^(?:sheet|hoja|feuil(?:le)?|tabelle|foglio|planilha|folha|blad|ark|arkusz|list|лист|工作表)\s*\d+$/iu;

/** A value someone fills in rather than a text of the framework: a word or three, not a sentence. */
const SHORT_VALUE_MAX_WORDS = 3;

/** A label repeated under every level: a few words, not a sentence. */
const ROW_LABEL_MAX_WORDS = 4;

/** A cell with its row and column in the sheet's grid (0-based). */
interface PlacedCell {
  row: number;
  column: number;
  cell: GridCell;
}

/** Where the table of a sheet starts. */
interface Located {
  /** The header row's index: the first row naming two levels (or over a column naming two). */
  headerRow: number;
  /** Whether the header row names the levels (levels as columns). */
  levelsAcross: boolean;
}

function normalized(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

/** The index of the first column holding anything in the rows from `fromRow` on. */
function firstColumnFrom(grid: Grid, fromRow: number): number {
  let first = Infinity;
  for (const cells of grid.rows.slice(fromRow)) {
    const column = cells.findIndex((cell) => hasContent(cell));
    if (column !== -1) first = Math.min(first, column);
  }
  return Number.isFinite(first) ? first : 0;
}

/**
 * The header row of a sheet's table: the first of its top rows that holds two cells or more and
 * either names two levels or more (levels as columns) or heads a column naming two levels or
 * more (levels as rows). Rows above it are titles and notes.
 */
function locateTable(grid: Grid): Located | undefined {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < limit; row += 1) {
    const filled = grid.rows[row].filter((cell) => hasContent(cell));
    if (filled.length < 2) continue;
    const across = filled.filter((cell) => isLevelHeader(cell)).length;
    const firstColumn = firstColumnFrom(grid, row);
    const down = grid.rows.slice(row + 1).filter((cells) => isLevelHeader(cells[firstColumn])).length;
    if (across >= 2 || down >= 2) return { headerRow: row, levelsAcross: across >= 2 && across >= down };
  }
  return undefined;
}

/** The filled cells of a row, with their places in the grid. */
function filledCells(grid: Grid, row: number): PlacedCell[] {
  return grid.rows[row].map((cell, column) => ({ row, column, cell })).filter(({ cell }) => hasContent(cell));
}

/** What stands above a table: its title (a lone cell in the first row), its description (a lone cell in the next), the rest. */
interface Above {
  title?: PlacedCell;
  description?: PlacedCell;
  rest: PlacedCell[];
}

function readAbove(grid: Grid, headerRow: number): Above {
  const rows = Array.from({ length: headerRow }, (_, row) => filledCells(grid, row)).filter(
    (cells) => cells.length > 0,
  );
  const lone = (cells: PlacedCell[] | undefined) =>
    cells?.length === 1 && cells[0].cell.text !== "" ? cells[0] : undefined;
  const title = lone(rows[0]);
  const description = title && lone(rows[1]);
  const rest = rows.flat().filter((placed) => placed !== title && placed !== description);
  return { title, description, rest };
}

/** The text of a lone cell, as a draft takes it: the whole cell. */
function wholeText(cell: GridCell): DraftText {
  return { text: cell.text, at: cell.at };
}

/** The name a person gave the sheet, or the CSV file's name; none for a sheet named `Sheet1`. */
function tableName(grid: Grid): string | undefined {
  if (grid.name !== undefined) {
    const name = grid.name.trim();
    return name === "" || DEFAULT_SHEET_NAME.test(name) ? undefined : name;
  }
  const file = grid.at.file.replace(/^.*[/\\]/, "").replace(/\.[^.]*$/, "");
  return file === "" ? undefined : file;
}

/**
 * Whether a title names what its sheet is named for: the sheet's name, or a CSV file's name
 * (`Delivery.csv`, or `Book - Delivery.csv` as Google Sheets names a sheet it downloads).
 */
function titleNamesSheet(title: string, grid: Grid): boolean {
  const name = tableName(grid);
  if (name === undefined) return false;
  const key = normalized(title);
  return normalized(name) === key || (grid.name === undefined && normalized(name).endsWith(` - ${key}`));
}

function isShortValue(cell: GridCell): boolean {
  const sheetCell = cell as SheetCell;
  if (sheetCell.formula !== undefined || sheetCell.choices !== undefined) return true;
  return wordCount(cell.text) <= SHORT_VALUE_MAX_WORDS && !/[.!?]$/.test(cell.text);
}

/** Why a value beside the framework's texts is not taken: it is filled in for the person assessed, or computed. */
function assessedWhy(cell: GridCell, what: string): string {
  const { formula, choices } = cell as SheetCell;
  if (formula !== undefined)
    return `${what}: a result for the person assessed, computed by the formula ${shownFormula(formula)}, not part of the framework`;
  const chosen = choices ? `, chosen from ${choices.join(", ")}` : "";
  return `${what}: a value for the person assessed${chosen}, not part of the framework`;
}

/** A cell left empty in the copy of the table read, its place kept. */
function blank(cell: GridCell): GridCell {
  return { at: cell.at, text: "", items: [] };
}

/** The level of a draft named by a header cell. */
function levelNamed(levels: DraftLevel[], header: GridCell | undefined): DraftLevel | undefined {
  const name = headerText(header)?.text;
  return name === undefined
    ? undefined
    : levels.find((level) => normalized(level.heading.text) === normalized(name));
}

function samePlace(a: SourcePlace, b: SourcePlace): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

/**
 * Reads a sheet as a table of levels × categories, in either orientation, wherever it starts:
 *
 * - The header row is the first of the top rows that names two levels (`1/ Junior`, `IC3`,
 *   `Senior`…) or heads a column naming two; empty columns before the table are skipped. Above
 *   it, a lone cell in the first row is the title and a lone cell in the next its description:
 *   the category's title and description when the title is the sheet's name (or the CSV file's)
 *   and the table names no categories of its own (a sheet per category), otherwise the track's.
 *   Other cells above the table are losses.
 * - A column with no header of its own beside the level columns holds no level's texts: when
 *   every value in it is short (a word or three), chosen from a dropdown or computed by a
 *   formula, it is an assessment column (`Nope`, `Somewhat`, `Yes` for the person assessed) and
 *   each of its cells is a loss saying so; otherwise its cells are losses saying that nothing
 *   names what they hold.
 * - In a sheet whose header row names only levels (no column of categories): a row under the
 *   header set apart from the rows below by an empty row says what each level means for the
 *   sheet's category, which the model has no place for (a loss per cell), or, with no category,
 *   is each level's summary; a row holding the same short label under every level (`Level
 *   result`) labels an assessment's results, and its cells are losses.
 *
 * The rest is read by {@link readGridMatrix}, each cell's item a behavior of its level (and the
 * sheet's category). A sheet where no header row is found is read by it as it stands.
 */
export function readSheetTable(grid: Grid): ShapeReading | Misfit {
  const located = locateTable(grid);
  const headerRow =
    located?.headerRow ?? grid.rows.findIndex((cells) => cells.some((cell) => hasContent(cell)));
  if (headerRow === -1) return { misfit: "it has no cell with content" };
  const losses: Loss[] = [];
  const lose = ({ row, column, cell }: PlacedCell, why: string) =>
    losses.push({ at: cell.at, what: cellWhat(grid, row, column, cell), why });

  const above = readAbove(grid, headerRow);
  for (const placed of above.rest)
    lose(
      placed,
      `it is above the table's header row (row ${headerRow + 1}) and is neither the title (a lone cell in the first row) nor its description (a lone cell in the next)`,
    );

  // The table as read: from the header row down, from its first column with content across.
  const firstColumn = firstColumnFrom(grid, headerRow);
  const work: GridCell[][] = grid.rows.slice(headerRow).map((cells) => cells.slice(firstColumn));
  const inSheet = (row: number, column: number): PlacedCell => ({
    row: headerRow + row,
    column: firstColumn + column,
    cell: work[row][column],
  });
  const take = (row: number, column: number, why: string) => {
    lose(inSheet(row, column), why);
    work[row][column] = blank(work[row][column]);
  };
  const header = work[0];
  const width = work.reduce((widest, cells) => Math.max(widest, cells.length), 0);
  const columns = Array.from({ length: width }, (_, column) => column);
  const levelColumns = columns.filter((column) => isLevelHeader(header[column]));
  const levelsOnly = (located?.levelsAcross ?? false) && isLevelHeader(header[0]);
  const filledAt = (row: number, column: number) => hasContent(work[row]?.[column]);
  const headerName = (column: number) => headerText(header[column])?.text ?? "";
  const columnLetter = (column: number) => columnLetters(firstColumn + column);

  // A label repeated under every level, with the assessment's results beside it.
  if (levelsOnly && levelColumns.length >= 2) {
    for (let row = 1; row < work.length; row += 1) {
      const labels = levelColumns.map((column) => work[row][column]);
      const label = labels[0]?.text ?? "";
      const repeated =
        label !== "" &&
        labels.every((cell) => cell && normalized(cell.text) === normalized(label)) &&
        wordCount(label) <= ROW_LABEL_MAX_WORDS &&
        !/[.!?]$/.test(label);
      if (!repeated) continue;
      for (const column of columns.filter((column) => filledAt(row, column))) {
        const cell = work[row][column];
        take(
          row,
          column,
          levelColumns.includes(column)
            ? `"${excerpt(label)}" is written under every level alike: it labels a row of the assessment (its results), not a behavior of each level`
            : assessedWhy(cell, `beside the label "${excerpt(label)}"`),
        );
      }
    }
  }

  // The row under the header, set apart by an empty row: what each level means for the sheet's category.
  const descriptions: { column: number; placed: PlacedCell }[] = [];
  const levelRowFilled = (row: number) => levelColumns.some((column) => filledAt(row, column));
  const setApart =
    levelsOnly &&
    levelColumns.filter((column) => filledAt(1, column)).length >= 2 &&
    !levelRowFilled(2) &&
    work.slice(3).some((_, index) => levelRowFilled(3 + index));
  if (setApart) {
    for (const column of levelColumns.filter((column) => filledAt(1, column))) {
      descriptions.push({ column, placed: inSheet(1, column) });
      work[1][column] = blank(work[1][column]);
    }
  }

  // Columns without a header of their own (the first is the table's axis, whatever its corner says).
  for (const column of columns.slice(1)) {
    if (hasContent(header[column])) continue;
    const rows = work.map((_, row) => row).filter((row) => row > 0 && filledAt(row, column));
    if (rows.length === 0) continue;
    const labelled = columns
      .slice(0, column)
      .reverse()
      .find((other) => hasContent(header[other]));
    const beside =
      labelled === undefined
        ? ""
        : `, beside ${levelColumns.includes(labelled) ? "level" : "column"} "${excerpt(headerName(labelled))}"`;
    const assessment = rows.every((row) => isShortValue(work[row][column]));
    const axis = located?.levelsAcross === false ? "category" : "level";
    for (const row of rows) {
      take(
        row,
        column,
        assessment
          ? assessedWhy(
              work[row][column],
              `an assessment column (column ${columnLetter(column)}, with no header${beside})`,
            )
          : `column ${columnLetter(column)} has no header${beside}, so nothing says which ${axis} it holds`,
      );
    }
  }

  // The title names the table's category when it is the sheet's name; the sheet's name does when it is one a person chose.
  const titleText = above.title && wholeText(above.title.cell);
  const titleIsName = titleText !== undefined && titleNamesSheet(titleText.text, grid);
  const titled: TitledGrid = { at: grid.at, rows: work };
  if (titleIsName) titled.title = titleText;
  else if (grid.name !== undefined && tableName(grid) !== undefined) titled.name = grid.name;
  const reading = readGridMatrix(titled);
  if (isMisfit(reading)) {
    if (!located) return reading;
    return { misfit: `its header row (row ${headerRow + 1}) names levels, but ${reading.misfit}` };
  }
  const { draft } = reading;

  const titleCategory: DraftCategory | undefined = titleIsName
    ? draft.categories.find((category) => samePlace(category.at, titleText.at))
    : undefined;
  if (titleCategory) {
    if (above.description) titleCategory.description = wholeText(above.description.cell);
  } else if (titleText) {
    draft.title = titleText;
    if (above.description) draft.description = wholeText(above.description.cell);
  }

  // With no category of its own, the table's only category is the sheet's.
  const tableCategory = levelsOnly ? draft.categories[0] : undefined;
  for (const { column, placed } of descriptions) {
    const level = levelNamed(draft.levels, header[column]);
    const levelName = level?.heading.text ?? headerName(column);
    if (tableCategory) {
      lose(
        placed,
        `a description of category "${excerpt(tableCategory.text)}" at level "${excerpt(levelName)}": the model has no place for it (a category has one description, a level one summary)`,
      );
    } else if (level && !level.summary) {
      level.summary = wholeText(placed.cell);
    } else {
      lose(placed, `level "${excerpt(levelName)}" already has a summary`);
    }
  }

  const all = [...losses, ...reading.losses].sort((a, b) => comparePlaces(a.at, b.at));
  return { draft, losses: all, warnings: reading.warnings, held: reading.held };
}
