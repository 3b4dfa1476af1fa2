/** A framework's text (inline Markdown, see `lib/text/inlineMarkdown`) as a page shows it. */
import { escapeHTML } from "astro/runtime/server/index.js";
import { inlineMarkdownHtml } from "../lib/text/inlineHtml";
import { exportedTree, isPlainText, parseInlineMarkdown } from "../lib/text/inlineMarkdown";
import { urls } from "./urls";

/**
 * The HTML of a text for `set:html`: its emphasis, code and links as elements, handbook links
 * under the site's base; `links: false` where the text is inside a link already. A text without
 * Markdown is escaped as Astro's `set:text` escapes it, so such a page reads byte for byte as
 * before Markdown was read. `prefix` is plain text put before it.
 */
export function textHtml(
  text: string,
  { links = true, prefix = "" }: { links?: boolean; prefix?: string | null } = {},
): string {
  const html = isPlainText(text) ? escapeHTML(text) : inlineMarkdownHtml(text, { base: urls.base, links });
  // A plain prefix (a responsibility's title and a colon) is escaped as text.
  return prefix ? escapeHTML(prefix) + html : html;
}

/**
 * What "Copy as Markdown" writes inside its link for a text with Markdown: the text's inline
 * tree as JSON (`markdownLink` makes its links text) for a `data-copy-phrasing` attribute (the copy script serializes
 * them and needs no Markdown parser); undefined for a plain text, whose shown text is copied.
 */
export function copyPhrasing(text: string): string | undefined {
  return isPlainText(text) ? undefined : JSON.stringify(parseInlineMarkdown(text).nodes);
}

/**
 * What "Copy as Markdown" writes under a behavior's link: its examples' inline trees as JSON,
 * their handbook links absolute (the copy is read away from the site), for a
 * `data-copy-examples` attribute; undefined for a behavior without examples.
 */
export function copyExamples(examples: string[]): string | undefined {
  if (examples.length === 0) return undefined;
  return JSON.stringify(examples.map((example) => exportedTree(example, urls)));
}
