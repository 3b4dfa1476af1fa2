import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { htmlShape } from "../../../src/lib/import/shapes/html";
import type { GridItem, MatrixReading } from "../../../src/lib/import/tables/gridMatrix";
import { readHtmlTables } from "../../../src/lib/import/tables/htmlTables";
import { SourceText } from "../../../src/lib/import/sourceText";
import {
  accountedPlaces,
  expectSupportFramework,
  fitting,
  fixture,
  fixtureInput,
  TABLES,
} from "./tablesHelpers";

const read = async (name: string, as?: string) => htmlShape.read(fixtureInput(name, as));

/** The items of a one-cell table, read from a fragment. */
function cellItems(cellHtml: string): GridItem[] {
  const [grid] = readHtmlTables(`<table><tr><td>${cellHtml}</td></tr></table>`, "cell.html", true);
  return grid.rows[0][0].items;
}

/**
 * Every item of an HTML page's content, found here with another parser (cheerio): each table
 * cell with text and each list item in one, and each heading, paragraph and list item outside
 * the tables; each must have a place taken, lost or labelled inside its range.
 */
function expectEveryItemAccounted(name: string, reading: MatrixReading) {
  const html = fixture(name);
  const source = new SourceText(html, `${TABLES}/${name}`);
  const accounted = [...accountedPlaces(reading).keys()].map((key) => {
    const [line, column] = key.split(":").slice(-2).map(Number);
    return source.offsetOf({ file: source.file, line, column });
  });
  const $ = load(html, { sourceCodeLocationInfo: true });
  const main = $("main").length > 0 ? $("main") : $("body");
  const chrome = $("main").length > 0 ? "nav, script, style" : "nav, script, style, header, footer, aside";
  const items = main
    .find("td, th, td li, th li, h1, h2, h3, h4, h5, h6, p, li")
    .toArray()
    .filter((element) => $(element).text().trim() !== "" && $(element).closest(chrome).length === 0)
    .filter(
      (element) =>
        !["p", "li"].includes(element.tagName) ||
        $(element).closest("td, th").length === 0 ||
        $(element).is("li"),
    );
  expect(items.length).toBeGreaterThan(0);
  for (const element of items) {
    const { startOffset, endOffset } = element.sourceCodeLocation!;
    expect(
      accounted.some((offset) => offset >= startOffset && offset < endOffset),
      `<${element.tagName}> ${$(element).text().trim().slice(0, 40)}`,
    ).toBe(true);
  }
}

describe("readHtmlTables", () => {
  it("places spanning cells as a browser does: the same cell in every slot it covers", () => {
    const [grid] = readHtmlTables(fixture("levels-across.html"), "ladder.html");
    expect(grid.name).toBe("The ladder");
    expect(grid.rows[0].map((cell) => cell.text)).toEqual(["", "P1", "P2", "P3", "Every level"]);
    expect(grid.rows[2][3]).toBe(grid.rows[3][3]);
    expect(grid.rows[4][2]).toBe(grid.rows[4][3]);
    expect(grid.rows[3].map((cell) => cell.text)).toEqual([
      "Delivery",
      "Ships small changes\nAsks for **review**",
      "",
      "Sets the platform's direction across reliability and delivery",
      "Keeps the pipeline green\nReviews kindly",
    ]);
  });

  it("takes a cell's list items (nested lists as examples), else paragraphs, else <br> pieces, else its text", () => {
    const html = fixture("levels-across.html");
    const [grid] = readHtmlTables(html, "ladder.html");
    const source = new SourceText(html, "ladder.html");
    const [follows, joins] = grid.rows[2][1].items as GridItem[];
    expect(follows).toEqual({
      text: "Follows the [runbook](https://example.com/runbook)",
      at: source.placeAt(html.indexOf("Follows the")),
    });
    expect(joins.text).toBe("Joins the on-call rotation");
    expect(joins.examples?.map((example) => example.text)).toEqual([
      "Shadows a week first",
      "Then takes shifts",
    ]);
    expect(joins.examples?.[1].at).toEqual(source.placeAt(html.indexOf("Then takes shifts")));
    expect(grid.rows[2][2].items.map((item) => item.text)).toEqual([
      "Writes `alerts` that matter",
      "Fixes *flaky* checks & tests",
    ]);
    expect(grid.rows[2][0].items.map((item) => item.text)).toEqual(["**Reliability**", "Keeping things up"]);
    expect(grid.rows[2][4].items.map((item) => item.text)).toEqual(["Cares about uptime\u00a0SLOs"]);
    expect(grid.rows[4][1].items.map((item) => item.text)).toEqual([
      "**Within the team**:",
      "Pairs with peers",
    ]);
    // A bullet written as text is consumed, and the item starts after it.
    const [keeps] = grid.rows[3][4].items;
    expect(keeps.at).toEqual(source.placeAt(html.indexOf("Keeps the pipeline")));
  });

  it("converts inline HTML to inline Markdown, decodes entities and collapses white space as a browser does", () => {
    expect(
      cellItems(
        ' <strong> Bold </strong>then <em>em</em>,   <code>a`b</code>, <a href="https://x.y/a b">link <b>x</b></a>' +
          '<a class="anchor" href="#top"></a> &lt;tag&gt; &amp; <img alt="pic" src="p.png"><span>span</span>\n\t<br>second &nbsp;piece',
      ).map((item) => item.text),
    ).toEqual([
      "**Bold** then *em*, ``a`b``, [link **x**](<https://x.y/a b>) <tag> & span",
      "second \u00a0piece",
    ]);
    expect(cellItems("<i>one</i><br/><s>gone</s> <kbd>two</kbd><br><br>").map((item) => item.text)).toEqual([
      "*one*",
      "~~gone~~ two",
    ]);
    expect(
      cellItems("text, then <p>a paragraph</p> and <ul><li>- an item</li></ul>").map((item) => item.text),
    ).toEqual(["text, then", "a paragraph", "and", "an item"]);
    expect(cellItems("  \n ")).toEqual([]);
  });

  it("places an item at its first character in the source", () => {
    const html = "<table>\n<tr><td>\n  <p>\n    First line\n  </p><p><b>Bold</b> start</p></td></tr></table>";
    const [grid] = readHtmlTables(html, "p.html", true);
    expect(grid.rows[0][0].items).toEqual([
      { text: "First line", at: { file: "p.html", line: 4, column: 5 } },
      { text: "**Bold** start", at: { file: "p.html", line: 5, column: 10 } },
    ]);
  });
});

describe("htmlShape", () => {
  it("reads the support framework's handbook page as data/support has it", async () => {
    const reading = fitting((await read("sourcegraph-support-2023.html", "support.html")) as MatrixReading);
    expectSupportFramework(reading.draft);
    expect(reading.draft.title?.text).toBe("Customer support career framework");
    expect(reading.losses).toHaveLength(20);
    expect(reading.losses.some((loss) => /handbook|Departments|Edit this page/.test(loss.what))).toBe(false);
  });

  it("reads a levels-across table from a page's <main>, leaving out its chrome, and reports what it cannot take", async () => {
    const reading = fitting((await read("levels-across.html", "ladder.html")) as MatrixReading);
    const { draft } = reading;
    expect(draft.title?.text).toBe("Platform ladder");
    expect(draft.description?.text).toBe("What we expect of platform engineers at every level.");
    expect(draft.levels.map((level) => [level.heading.text, level.facts.map((fact) => fact.value)])).toEqual([
      ["P1", ["Engineer"]],
      ["P2", ["Senior Engineer"]],
      ["P3", ["Staff Engineer"]],
    ]);
    expect(draft.categories.map((category) => [category.text, category.description?.text])).toEqual([
      ["Reliability", "Keeping things up"],
      ["Delivery", undefined],
      ["Collaboration", undefined],
    ]);
    expect(
      draft.shared?.groups.map((group) => [group.category?.text, group.behaviors.map((b) => b.text)]),
    ).toEqual([
      ["Reliability", ["Cares about uptime\u00a0SLOs"]],
      ["Delivery", ["Keeps the pipeline green", "Reviews kindly"]],
    ]);
    expect(reading.losses.map((loss) => [loss.what, loss.why])).toEqual([
      [
        'cell "Sets the platform\'s direction across reliability…"',
        'it spans several categories ("Reliability", "Delivery") but not the whole level, and a behavior belongs to one',
      ],
      [
        'cell item "**Within the team**:"',
        "it only labels the items after it in its cell, which are read as behaviors of the cell's category",
      ],
      ['cell "Helps other teams"', "it spans several levels, and a behavior belongs to one"],
      [
        'cell "Unplaceable note"',
        "the header naming its category is empty or missing, so it has no category",
      ],
      [
        'paragraph "Questions? Ask in #platform."',
        expect.stringMatching(
          /^it is none of what this shape takes from a page: its tables of levels × categories, its title/,
        ),
      ],
    ]);
    expect(reading.held.map((label) => label.as)).toEqual([
      'the label of the facts "Title"',
      "the heading naming the table below it",
    ]);
  });

  it("reads a levels-down table from a page's <body>: its header's <h1> as the title, a full-row cell as a summary", async () => {
    const reading = fitting((await read("levels-down.html", "sales.html")) as MatrixReading);
    const { draft } = reading;
    expect(draft.title?.text).toBe("Sales ladder");
    const h1Line =
      fixture("levels-down.html")
        .split("\n")
        .findIndex((line) => line.includes("<h1>")) + 1;
    expect(draft.title?.at.line).toBe(h1Line);
    expect(draft.description?.text).toBe("Our account executives grow through two levels.");
    expect(draft.levels.map((level) => [level.heading.text, level.summary?.text])).toEqual([
      ["AE1", "Shadows senior reps for a quarter."],
      ["AE2", "Runs a territory of their own."],
    ]);
    // A `Label: value` item beside the summary is a fact of the level.
    expect(draft.levels[0].facts.map((fact) => [fact.label, fact.value])).toEqual([
      ["Years of experience", "0–2"],
    ]);
    expect(
      draft.levels[0].groups.map((group) => [group.category?.text, group.behaviors.map((b) => b.text)]),
    ).toEqual([
      ["Pipeline", ["Books 10 meetings a month"]],
      ["Closing", ["Closes with help"]],
    ]);
    expect(draft.shared?.title.text).toBe("All levels");
    // The aside, the footer and the navigation are the site's, not the framework's.
    expect(reading.losses).toEqual([]);
    expect(reading.held.map((label) => label.as)).toEqual([
      "the corner cell, naming the table's axes",
      "the heading naming the table below it",
    ]);
  });

  it.each(["levels-across.html", "levels-down.html", "sourcegraph-support-2023.html"])(
    "accounts for every item of %s",
    async (name) => {
      expectEveryItemAccounted(name, fitting((await read(name)) as MatrixReading));
    },
  );

  it("says why a page does not fit", async () => {
    expect(await read("no-table.html")).toEqual({ misfit: "it has no <table> in its content" });
    expect(await read("levels-across.md")).toEqual({
      misfit: "it is not HTML: its name does not end in .html and it does not start with a tag",
    });
    const deep = `<table><tr><th>IC1</th></tr></table>${"<div>".repeat(300)}deep`;
    expect(
      await htmlShape.read({
        path: "d.html",
        isFolder: false,
        files: [{ path: "d.html", bytes: new TextEncoder().encode(deep) }],
      }),
    ).toEqual({ misfit: "it nests elements more than 256 deep, deeper than Ladder reads" });
  });
});
