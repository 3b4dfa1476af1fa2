import { compareText } from "../handbook/buildHandbook";

/**
 * What every importer reads a source into, before ids are given and files written: a draft of
 * one track that keeps each text verbatim with the place it came from, and the items of the
 * source that were not taken, with why. One draft shape serves every source shape (Markdown,
 * front-matter pages, YAML, HTML tables, spreadsheets), so ids, level codes, `cumulative` and
 * the dry-run report are decided in one place (`draftToFiles`).
 */

/** A place in a source file, 1-based, as editors and compilers report them (`file:line:column`). */
export interface SourcePlace {
  /** The file as the user named it; a spreadsheet's sheet as `book.xlsx#Sheet1` when it has several. */
  file: string;
  /** The line; a spreadsheet cell's row. */
  line: number;
  /** The column; a spreadsheet cell's column number (A = 1). */
  column: number;
}

/** One file given to the importer. */
export interface SourceFile {
  /** As the user would name it: the path given, or the folder given joined with the file's path in it. */
  path: string;
  bytes: Uint8Array;
}

/** What `ladder import` was pointed at: one file, or every file of a folder (sorted by path). */
export interface ImportInput {
  /** The file or folder as the user named it. */
  path: string;
  isFolder: boolean;
  files: SourceFile[];
}

/** A text of the source, verbatim (inline Markdown included), with where it starts. */
export interface DraftText {
  text: string;
  at: SourcePlace;
}

export interface DraftBehavior extends DraftText {
  examples: DraftText[];
  /** An id the source gives (an export's id column, a `{#id}` after the text); otherwise generated. */
  id?: string;
  /** Ids the behavior was published under before (an export's `aliases` column). */
  aliases?: DraftText[];
}

/** Behaviors under one category of a level, or with no category (`category: null`). */
export interface DraftGroup {
  /** The category's title as written here (matched to `DraftTrack.categories` by title, or by id when `categoryId` is given). */
  category: DraftText | null;
  /** A category id the source gives (an export's column); otherwise matched by title or generated. */
  categoryId?: string;
  /**
   * The heading the category is listed under, as its group (InfraCloud's `## Functional
   * Competencies` above `### Management` and `### Delighting People`): `draftToFiles` gives it
   * to the category as `group`. It is a text with its place, since the heading is an item of
   * the source that lands here. Where a level's categories have groups, one whose own heading
   * sits beside the groups (`## Core Competencies` with its list right under it) is its own
   * group (`group` is then `category`), as the model wants every category of a track in a
   * group or none.
   */
  group?: DraftText;
  behaviors: DraftBehavior[];
}

export interface DraftFact {
  label: string;
  value: string;
  at: SourcePlace;
}

export interface DraftLevel {
  /** The level's name as written (`IC3 · Senior Engineer`): split into code and title by `draftToFiles` unless `code` is given. */
  heading: DraftText;
  code?: string;
  title?: string;
  /** An id the source gives; otherwise made from the code. */
  id?: string;
  /** An order the source gives; otherwise from the codes' numbers, or the order of the source. */
  order?: number;
  summary?: DraftText;
  facts: DraftFact[];
  groups: DraftGroup[];
}

export interface DraftCategory extends DraftText {
  /** `text` is the title. */
  id?: string;
  description?: DraftText;
  group?: string;
}

export interface DraftProse {
  title: DraftText;
  /** The page's Markdown as written in the source. */
  body: string;
}

export interface DraftTrack {
  title?: DraftText;
  description?: DraftText;
  /**
   * Categories with what the source says of them (descriptions, groups), in order. A category
   * that a group names but that is not listed here is added after these, in order of first use.
   */
  categories: DraftCategory[];
  levels: DraftLevel[];
  /** Expectations shared by every level ("All levels"). */
  shared?: { title: DraftText; groups: DraftGroup[] };
  prose: DraftProse[];
  /** Whether the source says so (front matter, an option); otherwise proposed from the data. */
  cumulative?: boolean;
}

/** An item of the source that is not in the draft: what it was and why it was not taken. */
export interface Loss {
  at: SourcePlace;
  /** What the item is, to find it by: `list item "Mentors others…"`, `cell C7 "…"`. */
  what: string;
  why: string;
}

/** Something taken, but worth a look (a guess the importer made). */
export interface ImportWarning {
  at: SourcePlace;
  message: string;
}

/** An item of the source taken as structure rather than text: a table's corner, a column's label, a name given again. */
export interface HeldPlace {
  at: SourcePlace;
  /** What it was taken as: `the corner cell, naming the table's axes`. */
  as: string;
}

/** A source read as one shape. */
export interface ShapeReading {
  draft: DraftTrack;
  losses: Loss[];
  warnings: ImportWarning[];
  /** Items taken as structure, so that with the draft's places and the losses every item is accounted for. */
  held?: HeldPlace[];
}

/** Why a source is not of a shape, for the error that lists every shape tried. */
export interface Misfit {
  misfit: string;
}

/** A shape frameworks are published in, and its reader. */
export interface Shape {
  /** The value of `--format` that chooses it (`markdown`, `markdown-table`, `yaml`, `csv`…). */
  name: string;
  /** What it is, for messages: `Markdown: a heading per level`. */
  label: string;
  /** Reads the input as this shape, or says why it does not fit (without throwing). */
  read(input: ImportInput): Promise<ShapeReading | Misfit>;
}

/** A place as editors and compilers print it, `file:line:column`; also a key to compare places by. */
export function formatPlace(at: SourcePlace): string {
  return `${at.file}:${at.line}:${at.column}`;
}

/** Places in reading order: by file (as the input's files are sorted), then line, then column. */
export function comparePlaces(a: SourcePlace, b: SourcePlace): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

export function isMisfit(reading: ShapeReading | Misfit): reading is Misfit {
  return "misfit" in reading;
}

/**
 * A file's text, strict UTF-8 without its byte-order mark, or undefined when it is not UTF-8
 * (a reader then says the file does not fit; spreadsheets are read from the bytes).
 */
export function decodeText(file: SourceFile): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(file.bytes);
  } catch {
    return undefined;
  }
}

/** An empty draft, for readers to fill. */
export function emptyDraft(): DraftTrack {
  return { categories: [], levels: [], prose: [] };
}

/** The first words of a text, to recognize an item by in a message. */
export function excerpt(text: string, words = 6): string {
  const all = text.trim().split(/\s+/);
  return all.length > words ? `${all.slice(0, words).join(" ")}…` : all.join(" ");
}

/**
 * The source place of every text a draft holds, each with what it became: the places of items
 * taken. With a reading's losses these account for every item of the source.
 */
export function draftPlaces(draft: DraftTrack): { at: SourcePlace; as: string }[] {
  const places: { at: SourcePlace; as: string }[] = [];
  const add = (text: DraftText | undefined, as: string) => text && places.push({ at: text.at, as });
  add(draft.title, "track title");
  add(draft.description, "track description");
  for (const category of draft.categories) {
    add(category, "category");
    add(category.description, "category description");
  }
  const groupHeadings = new Set<DraftText>();
  const addGroups = (groups: DraftGroup[]) => {
    for (const group of groups) {
      add(group.category ?? undefined, "category");
      // A group heading is one item however many categories it holds; a category that is its own group is placed as the category.
      if (group.group && group.group !== group.category && !groupHeadings.has(group.group)) {
        groupHeadings.add(group.group);
        add(group.group, "category group");
      }
      for (const behavior of group.behaviors) {
        add(behavior, "behavior");
        for (const alias of behavior.aliases ?? []) add(alias, "alias");
        for (const example of behavior.examples) add(example, "example");
      }
    }
  };
  if (draft.shared) {
    add(draft.shared.title, "shared expectations");
    addGroups(draft.shared.groups);
  }
  for (const level of draft.levels) {
    add(level.heading, "level");
    add(level.summary, "level summary");
    for (const fact of level.facts) places.push({ at: fact.at, as: "level fact" });
    addGroups(level.groups);
  }
  for (const page of draft.prose) add(page.title, "prose page");
  return places;
}
