import type { Nodes, Parent, PhrasingContent, Root, RootContent, Table } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseWithinNesting, type TooDeep } from "../../data/nesting";
import type { DraftText } from "../draft";
import type { GridCell } from "../grid";
import type { TitledGrid } from "./gridMatrix";
import { HtmlTexts } from "./htmlInline";
import { htmlItems } from "./htmlPage";
import { parseHtml, tableGrid, tablesUnder } from "./htmlTables";
import { SourceText } from "../sourceText";
import type { PageItem, TablePage } from "./tablePage";

/** A `<br>` in a table cell: Markdown's way to put several items in one cell. */
const BREAK = /^<br\s*\/?>$/i;

/** A bullet written at the start of a cell's piece (`- `, `* `, `• `), consumed like a list marker. */
const PIECE_BULLET = /^(?:[-*+•])[ \t]+/;

/** An HTML block of a Markdown page that opens a table, and one that closes it. */
const TABLE_OPEN = /<table[\s>]/i;
const countOpened = (html: string) =>
  (html.match(/<table[\s>]/gi) ?? []).length - (html.match(/<\/table\s*>/gi) ?? []).length;

/** HTML blocks that are not text of the page: styles, scripts, comments. */
const NOT_TEXT_HTML = /^\s*(?:<(style|script)\b[\s\S]*<\/\1\s*>|<!--[\s\S]*?-->)\s*$/i;

/** YAML front matter at the very start of a page, as static-site generators write it. */
const FRONT_MATTER = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Parses Markdown with GitHub's tables, as deep as Ladder reads any Markdown (see `parseWithinNesting`). */
export function parseMarkdown(markdown: string): { tree: Root } | { tooDeep: TooDeep } {
  return parseWithinNesting(markdown, (text) => unified().use(remarkParse).use(remarkGfm).parse(text));
}

/** Where a node starts and ends in the source, when the parser says. */
function span(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

/** The text of `source` between two offsets, trimmed, with the place it starts at (a bullet consumed if asked). */
function sliceText(source: SourceText, start: number, end: number, bullet = false): DraftText | undefined {
  let from = source.skipSpace(start, end);
  const raw = source.text.slice(from, end).trimEnd();
  let text = raw;
  const marker = bullet ? PIECE_BULLET.exec(raw) : null;
  if (marker) {
    from += marker[0].length;
    text = raw.slice(marker[0].length);
  }
  return text === "" ? undefined : { text, at: source.placeAt(from) };
}

/** The text of phrasing nodes from the first's start to the last's end, verbatim. */
function phrasingText(source: SourceText, nodes: PhrasingContent[], bullet = false): DraftText | undefined {
  const first = nodes[0] && span(nodes[0]);
  const last = nodes.at(-1) && span(nodes.at(-1)!);
  return first && last ? sliceText(source, first[0], last[1], bullet) : undefined;
}

/**
 * A Markdown table as a grid: a cell per cell of each row (the header row first), each cell's
 * items its pieces between `<br>`s, each the exact source text (inline Markdown kept, `\|` as
 * written), trimmed, without a leading `- `, `* ` or `• ` bullet.
 */
export function markdownTableGrid(table: Table, source: SourceText, title?: DraftText): TitledGrid {
  const rows = table.children.map((row) =>
    row.children.map((cell): GridCell => {
      const pieces: PhrasingContent[][] = [[]];
      for (const child of cell.children) {
        if (child.type === "html" && BREAK.test(child.value.trim())) pieces.push([]);
        else pieces.at(-1)!.push(child);
      }
      const items = pieces.flatMap((piece) => phrasingText(source, piece, true) ?? []);
      const whole = phrasingText(source, cell.children);
      const at = whole?.at ?? source.placeAt(span(cell)?.[0] ?? 0);
      return { at, text: whole?.text ?? "", items };
    }),
  );
  return { at: source.placeAt(span(table)?.[0] ?? 0), ...(title && { name: title.text, title }), rows };
}

/**
 * A Markdown page read for its tables: its GitHub tables and its HTML `<table>`s (a handbook
 * often writes its framework table in HTML inside Markdown: the blocks from `<table` to its
 * `</table>` are read as one HTML fragment, blank lines and all), each named by the nearest
 * heading above; and every other item of the page (headings, paragraphs, list items, code,
 * HTML blocks' text), each the exact source text.
 */
export function readMarkdownPage(markdown: string, file: string): TablePage | { tooDeep: TooDeep } {
  // Front matter is not Markdown (its `---` would read as a rule and a heading): it is left out
  // of the parse, places kept, and reported as one item.
  const frontMatter = FRONT_MATTER.exec(markdown)?.[0] ?? "";
  const parsed = parseMarkdown(frontMatter.replace(/[^\r\n]/g, " ") + markdown.slice(frontMatter.length));
  if ("tooDeep" in parsed) return parsed;
  const source = new SourceText(markdown, file);
  const grids: TitledGrid[] = [];
  const items: PageItem[] = [];
  let heading: DraftText | undefined;
  const frontMatterText = frontMatter && sliceText(source, 0, frontMatter.length);
  if (frontMatterText) items.push({ kind: "front matter", text: frontMatterText });

  const readHtml = (start: number, end: number, withTables: boolean) => {
    const fragment = markdown.slice(start, end);
    if (NOT_TEXT_HTML.test(fragment)) return;
    const tree = parseHtml(fragment, true);
    const texts = new HtmlTexts({ source, base: start });
    if (!tree) {
      const text = sliceText(source, start, end);
      if (text) items.push({ kind: "HTML", text });
      return;
    }
    if (withTables) {
      for (const found of tablesUnder(tree, texts, undefined, heading)) {
        grids.push(tableGrid(found.table, texts, found.title));
      }
    }
    items.push(...htmlItems(tree, texts, () => false));
  };

  const walk = (nodes: RootContent[]) => {
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index];
      const where = span(node);
      if (!where) continue;
      switch (node.type) {
        case "heading": {
          const text = phrasingText(source, node.children);
          if (text) {
            items.push({ kind: "heading", text, depth: node.depth, end: where[1] });
            heading = text;
          }
          break;
        }
        case "paragraph": {
          const text = sliceText(source, where[0], where[1]);
          if (text) items.push({ kind: "paragraph", text });
          break;
        }
        case "listItem": {
          const [first, ...rest] = node.children;
          if (first?.type === "paragraph") {
            const text = sliceText(source, ...span(first)!);
            if (text) items.push({ kind: "list item", text });
            walk(rest);
          } else walk(node.children);
          break;
        }
        case "table":
          grids.push(markdownTableGrid(node, source, heading));
          break;
        case "html": {
          let last = index;
          const opensTable = TABLE_OPEN.test(node.value);
          if (opensTable) {
            // The table's HTML runs over the blocks up to the one closing it.
            let open = 0;
            for (; last < nodes.length; last++) {
              open += countOpened(markdown.slice(...(span(nodes[last]) ?? [0, 0])));
              if (open <= 0) break;
            }
            last = Math.min(last, nodes.length - 1);
          }
          readHtml(where[0], span(nodes[last])![1], opensTable);
          index = last;
          break;
        }
        case "thematicBreak":
          break;
        default:
          if ("children" in node) walk((node as Parent).children as RootContent[]);
          else {
            const text = sliceText(source, where[0], where[1]);
            if (text) items.push({ kind: node.type === "code" ? "code block" : node.type, text });
          }
      }
    }
  };
  walk(parsed.tree.children);
  return { grids, items, markdown: source };
}

/** The tables of a Markdown page as grids (see {@link readMarkdownPage}); none when it nests too deep to read. */
export function readMarkdownTables(markdown: string, file: string): TitledGrid[] {
  const page = readMarkdownPage(markdown, file);
  return "tooDeep" in page ? [] : page.grids;
}
