import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inlineMarkdownHtml } from "../../../src/lib/text/inlineHtml";
import {
  inlineMarkdownProblems,
  isPlainText,
  parseInlineMarkdown,
  plainText,
  unwrapLinks,
  type InlineNode,
} from "../../../src/lib/text/inlineMarkdown";
import { markdownishText } from "../../helpers/markdownReadBack";

const nodes = (text: string) => {
  const parsed = parseInlineMarkdown(text);
  expect(parsed.problems).toEqual([]);
  return parsed.nodes;
};
const messages = (text: string) => inlineMarkdownProblems(text).map((problem) => problem.message);

describe("parseInlineMarkdown", () => {
  it("reads every inline construct into its node", () => {
    expect(
      nodes('**Adopts**: _new_ `git` [docs](https://example.com/a "Docs") [x](/support/ic3/#y)'),
    ).toEqual([
      { type: "strong", children: [{ type: "text", value: "Adopts" }] },
      { type: "text", value: ": " },
      { type: "emphasis", children: [{ type: "text", value: "new" }] },
      { type: "text", value: " " },
      { type: "inlineCode", value: "git" },
      { type: "text", value: " " },
      {
        type: "link",
        url: "https://example.com/a",
        title: "Docs",
        children: [{ type: "text", value: "docs" }],
      },
      { type: "text", value: " " },
      { type: "link", url: "/support/ic3/#y", title: null, children: [{ type: "text", value: "x" }] },
    ]);
    expect(nodes("hard  \nbreak\\\nthen soft\nline")).toEqual([
      { type: "text", value: "hard" },
      { type: "break" },
      { type: "text", value: "break" },
      { type: "break" },
      { type: "text", value: "then soft\nline" },
    ]);
    expect(nodes("<mailto:a@example.com> and [us](mailto:b@example.com) and [top](#basic-git)")).toEqual([
      {
        type: "link",
        url: "mailto:a@example.com",
        title: null,
        children: [{ type: "text", value: "mailto:a@example.com" }],
      },
      { type: "text", value: " and " },
      { type: "link", url: "mailto:b@example.com", title: null, children: [{ type: "text", value: "us" }] },
      { type: "text", value: " and " },
      { type: "link", url: "#basic-git", title: null, children: [{ type: "text", value: "top" }] },
    ]);
  });

  it("leaves block syntax as text: lists, headings, quotes, fences, breaks, definitions", () => {
    for (const text of [
      "- list",
      "1. list",
      "# heading",
      "> quote",
      "Setext\n===",
      "---",
      "1) list",
      "+ list",
      "```\nfence",
      "[a]: /x",
    ]) {
      expect(nodes(text), text).toEqual([{ type: "text", value: text }]);
      expect(isPlainText(text), text).toBe(true);
    }
    // An indented line is no code block: it continues the text, its indent dropped as CommonMark does.
    expect(nodes("a\n    indented")).toEqual([{ type: "text", value: "a\nindented" }]);
    // A reference without its definition (definitions are off) is text too.
    expect(nodes("[ref] and [a][ref]")).toEqual([{ type: "text", value: "[ref] and [a][ref]" }]);
  });

  it("keeps a blank line between paragraphs as written", () => {
    expect(nodes("one *a*\n\n  two")).toEqual([
      { type: "text", value: "one " },
      { type: "emphasis", children: [{ type: "text", value: "a" }] },
      { type: "text", value: "\n\n  two" },
    ]);
  });

  it("reports raw HTML, comments, images and links elsewhere, each with its place and what to write", () => {
    expect(messages("a <b>x</b>")).toEqual([
      'holds raw HTML "<b>" at character 3: pages show no HTML; write its "<" as "\\<" to show it as text, or put it in a code span (`…`)',
      'holds raw HTML "</b>" at character 7: pages show no HTML; write its "<" as "\\<" to show it as text, or put it in a code span (`…`)',
    ]);
    expect(messages("<!-- hidden -->")).toEqual([
      expect.stringMatching(/^holds an HTML comment "<!-- hidden -->" at character 1: /),
    ]);
    expect(messages("see ![chart](https://example.com/c.png)")).toEqual([
      'holds an image "![chart](https://example.com/c.png)" at character 5: texts show no images; link to it instead (without the "!"), or write the "!" as "\\!" to show it as text',
    ]);
    for (const url of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "ftp://x",
      "relative/path",
      "file:///etc",
    ]) {
      expect(messages(`[x](${url})`), url).toEqual([
        expect.stringMatching(
          new RegExp(
            `^holds a link to "${url.replace(/[()/.]/g, "\\$&")}" at character 1: links may go to http:, https: and mailto: addresses`,
          ),
        ),
      ]);
    }
    expect(messages("<javascript:alert(1)>")).toHaveLength(1);
    expect(messages("[x](//evil.example.com) [y](/\\evil.example.com)")).toEqual([
      'holds a link to "//evil.example.com", which leads to another site, at character 1: write the address in full, starting with https://',
      'holds a link to "/\\\\evil.example.com", which leads to another site, at character 25: write the address in full, starting with https://',
    ]);
    // A character reference cannot smuggle a line break (which browsers drop) into an address.
    expect(messages("[x](/&#10;/evil.example.com) [y](java&#9;script:x)")).toEqual([
      expect.stringMatching(
        /^holds a link to "\/\\n\/evil.example.com", with a space or control character in its address, at character 1: percent-encode it/,
      ),
      expect.stringMatching(/at character 30: percent-encode it/),
    ]);
  });

  it("leaves a reported node out of the tree, so the tree is safe to show whatever the text", () => {
    expect(parseInlineMarkdown("a <b>x</b> [y](javascript:z) ![i](/x.png)").nodes).toEqual([
      { type: "text", value: "a x  " },
    ]);
  });

  it("reports nesting deeper than pages render", () => {
    const deep = `${"*".repeat(100)}a${"*".repeat(100)}`;
    expect(messages(deep)).toEqual([
      expect.stringMatching(/^nests emphasis, strong and links more than 32 deep/),
    ]);
  });
});

describe("plainText", () => {
  it("is what a reader sees: no Markdown, escapes and references resolved, breaks as line breaks", () => {
    expect(plainText("**Adopts**: _new_ `a*b` [docs](https://example.com)")).toBe("Adopts: new a*b docs");
    expect(plainText("\\*not emphasis\\* &amp; &lt;b&gt; R&D")).toBe("*not emphasis* & <b> R&D");
    expect(plainText("hard  \nbreak")).toBe("hard\nbreak");
  });

  it("is the text itself when it holds no Markdown", () => {
    const text = "Can work remotely & asynchronously. Knows how to manage time, work, and communication.";
    expect(plainText(text)).toBe(text);
    expect(isPlainText(text)).toBe(true);
    expect(isPlainText("a *b*")).toBe(false);
    expect(isPlainText("a &amp; b")).toBe(false);
  });

  it("joins the texts and code of the tree, for any text", () => {
    const join = (tree: InlineNode[]): string =>
      tree.map((n) => ("value" in n ? n.value : n.type === "break" ? "\n" : join(n.children))).join("");
    fc.assert(
      fc.property(markdownishText, (text) => {
        const { nodes: tree } = parseInlineMarkdown(text);
        expect(plainText(text)).toBe(join(tree));
        expect(plainText(text)).toBe(join(unwrapLinks(tree)));
      }),
    );
  });
});

describe("inlineMarkdownHtml", () => {
  it("renders each node as its element, links under the site's base", () => {
    expect(
      inlineMarkdownHtml(
        '**A** _b_ `<c>` [d](https://e.example/?a=1&b=2 "T") [f](/support/ic3/#x) [g](#y)  \nh',
        {
          base: "/handbook/",
        },
      ),
    ).toBe(
      '<strong>A</strong> <em>b</em> <code>&#x3C;c></code> <a href="https://e.example/?a=1&#x26;b=2" title="T">d</a> <a href="/handbook/support/ic3/#x">f</a> <a href="#y">g</a><br>\nh',
    );
  });

  it("shows links as their text inside a link", () => {
    expect(inlineMarkdownHtml("see [the **docs**](https://example.com)", { links: false })).toBe(
      "see the <strong>docs</strong>",
    );
  });

  it("never makes an element the tree does not hold, whatever the text", () => {
    fc.assert(
      fc.property(markdownishText, (text) => {
        const html = inlineMarkdownHtml(text, { links: false });
        const tags = [...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]);
        expect(
          tags.every((tag) => ["em", "strong", "code", "br"].includes(tag)),
          html,
        ).toBe(true);
      }),
    );
  });
});
