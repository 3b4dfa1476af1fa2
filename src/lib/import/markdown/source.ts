import type { Nodes, Root, RootContent } from "mdast";
import rehypeParse from "rehype-parse";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseWithinNesting, type TooDeep } from "../../data/nesting";
import { excerpt, type DraftText, type Loss, type SourcePlace } from "../draft";
import { SourceText } from "../sourceText";

/**
 * A Markdown file's text with what turns an offset into a place, so that every text a reader
 * takes is a slice of the source (verbatim, inline Markdown included) with its `file:line:column`.
 */
export interface MarkdownSource {
  text: string;
  file: string;
  /** Turns an offset into a place. */
  places: SourceText;
}

/** A range of the source, by offsets (end excluded). */
export interface Span {
  start: number;
  end: number;
}

export function markdownSource(text: string, file: string): MarkdownSource {
  return { text, file, places: new SourceText(text, file) };
}

/** The place of an offset, counted as the Markdown parser counts (columns in UTF-16 units). */
export function placeAt(source: MarkdownSource, offset: number): SourcePlace {
  return source.places.placeAt(offset);
}

/** A page's syntax tree (GFM: tables, task items, footnotes), or where it nests too deep to be read safely. */
export function parseMarkdown(text: string): { tree: Root } | { tooDeep: TooDeep } {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return parseWithinNesting(text, (markdown) => processor.parse(markdown));
}

/** Where a node is in the source. */
export function spanOf(node: Nodes): Span {
  return { start: node.position!.start.offset!, end: node.position!.end.offset! };
}

/** What a node holds inside its markup (a heading's text without its `#`s), or undefined when it holds nothing. */
export function innerSpan(node: Nodes): Span | undefined {
  const children = "children" in node ? (node.children as Nodes[]) : [];
  if (children.length === 0) return undefined;
  return { start: spanOf(children[0]).start, end: spanOf(children[children.length - 1]).end };
}

/** A span without the white space around it. */
export function trimSpan(source: MarkdownSource, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(source.text[start])) start++;
  while (end > start && /\s/.test(source.text[end - 1])) end--;
  return { start, end };
}

export function sliceOf(source: MarkdownSource, span: Span): string {
  return source.text.slice(span.start, span.end);
}

/** The text of a span (trimmed), verbatim, with where it starts. */
export function draftText(source: MarkdownSource, span: Span): DraftText {
  const trimmed = trimSpan(source, span);
  return { text: sliceOf(source, trimmed), at: placeAt(source, trimmed.start) };
}

/** The place a node starts at. */
export function placeOf(source: MarkdownSource, node: Nodes): SourcePlace {
  return placeAt(source, spanOf(node).start);
}

/**
 * The warning for a heading with no text (`##` alone): it names nothing, but drops no words
 * either, so it is not a loss (what is under it may be).
 */
export const EMPTY_HEADING = "an empty heading: it names nothing, and holds no text to take";

const NODE_NAMES: Record<string, string> = {
  heading: "heading",
  paragraph: "paragraph",
  list: "list",
  listItem: "list item",
  table: "table",
  code: "code block",
  html: "HTML",
  blockquote: "block quote",
  definition: "link definition",
  footnoteDefinition: "footnote",
  thematicBreak: "thematic break",
};

/** What a node is, to find it by in a report: `list item "Mentors others…"`. */
export function describeNode(source: MarkdownSource, node: Nodes): string {
  const name = NODE_NAMES[node.type] ?? node.type;
  const text = sliceOf(source, innerSpan(node) ?? spanOf(node))
    .trim()
    .split("\n")[0];
  return text ? `${name} "${excerpt(text)}"` : name;
}

/** An HTML block's parts, as the HTML standard's parser reads them (rehype-parse). */
function htmlParts(value: string) {
  return unified().use(rehypeParse, { fragment: true }).parse(value).children;
}

/**
 * Whether a node is an HTML comment (`<!-- TODO … -->`) and nothing else. A comment is not
 * content: readers of the published page never see it, so it is accounted for by being what
 * it is, neither taken nor reported (no loss, no warning), and never written into a page.
 */
export function isHtmlComment(node: Nodes): boolean {
  if (node.type !== "html") return false;
  const parts = htmlParts(node.value);
  return (
    parts.some((part) => part.type === "comment") &&
    parts.every((part) => part.type === "comment" || (part.type === "text" && !part.value.trim()))
  );
}

/** Whether a node is part of what the author wrote for readers: not a thematic break, not an HTML comment. */
export function isContent(node: RootContent): boolean {
  return node.type !== "thematicBreak" && !isHtmlComment(node);
}

/** Which shapes read an HTML table, for every message about HTML the Markdown shape does not read. */
const HTML_TABLE_SHAPES =
  "HTML tables of levels × categories are read by --format markdown-table or --format html";

/**
 * What a raw HTML block is, by its elements (`raw HTML (<style>)`), where it is or
 * what becomes of it (`in a level`, `kept out of the prose page`), and that the Markdown shape
 * does not read it, naming the shapes that read HTML tables.
 */
export function htmlNotReadWhy(value: string, where: string): string {
  const tags = [
    ...new Set(htmlParts(value).flatMap((part) => (part.type === "element" ? [`<${part.tagName}>`] : []))),
  ];
  const what = tags.length === 0 ? "raw HTML" : `raw HTML (${tags.join(", ")})`;
  return `${what} ${where}: the Markdown shape does not read HTML (${HTML_TABLE_SHAPES})`;
}

/**
 * The losses for a node not taken: one per item in it, so that each list item (and each nested
 * one) is reported at its own place; quotes, tables and footnotes count as one item. A
 * thematic break and an HTML comment hold no text for readers: none.
 */
export function lossesOf(source: MarkdownSource, node: Nodes, why: string): Loss[] {
  if (node.type === "thematicBreak" || isHtmlComment(node)) return [];
  if (node.type === "list") return node.children.flatMap((item) => lossesOf(source, item, why));
  const loss = { at: placeOf(source, node), what: describeNode(source, node), why };
  if (node.type !== "listItem") return [loss];
  const [first, ...rest] = node.children;
  const inner = first?.type === "paragraph" ? rest : node.children;
  return [loss, ...inner.flatMap((child) => lossesOf(source, child, why))];
}
