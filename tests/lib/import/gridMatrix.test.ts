import { describe, expect, it } from "vitest";
import type { DraftText, SourcePlace } from "../../../src/lib/import/draft";
import type { Grid, GridCell } from "../../../src/lib/import/grid";
import {
  isLevelHeader,
  readGridMatrices,
  readGridMatrix,
  type GridItem,
  type MatrixReading,
  type TitledGrid,
} from "../../../src/lib/import/tables/gridMatrix";
import { readMarkdownTables } from "../../../src/lib/import/tables/markdownTables";
import { formatPlace } from "../../../src/lib/import/draft";
import { accountedPlaces, expectVerbatim, fitting, fixture, TABLES } from "./tablesHelpers";

function gridsOf(name: string): Grid[] {
  return readMarkdownTables(fixture(name), `${TABLES}/${name}`);
}

/** Every item of every distinct cell of the grids: counted from the grids, not from the reading. */
function gridItemPlaces(grids: Grid[]): string[] {
  const cells = new Map<string, GridCell>();
  for (const grid of grids)
    for (const row of grid.rows) for (const cell of row) if (cell) cells.set(formatPlace(cell.at), cell);
  return [...cells.values()].flatMap((cell) => cell.items.map((item) => formatPlace(item.at)));
}

/** Every item of the grids is taken, lost or a label, and nothing else is in the reading. */
function expectAccounted(grids: Grid[], reading: MatrixReading) {
  const items = gridItemPlaces(grids);
  expect(items.length).toBeGreaterThan(0);
  const accounted = accountedPlaces(reading);
  for (const item of items)
    expect(accounted.has(item) || accounted.has(shiftedPastBold(item, grids)), item).toBe(true);
  // Nor does the reading hold a place no cell has (but a header's text moved past its `**`, and
  // the headings above the tables).
  const titles = grids.flatMap((grid) =>
    (grid as TitledGrid).title ? [formatPlace((grid as TitledGrid).title!.at)] : [],
  );
  const known = new Set([...items, ...items.map((item) => shiftedPastBold(item, grids)), ...titles]);
  for (const place of accounted.keys()) expect(known.has(place), place).toBe(true);
}

/** A header written `**Impact**` is read as `Impact`, two columns on. */
function shiftedPastBold(key: string, grids: Grid[]): string {
  for (const grid of grids) {
    for (const row of grid.rows) {
      for (const cell of row) {
        const item = cell?.items.find((candidate) => formatPlace(candidate.at) === key);
        if (item && item.text.startsWith("**"))
          return formatPlace({ ...item.at, column: item.at.column + 2 });
      }
    }
  }
  return key;
}

const texts = (items: { text: string }[]) => items.map((item) => item.text);

describe("readGridMatrix", () => {
  it("reads levels across the top: levels, a fact row, categories, a shared column, several behaviors a cell", () => {
    const grids = gridsOf("levels-across.md");
    const reading = fitting(readGridMatrix(grids[0]));
    const { draft } = reading;
    expect(texts(draft.levels.map((level) => level.heading))).toEqual([
      "IC1 · Junior",
      "IC2 · Mid",
      "IC3 · Senior",
    ]);
    expect(texts(draft.categories)).toEqual(["Impact", "Craft", "Collaboration"]);
    expect(draft.levels.map((level) => level.facts.map((fact) => [fact.label, fact.value]))).toEqual([
      [["Years of experience", "0–2"]],
      [["Years of experience", "2–4"]],
      [["Years of experience", "4+"]],
    ]);
    const [junior, mid, senior] = draft.levels;
    expect(junior.groups.map((group) => [group.category?.text, texts(group.behaviors)])).toEqual([
      ["Impact", ["Ships small fixes", "Asks for **review** early"]],
      ["Craft", ["Writes tests"]],
    ]);
    expect(mid.groups.map((group) => [group.category?.text, texts(group.behaviors)])).toEqual([
      ["Impact", ["Owns [features](https://example.com/f)", "Pairs with `juniors`"]],
      ["Collaboration", ["Helps teammates \\| often"]],
    ]);
    expect(senior.groups.map((group) => [group.category?.text, texts(group.behaviors)])).toEqual([
      ["Impact", ["Leads projects", "Sets direction"]],
      ["Craft", ["Writes design docs"]],
    ]);
    expect(draft.shared?.title.text).toBe("All levels");
    expect(draft.shared?.groups.map((group) => [group.category?.text, texts(group.behaviors)])).toEqual([
      ["Impact", ["Cares about users"]],
      ["Craft", ["Keeps the build green", "Reviews code kindly"]],
    ]);
    expect(reading.losses).toEqual([]);
    expect(reading.held.map((label) => label.as)).toEqual(['the label of the facts "Years of experience"']);
    expectVerbatim(draft, fixture("levels-across.md"), `${TABLES}/levels-across.md`);
    expectAccounted(grids, reading);
  });

  it("reads levels down the side: a title fact column, a summary column, the corner cell as a label", () => {
    const grids = gridsOf("levels-down.md");
    const reading = fitting(readGridMatrix(grids[0]));
    const { draft } = reading;
    expect(texts(draft.levels.map((level) => level.heading))).toEqual(["L1", "L2", "L3"]);
    expect(draft.levels.map((level) => level.summary?.text)).toEqual([
      "Learns the product.",
      "Works alone.",
      undefined,
    ]);
    expect(draft.levels.map((level) => level.facts.map((fact) => `${fact.label}: ${fact.value}`))).toEqual([
      ["Title: Support Engineer"],
      ["Title: Senior Support Engineer"],
      ["Title: Staff Support Engineer"],
    ]);
    expect(texts(draft.categories)).toEqual(["Technical", "Customers"]);
    expect(draft.levels[1].groups.map((group) => [group.category?.text, texts(group.behaviors)])).toEqual([
      ["Technical", ["Debugs deployments"]],
      ["Customers", ["Handles escalations", "Mentors L1s"]],
    ]);
    expect(draft.levels[2].groups).toEqual([]);
    expect(draft.shared).toBeUndefined();
    expectVerbatim(draft, fixture("levels-down.md"), `${TABLES}/levels-down.md`);
    expectAccounted(grids, reading);
  });

  it("reports a cell it cannot place, with its place and why: no level, no category", () => {
    const reading = fitting(readGridMatrix(gridsOf("levels-down.md")[0]));
    expect(reading.losses.map((loss) => [loss.at.line, loss.what, loss.why])).toEqual([
      [9, 'cell "Fixes everything"', "the header naming its level is empty or missing, so it has no level"],
      [
        10,
        'cell "Extra cell beyond the headers"',
        "the header naming its category is empty or missing, so it has no category",
      ],
    ]);
  });

  it("reads a table and its transpose alike: either orientation gives the same draft", () => {
    for (const name of ["levels-across.md", "levels-down.md"]) {
      const [grid] = gridsOf(name);
      const width = Math.max(...grid.rows.map((row) => row.length));
      const transposed: Grid = {
        ...grid,
        rows: Array.from({ length: width }, (_, column) =>
          grid.rows.map(
            (row) => row[column] ?? { at: { ...grid.at, line: 999 + column }, text: "", items: [] },
          ),
        ),
      };
      expect(fitting(readGridMatrix(transposed)).draft).toEqual(fitting(readGridMatrix(grid)).draft);
    }
  });

  it("takes a fact header's column as a category when its cells are sentences, not short values", () => {
    const at = (line: number, column: number): SourcePlace => ({ file: "ladder.csv", line, column });
    const cell = (line: number, column: number, ...items: string[]): GridCell => ({
      at: at(line, column),
      text: items.join("\n"),
      items: items.map((text, index) => ({ text, at: at(line, column + index * 100) })),
    });
    const grid: Grid = {
      at: at(1, 1),
      rows: [
        [cell(1, 1), cell(1, 2, "Scope"), cell(1, 3, "Craft")],
        [
          cell(2, 1, "Senior"),
          cell(2, 2, "Works across several teams on problems nobody has framed yet"),
          cell(2, 3, "Writes RFCs"),
        ],
        [cell(3, 1, "Staff"), cell(3, 2, "Org"), cell(3, 3, "Reviews RFCs")],
      ],
    };
    const { draft } = fitting(readGridMatrix(grid));
    expect(texts(draft.categories)).toEqual(["Scope", "Craft"]);
    expect(draft.levels[0].facts).toEqual([]);
    expect(texts(draft.levels[0].groups[0].behaviors)).toEqual([
      "Works across several teams on problems nobody has framed yet",
    ]);
  });

  it("reads a spreadsheet's grid: its name as the category of an Expectations column, spans read once", () => {
    const at = (line: number, column: number): SourcePlace => ({ file: "book.xlsx#Impact", line, column });
    const cell = (line: number, column: number, ...items: string[]): GridCell => ({
      at: at(line, column),
      text: items.join("\n"),
      items: items.map((text) => ({ text, at: at(line, column) })),
    });
    // A merged cell shows in every slot it covers, as the same cell.
    const spanningLevels = cell(4, 2, "Mentors others");
    const grid: Grid = {
      at: at(1, 1),
      name: "Impact",
      rows: [
        [cell(1, 1, "Level"), cell(1, 2, "Expectations")],
        [cell(2, 1, "E1"), cell(2, 2, "Fixes bugs")],
        [cell(3, 1, "E2"), cell(3, 2, "Ships features")],
        [cell(4, 1, "E3"), spanningLevels],
        [cell(5, 1, "E4"), spanningLevels],
      ],
    };
    const reading = fitting(readGridMatrix(grid));
    expect(reading.draft.categories.map((category) => [category.text, category.at])).toEqual([
      ["Impact", at(1, 1)],
    ]);
    expect(
      reading.draft.levels.map((level) => [
        level.heading.text,
        level.groups.map((group) => texts(group.behaviors)),
      ]),
    ).toEqual([
      ["E1", [["Fixes bugs"]]],
      ["E2", [["Ships features"]]],
      ["E3", []],
      ["E4", []],
    ]);
    expect(reading.losses).toEqual([
      {
        at: at(4, 2),
        what: 'cell "Mentors others"',
        why: "it spans several levels, and a behavior belongs to one",
      },
    ]);
    expect(reading.held.map((label) => label.as)).toEqual([
      "the corner cell, naming the table's axes",
      "the label of a column of behaviors",
    ]);
  });

  it("takes a cell spanning every category of a level as its summary, and keeps a list item's examples", () => {
    const at = (line: number, column: number): SourcePlace => ({ file: "page.html", line, column });
    const cell = (line: number, column: number, ...items: GridItem[]): GridCell => ({
      at: at(line, column),
      text: items.map((item) => item.text).join("\n"),
      items,
    });
    const item = (text: string, line: number, examples: DraftText[] = []): GridItem => ({
      text,
      at: at(line, 5),
      examples,
    });
    const summary = cell(3, 2, item("Learns the ropes.", 3));
    const grid: Grid = {
      at: at(1, 1),
      rows: [
        [cell(1, 1, item("Level", 1)), cell(1, 2, item("Craft", 1)), cell(1, 3, item("Impact", 1))],
        [cell(2, 1, item("IC1", 2)), summary, summary],
        [
          cell(2, 1, item("IC1", 2)),
          cell(4, 2, item("Writes tests", 4, [item("Unit tests", 5), item("Integration tests", 6)])),
          cell(4, 3, item("**Shipping**:", 7), item("Ships fixes", 8)),
        ],
      ],
    };
    const reading = fitting(readGridMatrix(grid));
    const [level] = reading.draft.levels;
    expect(level.summary).toEqual(item("Learns the ropes.", 3));
    expect(level.groups[0].behaviors).toEqual([
      { text: "Writes tests", at: at(4, 5), examples: [item("Unit tests", 5), item("Integration tests", 6)] },
    ]);
    expect(texts(level.groups[1].behaviors)).toEqual(["Ships fixes"]);
    expect(reading.losses.map((loss) => [loss.what, loss.at.line])).toEqual([
      ['cell item "**Shipping**:"', 7],
    ]);
  });

  it("reads a level header's second item as its summary and reports a third", () => {
    const at = (line: number): SourcePlace => ({ file: "t.md", line, column: 1 });
    const cell = (line: number, ...items: string[]): GridCell => ({
      at: at(line),
      text: items.join("\n"),
      items: items.map((text, index) => ({ text, at: at(line * 10 + index) })),
    });
    const reading = fitting(
      readGridMatrix({
        at: at(1),
        rows: [
          [cell(1), cell(2, "Impact")],
          [cell(3, "IC1", "New to the field.", "Entry level"), cell(4, "Fixes bugs")],
        ],
      }),
    );
    expect(reading.draft.levels[0].summary?.text).toBe("New to the field.");
    expect(reading.losses.map((loss) => [loss.what, loss.why])).toEqual([
      ['header cell "Entry level"', "a level's header holds its name, one summary and its facts"],
    ]);
  });

  it("reads a table under a level's heading whose header row names categories, each row a behavior of each", () => {
    const at = (line: number, column: number): SourcePlace => ({ file: "ic2.md", line, column });
    const cell = (line: number, column: number, text?: string): GridCell => ({
      at: at(line, column),
      text: text ?? "",
      items: text ? [{ text, at: at(line, column) }] : [],
    });
    const grid: TitledGrid = {
      at: at(3, 1),
      title: { text: "IC2 · Engineer", at: at(1, 4) },
      rows: [
        [cell(3, 3, "Impact"), cell(3, 12, "Craft")],
        [cell(5, 3, "Ships features"), cell(5, 20, "Writes tests")],
        [cell(6, 3, "Leads a project"), cell(6, 20)],
      ],
    };
    const reading = fitting(readGridMatrix(grid));
    expect(reading.draft.levels.map((level) => level.heading)).toEqual([grid.title]);
    expect(
      reading.draft.levels[0].groups.map((group) => [group.category?.text, texts(group.behaviors)]),
    ).toEqual([
      ["Impact", ["Ships features", "Leads a project"]],
      ["Craft", ["Writes tests"]],
    ]);
    expect(reading.losses).toEqual([]);
    expectAccounted([grid], reading);
  });

  it("counts a level word only in a short header: a sentence that says 'lead' names no level", () => {
    const at = (line: number, column: number): SourcePlace => ({ file: "t.md", line, column });
    const cell = (line: number, column: number, text: string): GridCell => ({
      at: at(line, column),
      text,
      items: [{ text, at: at(line, column) }],
    });
    const grid: Grid = {
      at: at(1, 1),
      rows: [
        [cell(1, 1, "Level"), cell(1, 2, "Impact")],
        [cell(2, 1, "Senior"), cell(2, 2, "You lead the design of systems that several teams depend on")],
      ],
    };
    const reading = fitting(readGridMatrix(grid));
    expect(reading.draft.levels.map((level) => level.heading.text)).toEqual(["Senior"]);
    expect(reading.draft.categories.map((category) => category.text)).toEqual(["Impact"]);
  });

  it("names levels written as a number, a slash and a name (`2/ Medior`), not fractions or numbered categories", () => {
    const at = (line: number, column: number): SourcePlace => ({ file: "t.md", line, column });
    const cell = (line: number, column: number, text: string): GridCell => ({
      at: at(line, column),
      text,
      items: [{ text, at: at(line, column) }],
    });
    expect(isLevelHeader(cell(1, 1, "2/ Medior"))).toBe(true);
    expect(isLevelHeader(cell(1, 1, "3 / Foundation"))).toBe(true);
    expect(isLevelHeader(cell(1, 1, "Medior"))).toBe(true);
    expect(isLevelHeader(cell(1, 1, "1/2 of the time"))).toBe(false);
    expect(isLevelHeader(cell(1, 1, "1. Delivery"))).toBe(false);
    const grid: Grid = {
      at: at(1, 1),
      rows: [
        [cell(1, 1, "Category"), cell(1, 2, "1/ Foundation"), cell(1, 3, "2/ Medior")],
        [cell(2, 1, "Delivery"), cell(2, 2, "Plans tasks."), cell(2, 3, "Plans sprints.")],
      ],
    };
    const reading = fitting(readGridMatrix(grid));
    expect(reading.draft.levels.map((level) => level.heading.text)).toEqual(["1/ Foundation", "2/ Medior"]);
    expectAccounted([grid], reading);
  });

  it("says why a table is not of levels × categories", () => {
    expect(readGridMatrix(gridsOf("not-levels.md")[0])).toEqual({
      misfit:
        "neither its header row nor its first column names levels (codes like IC3 or L2, words like Junior or Senior), " +
        "its corner cell does not say which holds them, and no heading above it names a level",
    });
    const [grid] = gridsOf("levels-across.md");
    expect(readGridMatrix({ ...grid, rows: grid.rows.slice(0, 1) })).toEqual({
      misfit: "it has no row below its header row: a table of levels × categories needs at least two rows",
    });
    const at: SourcePlace = { file: "t.csv", line: 1, column: 1 };
    const named = (text: string, line: number, column: number): GridCell => ({
      at: { ...at, line, column },
      text,
      items: [{ text, at: { ...at, line, column } }],
    });
    expect(
      readGridMatrix({
        at,
        rows: [
          [named("", 1, 1), named("Junior", 1, 2)],
          [named("Senior", 2, 1), named("Does things", 2, 2)],
        ],
      }),
    ).toEqual({
      misfit:
        "both its header row and its first column name levels (1 each), so neither can be the categories",
    });
  });
});

describe("readGridMatrices", () => {
  it("merges one table per level section, each level named by the heading above its table", () => {
    const grids = gridsOf("per-level-tables.md");
    const reading = fitting(readGridMatrices(grids));
    const { draft } = reading;
    expect(texts(draft.levels.map((level) => level.heading))).toEqual(["D1 - Designer 1", "D2 - Designer 2"]);
    expect(draft.levels.map((level) => level.heading.at.line)).toEqual([9, 18]);
    expect(texts(draft.categories)).toEqual(["Craft", "Impact", "Leadership"]);
    expect(
      draft.levels.map((level) =>
        level.groups.map((group) => [group.category?.text, texts(group.behaviors)]),
      ),
    ).toEqual([
      [
        ["Craft", ["Uses the design system", "Asks for critique"]],
        ["Impact", ["Ships small features"]],
      ],
      [
        ["Craft", ["Extends the design system"]],
        ["Impact", ["Ships features end to end"]],
        ["Leadership", ["Runs critiques"]],
      ],
    ]);
    expect(reading.losses).toEqual([]);
    expectVerbatim(draft, fixture("per-level-tables.md"), `${TABLES}/per-level-tables.md`);
    expectAccounted(grids, reading);
  });

  it("merges one table per category, each category named by the heading above its table", () => {
    const grids = gridsOf("per-category-tables.md");
    const reading = fitting(readGridMatrices(grids));
    const { draft } = reading;
    expect(texts(draft.levels.map((level) => level.heading))).toEqual(["Junior", "Senior"]);
    expect(draft.categories.map((category) => [category.text, category.at.line])).toEqual([
      ["Technical skills", 3],
      ["Communication", 12],
    ]);
    expect(
      draft.levels.map((level) =>
        level.groups.map((group) => [group.category?.text, texts(group.behaviors)]),
      ),
    ).toEqual([
      [
        ["Technical skills", ["Writes SQL"]],
        ["Communication", ["Shares progress"]],
      ],
      [
        ["Technical skills", ["Designs pipelines", "Reviews schemas"]],
        ["Communication", ["Presents to leadership"]],
      ],
    ]);
    expect(reading.losses).toEqual([]);
    expectVerbatim(draft, fixture("per-category-tables.md"), `${TABLES}/per-category-tables.md`);
    expectAccounted(grids, reading);
  });

  it("reports every cell of a table that is not of the shape beside one that is", () => {
    const grids = [...gridsOf("levels-down.md"), ...gridsOf("not-levels.md")];
    const reading = fitting(readGridMatrices(grids));
    const glossary = reading.losses.filter((loss) => loss.at.file.endsWith("not-levels.md"));
    expect(glossary.map((loss) => loss.what)).toEqual([
      'cell "Term"',
      'cell "Meaning"',
      'cell "RFC"',
      'cell "A request for comments"',
      'cell "ADR"',
      'cell "An architecture decision record"',
    ]);
    expect(glossary[0].why).toMatch(
      /^its table \(line 3\) is not one of levels × categories: neither its header row/,
    );
    expectAccounted(grids, reading);
  });

  it("says why when no table is of the shape, or there is none", () => {
    expect(readGridMatrices([])).toEqual({ misfit: "it has no table" });
    const grids = [...gridsOf("not-levels.md"), ...gridsOf("not-levels.md")];
    const misfit = readGridMatrices(grids);
    expect(misfit).toEqual({
      misfit: expect.stringMatching(
        /^none of its 2 tables is one of levels × categories \(the table at line 3 \("Glossary"\): neither its header row/,
      ),
    });
  });
});
