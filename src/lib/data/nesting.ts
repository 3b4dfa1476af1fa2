import type { Root, RootContent } from "mdast";

/**
 * How deep quotes, lists, emphasis, links and MDX elements may nest in the Markdown and MDX
 * Ladder reads: prose pages of the data, and the documents `ladder check-links` reads. Rendering
 * a page, and every walk of a syntax tree (`unist-util-visit` and the like), recurses into each
 * level, so thousands of `>` or `<div>` overflow the stack; no text needs more than a few. A
 * team's own documents, which Ladder only reads for their links, get the same limit: far above
 * anything written by hand, and low enough that every walk of their tree is safe.
 */
export const MAX_NESTING_DEPTH = 32;

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
  "mdxJsxFlowElement",
  "mdxJsxTextElement",
]);

type Node = Root | RootContent;

/** Where and how deep a text first nests more than {@link MAX_NESTING_DEPTH}; all unknown when the parser itself gave out. */
export interface TooDeep {
  depth?: number;
  line?: number;
  column?: number;
}

/**
 * How many quotes and lists a line may open at its start and still be parsed, to be measured
 * exactly in its syntax tree. The parser's time grows much faster than their number (2,000 lists
 * opened on one line take seconds, 10,000 minutes, 300 milliseconds), so a line that opens more
 * is refused unparsed. It is well above {@link MAX_NESTING_DEPTH} because a look at a line's
 * start cannot tell markers from code or from a thematic break written `- - -`, which do not
 * nest: only a line no one writes is refused without the parser's say.
 */
const UNPARSED_LINE_MARKERS = 10 * MAX_NESTING_DEPTH;

/** A block quote marker, or a list item's marker and the space after it, with the indent before it. */
const CONTAINER_MARKER = /[ \t]*(?:(>)|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))/y;

/**
 * The first line of `text` that opens more than {@link UNPARSED_LINE_MARKERS} quotes and lists
 * by the markers it starts with (`> > - 1. …`, each one level), placed at the marker that goes
 * deeper than {@link MAX_NESTING_DEPTH}, as the syntax tree would place it; or undefined. A
 * cheap look at each line's start, before parsing (see {@link UNPARSED_LINE_MARKERS}).
 */
export function tooDeepLineStart(text: string): TooDeep | undefined {
  let line = 1;
  let lineStart = 0;
  while (lineStart >= 0) {
    let markers = 0;
    let tooDeep: TooDeep | undefined;
    CONTAINER_MARKER.lastIndex = lineStart;
    let match: RegExpExecArray | null;
    while ((match = CONTAINER_MARKER.exec(text))) {
      markers++;
      if (markers === MAX_NESTING_DEPTH + 1) {
        const indent = match[0].length - match[0].trimStart().length;
        tooDeep = { depth: markers, line, column: match.index + indent - lineStart + 1 };
      }
      if (markers > UNPARSED_LINE_MARKERS) return tooDeep;
    }
    const end = text.indexOf("\n", lineStart);
    lineStart = end < 0 ? -1 : end + 1;
    line++;
  }
  return undefined;
}

/**
 * The first node of `tree` nested deeper than {@link MAX_NESTING_DEPTH}, with how deep and
 * where, or undefined. Walked with a stack of its own rather than by recursion, so any depth is
 * safe to measure.
 */
export function tooDeepNode(tree: Root): TooDeep | undefined {
  const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const inner = depth + (NESTING.has(node.type) ? 1 : 0);
    if (inner > MAX_NESTING_DEPTH) {
      const start = node.position?.start;
      return { depth: inner, ...(start && { line: start.line, column: start.column }) };
    }
    const children = "children" in node ? (node.children as Node[]) : [];
    // Reversed, so nodes come off the stack in the order of the text.
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push({ node: children[index], depth: inner });
    }
  }
  return undefined;
}

/** Whether `error` is JavaScript's "Maximum call stack size exceeded", as a parser gives on too deep a text. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The syntax tree `parse` makes of `text`, when it nests at most {@link MAX_NESTING_DEPTH}
 * deep; otherwise where it goes too deep, so that nothing recurses into it. A line opening
 * thousands of lists is refused before parsing ({@link tooDeepLineStart}), a text the parser's
 * own recursion gives out on after it, and the tree is measured without recursion
 * ({@link tooDeepNode}). Other errors of `parse` are thrown.
 */
export function parseWithinNesting(
  text: string,
  parse: (text: string) => Root,
): { tree: Root } | { tooDeep: TooDeep } {
  const deepLine = tooDeepLineStart(text);
  if (deepLine) return { tooDeep: deepLine };
  let tree: Root;
  try {
    tree = parse(text);
  } catch (error) {
    if (isStackOverflow(error)) return { tooDeep: {} };
    throw error;
  }
  const tooDeep = tooDeepNode(tree);
  return tooDeep ? { tooDeep } : { tree };
}

/**
 * What to say about text nested too deep: of a prose page of the data (where MDX elements are
 * not allowed at all, so not named), or of a document `check-links` reads.
 */
export function tooDeepMessage({ depth }: TooDeep, of: "prose" | "document"): string {
  const deep = depth === undefined ? "too deep to be read" : `${depth} deep here`;
  return of === "prose"
    ? `nests quotes, lists, emphasis or links ${deep}, and prose may nest them at most ${MAX_NESTING_DEPTH} deep: nest them less`
    : `nests quotes, lists, emphasis, links or elements ${deep}, and Ladder reads documents nested at most ${MAX_NESTING_DEPTH} deep: nest them less`;
}
