import type { DraftText, ImportInput, Misfit } from "../draft";
import { decodeText, draftPlaces, excerpt } from "../draft";
import type { MatrixReading, TitledGrid } from "./gridMatrix";
import { readGridMatrices } from "./gridMatrix";
import { placeKey } from "./sourceText";

/** An item of a page outside its tables: a heading, a paragraph, a list item, loose text. */
export interface PageItem {
  /** What it is, for a loss: `heading`, `paragraph`, `list item`, `code block`, `text`. */
  kind: string;
  text: DraftText;
  /** A heading's depth (1 for `#` or `<h1>`). */
  depth?: number;
}

/** A page read for its tables: the tables as grids, and every other item of the page, in order. */
export interface TablePage {
  grids: TitledGrid[];
  items: PageItem[];
  /** A title the page gives outside its content (an HTML `<title>`), when it has no `<h1>`. */
  documentTitle?: DraftText;
}

/** Why an item outside the tables is not taken. */
const OUTSIDE_TABLES =
  "it is outside the page's tables, and this shape takes only the tables of levels × categories, the page's title and its first paragraph";

/**
 * A page whose framework is its tables of levels × categories: the tables merged into one draft
 * (see `readGridMatrices`), the track's title from the page's first top-level heading (else its
 * document title, else its first heading) and its description from its first paragraph. A
 * heading that only names the table below it is a label; every other item of the page is a loss
 * with its place: this shape takes no prose.
 */
export function readTablePage(page: TablePage, noTable: string): MatrixReading | Misfit {
  if (page.grids.length === 0) return { misfit: noTable };
  const reading = readGridMatrices(page.grids);
  if ("misfit" in reading) return reading;
  const taken = new Set<string>();
  const take = (at: DraftText["at"]) => taken.add(placeKey(at));
  for (const { at } of [...draftPlaces(reading.draft), ...reading.losses, ...reading.labels]) take(at);
  const free = (item: PageItem) => !taken.has(placeKey(item.text.at));

  const headings = page.items.filter((item) => item.kind === "heading" && free(item));
  const title = headings.find((item) => item.depth === 1)?.text ?? page.documentTitle ?? headings[0]?.text;
  if (title) {
    reading.draft.title = title;
    take(title.at);
  }
  const description = page.items.find((item) => item.kind === "paragraph" && free(item));
  if (description) {
    reading.draft.description = description.text;
    take(description.text.at);
  }
  for (const grid of page.grids) {
    if (grid.title && !taken.has(placeKey(grid.title.at))) {
      reading.labels.push({ at: grid.title.at, as: "the heading naming the table below it" });
      take(grid.title.at);
    }
  }
  for (const item of page.items) {
    if (!free(item)) continue;
    reading.losses.push({
      at: item.text.at,
      what: `${item.kind} "${excerpt(item.text.text)}"`,
      why: OUTSIDE_TABLES,
    });
    take(item.text.at);
  }
  reading.losses.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  return reading;
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
