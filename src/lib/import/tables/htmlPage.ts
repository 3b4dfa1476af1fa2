import type { Element, ElementContent, Root } from "hast";
import type { DraftText } from "../draft";
import { HtmlTexts, isBlock, NOT_TEXT } from "./htmlInline";
import { parseHtml, tableGrid, tablesUnder } from "./htmlTables";
import { SourceText } from "../sourceText";
import type { PageItem, TablePage } from "./tablePage";

/** Elements that hold one item each: their whole inline content, looked into no further. */
const ITEM_ELEMENTS: Record<string, string> = {
  p: "paragraph",
  pre: "preformatted text",
  dt: "term",
  figcaption: "caption",
  caption: "caption",
  summary: "summary",
  address: "address",
};

/** Site chrome wherever it stands: navigation and controls, not text of the framework. */
const CHROME = new Set(["nav", "form", "button", "select", "input", "textarea", "dialog", "menu"]);

/** Site chrome around the content, when the page marks none as its `<main>` or `<article>`. */
const OUTER_CHROME = new Set(["header", "footer", "aside"]);

/** The first element of this name, in document order (walked without recursion). */
function firstElement(root: Root | Element, name: string): Element | undefined {
  const stack: (Root | Element)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "element" && node.tagName === name) return node;
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index];
      if (child.type === "element" && !NOT_TEXT.has(child.tagName)) stack.push(child);
    }
  }
  return undefined;
}

/**
 * The part of a page that holds the framework, and what in it is chrome. A handbook page is
 * mostly site: navigation, scripts, styles, headers and footers. The content is the page's
 * `<main>`, else its `<article>`, else its `<body>`; in it, scripts, styles, templates and
 * navigation or form controls are not framework content (not items: not reported), nor, when
 * the content is the whole body, are its `<header>`, `<footer>` and `<aside>` (inside a `<main>`
 * or an `<article>`, a header holds the article's title, so there it is content).
 */
export function contentOf(root: Root): { scope: Root | Element; skip: (element: Element) => boolean } {
  const marked = firstElement(root, "main") ?? firstElement(root, "article");
  const scope = marked ?? firstElement(root, "body") ?? root;
  const skip = (element: Element) =>
    CHROME.has(element.tagName) || (!marked && OUTER_CHROME.has(element.tagName));
  return { scope, skip };
}

/**
 * Every item under `scope` outside its tables, in order: headings, paragraphs (and other
 * single-item blocks), list items (each without its nested lists, which give items of their
 * own), and runs of loose text in other blocks.
 */
export function htmlItems(
  scope: Root | Element,
  texts: HtmlTexts,
  skip: (element: Element) => boolean,
): PageItem[] {
  const items: PageItem[] = [];
  const add = (kind: string, nodes: readonly ElementContent[], at: Element | Root, depth?: number) => {
    const text = texts.text(nodes, at);
    if (text) items.push({ kind, text, ...(depth && { depth }) });
  };
  const walk = (container: Root | Element) => {
    let run: ElementContent[] = [];
    const flush = () => {
      add("text", run, container);
      run = [];
    };
    for (const child of container.children) {
      if (child.type === "text") {
        run.push(child);
        continue;
      }
      if (child.type !== "element" || NOT_TEXT.has(child.tagName) || skip(child)) continue;
      if (!isBlock(child) && child.tagName !== "br") {
        run.push(child);
        continue;
      }
      flush();
      const name = child.tagName;
      if (name === "table" || name === "br" || name === "hr") continue;
      if (/^h[1-6]$/.test(name)) add("heading", child.children, child, Number(name[1]));
      else if (ITEM_ELEMENTS[name]) add(ITEM_ELEMENTS[name], child.children, child);
      else if (name === "li") {
        const nested = child.children.filter(
          (part) => part.type === "element" && ["ul", "ol", "table"].includes(part.tagName),
        ) as Element[];
        add(
          "list item",
          child.children.filter((part) => !nested.includes(part as Element)),
          child,
        );
        for (const list of nested) if (list.tagName !== "table") walk(list);
      } else walk(child);
    }
    flush();
  };
  walk(scope);
  return items;
}

/** The page's title outside its content: `<title>`. */
function documentTitle(root: Root, texts: HtmlTexts): DraftText | undefined {
  const title = firstElement(root, "title");
  return title && texts.text(title.children, title);
}

/**
 * An HTML page read for its tables: the tables of its content (see {@link contentOf}) as grids,
 * every other item of the content, its first `<h1>` wherever it stands (a site header often
 * holds it) and its `<title>`. Undefined when the page nests too deep to be read.
 */
export function readHtmlPage(html: string, file: string): TablePage | undefined {
  const tree = parseHtml(html, false);
  if (!tree) return undefined;
  const texts = new HtmlTexts({ source: new SourceText(html, file), base: 0 });
  const { scope, skip } = contentOf(tree);
  const grids = tablesUnder(scope, texts, skip).map(({ table, title }) => tableGrid(table, texts, title));
  const items = htmlItems(scope, texts, skip);
  // The content's h1, else the page's (a site header often holds it).
  const h1 = firstElement(scope, "h1") ?? firstElement(tree, "h1");
  const h1Text = h1 && texts.text(h1.children, h1);
  if (
    h1Text &&
    !items.some((item) => item.text.at.line === h1Text.at.line && item.text.at.column === h1Text.at.column)
  ) {
    // The page's h1 outside its content (in a site header): its title all the same.
    items.unshift({ kind: "heading", text: h1Text, depth: 1 });
  }
  return { grids, items, documentTitle: documentTitle(tree, texts) };
}
