import type { Nodes as HastNodes, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { parseInlineMarkdown } from "./inlineMarkdown";
import { resolveHandbookLinks, unwrapLinks, type InlineNode } from "./inlineTree";

/**
 * A framework's text as HTML for the pages (see `inlineMarkdown`): apart from the parser, so
 * the command line, which only validates, carries no HTML serializer.
 */

/** How a text is rendered as HTML. */
export interface InlineHtmlOptions {
  /** The site's base path ("/handbook/"), put before handbook links ("/support/ic3/"). */
  base?: string;
  /** False where the text is inside a link already (links do not nest): its links become their text. */
  links?: boolean;
}

const htmlProcessor = unified().use(remarkRehype).use(rehypeStringify);

/**
 * A text as HTML to put inside an element: `<em>`, `<strong>`, `<code>`, `<a href>` and `<br>`
 * made from its validated tree (never from its source), every text escaped. Handbook links get
 * the site's base. A text with problems shows what can be shown (validation stops a build first).
 */
export function inlineMarkdownHtml(
  text: string,
  { base = "/", links = true }: InlineHtmlOptions = {},
): string {
  const { nodes } = parseInlineMarkdown(text);
  const shown = links ? withBase(nodes, base) : unwrapLinks(nodes);
  const mdast: MdastRoot = { type: "root", children: [{ type: "paragraph", children: shown }] };
  const hast = htmlProcessor.runSync(mdast) as HastRoot;
  const paragraph = hast.children[0] as Extract<HastNodes, { type: "element" }>;
  return htmlProcessor.stringify({ type: "root", children: paragraph.children });
}

/** The tree with each handbook path ("/support/ic3/") under the site's base ("/handbook/support/ic3/"). */
export function withBase(nodes: InlineNode[], base: string): InlineNode[] {
  return resolveHandbookLinks(nodes, (path) => base.replace(/\/$/, "") + path);
}
