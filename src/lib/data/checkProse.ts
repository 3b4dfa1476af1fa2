import type { Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import type { Problem } from "./problems";
import { eachProseImage, proseImageProblem } from "./proseImages";

/**
 * How deep quotes, lists, emphasis and links may nest in prose. Rendering a page recurses into
 * every level (thousands of `>` overflow the stack); no text needs more than a few.
 */
export const MAX_PROSE_DEPTH = 32;

/** The nodes that nest: every other node of Markdown holds a fixed number of levels. */
const NESTING = new Set([
  "blockquote",
  "list",
  "footnoteDefinition",
  "emphasis",
  "strong",
  "delete",
  "link",
  "linkReference",
]);

/** MDX syntax tree nodes that are code rather than text, named for the error message. */
const PROSE_FORBIDDEN: Record<string, string> = {
  mdxjsEsm: "an import or export",
  mdxJsxFlowElement: "an HTML tag or component",
  mdxJsxTextElement: "an HTML tag or component",
  mdxFlowExpression: "a {…} expression",
  mdxTextExpression: "a {…} expression",
};

type Node = Root | RootContent;

/** Where a node starts, for `file:line:column`. */
function placeOf(node: Node): { line?: number; column?: number } {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : {};
}

/**
 * The first node nested deeper than {@link MAX_PROSE_DEPTH}, and how deep, or undefined.
 * Walked with a stack of its own rather than by recursion, so any depth is safe to measure.
 */
function tooDeep(tree: Root): { node: Node; depth: number } | undefined {
  const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const inner = depth + (NESTING.has(node.type) ? 1 : 0);
    if (inner > MAX_PROSE_DEPTH) return { node, depth: inner };
    const children = "children" in node ? (node.children as Node[]) : [];
    // Reversed, so nodes come off the stack in the order of the text.
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push({ node: children[index], depth: inner });
    }
  }
  return undefined;
}

/**
 * What keeps a prose page's syntax tree (parsed as MDX) from being published as it is: nesting
 * too deep to render, components, expressions and imports (prose is text: they could run code
 * or crash the build), links to script URLs, and images other than image files of the data
 * folder that exist (see `proseImageProblem`). Each problem has its place in the file. `file`
 * is the page's path, `shown` its name in problems.
 */
export function checkProse(
  tree: Root,
  { file, shown, dataDir, root }: { file: string; shown: string; dataDir: string; root: string },
): Problem[] {
  const deep = tooDeep(tree);
  if (deep) {
    return [
      {
        file: shown,
        path: "",
        ...placeOf(deep.node),
        message: `nests quotes, lists, emphasis or links ${deep.depth} deep here, and prose may nest them at most ${MAX_PROSE_DEPTH} deep: nest them less`,
      },
    ];
  }
  const problems: Problem[] = [];
  visit(tree, (node) => {
    const at = { file: shown, path: "", ...placeOf(node) };
    const kind = Object.hasOwn(PROSE_FORBIDDEN, node.type) ? PROSE_FORBIDDEN[node.type] : undefined;
    if (kind) {
      problems.push({
        ...at,
        message: `${kind} is not allowed in prose, which is plain Markdown: remove it (write < as &lt; and { as &#123; to show them as text)`,
      });
      return "skip";
    }
    if (
      (node.type === "link" || node.type === "definition") &&
      /^\s*(?:javascript|vbscript|data):/i.test(node.url)
    ) {
      problems.push({
        ...at,
        message: "a link to a script URL is not allowed in prose: link to a page instead",
      });
    }
  });
  eachProseImage(tree, (image, url) => {
    const message = proseImageProblem(url, file, dataDir, root);
    if (message) problems.push({ file: shown, path: "", ...placeOf(image), message });
  });
  return problems;
}
