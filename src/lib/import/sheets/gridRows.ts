import {
  comparePlaces,
  emptyDraft,
  excerpt,
  type DraftBehavior,
  type DraftGroup,
  type DraftLevel,
  type DraftText,
  type Loss,
  type Misfit,
  type ShapeReading,
} from "../draft";
import type { Grid, GridCell } from "../grid";
import { cellWhat, columnLetters } from "./cellNames";

/** What a column of a one-behavior-per-row sheet holds. */
type ColumnRole =
  | "level"
  | "levelCode"
  | "category"
  | "text"
  | "id"
  | "aliases"
  | "example"
  | "levelTitle"
  | "levelSummary"
  | "fact";

/** Header names of each column, compared in lower case with spaces collapsed and a trailing colon dropped. */
const HEADERS: Record<Exclude<ColumnRole, "example" | "fact">, string[]> = {
  level: ["level", "levels", "grade", "band", "job level", "career level", "seniority"],
  levelCode: ["level code", "code"],
  category: [
    "category",
    "categories",
    "competency",
    "competencies",
    "area",
    "focus area",
    "dimension",
    "pillar",
    "theme",
    "topic",
    "skill",
  ],
  text: [
    "text",
    "behavior",
    "behaviour",
    "behaviors",
    "behaviours",
    "criterion",
    "criteria",
    "expectation",
    "expectations",
    "description",
    "statement",
  ],
  id: ["id", "behavior id", "behaviour id", "key", "slug"],
  aliases: ["aliases", "alias", "old ids", "previous ids", "former ids"],
  levelTitle: ["level title", "job title", "title", "level name", "role title"],
  levelSummary: ["level summary", "summary", "level description"],
};

/** `example`, `examples`, `example 1`, `Example #2`, `e.g.`. */
const EXAMPLE_HEADER = /^(?:examples?|e\.g\.?)(?:\s*#?\s*\d+)?$/;

/** A level fact's column: years of experience and the like. */
const FACT_HEADER = /\b(?:years?|experience|yoe|tenure)\b/;

/** A level value that names the expectations shared by every level. */
const SHARED_LEVEL =
  /^(?:(?:all|every|each|any)(?: the)? levels?|shared(?: expectations)?|everyone|common)$/i;

/** How far down a sheet the header row is looked for (titles and notes may stand above it). */
const HEADER_SEARCH_ROWS = 20;

function headerKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").replace(/:$/, "").trim();
}

/** What a header names, if this shape reads it. */
function roleOf(header: string): ColumnRole | undefined {
  const key = headerKey(header);
  for (const [role, names] of Object.entries(HEADERS)) if (names.includes(key)) return role as ColumnRole;
  if (EXAMPLE_HEADER.test(key)) return "example";
  if (FACT_HEADER.test(key)) return "fact";
  return undefined;
}

/** The columns a header row names. */
interface Columns {
  /** The header row's index. */
  row: number;
  /** Each column's role, or undefined when this shape does not read it. */
  roles: (ColumnRole | undefined)[];
  headers: string[];
}

/** The header row: the first of the top rows naming a level column and a behavior column. */
function findHeader(grid: Grid): Columns | undefined {
  const limit = Math.min(grid.rows.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < limit; row += 1) {
    const headers = grid.rows[row].map((cell) => cell.text);
    const roles = headers.map((header) => (header === "" ? undefined : roleOf(header)));
    const hasLevel = roles.includes("level") || roles.includes("levelCode");
    if (hasLevel && roles.includes("text")) {
      // A role read twice: the first column has it, the others are not read.
      const seen = new Set<ColumnRole>();
      const once = roles.map((role) => {
        if (role === undefined || role === "example" || role === "fact") return role;
        if (seen.has(role)) return undefined;
        seen.add(role);
        return role;
      });
      return { row, roles: once, headers };
    }
  }
  return undefined;
}

/** Why a grid has no header row, naming what was looked for and what its first row holds. */
function noHeaderMisfit(grid: Grid): Misfit {
  const firstRow = grid.rows.find((row) => row.some((cell) => cell.text !== ""));
  const holds = firstRow
    ? `; its first row holds ${firstRow
        .filter((cell) => cell.text !== "")
        .slice(0, 6)
        .map((cell) => `"${excerpt(cell.text, 4)}"`)
        .join(", ")}`
    : "";
  return {
    misfit:
      `one behavior per row: no row among the first ${HEADER_SEARCH_ROWS} names both a level column ` +
      `(level, grade, band, level code…) and a behavior column (text, behavior, criterion, expectation…)${holds}`,
  };
}

/** A level being read, with what its rows said of it once (title, summary, facts). */
interface LevelInProgress {
  level: DraftLevel | { shared: true; title: DraftText; groups: DraftGroup[] };
  /** What a once-per-level column said of it, by column, to tell a repetition from a contradiction. */
  said: Map<number, string>;
}

/** Compares names as a reader would: case and runs of spaces do not count. */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Reads a sheet holding one behavior per row, under a header row naming its columns: a level
 * (its code, or the shared section's title such as "All Levels"), optionally a category, the
 * behavior's text, optionally its id, the ids it had before (`aliases`), its examples
 * (`example 1`, `example 2`… or `examples`), and per level its title, summary and facts (such as
 * "Years of experience"). Headers are matched whatever their case, with a few synonyms each.
 *
 * An empty level cell continues the level of the row above, and an empty category cell the
 * category above within the same level, as sheets often leave them blank under the first.
 * Every non-empty cell is taken or is a loss: a cell of a column this shape does not read, a
 * row without a level, the other cells of a row without a behavior, a level's title or fact
 * that contradicts what an earlier row said of it. Rows above the header are the track's title
 * (a lone cell in the first of them) or losses.
 */
export function readGridRows(grid: Grid): ShapeReading | Misfit {
  const columns = findHeader(grid);
  if (!columns) return noHeaderMisfit(grid);
  const draft = emptyDraft();
  const losses: Loss[] = [];
  const lose = (row: number, column: number, cell: GridCell, why: string) =>
    losses.push({ at: cell.at, what: cellWhat(grid, row, column, cell), why });
  const columnName = (column: number) =>
    columns.headers[column] ? `"${columns.headers[column]}"` : columnLetters(column);

  readAboveHeader(grid, columns.row, draft, lose);

  const levels = new Map<string, LevelInProgress>();
  const levelColumn = columns.roles.indexOf(columns.roles.includes("level") ? "level" : "levelCode");
  const textColumn = columns.roles.indexOf("text");
  const levelName = columns.headers[levelColumn];
  const textName = columns.headers[textColumn];
  let current: { level: LevelInProgress; category: GridCell | null } | undefined;
  let behaviors = 0;
  // A category named on a row without a behavior, as a heading for the rows below: lost if none continues it.
  let pendingCategory: { row: number; column: number; cell: GridCell } | undefined;
  const losePendingCategory = () => {
    if (pendingCategory)
      lose(
        pendingCategory.row,
        pendingCategory.column,
        pendingCategory.cell,
        `its row has no behavior (column "${textName}"), and no row below it continues its category`,
      );
    pendingCategory = undefined;
  };

  for (let row = columns.row + 1; row < grid.rows.length; row += 1) {
    const cells = grid.rows[row];
    if (cells.every((cell) => cell.text === "")) continue;
    const cell = (role: ColumnRole) => {
      const column = columns.roles.indexOf(role);
      const found = column === -1 ? undefined : cells[column];
      return found && found.text !== "" ? found : undefined;
    };

    // Which level: the row's, or the one above.
    const levelCell = cells[levelColumn]?.text ? cells[levelColumn] : undefined;
    if (levelCell) {
      const key = nameKey(levelCell.text);
      let level = levels.get(key);
      if (!level) {
        level = { level: newLevel(levelCell), said: new Map() };
        levels.set(key, level);
      }
      if (current?.level !== level) {
        losePendingCategory();
        current = { level, category: null };
      }
    }
    if (!current) {
      cells.forEach((other, column) => {
        if (other.text !== "" && column !== levelColumn)
          lose(
            row,
            column,
            other,
            `its row names no level (column "${levelName}"), and no row above it does`,
          );
      });
      continue;
    }
    const category = cell("category");
    if (category) {
      losePendingCategory();
      current.category = category;
    }

    const textCell = cell("text");
    const taken = new Set([levelColumn]);
    if (category) taken.add(columns.roles.indexOf("category"));

    // Once-per-level columns: code (beside a level column naming it otherwise), title, summary, facts.
    cells.forEach((other, column) => {
      const role = columns.roles[column];
      const perLevel =
        role === "levelTitle" || role === "levelSummary" || role === "fact" || role === "levelCode";
      if (other.text === "" || column === levelColumn || !perLevel) return;
      taken.add(column);
      const level = current!.level;
      const earlier = level.said.get(column);
      if (earlier !== undefined) {
        if (earlier !== other.text)
          lose(
            row,
            column,
            other,
            `an earlier row of ${levelLabel(level)} gives ${columnName(column)} as "${excerpt(earlier, 8)}": a level has one`,
          );
        return;
      }
      level.said.set(column, other.text);
      if ("shared" in level.level) {
        lose(row, column, other, `the shared expectations have no ${columnName(column)}`);
        return;
      }
      if (role === "levelCode") level.level.code = other.text;
      else if (role === "levelTitle") level.level.title = other.text;
      else if (role === "levelSummary") level.level.summary = { text: other.text, at: other.at };
      else level.level.facts.push({ label: columns.headers[column], value: other.text, at: other.at });
    });

    if (!textCell) {
      if (category) pendingCategory = { row, column: columns.roles.indexOf("category"), cell: category };
      cells.forEach((other, column) => {
        if (other.text !== "" && !taken.has(column))
          lose(row, column, other, `its row has no behavior (column "${textName}") for it to belong to`);
      });
      continue;
    }
    taken.add(textColumn);

    const id = cell("id");
    const aliases = cell("aliases");
    const examples: DraftText[] = [];
    cells.forEach((other, column) => {
      if (other.text !== "" && columns.roles[column] === "example") {
        examples.push(...other.items);
        taken.add(column);
      }
    });
    if (id) taken.add(columns.roles.indexOf("id"));
    if (aliases) taken.add(columns.roles.indexOf("aliases"));

    // One behavior per row; a cell of several items gives several, unless the row's id,
    // aliases or examples make it one behavior: then its whole text is the behavior's.
    const oneBehavior = textCell.items.length === 1 || id || aliases || examples.length > 0;
    const texts = oneBehavior
      ? [textCell.items.length === 1 ? textCell.items[0] : { text: textCell.text, at: textCell.at }]
      : textCell.items;
    pendingCategory = undefined;
    const group = groupOf(current.level, current.category);
    texts.forEach((text, index) => {
      const behavior: DraftBehavior = { text: text.text, at: text.at, examples: index === 0 ? examples : [] };
      if (id) behavior.id = id.text;
      if (aliases) behavior.aliases = aliasTexts(aliases);
      group.behaviors.push(behavior);
      behaviors += 1;
    });

    cells.forEach((other, column) => {
      if (other.text === "" || taken.has(column)) return;
      const header = columns.headers[column];
      lose(
        row,
        column,
        other,
        header
          ? `column "${header}" is not one this shape reads (level, category, text, id, aliases, example 1…, level title, level summary, years of experience)`
          : `column ${columnLetters(column)} has no header, so what it holds is unknown`,
      );
    });
  }

  losePendingCategory();
  if (behaviors === 0) {
    return {
      misfit: `one behavior per row: the header row (row ${columns.row + 1}) names the columns, but no row below it gives a behavior in column "${textName}"`,
    };
  }
  // In the sheet's order, as a reader goes through them.
  losses.sort((a, b) => comparePlaces(a.at, b.at));
  return { draft, losses, warnings: [] };

  /** The level a level cell names first: the shared expectations, or a new level of the draft. */
  function newLevel(levelCell: GridCell): LevelInProgress["level"] {
    const heading = { text: levelCell.text, at: levelCell.at };
    if (SHARED_LEVEL.test(levelCell.text)) {
      draft.shared ??= { title: heading, groups: [] };
      return { shared: true, title: draft.shared.title, groups: draft.shared.groups };
    }
    const level: DraftLevel = { heading, facts: [], groups: [] };
    // The source gives the code apart from the title: a "level code" column, or a title column.
    if (columns!.roles[levelColumn] === "levelCode" || columns!.roles.includes("levelTitle"))
      level.code = levelCell.text;
    draft.levels.push(level);
    return level;
  }
}

function levelLabel(level: LevelInProgress): string {
  return "shared" in level.level ? `"${level.level.title.text}"` : `level "${level.level.heading.text}"`;
}

/** The group of a level for a category cell (by its name), added on first use. */
function groupOf(level: LevelInProgress, category: GridCell | null): DraftGroup {
  const groups = level.level.groups;
  const key = category ? nameKey(category.text) : null;
  let group = groups.find(
    (candidate) => (candidate.category ? nameKey(candidate.category.text) : null) === key,
  );
  if (!group) {
    group = { category: category ? { text: category.text, at: category.at } : null, behaviors: [] };
    groups.push(group);
  }
  return group;
}

/** The ids of an aliases cell: separated by commas, semicolons, spaces or lines. */
function aliasTexts(cell: GridCell): DraftText[] {
  return cell.text
    .split(/[\s,;]+/)
    .filter((id) => id !== "")
    .map((id) => ({ text: id, at: cell.at }));
}

/** Rows above the header: a lone cell in the first of them is the track's title; the rest are lost. */
function readAboveHeader(
  grid: Grid,
  headerRow: number,
  draft: ReturnType<typeof emptyDraft>,
  lose: (row: number, column: number, cell: GridCell, why: string) => void,
): void {
  let titleTaken = false;
  for (let row = 0; row < headerRow; row += 1) {
    const filled = grid.rows[row]
      .map((cell, column) => ({ cell, column }))
      .filter(({ cell }) => cell.text !== "");
    if (filled.length === 0) continue;
    if (!titleTaken && filled.length === 1) {
      draft.title = { text: filled[0].cell.text, at: filled[0].cell.at };
      titleTaken = true;
      continue;
    }
    titleTaken = true;
    for (const { cell, column } of filled)
      lose(row, column, cell, `it is above the header row (row ${headerRow + 1}), which names the columns`);
  }
}
