import type { DraftText, ImportInput, Misfit, SourcePlace } from "../draft";
import { comparePlaces, decodeText, draftPlaces, excerpt, formatPlace } from "../draft";
import type { MatrixReading, TitledGrid } from "./gridMatrix";
import { readGridMatrices } from "./gridMatrix";
import type { SourceText } from "../sourceText";

/** An item of a page outside its tables: a heading, a paragraph, a list item, loose text. */
export interface PageItem {
  /** What it is, for a loss: `heading`, `paragraph`, `list item`, `code block`, `text`. */
  kind: string;
  text: DraftText;
  /** A heading's depth (1 for `#` or `<h1>`). */
  depth?: number;
  /** Where a heading ends in the source (a prose page's body starts after it). */
  end?: number;
}

/** A page read for its tables: the tables as grids, and every other item of the page, in order. */
export interface TablePage {
  grids: TitledGrid[];
  items: PageItem[];
  /** A title the page gives outside its content (an HTML `<title>`), when it has no `<h1>`. */
  documentTitle?: DraftText;
  /** The page's Markdown, when its sections without a table can be prose pages as written. */
  markdown?: SourceText;
}

/** Why an item outside the tables is not taken. */
const OUTSIDE_TABLES =
  "it is none of what this shape takes from a page: its tables of levels × categories, its title, the first " +
  "paragraph of its introduction, the paragraph between a table and the heading naming it, and (in Markdown) " +
  "each section's text before its tables, as a prose page";

const before = (a: SourcePlace, b: SourcePlace) =>
  a.line < b.line || (a.line === b.line && a.column < b.column);

/**
 * A page whose framework is its tables of levels × categories: the tables merged into one draft
 * (see `readGridMatrices`); the track's title from the page's first top-level heading (else its
 * document title, else its first heading) and its description from its first paragraph before
 * any other heading; the
 * paragraph between a heading that names a table's level or category and the table, as that
 * level's summary or that category's description. In Markdown, each section (at the depth of the
 * page's highest headings under its title) is a prose page, its body as written up to its first
 * table (see {@link readProse}). A heading that only names the table below it is held as a label; every other item of
 * the page is a loss with its place.
 */
export function readTablePage(page: TablePage, noTable: string): MatrixReading | Misfit {
  if (page.grids.length === 0) return { misfit: noTable };
  const reading = readGridMatrices(page.grids);
  if ("misfit" in reading) return reading;
  const { draft } = reading;
  const taken = new Set<string>();
  const take = (at: SourcePlace) => taken.add(formatPlace(at));
  for (const { at } of [...draftPlaces(draft), ...reading.losses, ...reading.held]) take(at);
  const free = (item: PageItem) => !taken.has(formatPlace(item.text.at));

  const headings = page.items.filter((item) => item.kind === "heading" && free(item));
  const titleItem =
    headings.find((item) => item.depth === 1) ?? (page.documentTitle ? undefined : headings[0]);
  const title = titleItem?.text ?? page.documentTitle;
  if (title) {
    draft.title = title;
    take(title.at);
  }
  // The description is the page's introduction: its first paragraph before any section's heading.
  const firstSection = page.items.findIndex((item) => item.kind === "heading" && item !== titleItem);
  const introduction = firstSection < 0 ? page.items : page.items.slice(0, firstSection);
  const description = introduction.find((item) => item.kind === "paragraph" && free(item));
  if (description) {
    draft.description = description.text;
    take(description.text.at);
  }

  for (const grid of page.grids) {
    if (!grid.title) continue;
    const named = grid.title;
    const level = draft.levels.find(
      (candidate) => formatPlace(candidate.heading.at) === formatPlace(named.at),
    );
    const category = draft.categories.find(
      (candidate) => formatPlace(candidate.at) === formatPlace(named.at),
    );
    const between = page.items.filter(
      (item) =>
        item.kind === "paragraph" &&
        free(item) &&
        before(named.at, item.text.at) &&
        before(item.text.at, grid.at),
    );
    if (between.length === 1 && level && !level.summary) level.summary = between[0].text;
    else if (between.length === 1 && category && !category.description)
      category.description = between[0].text;
    else if (!level && !category && !taken.has(formatPlace(named.at))) {
      reading.held.push({ at: named.at, as: "the heading naming the table below it" });
    }
    if ((level || category) && between.length === 1) take(between[0].text.at);
    take(named.at);
  }

  if (page.markdown) readProse(page.markdown, page.items, page.grids, titleItem, reading, free, take);

  for (const item of page.items) {
    if (!free(item)) continue;
    reading.losses.push({
      at: item.text.at,
      what: `${item.kind} "${excerpt(item.text.text)}"`,
      why: OUTSIDE_TABLES,
    });
    take(item.text.at);
  }
  reading.losses.sort((a, b) => comparePlaces(a.at, b.at));
  return reading;
}

/**
 * The sections of a Markdown page as prose pages: a section runs from a heading at the depth of
 * the page's highest headings (its title aside) to the next; its body is the Markdown after its
 * heading as written, up to its first table (or the heading naming it), so that a section of
 * tables keeps its introduction; each item in the body is held by the page.
 */
function readProse(
  markdown: SourceText,
  items: PageItem[],
  grids: TitledGrid[],
  titleItem: PageItem | undefined,
  reading: MatrixReading,
  free: (item: PageItem) => boolean,
  take: (at: SourcePlace) => void,
) {
  const headings = items.filter((item) => item.kind === "heading" && item !== titleItem);
  const depth = headings.reduce((highest, item) => Math.min(highest, item.depth ?? 1), 6);
  const heads = headings.filter((item) => item.depth === depth);
  const lineStart = (at: SourcePlace) => markdown.offsetOf({ ...at, column: 1 });
  heads.forEach((head, index) => {
    const start = lineStart(head.text.at);
    const sectionEnd = index + 1 < heads.length ? lineStart(heads[index + 1].text.at) : markdown.text.length;
    const tableStarts = grids
      .flatMap((grid) => [grid.at, ...(grid.title ? [grid.title.at] : [])])
      .map(lineStart)
      .filter((offset) => offset > start && offset < sectionEnd);
    const end = tableStarts.reduce((first, offset) => Math.min(first, offset), sectionEnd);
    const inside = items.filter((item) => {
      const offset = markdown.offsetOf(item.text.at);
      return item !== head && offset >= start && offset < end;
    });
    const body = withoutCode(markdown.text.slice(head.end ?? start, end));
    if (!free(head) || body === "" || !inside.every(free)) return;
    reading.draft.prose.push({ title: head.text, body });
    take(head.text.at);
    for (const item of inside) {
      reading.held.push({ at: item.text.at, as: `in the prose page "${excerpt(head.text.text)}"` });
      take(item.text.at);
    }
  });
}

/** A style, a script or a comment at the start or end of a prose body: code of the page, not its prose. */
const LEADING_CODE = /^\s*(?:<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->)/i;
const TRAILING_CODE =
  /(?:<(style|script)\b[^>]*>(?:(?!<\1\b)[\s\S])*?<\/\1\s*>|<!--(?:(?!<!--)[\s\S])*?-->)\s*$/i;

/** A prose body without the page's code around it (it would not survive as MDX, and is no one's prose), trimmed. */
function withoutCode(body: string): string {
  let text = body.trim();
  for (let match = LEADING_CODE.exec(text); match; match = LEADING_CODE.exec(text))
    text = text.slice(match[0].length).trim();
  for (let match = TRAILING_CODE.exec(text); match; match = TRAILING_CODE.exec(text))
    text = text.slice(0, match.index).trim();
  return text;
}

/** The one page a page shape reads, as text, or why the input is not one page of text. */
export function onePage(input: ImportInput): { path: string; text: string } | Misfit {
  if (input.isFolder || input.files.length !== 1) {
    return { misfit: `it is a folder of ${input.files.length} files, and this shape reads one page` };
  }
  const [file] = input.files;
  const text = decodeText(file);
  if (text === undefined) return { misfit: "it is not UTF-8 text" };
  return { path: file.path, text };
}
