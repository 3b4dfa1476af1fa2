import type { Nodes as MdastNodes, Paragraph, Root as MdastRoot } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { MAX_NESTING_DEPTH } from "../data/nesting";
import { handbookPathUrl, type Urls } from "../links/urls";
import { mergeTexts, plainTextOf, resolveHandbookLinks, type InlineNode } from "./inlineTree";

export * from "./inlineTree";

/**
 * Inline Markdown in a framework's texts (behaviors, responsibilities, level summaries, category
 * descriptions, role summaries and paragraphs, track descriptions): CommonMark's inline syntax
 * only — emphasis, strong, code spans, links, line breaks, backslash escapes and character
 * references — parsed by micromark (through remark-parse) with every block construct turned off,
 * so a text starting "- ", "1. ", "# " or "> " stays text. What a page cannot show safely (raw
 * HTML, images, links anywhere but the web, mail or the handbook) is a problem the data's
 * validation reports; every other text parses into the small tree below.
 */

/** Something a text holds that no page may show, `index` counting UTF-16 code units from 0. */
export interface InlineMarkdownProblem {
  index: number;
  message: string;
}

/** A text parsed: its inline tree, and what in it cannot be shown (the tree leaves that out). */
export interface ParsedInlineMarkdown {
  nodes: InlineNode[];
  problems: InlineMarkdownProblem[];
}

/**
 * The constructs of CommonMark that make blocks: off, so a text is one run of inline content.
 * (A blank line still ends a paragraph; the paragraphs' nodes are joined by what separates them.)
 */
const BLOCK_CONSTRUCTS = [
  "blockQuote",
  "codeFenced",
  "codeIndented",
  "definition",
  "headingAtx",
  "htmlFlow",
  "list",
  "setextUnderline",
  "thematicBreak",
];

const parser = unified()
  .use(remarkParse)
  .data("micromarkExtensions", [{ disable: { null: BLOCK_CONSTRUCTS } }]);

/** Where a link may go: the web, mail, or the handbook (a path from its base, an anchor). */
const ALLOWED_URL = /^(?:https?:\/\/|mailto:|\/(?![/\\])|#)/i;

/** How a found piece of source is quoted in a message: whole when short, else its start. */
function quoted(source: string): string {
  const short = source.length > 60 ? `${source.slice(0, 57)}…` : source;
  return JSON.stringify(short);
}

/** What is wrong with a link's URL (what it is, what to do), or undefined when a page may link to it. */
function urlProblem(url: string): [string, string] | undefined {
  const link = `a link to ${quoted(url)}`;
  // Browsers drop tabs and line breaks from URLs, so "/\n/host" would lead to another site.
  if (/[\p{Cc}\p{Z}]/u.test(url)) {
    return [
      `${link}, with a space or control character in its address,`,
      "percent-encode it (%20 for a space)",
    ];
  }
  if (url.startsWith("//") || url.startsWith("/\\")) {
    return [`${link}, which leads to another site,`, "write the address in full, starting with https://"];
  }
  if (!ALLOWED_URL.test(url)) {
    return [
      link,
      'links may go to http:, https: and mailto: addresses, to a page of the handbook (a path starting with "/", such as /support/ic3/) or to an anchor (#id): write one of those, or write the brackets as \\[ and \\] to show them as text',
    ];
  }
  return undefined;
}

/** How deep emphasis, strong and links nest in `node`, walked without recursion. */
function nestingDepth(node: MdastNodes): number {
  let deepest = 0;
  const stack: [MdastNodes, number][] = [[node, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if ("children" in current) for (const child of current.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

const cache = new Map<string, ParsedInlineMarkdown>();
/** Far above any framework's texts; `ladder dev` parses every edit anew, so the cache is bounded. */
const CACHE_LIMIT = 100_000;

/** Keeps a parse for the next call with the same text. */
function remember(text: string, result: ParsedInlineMarkdown): ParsedInlineMarkdown {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

/**
 * Parses a text as inline Markdown into its tree, and lists what in it cannot be shown: raw
 * HTML (tags and comments), images, links to other schemes (`javascript:`, `data:`, relative
 * paths), and nesting deeper than any page renders. Each problem says what was found, at which
 * character (from 1), and what to write instead. A problem's node is left out of the tree, so the
 * tree is always safe to show. Results are kept: pages ask for the same texts many times.
 */
export function parseInlineMarkdown(text: string): ParsedInlineMarkdown {
  const known = cache.get(text);
  if (known) return known;
  const problems: InlineMarkdownProblem[] = [];
  const root = parser.parse(text) as MdastRoot;
  const at = (node: MdastNodes) => node.position?.start.offset ?? 0;
  const source = (node: MdastNodes) => quoted(text.slice(at(node), node.position?.end.offset));
  const report = (node: MdastNodes, what: string, fix: string) =>
    problems.push({ index: at(node), message: `holds ${what} at character ${at(node) + 1}: ${fix}` });

  if (nestingDepth(root) > MAX_NESTING_DEPTH + 2) {
    const result = {
      nodes: [{ type: "text" as const, value: text }],
      problems: [
        {
          index: 0,
          message: `nests emphasis, strong and links more than ${MAX_NESTING_DEPTH} deep: write fewer of them inside each other`,
        },
      ],
    };
    return remember(text, result);
  }

  const convert = (nodes: MdastNodes[]): InlineNode[] =>
    nodes.flatMap((node): InlineNode[] => {
      switch (node.type) {
        case "text":
          return [{ type: "text", value: node.value }];
        case "emphasis":
        case "strong":
          return [{ type: node.type, children: convert(node.children) }];
        case "inlineCode":
          return [{ type: "inlineCode", value: node.value }];
        case "break":
          return [{ type: "break" }];
        case "link": {
          const problem = urlProblem(node.url);
          if (problem) {
            report(node, ...problem);
            return [];
          }
          return [
            { type: "link", url: node.url, title: node.title ?? null, children: convert(node.children) },
          ];
        }
        case "html":
          report(
            node,
            `${node.value.startsWith("<!--") ? "an HTML comment" : "raw HTML"} ${quoted(node.value)}`,
            'pages show no HTML; write its "<" as "\\<" to show it as text, or put it in a code span (`…`)',
          );
          return [];
        case "image":
        case "imageReference":
          report(
            node,
            `an image ${source(node)}`,
            'texts show no images; link to it instead (without the "!"), or write the "!" as "\\!" to show it as text',
          );
          return [];
        default:
          // Block constructs are off and references have no definitions: nothing else can come.
          report(node, `Markdown that texts cannot hold (${node.type}) ${source(node)}`, "write it as text");
          return [];
      }
    });

  const nodes: InlineNode[] = [];
  root.children.forEach((block, index) => {
    if (index > 0) {
      // A blank line between two paragraphs: kept as written, as a page shows text.
      const previous = root.children[index - 1];
      nodes.push({
        type: "text",
        value: text.slice(previous.position!.end.offset, block.position!.start.offset),
      });
    }
    nodes.push(...convert((block as Paragraph).children ?? [block]));
  });
  const result = { nodes: mergeTexts(nodes), problems };
  return remember(text, result);
}

/**
 * A text's tree to be read away from the site, in a copied or exported Markdown document: its
 * handbook links made absolute (see `handbookPathUrl`).
 */
export function exportedTree(text: string, urls: Urls): InlineNode[] {
  return resolveHandbookLinks(parseInlineMarkdown(text).nodes, (path) => handbookPathUrl(urls, path));
}

/** The problems of a text as inline Markdown (see {@link parseInlineMarkdown}); empty when it can be shown. */
export function inlineMarkdownProblems(text: string): InlineMarkdownProblem[] {
  return parseInlineMarkdown(text).problems;
}

/**
 * The words a reader sees in a text: its Markdown gone, escapes and character references
 * resolved (`**Adopts**: \*all\*` reads "Adopts: *all*"). Search, comparisons and word diffs
 * work on it. A text without Markdown is its own plain text.
 */
export function plainText(text: string): string {
  return plainTextOf(parseInlineMarkdown(text).nodes);
}

/** Whether a text is shown just as written: no Markdown, escape or reference changes it. */
export function isPlainText(text: string): boolean {
  const { nodes } = parseInlineMarkdown(text);
  return nodes.length === 1 && nodes[0].type === "text" && nodes[0].value === text;
}
