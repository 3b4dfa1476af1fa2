/**
 * The inline tree of a framework's text (see `inlineMarkdown`, which makes it) and what can be
 * done with it without parsing: kept apart so the pages' scripts (the roadmap builder, "Copy as
 * Markdown") can show and write a tree the server parsed without carrying a Markdown parser.
 */

/** One node of a text's inline tree: a subset of mdast's phrasing content, without positions. */
export type InlineNode =
  | { type: "text"; value: string }
  | { type: "emphasis"; children: InlineNode[] }
  | { type: "strong"; children: InlineNode[] }
  | { type: "inlineCode"; value: string }
  | { type: "break" }
  | InlineLink;

/** A link: to an http, https or mailto address, a handbook path ("/…") or an anchor ("#…"). */
export interface InlineLink {
  type: "link";
  url: string;
  title: string | null;
  children: InlineNode[];
}

/** Joins neighbouring text nodes, so a plain text is one node; returns a new tree. */
export function mergeTexts(nodes: InlineNode[]): InlineNode[] {
  const merged: InlineNode[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.type === "text" && last?.type === "text") last.value += node.value;
    // Copies: the trees of parsed texts are kept and shared, and must never change.
    else merged.push("children" in node ? { ...node, children: mergeTexts(node.children) } : { ...node });
  }
  return merged;
}

/** The words of an inline tree as a reader sees them: a line break is "\n". */
export function plainTextOf(nodes: InlineNode[]): string {
  return nodes
    .map((node) =>
      node.type === "text" || node.type === "inlineCode"
        ? node.value
        : node.type === "break"
          ? "\n"
          : plainTextOf(node.children),
    )
    .join("");
}

/** The tree with every link replaced by its content: for a text shown inside a link of its own. */
export function unwrapLinks(nodes: InlineNode[]): InlineNode[] {
  return mergeTexts(
    nodes.flatMap((node): InlineNode[] =>
      node.type === "link"
        ? unwrapLinks(node.children)
        : "children" in node
          ? [{ ...node, children: unwrapLinks(node.children) }]
          : [node],
    ),
  );
}

/**
 * The tree with its line breaks as line-break characters, which Markdown written on one line
 * holds as character references (`&#xA;`): read back, the same words, on one line. A code span
 * holding a line ending becomes text for the same reason: a code span takes no reference, so
 * it could only be written over two lines.
 */
export function breaksAsText(nodes: InlineNode[]): InlineNode[] {
  const withoutBreaks = (tree: InlineNode[]): InlineNode[] =>
    tree.map((node) =>
      node.type === "break"
        ? { type: "text", value: "\n" }
        : node.type === "inlineCode" && /[\r\n]/.test(node.value)
          ? { type: "text", value: node.value }
          : "children" in node
            ? { ...node, children: withoutBreaks(node.children) }
            : node,
    );
  return mergeTexts(withoutBreaks(nodes));
}

/**
 * The tree as the text of a link (links do not nest): its links as their content, and its line
 * breaks as line-break characters, which a link's text in Markdown holds without ending its line.
 */
export function linkLabelNodes(nodes: InlineNode[]): InlineNode[] {
  return breaksAsText(unwrapLinks(nodes));
}

/** The tree with each handbook link's path ("/support/ic3/") replaced by what `resolve` makes of it. */
export function resolveHandbookLinks(nodes: InlineNode[], resolve: (path: string) => string): InlineNode[] {
  return nodes.map((node) => {
    if (!("children" in node)) return node;
    const children = resolveHandbookLinks(node.children, resolve);
    if (node.type !== "link" || !node.url.startsWith("/")) return { ...node, children };
    return { ...node, url: resolve(node.url), children };
  });
}
