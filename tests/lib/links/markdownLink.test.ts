import { describe, expect, it } from "vitest";
import { markdownLink } from "../../../src/lib/links/markdownLink";

describe("markdownLink", () => {
  it("writes [text](url)", () => {
    expect(
      markdownLink("Has a basic understanding of Git.", "https://h.example.com/b/support/basic-git/"),
    ).toBe("[Has a basic understanding of Git.](https://h.example.com/b/support/basic-git/)");
  });

  it("escapes what would end the text or the link early", () => {
    expect(markdownLink("Uses [brackets] and a \\ backslash", "/b/x/a (b)/")).toBe(
      "[Uses \\[brackets\\] and a \\\\ backslash](/b/x/a%20%28b%29/)",
    );
  });
});
