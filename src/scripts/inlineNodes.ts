/**
 * Shows a framework's text in the browser from the inline tree the server parsed
 * (`lib/text/inlineMarkdown`), with DOM calls only: elements for emphasis, strong, code and
 * line breaks, and every word a text node, so nothing in a text is ever read as HTML. Links are
 * shown as their text: the scripts show texts inside links of their own (links do not nest).
 */
import { unwrapLinks, type InlineNode } from "../lib/text/inlineTree";

/** What rendering needs of a document: the page's, or a test's stand-in. */
export interface InlineDocument<N> {
  createElement(tag: "em" | "strong" | "code" | "br"): N & { append(...children: N[]): void };
  createTextNode(text: string): N;
}

const TAGS = { emphasis: "em", strong: "strong", inlineCode: "code", break: "br" } as const;

/** The DOM nodes of a text's tree, to append to the element that shows it. */
export function inlineDomNodes<N>(nodes: InlineNode[], doc: InlineDocument<N>): N[] {
  const build = (tree: InlineNode[]): N[] =>
    tree.map((node) => {
      if (node.type === "text") return doc.createTextNode(node.value);
      if (node.type === "link") throw new Error("links are unwrapped first");
      const element = doc.createElement(TAGS[node.type]);
      if (node.type === "inlineCode") element.append(doc.createTextNode(node.value));
      else if (node.type !== "break") element.append(...build(node.children));
      return element;
    });
  return build(unwrapLinks(nodes));
}
