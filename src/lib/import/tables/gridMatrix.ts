import type {
  DraftBehavior,
  DraftCategory,
  DraftGroup,
  DraftLevel,
  DraftText,
  DraftTrack,
  HeldPlace,
  ImportWarning,
  Loss,
  Misfit,
  ShapeReading,
  SourcePlace,
} from "../draft";
import { emptyDraft, excerpt, formatPlace, isMisfit } from "../draft";
import type { Grid, GridCell } from "../grid";

/**
 * A cell's item that may hold examples: an HTML list item's nested list. Sheets and Markdown
 * tables give plain {@link DraftText}s; the reader takes `examples` wherever they are given.
 */
export interface GridItem extends DraftText {
  examples?: DraftText[];
}

/**
 * A grid with the heading above it (or its caption), with the heading's place: it names the
 * level of a table that has no column of levels (one table per level section), or the category
 * of a table whose only column of behaviors is labelled "Expectations" (one table per category).
 * A grid without one uses its `name` (a sheet's name) at the grid's place.
 */
export interface TitledGrid extends Grid {
  title?: DraftText;
}

export type { HeldPlace };

/** A table read as levels × categories: a shape reading, and the items it holds without a text of their own. */
export interface MatrixReading extends ShapeReading {
  held: HeldPlace[];
}

/**
 * A level code at the start of a header: `IC3`, `L2`, `E4`, `P1`, `IC 1`, `SE-2`, `Level 3`, a
 * number alone, or a number and a slash before the level's name (`2/ Medior`).
 */
const LEVEL_CODE =
  /^(?:[A-Z]{1,4}[ -]?\d{1,2}(?:\.\d)?(?![\w.])|[Ll]evel\s*(?:\d{1,2}|[IVX]{1,4}\b|[A-Z]\b)|\d{1,2}$|\d{1,2}\s*\/\s+\p{L})/u;

/**
 * A word that names a level of a career ladder (`Senior Engineer`) or of a competency scale
 * (`Beginner` … `Expert`) in a short header.
 */
const LEVEL_WORD =
  /\b(?:junior|mid(?:-level)?(?![-\w])|medior|intermediate|senior|staff|principal|lead|associate|intern|manager|director|entry|distinguished|fellow|apprentice|graduate|trainee|head|vp|beginner|novice|advanced|expert|practitioner|master)\b/i;

/** How many words a header naming a level by a word may have: more is a sentence that happens to hold one. */
const LEVEL_NAME_MAX_WORDS = 6;

/** A header naming the expectations every level shares. */
const SHARED_LABEL =
  /^(?:all(?: the)? levels?|every level|all|shared|shared expectations|everyone|common|common expectations|baseline|across (?:all )?levels|all roles)$/i;

/** A header of a level fact: one short value per level (`Years of experience`, `Title`, `Scope`). */
const FACT_LABEL =
  /^(?:(?:typical )?(?:years|yrs)(?: of)?(?: relevant| industry| professional)? experience|years|experience|yoe|typical experience|(?:job |role |level )?titles?|role|scope|salary(?: range| band)?|compensation|pay(?: band)?|band|grade|reports to|team size|span of control|(?:typical )?time (?:in|at) level|headcount|also known as|aka|equivalent|level code|code)$/i;

/** A header of the levels' summaries. */
const SUMMARY_LABEL =
  /^(?:summary|overview|definition|about|level summary|level description|level definition|level overview|role summary|in short|tl;?dr|general|purpose|profile)$/i;

/** "Description": the levels' summaries beside categories, the behaviors when there is no category. */
const DESCRIPTION_LABEL = /^descriptions?$/i;

/** A header that only labels a column of behaviors (`Expectations`), when no header names a category. */
const BEHAVIORS_LABEL =
  /^(?:expectations?|expected behaviou?rs?|behaviou?rs?|key behaviou?rs|criteria|responsibilities|competenc(?:y|ies)|skills|requirements|outcomes|what (?:we|you) (?:expect|do|should do))$/i;

/** A corner cell's words naming what the first column holds. */
const LEVELS_AXIS =
  /^(?:(?:job |career )?levels?|roles?|titles?|grades?|bands?|positions?|ranks?|seniority)$/i;
const CATEGORIES_AXIS =
  /^(?:categor(?:y|ies)|competenc(?:y|ies)|(?:focus )?areas?|skills?|dimensions?|attributes?|pillars?|themes?|traits?|topics?|axis|axes|criteria|expectations?|behaviou?rs?)$/i;

/** A corner cell written as two axes (`Level / Category`, `Category \ Level`, `Level × Area`). */
const AXES_SEPARATOR = /\s*[/\\×↓→|]\s*|\s+(?:x|vs\.?)\s+/i;

/** An item that only labels the items after it in its cell (`**Technical**:`): a sub-heading, not a behavior. */
const LABEL_ITEM = /^(?:(\*\*|__)[^*_]+?:?\1:?|[^.!?:]{1,40}:)$/;

/**
 * A fact written out in a level's summary or header cell: `Years of experience: 2–4`, with its
 * label bold or not (`**Prerequisites:** …`, `**Scope**: …`).
 */
const FACT_LINE =
  /^(?:\*\*([^*]+?):\*\*|\*\*([^*]+?)\*\*:|__([^_]+?):__|__([^_]+?)__:|([^*_:[\]`]+?):)\s+(\S[\s\S]*)$/;

/** How many words a fact's label may have: more is a sentence with a colon. */
const FACT_LABEL_MAX_WORDS = 5;

/** A fact value: one short item (a number of years, a title), not a sentence. */
const FACT_VALUE_MAX_WORDS = 8;

type Slot = GridCell | undefined;

/** A grid's rows, all as wide as the widest. */
interface Table {
  rows: Slot[][];
  height: number;
  width: number;
}

/** How the table is laid out, once decided. */
interface Layout {
  /** Read the table transposed, so that levels run down the first column and categories across the first row. */
  transposed: boolean;
  /** Whether the first column names levels (else every row is of {@link titleLevel}). */
  headerColumn: boolean;
  /**
   * Whether the first row names categories (else every column is of the category the heading
   * above names, or of none): a table whose corner cell names a level has levels all along its
   * first row (or column), and no header on the other axis.
   */
  headerRow: boolean;
  /** The level the whole table is of (one table per level section). */
  titleLevel?: DraftText;
}

type LevelEntry = { kind: "level"; level: DraftLevel } | { kind: "shared" } | { kind: "none" };

type CategoryEntry =
  | { kind: "category"; key: string; category: DraftCategory | null }
  | { kind: "fact"; label: string }
  | { kind: "summary" }
  | { kind: "none" };

/**
 * Reads one table of levels × categories, in either orientation, into a draft. It returns a
 * {@link MatrixReading}, a `ShapeReading` that also lists the items it holds without a text of
 * their own (labels of the table's axes).
 *
 * Which axis names levels: the one whose header cells (the first row after the corner, or the
 * first column below it) more often name a level, by a code with digits at their start (`IC3`,
 * `L2`, `E4`, `P1`, `Level 3`) or, in a header of a few words, a level word (Junior, Mid, Senior,
 * Staff, Principal, Lead, Associate, Intern, Manager, Director…, or a scale's Beginner…Expert),
 * headers of shared expectations, facts and summaries left out. Levels are names a person gives
 * ranks, so they carry these marks; categories (Impact, Craft, Delivery) do not. On a tie the
 * corner cell decides when it names what the first column holds (`Level`, `Category`,
 * `Level / Category`); then a header like "All levels" marks the levels' axis; then, under a
 * heading that names a level (one table per level section), the whole table is that level's:
 * its header row names categories, or its first column does when the corner cell says so or
 * the header row only labels columns of behaviors ("Expectations"). Otherwise the table is not
 * of this shape: nothing tells levels from categories, and a guess would file every behavior
 * under the wrong one. A corner cell that itself names a level means the first row (or column)
 * is all levels and the other axis has no header: each column (or row) then holds behaviors of
 * the category the heading above names (one table per category), or of none.
 *
 * Along the levels' axis: a level per header (its first item the level's name, then its summary
 * and `Label: value` facts), a header like "All levels" for shared expectations. Along the
 * categories' axis: a category per header (a second item its description); a header like
 * "Years of experience", "Title" or "Scope" whose cells are each one short value gives each
 * level a fact; "Summary" (or "Description" beside categories) gives each level its summary; a
 * lone "Expectations" column holds behaviors without a category, or of the category the heading
 * above names. Each item of a cell is a behavior of its (level, category), with the examples the
 * item carries ({@link GridItem}); a cell spanning every category of a level (an HTML `colspan`)
 * says what the level is: its summary and facts. A cell spanning several slots appears in each
 * as the same cell (same place) and is read once. An empty cell is nothing. An item that cannot
 * be placed (its level's or category's header is empty, it spans several levels or some of the
 * categories, it only labels the items after it, like `**Technical**:`) is a loss with its place.
 */
export function readGridMatrix(grid: Grid): MatrixReading | Misfit {
  const titled = grid as TitledGrid;
  const title = titled.title ?? (grid.name?.trim() ? { text: grid.name.trim(), at: grid.at } : undefined);
  const table = tableOf(grid);
  if (table.height < 2 || table.width < 1) {
    return {
      misfit: "it has no row below its header row: a table of levels × categories needs at least two rows",
    };
  }
  const layout = decideLayout(table, title);
  if ("misfit" in layout) return layout;
  return new MatrixReader(layout.transposed ? transpose(table) : table, layout, title).read();
}

/**
 * Reads the tables of one page or workbook into one draft: several tables of levels ×
 * categories (one per level section, one per category, or one per group of levels) merge, their
 * levels and categories matched by name in order of first appearance. A table that is not of
 * this shape beside ones that are is reported cell by cell as losses; when none is, the page is
 * not of this shape, and the misfit says why of each table.
 */
export function readGridMatrices(grids: Grid[]): MatrixReading | Misfit {
  if (grids.length === 0) return { misfit: "it has no table" };
  const readings = grids.map((grid) => readGridMatrix(grid));
  const fitting = readings.filter((reading): reading is MatrixReading => !isMisfit(reading));
  if (fitting.length === 0) {
    if (grids.length === 1) return readings[0] as Misfit;
    const reasons = grids
      .slice(0, 3)
      .map(
        (grid, index) =>
          `the table at line ${grid.at.line}${nameOf(grid)}: ${(readings[index] as Misfit).misfit}`,
      );
    const more = grids.length > 3 ? `; and ${grids.length - 3} more tables` : "";
    return {
      misfit: `none of its ${grids.length} tables is one of levels × categories (${reasons.join("; ")}${more})`,
    };
  }
  const merged = mergeReadings(fitting);
  grids.forEach((grid, index) => {
    const reading = readings[index];
    if (!isMisfit(reading)) return;
    const why = `its table (line ${grid.at.line}) is not one of levels × categories: ${reading.misfit}`;
    for (const row of grid.rows) {
      for (const cell of row) {
        for (const item of cell?.items ?? [])
          merged.losses.push({ at: item.at, what: `cell "${excerpt(item.text)}"`, why });
      }
    }
  });
  return merged;
}

function nameOf(grid: Grid): string {
  const name = (grid as TitledGrid).title?.text ?? grid.name;
  return name ? ` ("${excerpt(name)}")` : "";
}

function tableOf(grid: Grid): Table {
  const width = grid.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  const rows = grid.rows.map((row) => Array.from({ length: width }, (_, column) => row[column]));
  return { rows, height: rows.length, width };
}

function transpose(table: Table): Table {
  const rows = Array.from({ length: table.width }, (_, column) => table.rows.map((row) => row[column]));
  return { rows, height: table.width, width: table.height };
}

/** A header's text: its first item, without the bold that styles it or a trailing colon (its place moved past the `**`). */
export function headerText(cell: Slot): DraftText | undefined {
  const first = cell?.items[0];
  return first && unstyled(first);
}

/** A header item without the `**…**` that styles the whole of it or a trailing colon (its place moved past the `**`). */
function unstyled(item: DraftText): DraftText {
  let text = item.text.replace(/\s*:$/, "");
  let column = item.at.column;
  const bold = /^(\*\*|__)(?!\s)([\s\S]*?\S)\1$/.exec(text);
  if (bold && !bold[2].includes(bold[1])) {
    text = bold[2].replace(/\s*:$/, "");
    column += 2;
  }
  return { text, at: { ...item.at, column } };
}

function normalized(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

function namesLevel(text: string): boolean {
  return LEVEL_CODE.test(text) || (LEVEL_WORD.test(text) && text.split(/\s+/).length <= LEVEL_NAME_MAX_WORDS);
}

function isSpecialHeader(text: string): boolean {
  return [SHARED_LABEL, FACT_LABEL, SUMMARY_LABEL, DESCRIPTION_LABEL, BEHAVIORS_LABEL].some((label) =>
    label.test(text),
  );
}

/** The distinct cells of a run of slots, in order: a spanning cell once. */
function distinct(slots: Slot[]): GridCell[] {
  const seen = new Set<string>();
  const cells: GridCell[] = [];
  for (const cell of slots) {
    if (!cell || seen.has(formatPlace(cell.at))) continue;
    seen.add(formatPlace(cell.at));
    cells.push(cell);
  }
  return cells;
}

/**
 * Whether a header cell names a level (see {@link readGridMatrix}): a code (`IC3`, `L2`,
 * `2/ Medior`) or a level word in a short name, not a header of shared expectations, facts or
 * summaries. Sheets use it to find a header row below title rows.
 */
export function isLevelHeader(cell: GridCell | undefined): boolean {
  const text = headerText(cell)?.text ?? "";
  return text !== "" && !isSpecialHeader(text) && namesLevel(text);
}

/** How many of these header cells name a level. */
function levelScore(cells: GridCell[]): number {
  return cells.filter((cell) => isLevelHeader(cell)).length;
}

/** What the corner cell says the first column holds, if it says. */
function cornerAxis(corner: Slot): "levels" | "categories" | undefined {
  const text = headerText(corner)?.text;
  if (!text) return undefined;
  const first = text.split(AXES_SEPARATOR)[0].trim();
  if (LEVELS_AXIS.test(first)) return "levels";
  if (CATEGORIES_AXIS.test(first)) return "categories";
  return undefined;
}

function decideLayout(table: Table, title: DraftText | undefined): Layout | Misfit {
  const headerRow = distinct(table.rows[0].slice(1));
  const headerColumn = distinct(table.rows.slice(1).map((row) => row[0]));
  const acrossScore = levelScore(headerRow);
  const downScore = levelScore(headerColumn);
  const cornerText = headerText(table.rows[0][0])?.text ?? "";
  const corner = cornerAxis(table.rows[0][0]);
  // A corner naming a level: the first row (or column) is all levels, and the other axis has no header.
  const cornerIsLevel =
    cornerText !== "" && !corner && !isSpecialHeader(cornerText) && namesLevel(cornerText);
  const levelsDown: Layout = { transposed: false, headerColumn: true, headerRow: !cornerIsLevel };
  const levelsAcross: Layout = { transposed: true, headerColumn: true, headerRow: !cornerIsLevel };
  if (downScore > acrossScore) return levelsDown;
  if (acrossScore > downScore) return levelsAcross;
  if (corner === "levels") return levelsDown;
  if (corner === "categories" && !(title && namesLevel(title.text))) return levelsAcross;
  const sharedIn = (cells: GridCell[]) =>
    cells.some((cell) => SHARED_LABEL.test(headerText(cell)?.text ?? ""));
  if (sharedIn(headerColumn) && !sharedIn(headerRow)) return levelsDown;
  if (sharedIn(headerRow) && !sharedIn(headerColumn)) return levelsAcross;
  if (acrossScore > 0) {
    return {
      misfit: `both its header row and its first column name levels (${acrossScore} each), so neither can be the categories`,
    };
  }
  if (title && namesLevel(title.text)) {
    const onlyLabels = headerRow.every((cell) => {
      const text = headerText(cell)?.text ?? "";
      return text === "" || BEHAVIORS_LABEL.test(text) || DESCRIPTION_LABEL.test(text);
    });
    if (corner === "categories" || onlyLabels) {
      return { transposed: true, headerColumn: true, headerRow: true, titleLevel: title };
    }
    return { transposed: false, headerColumn: false, headerRow: true, titleLevel: title };
  }
  return {
    misfit:
      "neither its header row nor its first column names levels (codes like IC3 or L2, words like Junior or Senior), " +
      "its corner cell does not say which holds them, and no heading above it names a level",
  };
}

/** Reads one table laid out with levels down the first column (after transposing, if need be). */
class MatrixReader {
  private readonly draft: DraftTrack = emptyDraft();
  private readonly losses: Loss[] = [];
  private readonly warnings: ImportWarning[] = [];
  private readonly held: HeldPlace[] = [];
  private readonly levelsByName = new Map<string, DraftLevel>();
  private readonly categoriesByName = new Map<string, DraftCategory>();
  private sharedGroups: DraftGroup[] | undefined;
  private readonly firstContentColumn: number;
  private readonly firstContentRow: number;

  constructor(
    private readonly table: Table,
    private readonly layout: Layout,
    private readonly title: DraftText | undefined,
  ) {
    this.firstContentColumn = layout.headerColumn ? 1 : 0;
    this.firstContentRow = layout.headerRow ? 1 : 0;
  }

  read(): MatrixReading {
    const { table } = this;
    const headerKeys = new Set<string>();
    const corner = this.layout.headerColumn && this.layout.headerRow ? table.rows[0][0] : undefined;
    if (corner) headerKeys.add(formatPlace(corner.at));
    this.readCorner(corner);
    const categoryEntries = this.readCategoryAxis(headerKeys);
    const levelEntries = this.readLevelAxis(headerKeys);

    const slotsByCell = new Map<string, { cell: GridCell; slots: [number, number][] }>();
    for (let row = this.firstContentRow; row < table.height; row++) {
      for (let column = this.firstContentColumn; column < table.width; column++) {
        const cell = table.rows[row][column];
        if (!cell || headerKeys.has(formatPlace(cell.at))) continue;
        const key = formatPlace(cell.at);
        const entry = slotsByCell.get(key) ?? { cell, slots: [] };
        entry.slots.push([row, column]);
        slotsByCell.set(key, entry);
      }
    }
    for (const { cell, slots } of slotsByCell.values()) {
      if (cell.items.length > 0) this.readContentCell(cell, slots, levelEntries, categoryEntries);
    }
    return { draft: this.draft, losses: this.losses, warnings: this.warnings, held: this.held };
  }

  private readCorner(corner: Slot) {
    if (!corner || corner.items.length === 0) return;
    if (cornerAxis(corner)) {
      this.held.push({ at: corner.items[0].at, as: "the corner cell, naming the table's axes" });
      for (const item of corner.items.slice(1))
        this.lose(item, "corner cell", "the corner cell only names the table's axes");
      return;
    }
    for (const item of corner.items) {
      this.lose(
        item,
        "corner cell",
        "the corner cell of a table of levels × categories names neither a level nor a category",
      );
    }
  }

  /** The entry of each column (by index), from the first row. */
  private readCategoryAxis(headerKeys: Set<string>): CategoryEntry[] {
    const { table } = this;
    const entries: CategoryEntry[] = Array.from({ length: table.width }, () => ({ kind: "none" }));
    if (!this.layout.headerRow) {
      // No header names categories: every column holds behaviors of the heading's category, or of none.
      const category = this.titleCategory();
      const entry: CategoryEntry = category
        ? { kind: "category", key: normalized(category.text), category }
        : { kind: "category", key: "", category: null };
      return entries.map((none, column) => (column < this.firstContentColumn ? none : entry));
    }
    const columnsOf = new Map<string, number[]>();
    const cells = distinct(table.rows[0].slice(this.firstContentColumn));
    for (let column = this.firstContentColumn; column < table.width; column++) {
      const cell = table.rows[0][column];
      if (!cell) continue;
      headerKeys.add(formatPlace(cell.at));
      columnsOf.set(formatPlace(cell.at), [...(columnsOf.get(formatPlace(cell.at)) ?? []), column]);
    }
    type Kind = "category" | "fact" | "summary" | "description" | "behaviors" | "none";
    const kinds = cells.map((cell): Kind => {
      const text = headerText(cell)?.text ?? "";
      if (text === "") return "none";
      if (FACT_LABEL.test(text) && this.holdsShortValues(columnsOf.get(formatPlace(cell.at))!)) return "fact";
      if (SUMMARY_LABEL.test(text)) return "summary";
      if (DESCRIPTION_LABEL.test(text)) return "description";
      if (BEHAVIORS_LABEL.test(text)) return "behaviors";
      return "category";
    });
    const hasCategories = kinds.includes("category");
    cells.forEach((cell, index) => {
      const header = headerText(cell);
      let entry: CategoryEntry = { kind: "none" };
      const kind = kinds[index];
      if (!header || kind === "none") {
        for (const item of cell.items.slice(1)) this.lose(item, "header cell", "its first item is empty");
      } else if (kind === "fact") {
        entry = { kind: "fact", label: header.text };
        this.held.push({ at: header.at, as: `the label of the facts "${excerpt(header.text)}"` });
        this.loseRest(cell, 1, "a fact's header holds its label only");
      } else if (kind === "summary" || (kind === "description" && hasCategories)) {
        entry = { kind: "summary" };
        this.held.push({ at: header.at, as: "the label of the levels' summaries" });
        this.loseRest(cell, 1, "a summaries' header holds its label only");
      } else if (kind === "category" || (kind === "behaviors" && hasCategories)) {
        entry = this.category(cell, header);
      } else {
        // A column of behaviors with no category of its own: the heading's, or none.
        this.held.push({ at: header.at, as: "the label of a column of behaviors" });
        this.loseRest(cell, 1, "a column label holds one item");
        const titleCategory = this.titleCategory();
        entry = titleCategory
          ? { kind: "category", key: normalized(titleCategory.text), category: titleCategory }
          : { kind: "category", key: "", category: null };
      }
      for (const column of columnsOf.get(formatPlace(cell.at))!) entries[column] = entry;
    });
    return entries;
  }

  /** The category the heading above names, for a table of one category (not when it names the table's level). */
  private titleCategory(): DraftCategory | undefined {
    if (!this.title || this.layout.titleLevel || namesLevel(this.title.text)) return undefined;
    const existing = this.categoriesByName.get(normalized(this.title.text));
    if (existing) return existing;
    const category: DraftCategory = { text: this.title.text, at: this.title.at };
    this.categoriesByName.set(normalized(category.text), category);
    this.draft.categories.push(category);
    return category;
  }

  private category(cell: GridCell, header: DraftText): CategoryEntry {
    const key = normalized(header.text);
    const existing = this.categoriesByName.get(key);
    if (existing) {
      this.held.push({ at: header.at, as: `category "${excerpt(existing.text)}", named again` });
      this.loseRest(cell, 1, "the category is described where it is first named");
      return { kind: "category", key, category: existing };
    }
    const category: DraftCategory = { ...header };
    if (cell.items[1]) category.description = cell.items[1];
    this.loseRest(cell, 2, "a category's header holds its name and one description");
    this.categoriesByName.set(key, category);
    this.draft.categories.push(category);
    return { kind: "category", key, category };
  }

  /** Whether every cell of these columns (but cells spanning other columns) is one short value. */
  private holdsShortValues(columns: number[]): boolean {
    let values = 0;
    for (const column of columns) {
      for (let row = 1; row < this.table.height; row++) {
        const cell = this.table.rows[row][column];
        if (!cell || cell.items.length === 0) continue;
        const spans = this.table.rows[row].filter(
          (other) => other && formatPlace(other.at) === formatPlace(cell.at),
        ).length;
        if (spans > 1) continue;
        if (cell.items.length > 1) return false;
        if (cell.items[0].text.split(/\s+/).length > FACT_VALUE_MAX_WORDS) return false;
        values++;
      }
    }
    return values > 0;
  }

  /** The entry of each row (by index), from the first column or the heading above. */
  private readLevelAxis(headerKeys: Set<string>): LevelEntry[] {
    const { table, layout } = this;
    const entries: LevelEntry[] = Array.from({ length: table.height }, () => ({ kind: "none" }));
    if (layout.titleLevel) {
      const level = this.level(layout.titleLevel, undefined);
      for (let row = this.firstContentRow; row < table.height; row++) entries[row] = { kind: "level", level };
    }
    if (!layout.headerColumn) return entries;
    const readCells = new Map<string, LevelEntry>();
    for (let row = this.firstContentRow; row < table.height; row++) {
      const cell = table.rows[row][0];
      if (!cell) continue;
      const key = formatPlace(cell.at);
      headerKeys.add(key);
      const known = readCells.get(key);
      if (known) {
        entries[row] = known;
        continue;
      }
      const entry = this.levelEntry(cell);
      readCells.set(key, entry);
      entries[row] = entry;
    }
    return entries;
  }

  private levelEntry(cell: GridCell): LevelEntry {
    const header = headerText(cell);
    if (!header || header.text === "") {
      for (const item of cell.items.slice(1)) this.lose(item, "header cell", "its first item is empty");
      return { kind: "none" };
    }
    if (this.layout.titleLevel) {
      this.held.push({ at: header.at, as: "the label of a row of behaviors" });
      this.loseRest(cell, 1, "a row label holds one item");
      return { kind: "level", level: this.level(this.layout.titleLevel, undefined) };
    }
    if (SHARED_LABEL.test(header.text)) {
      if (this.draft.shared) {
        this.held.push({ at: header.at, as: "the shared expectations, named again" });
      } else {
        this.draft.shared = { title: header, groups: [] };
        this.sharedGroups = this.draft.shared.groups;
      }
      this.loseRest(cell, 1, "the shared expectations' header holds their name only");
      return { kind: "shared" };
    }
    return { kind: "level", level: this.level(header, cell) };
  }

  /** The level of this name, new or named before (then this header is a label). */
  private level(heading: DraftText, cell: GridCell | undefined): DraftLevel {
    const key = normalized(heading.text);
    const existing = this.levelsByName.get(key);
    if (existing) {
      if (formatPlace(existing.heading.at) !== formatPlace(heading.at)) {
        this.held.push({ at: heading.at, as: `level "${excerpt(existing.heading.text)}", named again` });
      }
      if (cell) this.loseRest(cell, 1, "the level's summary is taken where it is first named");
      return existing;
    }
    const level: DraftLevel = { heading, facts: [], groups: [] };
    if (cell)
      this.aboutLevel(
        level,
        cell.items.slice(1),
        "header cell",
        "a level's header holds its name, one summary and its facts",
      );
    this.levelsByName.set(key, level);
    this.draft.levels.push(level);
    return level;
  }

  private readContentCell(
    cell: GridCell,
    slots: [number, number][],
    levelEntries: LevelEntry[],
    categoryEntries: CategoryEntry[],
  ) {
    const placed = slots.filter(
      ([row, column]) => levelEntries[row].kind !== "none" && categoryEntries[column].kind !== "none",
    );
    if (placed.length === 0) {
      const noLevel = slots.every(([row]) => levelEntries[row].kind === "none");
      const why = noLevel
        ? "the header naming its level is empty or missing, so it has no level"
        : "the header naming its category is empty or missing, so it has no category";
      return this.loseAll(cell, why);
    }
    const levels = [...new Set(placed.map(([row]) => levelEntries[row]))];
    const rowEntry = levels[0];
    const columnEntries = [...new Set(placed.map(([, column]) => categoryEntries[column]))];
    const distinctLevels = new Set(
      levels.map((entry) => (entry.kind === "level" ? entry.level : entry.kind)),
    );
    if (distinctLevels.size > 1)
      return this.loseAll(cell, "it spans several levels, and a behavior belongs to one");
    if (columnEntries.length > 1) {
      const categories = new Set(categoryEntries.filter((entry) => entry.kind === "category"));
      const spansLevel =
        categories.size > 1 && [...categories].every((entry) => columnEntries.includes(entry));
      if (rowEntry.kind === "level" && spansLevel) return this.summary(rowEntry.level, cell.items);
      const names = columnEntries.map((entry) =>
        entry.kind === "category" ? `"${entry.category?.text ?? "no category"}"` : `the ${entry.kind}`,
      );
      return this.loseAll(
        cell,
        `it spans several categories (${names.join(", ")}) but not the whole level, and a behavior belongs to one`,
      );
    }
    const columnEntry = columnEntries[0];
    if (rowEntry.kind === "shared") {
      if (columnEntry.kind !== "category") {
        return this.loseAll(
          cell,
          `the shared expectations have no ${columnEntry.kind === "fact" ? "facts" : "summary"}`,
        );
      }
      return this.behaviors(this.sharedGroups!, columnEntry, cell.items);
    }
    if (rowEntry.kind !== "level") return;
    const level = rowEntry.level;
    if (columnEntry.kind === "fact") {
      const [value] = cell.items;
      level.facts.push({ label: columnEntry.label, value: value.text, at: value.at });
    } else if (columnEntry.kind === "summary") {
      this.summary(level, cell.items);
    } else if (columnEntry.kind === "category") {
      this.behaviors(level.groups, columnEntry, cell.items);
    }
  }

  private summary(level: DraftLevel, items: DraftText[]) {
    const why = level.summary
      ? `the level already has a summary (line ${level.summary.at.line})`
      : "a level has one summary, and this is a further paragraph of it";
    this.aboutLevel(level, items, "cell", why);
  }

  /** What a cell says of a level as a whole: `Label: value` items are its facts, the first other its summary. */
  private aboutLevel(level: DraftLevel, items: DraftText[], what: string, whyMore: string) {
    for (const item of items) {
      const fact = FACT_LINE.exec(item.text);
      const label = fact && (fact[1] ?? fact[2] ?? fact[3] ?? fact[4] ?? fact[5]).trim();
      if (fact && label && label.split(/\s+/).length <= FACT_LABEL_MAX_WORDS) {
        level.facts.push({ label, value: fact[6], at: item.at });
      } else if (!level.summary) level.summary = item;
      else this.lose(item, what, whyMore);
    }
  }

  private behaviors(
    groups: DraftGroup[],
    entry: Extract<CategoryEntry, { kind: "category" }>,
    items: GridItem[],
  ) {
    let group = groups.find(
      (candidate) => (candidate.category ? normalized(candidate.category.text) : "") === entry.key,
    );
    if (!group) {
      group = { category: entry.category, behaviors: [] };
      groups.push(group);
    }
    for (const item of items) {
      if (LABEL_ITEM.test(item.text)) {
        this.lose(
          item,
          "cell item",
          "it only labels the items after it in its cell, which are read as behaviors of the cell's category",
        );
        continue;
      }
      const behavior: DraftBehavior = { text: item.text, at: item.at, examples: item.examples ?? [] };
      group.behaviors.push(behavior);
    }
  }

  private lose(item: DraftText, what: string, why: string) {
    this.losses.push({ at: item.at, what: `${what} "${excerpt(item.text)}"`, why });
  }

  private loseItems(items: DraftText[], what: string, why: string) {
    for (const item of items) this.lose(item, what, why);
  }

  private loseAll(cell: GridCell, why: string) {
    this.loseItems(cell.items, "cell", why);
  }

  private loseRest(cell: GridCell, from: number, why: string) {
    for (const item of cell.items.slice(from)) this.lose(item, "header cell", why);
  }
}

/**
 * One draft of several tables' readings: levels, categories and shared expectations matched by
 * name (first appearance wins; a later header naming one again is a label), behaviors appended
 * in order.
 */
function mergeReadings(readings: MatrixReading[]): MatrixReading {
  if (readings.length === 1) return readings[0];
  const merged: MatrixReading = { draft: emptyDraft(), losses: [], warnings: [], held: [] };
  const { draft } = merged;
  const levels = new Map<string, DraftLevel>();
  const categories = new Map<string, DraftCategory>();
  const mergeGroups = (into: DraftGroup[], groups: DraftGroup[]) => {
    for (const group of groups) {
      const key = group.category ? normalized(group.category.text) : "";
      const same = into.find(
        (candidate) => (candidate.category ? normalized(candidate.category.text) : "") === key,
      );
      if (same) same.behaviors.push(...group.behaviors);
      else into.push({ ...group, behaviors: [...group.behaviors] });
    }
  };
  for (const reading of readings) {
    merged.losses.push(...reading.losses);
    merged.warnings.push(...reading.warnings);
    merged.held.push(...reading.held);
    for (const category of reading.draft.categories) {
      const existing = categories.get(normalized(category.text));
      if (!existing) {
        categories.set(normalized(category.text), category);
        draft.categories.push(category);
      } else if (formatPlace(existing.at) !== formatPlace(category.at)) {
        merged.held.push({ at: category.at, as: `category "${excerpt(existing.text)}", named again` });
        if (category.description) {
          if (existing.description) {
            merged.losses.push({
              at: category.description.at,
              what: `category description "${excerpt(category.description.text)}"`,
              why: `the category is already described (line ${existing.description.at.line})`,
            });
          } else existing.description = category.description;
        }
      }
    }
    const shared = reading.draft.shared;
    if (shared) {
      if (!draft.shared) draft.shared = { title: shared.title, groups: [] };
      else if (formatPlace(draft.shared.title.at) !== formatPlace(shared.title.at)) {
        merged.held.push({ at: shared.title.at, as: "the shared expectations, named again" });
      }
      mergeGroups(draft.shared.groups, shared.groups);
    }
    for (const level of reading.draft.levels) {
      const existing = levels.get(normalized(level.heading.text));
      if (!existing) {
        const copy: DraftLevel = { ...level, facts: [...level.facts], groups: [] };
        mergeGroups(copy.groups, level.groups);
        levels.set(normalized(level.heading.text), copy);
        draft.levels.push(copy);
        continue;
      }
      if (formatPlace(existing.heading.at) !== formatPlace(level.heading.at)) {
        merged.held.push({
          at: level.heading.at,
          as: `level "${excerpt(existing.heading.text)}", named again`,
        });
      }
      if (level.summary) {
        if (existing.summary) {
          merged.losses.push({
            at: level.summary.at,
            what: `level summary "${excerpt(level.summary.text)}"`,
            why: `the level already has a summary (line ${existing.summary.at.line})`,
          });
        } else existing.summary = level.summary;
      }
      existing.facts.push(...level.facts);
      mergeGroups(existing.groups, level.groups);
    }
  }
  return merged;
}
