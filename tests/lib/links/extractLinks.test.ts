import { describe, expect, it } from "vitest";
import { documentFormat, extractLinks } from "../../../src/lib/links/extractLinks";

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
