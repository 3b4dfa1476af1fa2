import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { markdownTableShape } from "../../../src/lib/import/shapes/markdownTable";
import type { MatrixReading } from "../../../src/lib/import/tables/gridMatrix";
import { readMarkdownTables } from "../../../src/lib/import/tables/markdownTables";
import { SourceText } from "../../../src/lib/import/sourceText";
import {
  accountedPlaces,
  expectSupportFramework,
  expectVerbatim,
  fitting,
  fixture,
  fixtureInput,
  TABLES,
} from "./tablesHelpers";

const read = async (name: string, as?: string) => markdownTableShape.read(fixtureInput(name, as));

/**
 * The items of a Markdown page, found here by a walk of its own syntax tree: each piece of a
 * table cell between `<br>`s (as its source text says), each heading, paragraph (a list item's
 * first paragraph is the list item) and list item, with the source range it covers.
 */
function pageItems(markdown: string): { kind: string; start: number; end: number; text: string }[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const items: { kind: string; start: number; end: number; text: string }[] = [];
  const visit = (node: Nodes, firstOfItem = false) => {
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    const text = markdown.slice(start, end);
    if (node.type === "tableCell") {
      const inner = text.replace(/^\|/, "").replace(/\|$/, "");
      for (const piece of inner.split(/<br\s*\/?>/i)) {
        if (piece.replace(/^\s*[-*•]\s/, "").trim() !== "")
          items.push({ kind: "cell piece", start, end, text: piece });
      }
      return;
    }
    if (node.type === "heading" || (node.type === "paragraph" && !firstOfItem) || node.type === "listItem") {
      items.push({ kind: node.type, start, end, text });
    }
    if (node.type === "html" && /<table/i.test(node.value))
      items.push({ kind: "html table", start, end, text });
    if ("children" in node)
      node.children.forEach((child, index) => visit(child as Nodes, node.type === "listItem" && index === 0));
  };
  visit(tree);
  return items;
}

/** Every item of the page has its own place taken, lost or labelled, inside the range it covers. */
function expectEveryItemAccounted(name: string, reading: MatrixReading) {
  const markdown = fixture(name);
  const source = new SourceText(markdown, `${TABLES}/${name}`);
  const accounted = [...accountedPlaces(reading).keys()].map((key) => {
    const [line, column] = key.split(":").slice(-2).map(Number);
    return source.offsetOf({ file: source.file, line, column });
  });
  const items = pageItems(markdown).filter((item) => item.kind !== "html table");
  for (const item of items) {
    expect(
      accounted.some((offset) => offset >= item.start && offset < item.end),
      `${item.kind} ${JSON.stringify(item.text)}`,
    ).toBe(true);
  }
  // As many places as items: a cell with two pieces accounts for two (none is counted twice).
  const pieces = items.filter((item) => item.kind === "cell piece");
  const inCells = accounted.filter((offset) =>
    pieces.some((item) => offset >= item.start && offset < item.end),
  );
  expect(new Set(inCells).size).toBe(new Set(pieces.map((piece) => `${piece.start}:${piece.text}`)).size);
}

describe("readMarkdownTables", () => {
  it("splits a cell at each <br>, consuming a leading bullet, each item the exact source text", () => {
    const markdown = fixture("levels-across.md");
    const [grid] = readMarkdownTables(markdown, "ladder.md");
    const source = new SourceText(markdown, "ladder.md");
    const impact = grid.rows[2];
    expect(impact.map((cell) => cell.items.map((item) => item.text))).toEqual([
      ["**Impact**"],
      ["Ships small fixes", "Asks for **review** early"],
      ["Owns [features](https://example.com/f)", "Pairs with `juniors`"],
      ["Leads projects", "Sets direction"],
      ["Cares about users"],
    ]);
    expect(grid.rows[4][2].items.map((item) => item.text)).toEqual(["Helps teammates \\| often"]);
    expect(grid.rows[1][4].items).toEqual([]);
    for (const row of grid.rows) {
      for (const cell of row) {
        for (const item of cell.items) {
          const offset = source.offsetOf(item.at);
          expect(markdown.slice(offset, offset + item.text.length)).toBe(item.text);
        }
      }
    }
    // The bullet is consumed: the item starts after it.
    const asks = impact[1].items[1];
    expect(asks.at.line).toBe(8);
    const offset = source.offsetOf(asks.at);
    expect(markdown.slice(offset - 6, offset)).toBe("<br>- ");
  });

  it("names each table by the nearest heading above it, with that heading's place", () => {
    const grids = readMarkdownTables(fixture("per-level-tables.md"), "design.md");
    expect(grids.map((grid) => [grid.name, grid.title?.at.line, grid.at.line])).toEqual([
      ["D1 - Designer 1", 9, 13],
      ["D2 - Designer 2", 18, 20],
    ]);
  });

  it("reads an HTML table written in a Markdown page as one table, over its blank lines", () => {
    const grids = readMarkdownTables(fixture("sourcegraph-support-2023.md.txt"), "support.md");
    expect(grids).toHaveLength(1);
    const [grid] = grids;
    expect(grid.name).toBe("Levels");
    expect(grid.rows[0].map((cell) => cell.text)).toEqual([
      "Level",
      "Non-Technical Proficiency",
      "Technical Proficiency",
      "Delivery",
      "Teamwork",
    ]);
    // The level's header spans its three rows: the same cell in each.
    expect(grid.rows[1][0]).toBe(grid.rows[3][0]);
    expect(grid.rows[1][0].text).toBe("IC1");
  });
});

describe("markdownTableShape", () => {
  it("reads the support framework as published (an HTML table in the handbook's Markdown) as data/support has it", async () => {
    const reading = fitting((await read("sourcegraph-support-2023.md.txt", "support.md")) as MatrixReading);
    expectSupportFramework(reading.draft);
    expect(reading.draft.title?.text).toBe("Customer support career framework");
    expect(reading.draft.description?.text).toMatch(/^Our career level framework is meant/);
    // The page's sections are its prose pages, as written; nothing is lost.
    expect(reading.draft.prose.map((page) => page.title.text)).toEqual([
      "What are the expectations of my role?",
      "When do I get promoted?",
      "SE Regional Team Leads",
    ]);
    const [expectations] = reading.draft.prose;
    expect(expectations.body).toMatch(/^There are currently seven levels for support at Sourcegraph\./);
    expect(expectations.body).toMatch(/captured in your career roadmap\.$/);
    expect(fixture("sourcegraph-support-2023.md.txt")).toContain(expectations.body);
    expect(reading.losses).toEqual([]);
  });

  it("reads the 2022 support page (levels across, bullets between <p>s) and reports the labels inside its cells", async () => {
    const reading = fitting(
      (await read("sourcegraph-support-2022.md.txt", "support-2022.md")) as MatrixReading,
    );
    const { draft } = reading;
    expect(draft.levels.map((level) => level.heading.text.slice(0, 4))).toEqual([
      "IC 1",
      "IC 2",
      "IC 3",
      "IC 4",
      "IC 5",
      "IC 6",
    ]);
    expect(draft.categories.map((category) => category.text)).toEqual([
      "Proficiency",
      "Delivery",
      "Teamwork",
    ]);
    const table = fixture("sourcegraph-support-2022.md.txt").split("<table>")[1];
    const bullets = table.match(/•/g)!.length;
    const behaviors = draft.levels.flatMap((level) => level.groups.flatMap((group) => group.behaviors));
    expect(behaviors).toHaveLength(bullets);
    expect(
      behaviors.every((behavior) => /^You|^Your|^Externally|^At any|^When|^Under/.test(behavior.text)),
    ).toBe(true);
    const labels = reading.losses.filter((loss) => loss.what.startsWith("cell item"));
    expect(labels.map((loss) => loss.what)).toEqual(
      Array.from({ length: 6 }, (_, index) =>
        index === 1 || index === 2
          ? ['cell item "**Non-Technical:**"', 'cell item "**Technical:**"']
          : ['cell item "**Non-Technical**:"', 'cell item "**Technical**:"'],
      ).flat(),
    );
  });

  it("reads one HTML table per category whose header row is all levels, each category named by its heading", async () => {
    const reading = fitting((await read("per-category-html-tables.md", "support.md")) as MatrixReading);
    const { draft } = reading;
    expect(draft.levels.map((level) => level.heading.text)).toEqual(["Beginner", "Advanced"]);
    expect(draft.categories.map((category) => [category.text, category.description?.text])).toEqual([
      ["Troubleshooting", "**Example skills:** logs, reproductions"],
      ["Writing", undefined],
    ]);
    expect(
      draft.levels.map((level) =>
        level.groups.map((group) => [group.category?.text, group.behaviors.map((b) => b.text)]),
      ),
    ).toEqual([
      [
        ["Troubleshooting", ["Reads logs", "Reproduces *most* issues"]],
        ["Writing", ["Writes clear replies"]],
      ],
      [
        ["Troubleshooting", ["Finds root causes"]],
        ["Writing", ["Writes the docs"]],
      ],
    ]);
    expect(draft.prose).toEqual([
      {
        title: { text: "Competencies", at: { file: "support.md", line: 3, column: 4 } },
        body: "Competencies add up from one level to the next.",
      },
    ]);
    expect(reading.losses).toEqual([]);
  });

  it("takes a section before the tables as a prose page and the paragraph under a level's heading as its summary", async () => {
    const reading = fitting((await read("per-level-tables.md", "design.md")) as MatrixReading);
    expect(reading.draft.description).toBeUndefined();
    expect(reading.draft.prose).toEqual([
      {
        title: { text: "How to read this ladder", at: { file: "design.md", line: 3, column: 4 } },
        body: "Each level lists what we expect, area by area.\n\n- Levels are cumulative.",
      },
    ]);
    expect(reading.draft.levels.map((level) => level.summary)).toEqual([
      { text: "Designers new to the craft.", at: { file: "design.md", line: 11, column: 1 } },
      undefined,
    ]);
    expect(reading.losses).toEqual([]);
    const data = fitting((await read("per-category-tables.md", "data.md")) as MatrixReading);
    expect(data.draft.categories[0].description?.text).toBe("Building and running data systems.");
    expect(data.losses).toEqual([
      {
        at: { file: "data.md", line: 19, column: 1 },
        what: 'paragraph "Questions? Ask in #data."',
        why: expect.stringMatching(/^it is none of what this shape takes from a page/),
      },
    ]);
  });

  it.each([
    "levels-across.md",
    "levels-down.md",
    "per-level-tables.md",
    "per-category-tables.md",
    "per-category-html-tables.md",
    "sourcegraph-support-2023.md.txt",
    "sourcegraph-support-2022.md.txt",
  ])("accounts for every item of %s, each text of a Markdown table verbatim", async (name) => {
    const reading = fitting((await read(name)) as MatrixReading);
    expectEveryItemAccounted(name, reading);
    // Markdown tables keep their texts verbatim; an HTML table's are converted to Markdown.
    if (!/html|sourcegraph/.test(name)) expectVerbatim(reading.draft, fixture(name), `${TABLES}/${name}`);
  });

  it("takes the page's # heading as the title and its first paragraph as the description", async () => {
    const reading = fitting((await read("levels-across.md", "ladder.md")) as MatrixReading);
    expect(reading.draft.title).toEqual({
      text: "Engineering ladder",
      at: { file: "ladder.md", line: 1, column: 3 },
    });
    expect(reading.draft.description).toEqual({
      text: "How we grow engineers, level by level.",
      at: { file: "ladder.md", line: 3, column: 1 },
    });
    expect(reading.losses).toEqual([]);
  });

  it("reports a page's front matter as one item, and reads no heading into it", async () => {
    const reading = fitting((await read("front-matter.md", "ladder.md")) as MatrixReading);
    expect(reading.draft.title).toBeUndefined();
    expect(reading.draft.levels.map((level) => level.heading.text)).toEqual(["IC1", "IC2"]);
    expect(reading.losses).toEqual([
      {
        at: { file: "ladder.md", line: 1, column: 1 },
        what: 'front matter "--- title: Ladder weight: 3 ---"',
        why: expect.stringMatching(/^it is none of what this shape takes from a page/),
      },
    ]);
  });

  it("says why a page does not fit", async () => {
    expect(await read("no-table.md")).toEqual({
      misfit: "it has no table: neither a Markdown table (`| … |` rows) nor an HTML `<table>`",
    });
    expect(await read("not-levels.md")).toEqual({
      misfit: expect.stringMatching(/^neither its header row nor its first column/),
    });
    expect(await read("levels-across.md", "ladder.csv")).toEqual({
      misfit: "its name says it is not a Markdown page",
    });
    expect(
      await markdownTableShape.read({
        path: "x.md",
        isFolder: false,
        files: [{ path: "x.md", bytes: new Uint8Array([0xff, 0xfe, 0x41]) }],
      }),
    ).toEqual({ misfit: "it is not UTF-8 text" });
    const folder = { ...fixtureInput("levels-across.md"), isFolder: true };
    expect(await markdownTableShape.read(folder)).toEqual({
      misfit: "it is a folder of 1 files, and this shape reads one page",
    });
    const deep = `| IC1 | IC2 |\n|---|---|\n| a | b |\n\n${"> ".repeat(40)}deep\n`;
    expect(
      await markdownTableShape.read({
        path: "d.md",
        isFolder: false,
        files: [{ path: "d.md", bytes: new TextEncoder().encode(deep) }],
      }),
    ).toEqual({
      misfit: expect.stringMatching(/^it nests quotes, lists, emphasis, links or elements 33 deep here/),
    });
  });
});
