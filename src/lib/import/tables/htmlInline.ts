import type { Element, ElementContent, Root, RootContent } from "hast";
import type { DraftText } from "../draft";
import type { GridItem } from "./gridMatrix";
import type { SourceText } from "../sourceText";

/**
 * HTML read into the texts of a draft. A draft keeps texts as inline Markdown, so the inline
 * HTML of a cell or a paragraph becomes the equivalent inline Markdown: `<strong>`/`<b>` →
 * `**…**`, `<em>`/`<i>` → `*…*`, `<code>` → `` `…` ``, `<del>`/`<s>` → `~~…~~`, `<a href>` →
 * `[text](href)`; every other element keeps its text (an `<abbr>`'s, a `<span>`'s), and an image
 * or a link without text gives nothing. Entities are decoded (the parser does it) and runs of
 * white space collapse to one space, as a browser shows them; a no-break space stays. Text is
 * not escaped: a `*` written in the HTML stays a `*`, as the author wrote it.
 */

/** Where the parsed HTML lies in the source: its text, and the offset the parsed string starts at. */
export interface HtmlSource {
  source: SourceText;
  /** The offset in `source` of the parsed string's first character (a Markdown page's HTML block). */
  base: number;
}

type HtmlNode = Root | RootContent;

/** Elements laid out as blocks: they end a run of inline content. */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "caption",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

/** Elements whose content is code or data, not text of the page. */
export const NOT_TEXT = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "svg",
  "math",
  "canvas",
  "iframe",
  "object",
]);

/** White space as HTML collapses it (not the no-break space). */
const HTML_SPACE = /[ \t\n\r\f]+/g;

/** A list item's bullet written as text (`• `, `- `, `* `), consumed like a Markdown list marker. */
const TEXT_BULLET = /^(?:[•·‣▪◦●○■–]|[-*+](?= ))[ \u00a0]+/;

export function isElement(node: HtmlNode | undefined, ...names: string[]): node is Element {
  return node?.type === "element" && (names.length === 0 || names.includes(node.tagName));
}

export function isBlock(node: HtmlNode): boolean {
  return node.type === "element" && BLOCKS.has(node.tagName);
}

/** The inline Markdown of these nodes, white space collapsed but not trimmed. */
function inline(nodes: readonly ElementContent[]): string {
  let markdown = "";
  for (const node of nodes) {
    if (node.type === "text") markdown += node.value.replace(HTML_SPACE, " ");
    else if (node.type === "element") markdown += inlineElement(node);
  }
  return markdown;
}

function inlineElement(element: Element): string {
  const name = element.tagName;
  if (NOT_TEXT.has(name) || name === "img") return "";
  if (name === "br") return " ";
  if (name === "strong" || name === "b") return wrap(inline(element.children), "**", "**");
  if (name === "em" || name === "i") return wrap(inline(element.children), "*", "*");
  if (name === "del" || name === "s" || name === "strike") return wrap(inline(element.children), "~~", "~~");
  if (name === "code") return codeSpan(inline(element.children));
  if (name === "a") {
    const href = element.properties.href;
    const text = inline(element.children);
    if (typeof href !== "string" || href === "") return text;
    return wrap(text, "[", `](${destination(href)})`);
  }
  const text = inline(element.children);
  return BLOCKS.has(name) ? ` ${text} ` : text;
}

/** `text` between two markers, its outer spaces moved outside them (`** bold **` is not bold in Markdown). */
function wrap(text: string, open: string, close: string): string {
  const [, lead, core, trail] = /^( *)([\s\S]*?)( *)$/.exec(text)!;
  if (core === "") return lead + trail;
  return `${lead}${open}${core}${close}${trail}`;
}

function codeSpan(text: string): string {
  const core = text.trim();
  if (core === "") return text;
  const longest = Math.max(0, ...(core.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = core.startsWith("`") || core.endsWith("`") ? " " : "";
  return `${fence}${pad}${core}${pad}${fence}`;
}

function destination(href: string): string {
  return /[\s<>()]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
}

/** Trims collapsed HTML white space (but not a no-break space) and doubles left by joining. */
function tidy(text: string): string {
  return text.replace(/ {2,}/g, " ").replace(/^ +| +$/g, "");
}

/** The inline Markdown of these nodes, trimmed. */
export function inlineMarkdown(nodes: readonly ElementContent[]): string {
  return tidy(inline(nodes));
}

/** An item of HTML content: a list item (with its nested lists), or a run of inline content. */
type Block = { kind: "item"; element: Element } | { kind: "run"; nodes: ElementContent[] };

/**
 * The items of a container's content, in order: each list item (`<li>`), each paragraph (`<p>`
 * and other blocks, looked into when they hold blocks themselves), and each run of inline
 * content between them, split at `<br>`. So a cell's items are its list items, else its
 * paragraphs, else its `<br>`-separated pieces, else its whole text; and a cell mixing them
 * (text, then `<p>`s, as one real framework's cells do) loses none of it.
 */
function blocksOf(children: readonly ElementContent[], into: Block[] = []): Block[] {
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.length > 0) into.push({ kind: "run", nodes: run });
    run = [];
  };
  for (const child of children) {
    if (child.type === "text") {
      run.push(child);
      continue;
    }
    if (child.type !== "element" || NOT_TEXT.has(child.tagName)) continue;
    if (!BLOCKS.has(child.tagName) && child.tagName !== "br") {
      run.push(child);
      continue;
    }
    flush();
    if (child.tagName === "br" || child.tagName === "hr") continue;
    if (child.tagName === "li") into.push({ kind: "item", element: child });
    else if (child.tagName === "table") into.push({ kind: "run", nodes: [child] });
    else blocksOf(child.children, into);
  }
  flush();
  return into;
}

/** Reads HTML content into draft texts with their places. */
export class HtmlTexts {
  constructor(readonly html: HtmlSource) {}

  /** The offset in the source where a node starts. */
  offsetOf(node: HtmlNode): number | undefined {
    const offset = node.position?.start.offset;
    return offset === undefined ? undefined : this.html.base + offset;
  }

  /** The offset in the source where a node ends. */
  endOf(node: HtmlNode): number | undefined {
    const offset = node.position?.end.offset;
    return offset === undefined ? undefined : this.html.base + offset;
  }

  /**
   * The text of these nodes with where it starts: the first character of the first node that
   * gives text (past leading white space, and past a text bullet it consumed), or undefined
   * when they give none.
   */
  text(nodes: readonly ElementContent[], fallback: HtmlNode, consumeBullet = false): DraftText | undefined {
    let text = inlineMarkdown(nodes);
    if (text === "") return undefined;
    const first = nodes.find((node) => inlineMarkdown([node]) !== "");
    let offset = (first && this.offsetOf(first)) ?? this.offsetOf(fallback) ?? this.html.base;
    const { source } = this.html;
    if (first?.type === "text") offset = source.skipSpace(offset);
    const bullet = consumeBullet ? TEXT_BULLET.exec(text) : null;
    if (bullet) {
      text = text.slice(bullet[0].length);
      if (text === "") return undefined;
      if (first?.type === "text" && source.text.startsWith(bullet[0].trimEnd(), offset)) {
        offset = source.skipSpace(offset + bullet[0].trimEnd().length);
      }
    }
    return { text, at: source.placeAt(offset) };
  }

  /** A list item's text (its nested lists left out) and its nested lists' items as examples. */
  listItem(element: Element): GridItem | undefined {
    const lists = element.children.filter((child): child is Element => isElement(child, "ul", "ol"));
    const own = element.children.filter((child) => !lists.includes(child as Element));
    const text = this.text(own, element, true);
    const examples = lists.flatMap((list) => this.nestedItems(list));
    if (!text) return undefined;
    return examples.length > 0 ? { ...text, examples } : text;
  }

  /** Every list item under a nested list, however deep, in order: examples have no examples. */
  private nestedItems(list: Element): DraftText[] {
    const texts: DraftText[] = [];
    for (const block of blocksOf(list.children)) {
      if (block.kind === "run") {
        const text = this.text(block.nodes, list, true);
        if (text) texts.push(text);
        continue;
      }
      const lists = block.element.children.filter((child): child is Element => isElement(child, "ul", "ol"));
      const own = block.element.children.filter((child) => !lists.includes(child as Element));
      const text = this.text(own, block.element, true);
      if (text) texts.push(text);
      for (const nested of lists) texts.push(...this.nestedItems(nested));
    }
    return texts;
  }

  /** The items of a container (a table cell): see {@link blocksOf}. */
  items(container: Element): GridItem[] {
    const items: GridItem[] = [];
    for (const block of blocksOf(container.children)) {
      const item =
        block.kind === "item" ? this.listItem(block.element) : this.text(block.nodes, container, true);
      if (item) items.push(item);
    }
    return items;
  }
}
