import fc from "fast-check";
import type { Link, Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

/**
 * The two ways a copied link or exported roadmap is read: plain CommonMark and GitHub-flavored
 * Markdown (strikethrough, tables, bare addresses as links, task lists, footnotes).
 */
export const markdownReaders: Record<string, (markdown: string) => Root> = {
  CommonMark: (markdown) => unified().use(remarkParse).parse(markdown),
  GFM: (markdown) => unified().use(remarkParse).use(remarkGfm).parse(markdown),
};

/**
 * Whether a link is one GitHub-flavored Markdown makes of a bare address in text (`www.…`,
 * `https://…`, `a@b.c`): it reads as the address it goes to. No escape stops it (the reader
 * looks for addresses in the text once escapes are resolved), but it never hides where it
 * goes, and never goes to `javascript:`; link texts are free of them (links do not nest).
 */
export function isAddressAutolink(link: Link): boolean {
  const text = toString(link);
  return (
    link.children.every((child) => child.type === "text") &&
    [text, `http://${text}`, `mailto:${text}`].includes(link.url) &&
    /^(https?|mailto):/.test(link.url)
  );
}

/**
 * The kinds of node inside `node` other than text (and, if `addresses` allows them, GitHub's
 * links of bare addresses): what would make a link text or heading more than text.
 */
export function nonTextNodes(node: Nodes, addresses = false): string[] {
  if (!("children" in node)) return [];
  return node.children.flatMap((child): string[] => {
    if (child.type === "text") return [];
    if (addresses && child.type === "link" && isAddressAutolink(child)) return [];
    return [child.type, ...nonTextNodes(child, addresses)];
  });
}

/**
 * What CommonMark reads where U+0000 was written: U+FFFD, the one change no Markdown avoids
 * (documented in src/lib/links/markdown.ts).
 */
export const asMarkdownReads = (text: string) => text.replaceAll("\0", "\uFFFD");

/** Texts that would be Markdown, HTML or a line break if they were pasted into Markdown as they are. */
export const HOSTILE_TEXTS = [
  "first line\nsecond line",
  "two paragraphs\n\nsecond",
  "windows\r\nline\rends",
  "\n# heading after a line break",
  "hard break  \nafter two spaces",
  "hard break\\\nafter a backslash",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<!-- comment -->",
  "<https://example.com>",
  "<mailto:a@example.com>",
  "www.example.com and https://example.com/x and a@example.com",
  "*emph* **strong** _under_ __strong__",
  "`code` and ``more ` code``",
  "```\nfenced\n```",
  "~~struck~~ and ~one~",
  "[x](javascript:alert(1))",
  "![image](https://example.com/x.png)",
  "[ref] and [ref]: https://example.com",
  "[^note] footnote",
  "[ ] task",
  "[x] done",
  "# heading",
  "###### six",
  "Setext\n===",
  "Setext\n---",
  "> quote",
  "1. list",
  "1) list",
  "- list",
  "+ list",
  "* list",
  "---",
  "***",
  "    indented code",
  "\tindented by a tab",
  "|table|cell|\n|---|---|\n|a|b|",
  "back\\slash\\",
  "\\*not emphasis\\*",
  "trailing spaces  ",
  "  leading spaces",
  "trailing tab\t",
  "&amp; &lt;b&gt; &#42; &#x2A; R&D",
  "Ünïcödé — 日本語, emoji 🧗‍♀️, right-to-left עברית",
  "zero\u200bwidth and\u00a0no-break",
  "",
  " ",
  "\n",
  "\t",
  "\\",
  "]",
  "[",
  "](https://evil.example.com)",
  "a\0b",
];

/**
 * Strings made of the characters and sequences Markdown gives a meaning to, line breaks and
 * any Unicode, for property tests.
 */
export const markdownishText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ..."*_`[]()<>#\\&!~|-+=:/.@ \t\n\r\"'{}$^",
      "\r\n",
      "amp;",
      "#x2A;",
      "www.",
      "https://",
      "javascript:",
      "1.",
      "  ",
      "script",
      "a",
      "Z",
      "0",
    ),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});
