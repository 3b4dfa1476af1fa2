import GithubSlugger from "github-slugger";
import type { Element, Root, Text } from "hast";
import { visit } from "unist-util-visit";

/** Text content of a hast node. */
function textOf(node: Element | Text): string {
  return node.type === "text"
    ? node.value
    : node.children.map((child) => textOf(child as Element | Text)).join("");
}

/**
 * Gives prose headings ids that start with `prose--`. Behavior ids never contain `--`, so a
 * heading in prose can never take the anchor of a behavior on the same page.
 */
export function rehypePrefixHeadingIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, "element", (node: Element) => {
      if (/^h[1-6]$/.test(node.tagName) && node.properties.id === undefined) {
        node.properties.id = `prose--${slugger.slug(textOf(node))}`;
      }
    });
  };
}
