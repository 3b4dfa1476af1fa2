import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH, tooDeepMessage } from "../../../src/lib/data/nesting";
import { documentFormat, extractLinks, TooDeepDocumentError } from "../../../src/lib/links/extractLinks";

/** Joins lines, so each test shows the document line by line, as positions count them. */
const lines = (...text: string[]) => text.join("\n");

describe("extractLinks", () => {
  it("finds inline links, autolinks and bare URLs at their line and column", () => {
    const doc = lines(
      "# Roadmap",
      "",
      "Next: [prioritizes work](https://h.example.com/b/support/prioritizes-work/).",
      "See <https://h.example.com/support/ic2/> and https://h.example.com/behaviors/ too.",
    );
    expect(extractLinks(doc, "markdown")).toEqual([
      { url: "https://h.example.com/b/support/prioritizes-work/", kind: "inline", line: 3, column: 7 },
      { url: "https://h.example.com/support/ic2/", kind: "autolink", line: 4, column: 5 },
      { url: "https://h.example.com/behaviors/", kind: "literal", line: 4, column: 46 },
    ]);
  });

  it("reports a reference-style link once, where its definition gives the URL", () => {
    const doc = lines(
      "Work on [Git][git], [git] again and [the other][].",
      "",
      "[git]: /b/support/basic-git/ 'Basic Git'",
      "   [the other]: <https://h.example.com/b/support/git-expert/>",
    );
    expect(extractLinks(doc, "markdown")).toEqual([
      { url: "/b/support/basic-git/", kind: "definition", line: 3, column: 1 },
      { url: "https://h.example.com/b/support/git-expert/", kind: "definition", line: 4, column: 4 },
    ]);
  });

  it("ignores links in inline code, fenced and indented code blocks, images and front matter", () => {
    const doc = lines(
      "---",
      "related: https://h.example.com/b/support/in-front-matter/",
      "---",
      "Use `[x](/b/support/in-inline-code/)` to link.",
      "",
      "```md",
      "[x](/b/support/in-fenced-code/)",
      "```",
      "",
      "    [x](/b/support/in-indented-code/)",
      "",
      "![diagram](/b/support/an-image/)",
      "",
      "[kept](/b/support/kept/)",
    );
    expect(extractLinks(doc, "markdown")).toEqual([
      { url: "/b/support/kept/", kind: "inline", line: 14, column: 1 },
    ]);
  });

  it("keeps positions after front matter, which it skips", () => {
    const doc = lines("---", "title: Plan", "---", "", "  * [a](/b/support/a/)");
    expect(extractLinks(doc, "markdown")).toEqual([
      { url: "/b/support/a/", kind: "inline", line: 5, column: 5 },
    ]);
  });

  it("reads MDX, with href attributes of elements, and skips expressions", () => {
    const doc = lines(
      "export const meta = { see: '/b/support/in-esm/' };",
      "",
      'Next: [a](/b/support/a/) <a href="/support/ic2/#basic-git">Git</a> {"/b/support/in-expression/"}',
      "",
      "<Card",
      '  title="x"',
      '  href="/b/support/card/" />',
    );
    expect(extractLinks(doc, "mdx")).toEqual([
      { url: "/b/support/a/", kind: "inline", line: 3, column: 7 },
      { url: "/support/ic2/#basic-git", kind: "jsx", line: 3, column: 29 },
      { url: "/b/support/card/", kind: "jsx", line: 7, column: 3 },
    ]);
  });

  it("reads < as text in Markdown but as JSX in MDX, and throws MDX syntax errors with their place", () => {
    const doc = lines("", "Up to <3 years: [a](/b/support/a/)");
    expect(extractLinks(doc, "markdown")).toEqual([
      { url: "/b/support/a/", kind: "inline", line: 2, column: 17 },
    ]);
    expect(() => extractLinks(doc, "mdx")).toThrow(expect.objectContaining({ line: 2, column: 8 }));
  });

  it.each([
    ["quotes", `${">".repeat(10_000)} [a](/b/support/a/)`, MAX_NESTING_DEPTH + 1],
    ["lists", `${"- ".repeat(10_000)}[a](/b/support/a/)`, 2 * MAX_NESTING_DEPTH + 1],
  ])(
    "refuses %s nested thousands of levels deep at the place they go too deep, without a stack overflow",
    (_name, doc, column) => {
      const refusal = {
        reason: tooDeepMessage({ depth: MAX_NESTING_DEPTH + 1 }, "document"),
        line: 1,
        column,
      };
      expect(() => extractLinks(doc, "markdown")).toThrow(expect.objectContaining(refusal));
      expect(() => extractLinks(doc, "mdx")).toThrow(TooDeepDocumentError);
    },
  );

  it("refuses elements nested too deep, as deep elements would overflow a walk of the tree", () => {
    const elements = MAX_NESTING_DEPTH + 1;
    const doc = `${'<a href="/b/support/a/">\n'.repeat(elements)}a\n${"</a>\n".repeat(elements)}`;
    expect(() => extractLinks(doc, "mdx")).toThrow(
      expect.objectContaining({ line: MAX_NESTING_DEPTH + 1, column: 1 }),
    );
  });

  it("refuses nesting too deep built up over many lines, and reads one level less", () => {
    // Each line one list deeper: the last line's list is one too deep.
    const lists = MAX_NESTING_DEPTH + 1;
    const lines = Array.from(
      { length: lists },
      (_, index) => `${"  ".repeat(index)}- ${index === 0 ? "[a](/b/support/a/)" : "item"}`,
    );
    expect(() => extractLinks(lines.join("\n"), "markdown")).toThrow(
      expect.objectContaining({ line: lists, column: 2 * (lists - 1) + 1 }),
    );
    expect(extractLinks(lines.slice(0, -1).join("\n"), "markdown")).toEqual([
      { url: "/b/support/a/", kind: "inline", line: 1, column: 3 },
    ]);
  });

  it("finds nothing in a document without links", () => {
    expect(extractLinks("Just text, and a [bracket] or two.", "markdown")).toEqual([]);
  });
});

describe("documentFormat", () => {
  it.each([
    ["plan.mdx", "mdx"],
    ["PLAN.MDX", "mdx"],
    ["plan.md", "markdown"],
    ["notes.markdown", "markdown"],
  ])("reads %s as %s", (file, format) => expect(documentFormat(file)).toBe(format));
});
