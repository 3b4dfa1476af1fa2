import type { Heading, Link, List, PhrasingContent, Root } from "mdast";
import { gfmAutolinkLiteralToMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmStrikethroughToMarkdown } from "mdast-util-gfm-strikethrough";
import { toMarkdown, type Options } from "mdast-util-to-markdown";
import { breaksAsText, linkLabelNodes, type InlineNode } from "../text/inlineTree";

/**
 * Markdown written from a syntax tree (mdast) by mdast-util-to-markdown, never by pasting text
 * into Markdown: whatever a framework's text holds — `*`, `_`, backticks, `<script>`, `[x](y)`,
 * `#` at the start of a line, `&amp;` — the serializer escapes it, so a behavior stays one link
 * text and a title one heading, reading back character for character. GitHub-flavored, as most
 * documents a roadmap is pasted into are: `~` is escaped too, so it makes no strikethrough
 * there. A bare address (`www.…`, `https://…`) stays text in a link (links do not nest); in a
 * heading, GitHub-flavored readers link it whatever escapes it, to the address it reads.
 *
 * Line breaks: a line break in a link text or heading would break the line it must stay on (a
 * blank line ends the paragraph, a link pasted into a table row or list item splits it), so it
 * is written as a character reference (`&#xA;`, `&#xD;`): it reads back as the same line break,
 * renders as a space, and the link or heading stays on one line. (A depth-1 or -2 heading
 * holding one is written with an underline, mdast-util-to-markdown's choice; it reads back the
 * same.) The one character no Markdown holds is U+0000, which CommonMark reads as U+FFFD.
 */
const options: Options = {
  bullet: "-",
  // [text](url) even when the text is the URL, so every link reads alike.
  resourceLink: true,
  // The GitHub-flavored escapes text needs, `~` (strikethrough) and bare addresses (autolink
  // literals), without remark-gfm, whose parser is most of its weight. Its table and footnote
  // extensions would also escape a `|` starting a line (text starts one only above a heading's
  // underline, which keeps it a heading) and a `[` in a URL (read as itself there): neither
  // changes how the output reads.
  extensions: [gfmStrikethroughToMarkdown(), gfmAutolinkLiteralToMarkdown()],
  unsafe: [
    { character: "\n", inConstruct: "phrasing" },
    { character: "\r", inConstruct: "phrasing" },
    // GFM's own pattern escapes the dot of `www.` only before a domain character; before
    // another escaped character (`www.\*`), GitHub-flavored readers take the backslash
    // into the address they link, and the text reads back with it.
    { character: ".", before: "[Ww]{3}", inConstruct: "phrasing", notInConstruct: ["autolink"] },
  ],
};

/**
 * A link node to `url` reading `text`: a string is text, never Markdown; a framework's text
 * parsed server-side (`text/inlineMarkdown`) keeps its emphasis, strong and code, its own links
 * and line breaks made text (see `linkLabelNodes`), so the label is still one link on one line.
 */
export function linkNode(text: string | InlineNode[], url: string): Link {
  const children: PhrasingContent[] =
    typeof text === "string" ? [{ type: "text", value: text }] : linkLabelNodes(text);
  return { type: "link", url, children };
}

/** A heading node of `depth` reading `text` (as text, never as Markdown). */
export function headingNode(depth: Heading["depth"], text: string): Heading {
  return { type: "heading", depth, children: [{ type: "text", value: text }] };
}

/** The Markdown document of an mdast tree, ending with a line break. */
export function markdownOf(tree: Root): string {
  return toMarkdown(tree, options);
}

/**
 * A Markdown link to `url` reading `text` (a string, or a text's inline tree: see `linkNode`),
 * on one line: `[text](url)`, with whatever in the text or URL would make it something else
 * escaped (see the top of this module). A URL with
 * spaces or control characters is written `<url>`.
 */
export function markdownLink(text: string | InlineNode[], url: string): string {
  const paragraph = markdownOf({
    type: "root",
    children: [{ type: "paragraph", children: [linkNode(text, url)] }],
  });
  // The serializer ends a document with a line break; a link to paste inline has none.
  return paragraph.slice(0, -1);
}

/**
 * A behavior's examples as a Markdown list, each its own paragraph rather than a link's text,
 * so its emphasis, code and links stay; a line break is written as a character, as in a link,
 * so each example stays one item on one line.
 */
export function examplesList(examples: InlineNode[][]): List {
  return {
    type: "list",
    ordered: false,
    spread: false,
    children: examples.map((example) => ({
      type: "listItem",
      spread: false,
      children: [{ type: "paragraph", children: breaksAsText(example) }],
    })),
  };
}

/**
 * "Copy as Markdown" of a behavior: its link (see `markdownLink`) and, when it has examples,
 * the list of them under it; ending without a line break, as a link to paste does.
 */
export function markdownBehavior(text: string | InlineNode[], url: string, examples: InlineNode[][]): string {
  if (examples.length === 0) return markdownLink(text, url);
  const block = markdownOf({
    type: "root",
    children: [{ type: "paragraph", children: [linkNode(text, url)] }, examplesList(examples)],
  });
  return block.slice(0, -1);
}
