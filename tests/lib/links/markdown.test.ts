import fc from "fast-check";
import type { Heading, Link, List, Nodes, Paragraph } from "mdast";
import { toString } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { headingNode, markdownBehavior, markdownLink, markdownOf } from "../../../src/lib/links/markdown";
import { createUrls } from "../../../src/lib/links/urls";
import { permalinkTargets } from "../../../src/lib/links/permalinkTargets";
import {
  asMarkdownReads,
  HOSTILE_TEXTS,
  markdownishText,
  markdownReaders,
  nonTextNodes,
} from "../../helpers/markdownReadBack";
import { realHandbook } from "../../helpers/realHandbook";
import { parseInlineMarkdown, plainText } from "../../../src/lib/text/inlineMarkdown";
import { breaksAsText, linkLabelNodes, type InlineNode } from "../../../src/lib/text/inlineTree";

const types = (nodes: readonly Nodes[]) => nodes.map((node) => node.type);

/**
 * A copied Markdown link as each reader reads it: its blocks, the inline nodes of its
 * paragraph, and the link's URL, text and the kinds of node its text is made of.
 */
function readLink(markdown: string) {
  return Object.entries(markdownReaders).map(([reader, read]) => {
    const { children } = read(markdown);
    const paragraph = children[0] as Paragraph | undefined;
    const link = paragraph?.children[0] as Link | undefined;
    return {
      reader,
      blocks: types(children),
      inline: types(paragraph?.children ?? []),
      url: link?.url,
      text: link && toString(link),
      nonText: link ? nonTextNodes(link) : [],
    };
  });
}

/** What `markdownLink(text, url)` must read back as, for every reader: one link, nothing else. */
const oneLink = (text: string, url: string) =>
  Object.keys(markdownReaders).map((reader) => ({
    reader,
    blocks: ["paragraph"],
    inline: ["link"],
    url: asMarkdownReads(url),
    text: asMarkdownReads(text),
    nonText: [],
  }));

describe("markdownLink", () => {
  it("writes plain text as [text](url), as before", () => {
    expect(
      markdownLink("Has a basic understanding of Git.", "https://h.example.com/b/support/basic-git/"),
    ).toBe("[Has a basic understanding of Git.](https://h.example.com/b/support/basic-git/)");
  });

  it.each(HOSTILE_TEXTS)("keeps %j one link reading it verbatim, on one line", (text) => {
    const url = "https://h.example.com/b/support/basic-git/";
    const markdown = markdownLink(text, url);
    expect(markdown).not.toMatch(/[\r\n]/);
    expect(readLink(markdown)).toEqual(oneLink(text, url));
  });

  it.each([
    "/b/x/a (b)/",
    "/b/x/a(b/",
    "/b/x/a)b/",
    "/b/x/<a>/",
    "/b/x/a\\b/",
    "/b/x/a b>)/",
    "https://h.example.com/b/x/%20/",
    "",
  ])("keeps the URL %j one destination", (url) => {
    const markdown = markdownLink("Text", url);
    expect(markdown).not.toMatch(/[\r\n]/);
    expect(readLink(markdown)).toEqual(oneLink("Text", url));
  });

  it("keeps every behavior and responsibility of the real data one link to its permalink", async () => {
    const handbook = await realHandbook();
    const urls = createUrls("/handbook/", "https://h.example.com");
    const targets = permalinkTargets(handbook, urls);
    expect(targets.length).toBeGreaterThan(0);
    for (const { track, id, text } of targets) {
      const url = urls.absolute(urls.permalink(track, id));
      expect(readLink(markdownLink(text, url)), `${track}/${id}`).toEqual(oneLink(text, url));
    }
  });

  it("keeps any text one link reading it verbatim", () => {
    fc.assert(
      fc.property(markdownishText, markdownishText, (text, tail) => {
        const url = `https://h.example.com/b/x/${tail}`;
        const markdown = markdownLink(text, url);
        expect(markdown).not.toMatch(/[\r\n]/);
        expect(readLink(markdown)).toEqual(oneLink(text, url));
      }),
      { numRuns: 300 },
    );
  });
});

describe("markdownLink of a text with inline Markdown", () => {
  const url = "https://h.example.com/b/support/basic-git/";
  /** A node read back, as the inline tree holds it: no positions, links' titles null. */
  const asTree = (node: Nodes): InlineNode => {
    const { position: _position, ...rest } = node as Nodes & { position?: unknown };
    if (rest.type === "link")
      return { ...rest, title: rest.title ?? null, children: rest.children.map(asTree) };
    return ("children" in rest ? { ...rest, children: rest.children.map(asTree) } : rest) as InlineNode;
  };
  /** The copied link as each reader reads it, and its nodes, for a text's tree. */
  const readTree = (text: string) => {
    const markdown = markdownLink(parseInlineMarkdown(text).nodes, url);
    expect(markdown).not.toMatch(/[\r\n]/);
    return Object.entries(markdownReaders).map(([reader, read]) => {
      const { children } = read(markdown);
      const paragraph = children[0] as Paragraph | undefined;
      const link = paragraph?.children[0] as Link | undefined;
      return {
        reader,
        blocks: types(children),
        inline: types(paragraph?.children ?? []),
        url: link?.url,
        text: link && toString(link),
        // Only what the tree may hold inside a link; GitHub links bare addresses in any text.
        foreign: link
          ? nonTextNodes(link, reader === "GFM").filter(
              (t) => !["emphasis", "strong", "inlineCode"].includes(t),
            )
          : [],
        children: link?.children.map(asTree),
      };
    });
  };

  it.each([
    "**Adopts**: new tools _early_",
    "Uses `git rebase -i` and `` a`b ``",
    'Reads [the guide](https://example.com/a_(b) "Title *x*") and [IC3](/support/ic3/#x)',
    "Shows \\<script> and `</script>` and \\<b>bold\\</b> as text",
    "*emphasis around \\<em>escaped\\</em> markup*",
    "a line  \nbreak and a soft\nline",
    "]( [ ] \\] **[x](https://e.example)**",
    // A code span over two lines: a code span takes no character reference, so it is text.
    "`\r\n`",
    "`a\nb` after",
  ])("keeps %j one link with its formatting, its links and breaks made text", (text) => {
    expect(parseInlineMarkdown(text).problems).toEqual([]);
    const expected = linkLabelNodes(parseInlineMarkdown(text).nodes);
    for (const read of readTree(text)) {
      expect(read, read.reader).toMatchObject({ blocks: ["paragraph"], inline: ["link"], url, foreign: [] });
      expect(read.text, read.reader).toBe(plainText(text));
      expect(read.children, read.reader).toEqual(expected);
    }
  });

  it("keeps any valid text one link reading its plain words, with only emphasis, strong and code", () => {
    fc.assert(
      fc.property(markdownishText, (text) => {
        if (parseInlineMarkdown(text).problems.length > 0) return;
        for (const read of readTree(text)) {
          expect(read, read.reader).toMatchObject({
            blocks: ["paragraph"],
            inline: ["link"],
            url,
            foreign: [],
          });
          expect(read.text, read.reader).toBe(asMarkdownReads(plainText(text)));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("headings", () => {
  /** A one-heading document as each reader reads it. */
  const readHeading = (markdown: string) =>
    Object.entries(markdownReaders).map(([reader, read]) => {
      const { children } = read(markdown);
      const heading = children[0] as Heading | undefined;
      return {
        reader,
        blocks: types(children),
        depth: heading?.depth,
        text: heading && toString(heading),
        // GitHub links bare addresses in a heading, whatever escapes them: allowed, as they
        // read as where they go (see isAddressAutolink).
        nonText: heading ? nonTextNodes(heading, reader === "GFM") : [],
      };
    });
  const oneHeading = (depth: number, text: string) =>
    Object.keys(markdownReaders).map((reader) => ({
      reader,
      blocks: ["heading"],
      depth,
      text: asMarkdownReads(text),
      nonText: [],
    }));
  const depths = [1, 2, 3, 4, 5, 6] as const;

  it.each(HOSTILE_TEXTS)("keep %j one heading reading it verbatim, at every depth", (text) => {
    for (const depth of depths) {
      const markdown = markdownOf({ type: "root", children: [headingNode(depth, text)] });
      expect(readHeading(markdown), `depth ${depth}`).toEqual(oneHeading(depth, text));
    }
  });

  it("keep any text one heading reading it verbatim", () => {
    fc.assert(
      fc.property(markdownishText, fc.constantFrom(...depths), (text, depth) => {
        const markdown = markdownOf({ type: "root", children: [headingNode(depth, text)] });
        expect(readHeading(markdown)).toEqual(oneHeading(depth, text));
      }),
      { numRuns: 300 },
    );
  });
});

describe("markdownBehavior: a behavior's link with its examples", () => {
  const url = "https://h.example.com/b/t/b/";
  /** The copied block as each reader reads it: the link's text, and each example's tree. */
  const readBehavior = (markdown: string) =>
    Object.entries(markdownReaders).map(([reader, read]) => {
      const [paragraph, list, ...rest] = read(markdown).children;
      return {
        reader,
        blocks: types([paragraph, list, ...rest].filter(Boolean)),
        link: toString((paragraph as Paragraph).children[0]),
        examples: (list as List | undefined)?.children.map((item) => {
          const [example] = item.children;
          return parseInlineMarkdown(
            markdown.slice(example.position!.start.offset, example.position!.end.offset),
          ).nodes;
        }),
      };
    });

  it("is the link alone for a behavior without examples", () => {
    expect(markdownBehavior("Plans the work.", url, [])).toBe(markdownLink("Plans the work.", url));
  });

  it("lists the examples under the link, each reading back as its tree, whatever it holds", () => {
    const examples = [
      "**Adopts**: new tools _early_",
      'Reads [the guide](https://example.com/a_(b) "Title")',
      "a line  \nbreak",
      ...HOSTILE_TEXTS.filter((text) => text.trim() === text && text !== "").map((text) =>
        // As a text of the data holds it: what would be HTML, escaped.
        text.replace(/</g, "\\<"),
      ),
    ].filter((text) => parseInlineMarkdown(text).problems.length === 0);
    const trees = examples.map((example) => parseInlineMarkdown(example).nodes);
    const markdown = markdownBehavior("Plans the work.", url, trees);
    expect(markdown.endsWith("\n")).toBe(false);
    for (const read of readBehavior(markdown))
      expect(read, read.reader).toEqual({
        reader: read.reader,
        blocks: ["paragraph", "list"],
        link: "Plans the work.",
        // A line break comes back as a line-break character: the same words (see breaksAsText).
        examples: trees.map(breaksAsText),
      });
  });
});
