import type { Element, Root, RootContent } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import type { DraftText } from "../draft";
import type { GridCell } from "../grid";
import type { TitledGrid } from "./gridMatrix";
import { HtmlTexts, isElement, NOT_TEXT, type HtmlSource } from "./htmlInline";
import { SourceText } from "../sourceText";

/**
 * How deep HTML may nest for Ladder to read it: every walk here recurses into each level, and
 * no page nests anywhere near this deep (a handbook's table sits some 15 elements down).
 */
export const MAX_HTML_DEPTH = 256;

/** The widest span a cell may claim, as browsers clamp `colspan` (and a `rowspan` never passes its row group). */
const MAX_COLSPAN = 1000;

/**
 * Parses HTML with positions (rehype-parse, the HTML standard's parser): a whole document, or a
 * fragment (a Markdown page's HTML block). Undefined when it nests deeper than
 * {@link MAX_HTML_DEPTH}, measured without recursion.
 */
export function parseHtml(html: string, fragment: boolean): Root | undefined {
  const tree = unified().use(rehypeParse, { fragment }).parse(html);
  const stack: { node: Root | RootContent; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_HTML_DEPTH) return undefined;
    if ("children" in node) for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  return tree;
}

/** The rows of a table in order (its head's, bodies', foot's and its own), by row group. */
function rowGroups(table: Element): Element[][] {
  const groups: Element[][] = [];
  let loose: Element[] = [];
  for (const child of table.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "tr") {
      loose.push(child);
      continue;
    }
    if (["thead", "tbody", "tfoot"].includes(child.tagName)) {
      if (loose.length > 0) groups.push(loose);
      loose = [];
      groups.push(child.children.filter((row): row is Element => isElement(row, "tr")));
    }
  }
  if (loose.length > 0) groups.push(loose);
  return groups;
}

function span(value: unknown, fallback: number, max: number): number {
  const number = typeof value === "number" ? value : Number.parseInt(String(value ?? ""), 10);
  return Number.isFinite(number) && number >= 0 ? Math.min(number, max) : fallback;
}

/**
 * A table as a grid: each `<td>`/`<th>` a cell whose items are its list items, paragraphs or
 * `<br>`-separated pieces (see {@link HtmlTexts.items}), placed as a browser places it. A cell
 * spanning several rows or columns (`rowspan`, `colspan`) fills each slot it covers with the
 * same cell, so that a reader sees it where it shows and can tell it is one (same place).
 */
export function tableGrid(table: Element, texts: HtmlTexts, title?: DraftText): TitledGrid {
  const rows: GridCell[][] = [];
  const taken: boolean[][] = [];
  const rowElements: Element[] = [];
  for (const group of rowGroups(table)) {
    const groupStart = rows.length;
    const groupEnd = groupStart + group.length;
    for (let index = 0; index < group.length; index++) {
      const row = groupStart + index;
      rows[row] ??= [];
      taken[row] ??= [];
      rowElements[row] = group[index];
      let column = 0;
      for (const element of group[index].children) {
        if (!isElement(element, "td", "th")) continue;
        while (taken[row][column]) column++;
        const items = texts.items(element);
        const at = texts.html.source.placeAt(texts.offsetOf(element) ?? texts.html.base);
        const cell: GridCell = { at, text: items.map((item) => item.text).join("\n"), items };
        const columns = Math.max(1, span(element.properties.colSpan, 1, MAX_COLSPAN));
        const rowSpan = span(element.properties.rowSpan, 1, groupEnd - row);
        const lastRow = rowSpan === 0 ? groupEnd : row + Math.max(1, rowSpan);
        for (let spanned = row; spanned < Math.min(lastRow, groupEnd); spanned++) {
          rows[spanned] ??= [];
          taken[spanned] ??= [];
          for (let offset = 0; offset < columns; offset++) {
            rows[spanned][column + offset] = cell;
            taken[spanned][column + offset] = true;
          }
        }
        column += columns;
      }
    }
  }
  const at = texts.html.source.placeAt(texts.offsetOf(table) ?? texts.html.base);
  // A grid has no holes: a slot no cell covers (a short row under a long one's span) is an empty
  // cell at its row's place.
  const dense = rows.map((row, index) =>
    Array.from({ length: row.length }, (_, column): GridCell => {
      const rowAt = texts.html.source.placeAt(texts.offsetOf(rowElements[index]) ?? texts.html.base);
      return row[column] ?? { at: rowAt, text: "", items: [] };
    }),
  );
  return { at, ...(title && { name: title.text, title }), rows: dense };
}

/**
 * The tables under `scope` (not those nested in another table's cell, nor in elements that are
 * not text, such as `<template>`, nor in those `skip` says are not content), each named by its
 * `<caption>` or else by the nearest heading above it (`headingAbove` when none in `scope` is: a
 * Markdown page's heading above its HTML block), in document order.
 */
export function tablesUnder(
  scope: Root | Element,
  texts: HtmlTexts,
  skip: (element: Element) => boolean = () => false,
  headingAbove?: DraftText,
): { table: Element; title?: DraftText; caption?: Element }[] {
  const found: { table: Element; title?: DraftText; caption?: Element }[] = [];
  let heading = headingAbove;
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element" || NOT_TEXT.has(child.tagName) || skip(child)) continue;
      if (/^h[1-6]$/.test(child.tagName)) {
        heading = texts.text(child.children, child) ?? heading;
      } else if (child.tagName === "table") {
        const caption = child.children.find((part): part is Element => isElement(part, "caption"));
        const captionText = caption && texts.text(caption.children, caption);
        found.push({ table: child, title: captionText ?? heading, ...(captionText && { caption }) });
      } else {
        walk(child);
      }
    }
  };
  walk(scope);
  return found;
}

/** The tables of an HTML page (or fragment) as grids, each named by its caption or the heading above it. */
export function readHtmlTables(html: string, file: string, fragment = false): TitledGrid[] {
  const tree = parseHtml(html, fragment);
  if (!tree) return [];
  const texts = new HtmlTexts({ source: new SourceText(html, file), base: 0 });
  return tablesUnder(tree, texts).map(({ table, title }) => tableGrid(table, texts, title));
}

export type { HtmlSource };
