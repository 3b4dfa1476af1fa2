import type { Nodes, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import { excerpt, type Loss } from "../draft";
import {
  htmlNotReadWhy,
  isHtmlComment,
  lossesOf,
  placeAt,
  spanOf,
  type MarkdownSource,
  type Span,
} from "./source";

/** Why a shortcode line is not taken: the site generator replaces it, so a reader never sees it as written. */
export const SHORTCODE_WHY = "a shortcode of the site generator (Hugo/Jekyll): not text a reader sees";

/** A static-site generator's tag: a Hugo shortcode (`{{< card >}}`, `{{% note %}}`) or a Liquid tag (`{% include %}`). */
const SHORTCODE = String.raw`(?:\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{%.*?%\})`;
/** A line that is only shortcodes. */
const SHORTCODE_LINE = new RegExp(String.raw`^(?:${SHORTCODE}[ \t]*)+$`);

/** What a prose page is made of: the blocks written into it, what is cut out of their text, and what is lost. */
export interface ProseParts {
  /** The blocks written into the page, in order (some with lines cut out of them). */
  written: RootContent[];
  /** Spans of the source left out of the page's text: raw HTML, comments, shortcode lines. */
  cuts: Span[];
  /** The raw HTML blocks and the shortcode lines left out, each at its place with why. */
  losses: Loss[];
}

/**
 * Sorts a prose page's blocks into what a reader of the published page sees, as the Markdown
 * shape and the front-matter pages write prose alike. A raw HTML block (`<style>`, `<div>`, a
 * `<table>`) is no Markdown: it is a loss, saying what it is and `where` (`kept out of the
 * prose page`). An HTML comment is not content (a reader never sees it): left out silently,
 * also from inside a paragraph or a list. A line that is only a site generator's shortcode
 * (`{{< cards >}}`, `{{% note %}}`, `{% include %}`) would show as text: a loss.
 */
export function proseParts(source: MarkdownSource, nodes: RootContent[], where: string): ProseParts {
  const parts: ProseParts = { written: [], cuts: [], losses: [] };
  for (const node of nodes) {
    if (node.type === "html") {
      parts.cuts.push(spanOf(node));
      if (!isHtmlComment(node))
        parts.losses.push(...lossesOf(source, node, htmlNotReadWhy(node.value, where)));
      continue;
    }
    let whole = false;
    visit(node as Nodes, (inner) => {
      if (inner.type === "html" && isHtmlComment(inner)) parts.cuts.push(spanOf(inner));
      if (inner.type !== "paragraph") return;
      const lines = shortcodeLines(source, spanOf(inner));
      for (const line of lines) {
        parts.cuts.push(line);
        parts.losses.push({
          at: placeAt(source, line.start),
          what: `shortcode "${excerpt(source.text.slice(line.start, line.end))}"`,
          why: SHORTCODE_WHY,
        });
      }
      if (inner === node && lines.length > 0 && lines.length === lineCount(source, spanOf(inner)))
        whole = true;
    });
    if (whole) parts.cuts.push(spanOf(node));
    else parts.written.push(node);
  }
  return parts;
}

/**
 * The page's text: the source from the first written block to the last, verbatim but for
 * the cuts and the blocks of `all` that are not written (each left out with its whole lines
 * when it fills them, so a list split by a comment between its items is one list again),
 * and the blank lines a cut leaves doubled, made one.
 */
export function proseText(
  source: MarkdownSource,
  written: RootContent[],
  all: RootContent[],
  cuts: Span[],
): string {
  if (written.length === 0) return "";
  const start = spanOf(written[0]).start;
  const end = spanOf(written[written.length - 1]).end;
  const left = all.filter((node) => !written.includes(node)).map(spanOf);
  const ranges = [...cuts, ...left]
    .map((cut) => ({ start: Math.max(cut.start, start), end: Math.min(cut.end, end) }))
    .filter((cut) => cut.start < cut.end)
    .map((cut) => widen(source.text, cut, start, end))
    .sort((a, b) => a.start - b.start);
  // Cuts that overlap (a block left out, and a line of it) are one cut.
  const merged: Span[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  let text = "";
  let from = start;
  for (const cut of merged) {
    text = join(text, source.text.slice(from, cut.start));
    from = cut.end;
  }
  // Blank lines around it go; the first line's indentation stays (an indented code block keeps it).
  return join(text, source.text.slice(from, end))
    .replace(/^(?:[ \t]*\n)+/, "")
    .trimEnd();
}

/** Two pieces of the text either side of a cut, one blank line between them where each side ends or starts with one. */
function join(before: string, after: string): string {
  if (/(?:^|\n)[ \t]*\n[ \t]*$/.test(before) || before.trim() === "") {
    return before + after.replace(/^(?:[ \t]*\n)+/, "");
  }
  return before + after;
}

/**
 * A cut widened to its whole lines when it fills them (only white space, or a quote's `>`,
 * before it on its line, and only white space after it); otherwise with the spaces before it,
 * when spaces or the line's end follow it (`text <!-- note --> more` reads `text more`).
 */
function widen(text: string, cut: Span, min: number, max: number): Span {
  const lineStart = text.lastIndexOf("\n", cut.start - 1) + 1;
  const newline = text.indexOf("\n", cut.end);
  const lineEnd = newline < 0 ? text.length : newline;
  const before = text.slice(lineStart, cut.start);
  const after = text.slice(cut.end, lineEnd);
  if (/^[ \t>]*$/.test(before) && !after.trim()) {
    return { start: Math.max(lineStart, min), end: Math.min(newline < 0 ? lineEnd : lineEnd + 1, max) };
  }
  if (/^(?:[ \t]|$)/.test(after)) {
    let start = cut.start;
    while (start > lineStart && /[ \t]/.test(text[start - 1])) start--;
    return { start: Math.max(start, min), end: cut.end };
  }
  return cut;
}

/** The shortcodes of a paragraph that are alone on their lines (with only indentation or a quote's `>` before them). */
function shortcodeLines(source: MarkdownSource, span: Span): Span[] {
  const found: Span[] = [];
  let lineStart = source.text.lastIndexOf("\n", span.start - 1) + 1;
  while (lineStart < span.end) {
    const newline = source.text.indexOf("\n", lineStart);
    const from = Math.max(lineStart, span.start);
    const to = Math.min(newline < 0 ? source.text.length : newline, span.end);
    const content = source.text.slice(from, to);
    const code = content.trim();
    if (code && /^[ \t>]*$/.test(source.text.slice(lineStart, from)) && SHORTCODE_LINE.test(code)) {
      const start = from + content.indexOf(code);
      found.push({ start, end: start + code.length });
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return found;
}

/** How many lines a span has text on. */
function lineCount(source: MarkdownSource, span: Span): number {
  return source.text
    .slice(span.start, span.end)
    .split("\n")
    .filter((line) => line.trim()).length;
}
