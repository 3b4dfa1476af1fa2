import { describe, expect, it } from "vitest";
import { checkDocumentLinks } from "../../../src/lib/links/checkDocumentLinks";
import { realHandbook } from "../../helpers/realHandbook";

describe("checkDocumentLinks", async () => {
  const handbook = await realHandbook();

  it("checks the handbook links of a document at their places and counts the others", () => {
    const doc = [
      "- [ ] Learn [Git](https://h.example.com/b/support/basic-git/)",
      "- [ ] Then [the next one][next]; see also [MDN](https://developer.mozilla.org/) and [notes](./notes.md)",
      "",
      "[next]: https://h.example.com/b/support/git-basics/",
    ].join("\n");
    const { checked, others } = checkDocumentLinks(doc, "markdown", handbook, {
      site: "https://h.example.com",
    });
    expect(checked.map(({ status, line, column, kind }) => ({ status, line, column, kind }))).toEqual([
      { status: "ok", line: 1, column: 13, kind: "inline" },
      { status: "broken", line: 4, column: 1, kind: "definition" },
    ]);
    expect(others.map((link) => link.url)).toEqual(["https://developer.mozilla.org/", "./notes.md"]);
  });
});
