import { parseFrontmatter } from "@astrojs/markdown-remark";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { parseWithinNesting, tooDeepMessage, type TooDeep } from "../data/nesting";

/** How a link is written in the document. */
export type LinkKind =
  /** `[text](url)` */
  | "inline"
  /** `[label]: url`, the definition behind reference-style links `[text][label]` and `[label]` */
  | "definition"
  /** `<https://…>` */
  | "autolink"
  /** a bare `https://…` or `www.…` in the text (GitHub-flavored Markdown) */
  | "literal"
  /** `href="…"` of an element in MDX, such as `<a href="…">` */
  | "jsx";

/** A link found in a Markdown or MDX document, at the place its URL is written. */
export interface ExtractedLink {
  url: string;
  kind: LinkKind;
  /** 1-based, of the start of the link (or definition) in the document. */
  line: number;
  column: number;
}

/** The syntax a document is written in; MDX allows JSX, and so reads `<` and `{` differently. */
export type DocumentFormat = "markdown" | "mdx";

/** `mdx` for `.mdx` files, `markdown` for everything else. */
export function documentFormat(file: string): DocumentFormat {
  return /\.mdx$/i.test(file) ? "mdx" : "markdown";
}

/** An MDX element's attribute, as remark-mdx represents it: a string, or an expression for `{…}`. */
interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
  position?: { start: { line: number; column: number } };
}

/** A document nested too deeply to read, with the place it goes too deep when that is known. */
export class TooDeepDocumentError extends Error {
  /** As parsers' errors call it: what is wrong, without the place. */
  readonly reason: string;
  readonly line?: number;
  readonly column?: number;

  constructor(tooDeep: TooDeep) {
    const reason = tooDeepMessage(tooDeep, "document");
    super(reason);
    this.reason = reason;
    if (tooDeep.line !== undefined) {
      this.line = tooDeep.line;
      this.column = tooDeep.column;
    }
  }
}

/** A document's syntax tree; throws a {@link TooDeepDocumentError} for one nested too deeply. */
function parseDocument(content: string, format: DocumentFormat): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (format === "mdx") processor.use(remarkMdx);
  // Measured before `visit` below, whose recursion would give out.
  const parsing = parseWithinNesting(content, (text) => processor.parse(text));
  if ("tooDeep" in parsing) throw new TooDeepDocumentError(parsing.tooDeep);
  return parsing.tree;
}

/**
 * Every link of a Markdown or MDX document, in document order: inline links, the definitions
 * of reference-style links, autolinks and bare URLs, and `href` attributes of MDX elements.
 * Links inside code (inline or blocks) and in YAML front matter are not links and are skipped;
 * images are not links either. Throws the parser's error (with `line` and `column`) for MDX
 * that cannot be parsed, and a {@link TooDeepDocumentError} for a document whose quotes, lists,
 * emphasis, links or elements nest more than `MAX_NESTING_DEPTH` deep.
 */
export function extractLinks(text: string, format: DocumentFormat): ExtractedLink[] {
  // Front matter becomes spaces, so every position below stays the position in the file.
  const { content } = parseFrontmatter(text, { frontmatter: "empty-with-spaces" });
  const tree = parseDocument(content, format);

  const links: ExtractedLink[] = [];
  const add = (
    url: string,
    kind: LinkKind,
    node: { position?: { start: { line: number; column: number } } },
  ) => {
    const start = node.position?.start;
    if (start) links.push({ url, kind, line: start.line, column: start.column });
  };
  visit(tree, (node) => {
    if (node.type === "link") {
      const start = node.position?.start.offset;
      const opening = start === undefined ? "" : content[start];
      add(node.url, opening === "[" ? "inline" : opening === "<" ? "autolink" : "literal", node);
    } else if (node.type === "definition") {
      add(node.url, "definition", node);
    } else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      for (const attribute of node.attributes as JsxAttribute[]) {
        if (
          attribute.type === "mdxJsxAttribute" &&
          attribute.name === "href" &&
          typeof attribute.value === "string"
        ) {
          add(attribute.value, "jsx", attribute.position ? attribute : node);
        }
      }
    }
  });
  return links;
}
