import type { Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import type { Problem } from "./problems";
import { eachProseImage, proseImageProblem } from "./proseImages";

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
 * What keeps a prose page's syntax tree (parsed as MDX, within the nesting a page can render:
 * see `parseWithinNesting`, since these checks walk it by recursion) from being published as it
 * is: components, expressions and imports (prose is text: they could run code or crash the
 * build), links to script URLs, and images other than image files of the data folder that
 * exist (see `proseImageProblem`). Each problem has its place in the file. `file` is the page's
 * path, `shown` its name in problems.
 */
export function checkProse(
  tree: Root,
  { file, shown, dataDir, root }: { file: string; shown: string; dataDir: string; root: string },
): Problem[] {
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
