import {
  draftPlaces,
  emptyDraft,
  excerpt,
  formatPlace,
  isMisfit,
  type DraftGroup,
  type DraftText,
  type DraftTrack,
  type HeldPlace,
  type ImportInput,
  type Loss,
  type Misfit,
  type Shape,
  type ShapeReading,
  type SourcePlace,
} from "../draft";
import type { Grid } from "../grid";
import { readGridRows } from "../sheets/gridRows";
import { hasContent, readSheets, type SheetCell, type SheetFormat } from "../sheets/readSheets";
import { cellWhat, shownFormula } from "../sheets/cellNames";
import { readSheetTable } from "../sheets/sheetTable";

/** The file names each spreadsheet format is read from. */
const EXTENSIONS: Record<SheetFormat, RegExp> = {
  csv: /\.csv$/i,
  tsv: /\.(?:tsv|tab)$/i,
  xlsx: /\.(?:xlsx|xlsm)$/i,
};

/** A sheet's reading. */
export type SheetReading = ShapeReading;

/** The ways a grid is read, in order: when several fit, the one that loses fewest cells wins. */
const GRID_READERS: { name: string; read(grid: Grid): SheetReading | Misfit }[] = [
  { name: "one behavior per row", read: readGridRows },
  { name: "levels × categories", read: readSheetTable },
];

/**
 * Reads one grid as one behavior per row when a header row names its columns (a level column
 * and a text column: then the sheet says how to read it, and a column it does not name is
 * reported, never read as a category); otherwise as levels × categories. When neither fits,
 * each reader's reason in turn.
 */
function readGrid(grid: Grid): SheetReading | Misfit {
  const readings: (SheetReading | Misfit)[] = [];
  for (const reader of GRID_READERS) {
    const reading = reader.read(grid);
    if (!isMisfit(reading)) return reading;
    readings.push(
      reading.misfit.startsWith(`${reader.name}: `)
        ? reading
        : { misfit: `${reader.name}: ${reading.misfit}` },
    );
  }
  return { misfit: readings.map((reading) => (reading as Misfit).misfit).join("; ") };
}

/** Compares names as a reader would: case and runs of spaces do not count. */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** A draft of several sheets, with the items of later sheets that name or say again what an earlier one did. */
interface Merged {
  draft: DraftTrack;
  held: HeldPlace[];
  losses: Loss[];
}

/**
 * Several sheets (or files) read as one track: levels named alike are one level, categories
 * named alike one category, and the first title, description and shared section's title stand.
 * What a later sheet says again is held (a level, a category named again; a summary, a fact, a
 * description written alike); what it says otherwise is lost, naming where it was said first.
 */
function mergeDrafts(drafts: DraftTrack[]): Merged {
  const held: HeldPlace[] = [];
  const losses: Loss[] = [];
  if (drafts.length === 1) return { draft: drafts[0], held, losses };
  const merged = emptyDraft();
  const where = (at: SourcePlace) => `${at.file.replace(/^.*#/, "sheet ")} row ${at.line}`;
  /** A text said once of something: the first stands, the same again is held, another is lost. */
  const once = (
    first: DraftText | undefined,
    again: DraftText | undefined,
    of: string,
  ): DraftText | undefined => {
    if (!again) return first;
    if (!first) return again;
    if (formatPlace(first.at) === formatPlace(again.at)) return first;
    if (first.text === again.text) held.push({ at: again.at, as: `${of}, given again` });
    else
      losses.push({
        at: again.at,
        what: `${of} "${excerpt(again.text)}"`,
        why: `${of} is already given (${where(first.at)}): it has one`,
      });
    return first;
  };
  for (const draft of drafts) {
    merged.title = once(merged.title, draft.title, "the track's title");
    merged.description = once(merged.description, draft.description, "the track's description");
    for (const category of draft.categories) {
      const same = merged.categories.find((other) => nameKey(other.text) === nameKey(category.text));
      if (!same) {
        merged.categories.push(category);
        continue;
      }
      if (formatPlace(same.at) !== formatPlace(category.at))
        held.push({ at: category.at, as: `category "${excerpt(same.text)}", named again` });
      same.description = once(
        same.description,
        category.description,
        `category "${excerpt(same.text)}"'s description`,
      );
    }
    if (draft.shared) {
      if (merged.shared) {
        if (formatPlace(merged.shared.title.at) !== formatPlace(draft.shared.title.at))
          held.push({ at: draft.shared.title.at, as: "the shared expectations, named again" });
        mergeGroups(merged.shared.groups, draft.shared.groups);
      } else merged.shared = { title: draft.shared.title, groups: [...draft.shared.groups] };
    }
    for (const level of draft.levels) {
      const same = merged.levels.find((other) => nameKey(other.heading.text) === nameKey(level.heading.text));
      if (!same) {
        merged.levels.push({ ...level, groups: [...level.groups], facts: [...level.facts] });
        continue;
      }
      const name = `level "${excerpt(same.heading.text)}"`;
      if (formatPlace(same.heading.at) !== formatPlace(level.heading.at))
        held.push({ at: level.heading.at, as: `${name}, named again` });
      mergeGroups(same.groups, level.groups);
      same.summary = once(same.summary, level.summary, `${name}'s summary`);
      for (const fact of level.facts) {
        const given = same.facts.find((other) => other.label === fact.label);
        if (!given) same.facts.push(fact);
        else if (given.value === fact.value)
          held.push({ at: fact.at, as: `${name}'s "${fact.label}", given again` });
        else
          losses.push({
            at: fact.at,
            what: `${name}'s "${fact.label}" "${excerpt(fact.value)}"`,
            why: `${name}'s "${fact.label}" is already given as "${excerpt(given.value)}" (${where(given.at)}): a level has one`,
          });
      }
    }
    merged.prose.push(...draft.prose);
    merged.cumulative ??= draft.cumulative;
  }
  return { draft: merged, held, losses };
}

/** Adds groups to a level's groups: behaviors of a category it has already join that category's group. */
function mergeGroups(into: DraftGroup[], groups: DraftGroup[]): void {
  for (const group of groups) {
    const key = group.category && nameKey(group.category.text);
    const same = into.find((other) => (other.category && nameKey(other.category.text)) === key);
    if (same) same.behaviors.push(...group.behaviors);
    else into.push({ ...group, behaviors: [...group.behaviors] });
  }
}

/**
 * Every cell with content of a grid none of the readers fits, as losses saying why: the
 * readers' reasons, or, for a sheet that computes with formulas (an assessment's score), that
 * it is a calculation rather than a part of the framework.
 */
function gridLosses(grid: Grid, label: string, misfit: string): Loss[] {
  const formulas = grid.rows.flat().filter((cell) => (cell as SheetCell).formula !== undefined).length;
  const why =
    formulas === 0
      ? `${label} fits no way of reading a sheet: ${misfit}`
      : `${label} holds calculations (${formulas} formulas) and no table of levels, so it is not part of the framework (${misfit})`;
  return grid.rows.flatMap((row, r) =>
    row.flatMap((cell, c) => {
      if (!hasContent(cell)) return [];
      const { formula } = cell as SheetCell;
      const because =
        formula === undefined
          ? why
          : `a value computed by the formula ${shownFormula(formula)} in ${label}, which holds calculations and no table of levels: not part of the framework`;
      return [{ at: cell.at, what: cellWhat(grid, r, c, cell), why: because }];
    }),
  );
}

/**
 * The cells of a grid holding a formula whose result was not saved, which no reader takes (they
 * have no text), and that the reading does not account for otherwise: losses saying what they are.
 */
function unsavedFormulaLosses(grid: Grid, reading: SheetReading): Loss[] {
  const accounted = new Set(
    [
      ...draftPlaces(reading.draft).map(({ at }) => at),
      ...reading.losses.map(({ at }) => at),
      ...(reading.held ?? []).map(({ at }) => at),
    ].map(formatPlace),
  );
  return grid.rows.flatMap((row, r) =>
    row.flatMap((cell, c) => {
      const { formula } = cell as SheetCell;
      if (formula === undefined || cell.text !== "" || accounted.has(formatPlace(cell.at))) return [];
      const why = `a formula whose result is not saved in the file (${shownFormula(formula)}): a calculation, not a text of the framework`;
      return [{ at: cell.at, what: cellWhat(grid, r, c, cell), why }];
    }),
  );
}

/**
 * Reads the spreadsheet files of an input of a format: each sheet by the grid reader that fits
 * it, the readings joined as one track. A sheet no reader fits is lost cell by cell when
 * another sheet fits; when none does, the input is not of this shape, and the reason says
 * what each reader looked for in each sheet.
 */
async function readSpreadsheets(input: ImportInput, format: SheetFormat): Promise<SheetReading | Misfit> {
  const files = input.files.filter((file) => EXTENSIONS[format].test(file.path));
  if (files.length === 0) {
    const what = input.isFolder ? `${input.path} holds no` : `${input.path} is not a`;
    return { misfit: `${what} .${format} file` };
  }
  const grids: Grid[] = [];
  for (const file of files) {
    const read = await readSheets(file, format);
    if (!Array.isArray(read)) return read;
    grids.push(...read);
  }
  const readings = grids.map((grid) => ({ grid, reading: readGrid(grid) }));
  const fitting = readings.filter((entry) => !isMisfit(entry.reading));
  const label = (grid: Grid) => (grid.name ? `sheet "${grid.name}"` : grid.at.file);
  if (fitting.length === 0) {
    return {
      misfit: readings.map(({ grid, reading }) => `${label(grid)}: ${(reading as Misfit).misfit}`).join("; "),
    };
  }
  const losses: Loss[] = [];
  const warnings: ShapeReading["warnings"] = [];
  const held: HeldPlace[] = [];
  const drafts: DraftTrack[] = [];
  for (const { grid, reading } of readings) {
    if (isMisfit(reading)) {
      losses.push(...gridLosses(grid, label(grid), reading.misfit));
      continue;
    }
    drafts.push(reading.draft);
    losses.push(...reading.losses, ...unsavedFormulaLosses(grid, reading));
    warnings.push(...reading.warnings);
    held.push(...(reading.held ?? []));
  }
  const merged = mergeDrafts(drafts);
  held.push(...merged.held);
  losses.push(...merged.losses);
  return { draft: merged.draft, losses, warnings, ...(held.length > 0 && { held }) };
}

const SHEET_SHAPES =
  "one behavior per row under a header row (level, category, text…), or levels × categories";

export const csvShape: Shape = {
  name: "csv",
  label: `CSV: ${SHEET_SHAPES}`,
  read: (input) => readSpreadsheets(input, "csv"),
};

export const tsvShape: Shape = {
  name: "tsv",
  label: `TSV: ${SHEET_SHAPES}`,
  read: (input) => readSpreadsheets(input, "tsv"),
};

export const xlsxShape: Shape = {
  name: "xlsx",
  label: `XLSX workbook: ${SHEET_SHAPES}`,
  read: (input) => readSpreadsheets(input, "xlsx"),
};
