import {
  emptyDraft,
  excerpt,
  isMisfit,
  type DraftGroup,
  type DraftTrack,
  type ImportInput,
  type Loss,
  type Misfit,
  type Shape,
  type ShapeReading,
} from "../draft";
import type { Grid } from "../grid";
import { cellName, readGridRows } from "../sheets/gridRows";
import { readSheets, type SheetFormat } from "../sheets/readSheets";
import { readGridMatrix } from "../tables/gridMatrix";

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
  { name: "levels × categories", read: readGridMatrix },
];

/**
 * Reads one grid by the reader that fits it best (fewest losses, the earlier on a tie); or why
 * none fits, each reader's reason in turn.
 */
function readGrid(grid: Grid): SheetReading | Misfit {
  const readings = GRID_READERS.map((reader) => {
    const reading = reader.read(grid);
    if (!isMisfit(reading) || reading.misfit.startsWith(`${reader.name}: `)) return reading;
    return { misfit: `${reader.name}: ${reading.misfit}` };
  });
  const fitting = readings.filter((reading): reading is SheetReading => !isMisfit(reading));
  if (fitting.length === 0)
    return { misfit: readings.map((reading) => (reading as Misfit).misfit).join("; ") };
  return fitting.reduce((best, reading) => (reading.losses.length < best.losses.length ? reading : best));
}

/** Compares names as a reader would: case and runs of spaces do not count. */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Adds groups to a level's groups: behaviors of a category it has already join that category's group. */
function mergeGroups(into: DraftGroup[], groups: DraftGroup[]): void {
  for (const group of groups) {
    const key = group.category && nameKey(group.category.text);
    const same = into.find((other) => (other.category && nameKey(other.category.text)) === key);
    if (same) same.behaviors.push(...group.behaviors);
    else into.push(group);
  }
}

/**
 * Several sheets (or files) read as one track: levels named alike are one level, categories
 * named alike one category, and the first title, description and shared section's title stand.
 */
function mergeDrafts(drafts: DraftTrack[]): DraftTrack {
  if (drafts.length === 1) return drafts[0];
  const merged = emptyDraft();
  for (const draft of drafts) {
    merged.title ??= draft.title;
    merged.description ??= draft.description;
    for (const category of draft.categories)
      if (!merged.categories.some((other) => nameKey(other.text) === nameKey(category.text)))
        merged.categories.push(category);
    if (draft.shared) {
      if (merged.shared) mergeGroups(merged.shared.groups, draft.shared.groups);
      else merged.shared = { title: draft.shared.title, groups: [...draft.shared.groups] };
    }
    for (const level of draft.levels) {
      const same = merged.levels.find((other) => nameKey(other.heading.text) === nameKey(level.heading.text));
      if (!same) merged.levels.push({ ...level, groups: [...level.groups], facts: [...level.facts] });
      else {
        mergeGroups(same.groups, level.groups);
        same.facts.push(
          ...level.facts.filter((fact) => !same.facts.some((other) => other.label === fact.label)),
        );
        same.summary ??= level.summary;
      }
    }
    merged.prose.push(...draft.prose);
    merged.cumulative ??= draft.cumulative;
  }
  return merged;
}

/** Every non-empty cell of a grid none of the readers fits, as losses saying why. */
function gridLosses(grid: Grid, why: string): Loss[] {
  return grid.rows.flatMap((row, r) =>
    row
      .map((cell, c) => ({ cell, c }))
      .filter(({ cell }) => cell.text !== "")
      .map(({ cell, c }) => ({ at: cell.at, what: `cell ${cellName(r, c)} "${excerpt(cell.text)}"`, why })),
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
  const held: NonNullable<ShapeReading["held"]> = [];
  const drafts: DraftTrack[] = [];
  for (const { grid, reading } of readings) {
    if (isMisfit(reading)) {
      losses.push(...gridLosses(grid, `${label(grid)} fits no way of reading a sheet: ${reading.misfit}`));
      continue;
    }
    drafts.push(reading.draft);
    losses.push(...reading.losses);
    warnings.push(...reading.warnings);
    held.push(...(reading.held ?? []));
  }
  return { draft: mergeDrafts(drafts), losses, warnings, ...(held.length > 0 && { held }) };
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
