import { describe, expect, it } from "vitest";
import { draftPlaces, type Misfit, type ShapeReading } from "../../../src/lib/import/draft";
import type { Grid, GridCell } from "../../../src/lib/import/grid";
import { readGridRows } from "../../../src/lib/import/sheets/gridRows";
import { readSheets } from "../../../src/lib/import/sheets/readSheets";
import { csvShape, tsvShape, xlsxShape } from "../../../src/lib/import/shapes/sheets";
import { fileInput, filledCells, placeKey, sheetFile, SHEETS } from "../../helpers/sheetFixtures";

async function gridOf(name: string): Promise<Grid> {
  const read = await readSheets(sheetFile(name), "csv");
  if (!Array.isArray(read)) throw new Error(read.misfit);
  return read[0];
}

/** The headers whose cells say where a row's behavior goes, rather than being texts of the draft. */
const ROW_STRUCTURE = /^(?:id|level|category|aliases|level title)$/i;

/**
 * Every non-empty cell of the grid is accounted for, counted from the grid itself: a text of
 * the draft (one of its items' places), a loss, the header row, or a cell saying where a
 * behavior goes: a level cell naming a level of the draft, a level title the draft has, an id
 * or aliases cell on a row with a behavior, a category cell on a row with a behavior or above
 * one (before the column's next cell). And the draft and the losses name no place that is not
 * a cell's: nothing is invented, nothing counted twice.
 */
function expectEveryCellAccounted(grid: Grid, reading: ShapeReading) {
  const { draft } = reading;
  const places = draftPlaces(draft).map(({ at }) => placeKey(at));
  const behaviorPlaces = new Set(
    draftPlaces(draft)
      .filter(({ as }) => as === "behavior")
      .map(({ at }) => placeKey(at)),
  );
  const lost = reading.losses.map(({ at }) => placeKey(at));
  const header = grid.rows.findIndex((row) => row.some((cell) => ROW_STRUCTURE.test(cell.text)));
  const taken = new Set([...places, ...lost]);
  const cellPlaces = new Set<string>();
  const ownPlaces = (cell: GridCell) => [cell.at, ...cell.items.map((item) => item.at)].map(placeKey);
  const hasBehavior = (row: number) =>
    grid.rows[row].some((cell) => ownPlaces(cell).some((key) => behaviorPlaces.has(key)));
  const levelNames = [draft.shared?.title, ...draft.levels.map((level) => level.heading)].map((text) =>
    text?.text.toLowerCase(),
  );
  for (const { cell, row, column } of filledCells(grid)) {
    const own = ownPlaces(cell);
    own.forEach((key) => cellPlaces.add(key));
    if (row === header || own.some((key) => taken.has(key))) continue;
    const heading = (grid.rows[header]?.[column]?.text ?? "").toLowerCase();
    let next = row + 1;
    while (next < grid.rows.length && !grid.rows[next][column]?.text) next += 1;
    const below = Array.from({ length: next - row }, (_, n) => row + n);
    const accounted =
      heading === "level"
        ? levelNames.includes(cell.text.toLowerCase())
        : heading === "level title"
          ? draft.levels.some((level) => level.title === cell.text)
          : heading === "category"
            ? below.some(hasBehavior)
            : ROW_STRUCTURE.test(heading) && hasBehavior(row);
    expect(accounted, `cell ${row + 1}:${column + 1} "${cell.text}" is accounted for`).toBe(true);
  }
  for (const key of [...places, ...lost]) expect(cellPlaces.has(key), key).toBe(true);
  expect(new Set(lost).size).toBe(lost.length);
  for (const key of lost) expect(places.includes(key), `${key} both taken and lost`).toBe(false);
}

async function read(name: string): Promise<{ grid: Grid; reading: ShapeReading }> {
  const grid = await gridOf(name);
  const reading = readGridRows(grid);
  if ("misfit" in reading) throw new Error(reading.misfit);
  expectEveryCellAccounted(grid, reading);
  return { grid, reading };
}

const at = (name: string, line: number, column: number) => ({ file: `${SHEETS}/${name}`, line, column });

describe("readGridRows", () => {
  it("reads one behavior per row: shared section, levels, categories carried down, ids, examples, facts, titles", async () => {
    const { reading } = await read("rows.csv");
    const { draft, losses } = reading;
    expect(losses).toEqual([]);
    expect(draft.title?.text).toBe("Demo career framework");
    expect(draft.shared?.title.text).toBe("All Levels");
    expect(draft.shared?.groups.map((g) => [g.category?.text, g.behaviors.map((b) => b.text)])).toEqual([
      ["Craft", ["Writes things down."]],
    ]);
    const summary = draft.levels.map((level) => ({
      heading: level.heading.text,
      code: level.code,
      title: level.title,
      facts: level.facts.map((fact) => `${fact.label}: ${fact.value}`),
      groups: level.groups.map((group) => [
        group.category?.text,
        group.behaviors.map((b) => ({ id: b.id, text: b.text, examples: b.examples.map((e) => e.text) })),
      ]),
    }));
    expect(summary).toEqual([
      {
        heading: "IC1",
        code: "IC1",
        title: "Entry Level",
        facts: ["Years of experience: 0–2"],
        groups: [
          [
            "Craft",
            [
              {
                id: "basic-git",
                text: "Has a basic understanding of **Git**, as [the docs](https://git-scm.com/doc) say.",
                examples: ["Uses `git log`.", "Reads `git blame`."],
              },
            ],
          ],
          [
            "Teamwork",
            [
              { id: undefined, text: "Asks questions.", examples: [] },
              { id: undefined, text: "Shares what they learn.", examples: [] },
            ],
          ],
        ],
      },
      {
        heading: "IC2",
        code: "IC2",
        title: "Engineer",
        facts: ["Years of experience: 2–4"],
        groups: [
          [
            "Craft",
            [
              { id: undefined, text: 'Knows "rebase" well.', examples: [] },
              { id: undefined, text: "Reviews code with care.", examples: ["Leaves kind comments."] },
            ],
          ],
        ],
      },
    ]);
    // The second item of a cell starts on its own line, after its marker.
    expect(draft.levels[0].groups[1].behaviors[1].at).toEqual(at("rows.csv", 6, 3));
  });

  it("loses the cells of a column it does not read, and of a column without a header", async () => {
    const { reading } = await read("loss-unknown-column.csv");
    expect(reading.losses).toEqual([
      {
        at: at("loss-unknown-column.csv", 2, 21),
        what: 'cell C2 "discussed with HR"',
        why: 'column "Notes" is not one this shape reads (level, category, text, id, aliases, example 1…, level title, level summary, years of experience)',
      },
      {
        at: at("loss-unknown-column.csv", 2, 39),
        what: 'cell D2 "stray"',
        why: "column D has no header, so what it holds is unknown",
      },
    ]);
    expect(reading.draft.levels.map((level) => level.groups[0].behaviors[0].text)).toEqual([
      "Asks questions.",
      "Mentors others.",
    ]);
  });

  it("loses a row that names no level when no row above it does", async () => {
    const { reading } = await read("loss-no-level.csv");
    const why = 'its row names no level (column "level"), and no row above it does';
    expect(reading.losses.map(({ what, why }) => [what, why])).toEqual([
      ['cell B2 "Craft"', why],
      ['cell C2 "Has no level."', why],
    ]);
  });

  it("loses the cells of a row without a behavior, but keeps its level", async () => {
    const { reading } = await read("loss-no-behavior.csv");
    expect(reading.losses.map(({ what, why }) => [what, why])).toEqual([
      [
        'cell B3 "Teamwork"',
        'its row has no behavior (column "text"), and no row below it continues its category',
      ],
      [
        'cell D3 "An example without a behavior."',
        'its row has no behavior (column "text") for it to belong to',
      ],
    ]);
  });

  it("takes a row naming only a category as the heading of the rows below it", async () => {
    const { reading } = await read("category-heading-rows.csv");
    expect(reading.losses).toEqual([]);
    expect(
      reading.draft.levels[0].groups.map((group) => [
        group.category?.text,
        group.behaviors.map((b) => b.text),
      ]),
    ).toEqual([
      ["Craft", ["Uses Git."]],
      ["Teamwork", ["Asks questions."]],
    ]);
  });

  it("takes a level's title and facts once, and loses a value that contradicts an earlier row", async () => {
    const { reading } = await read("loss-level-fact-contradicts.csv");
    expect(reading.draft.levels[0]).toMatchObject({ code: "IC1", title: "Junior" });
    expect(reading.draft.levels[0].facts.map((fact) => fact.value)).toEqual(["0–2"]);
    expect(reading.losses.map(({ what, why }) => [what, why])).toEqual([
      [
        'cell C3 "1–3"',
        'an earlier row of level "IC1" gives "years of experience" as "0–2": a level has one',
      ],
    ]);
  });

  it("takes a lone cell above the header as the title, and loses the rest above it", async () => {
    const { reading } = await read("loss-above-header.csv");
    expect(reading.draft.title?.text).toBe("Demo career framework");
    const why = "it is above the header row (row 3), which names the columns";
    expect(reading.losses.map(({ what, why }) => [what, why])).toEqual([
      ['cell A2 "Draft"', why],
      ['cell B2 "for review"', why],
    ]);
  });

  it("loses a fact given to the shared expectations", async () => {
    const { reading } = await read("loss-shared-fact.csv");
    expect(reading.losses.map(({ what, why }) => [what, why])).toEqual([
      ['cell C2 "any"', 'the shared expectations have no "years of experience"'],
    ]);
  });

  it("says which headers it looked for when a sheet does not fit", async () => {
    expect(readGridRows(await gridOf("misfit-no-header.csv"))).toEqual({
      misfit: `one behavior per row: no row among the first 20 names both a level column (level, grade, band, level code…) and a behavior column (text, behavior, criterion, expectation…); its first row holds "Name", "Notes"`,
    });
    expect(readGridRows(await gridOf("misfit-no-behavior.csv"))).toEqual({
      misfit:
        'one behavior per row: the header row (row 1) names the columns, but no row below it gives a behavior in column "text"',
    });
    expect((readGridRows(await gridOf("levels-as-columns.csv")) as Misfit).misfit).toMatch(
      /^one behavior per row: no row among the first 20 .* its first row holds "Category", "IC1", "IC2"$/,
    );
  });

  it("takes a level code column beside a level column as the level's code", async () => {
    const text = "Level,Level code,Text\nSenior Engineer,IC3,Leads projects.\n";
    const [grid] = (await readSheets(
      { path: "s.csv", bytes: new TextEncoder().encode(text) },
      "csv",
    )) as Grid[];
    const reading = readGridRows(grid) as ShapeReading;
    expect(reading.losses).toEqual([]);
    expect(reading.draft.levels[0]).toMatchObject({ heading: { text: "Senior Engineer" }, code: "IC3" });
  });

  it("matches headers whatever their case, with synonyms", async () => {
    const text =
      "Grade,Competency,Criterion,Examples,Aliases\nL1,Craft,Writes tests.,Unit tests.,old-tests\n";
    const [grid] = (await readSheets(
      { path: "s.csv", bytes: new TextEncoder().encode(text) },
      "csv",
    )) as Grid[];
    const reading = readGridRows(grid) as ShapeReading;
    const [behavior] = reading.draft.levels[0].groups[0].behaviors;
    expect(reading.draft.levels[0].groups[0].category?.text).toBe("Craft");
    expect(behavior).toMatchObject({ text: "Writes tests.", examples: [{ text: "Unit tests." }] });
    expect((behavior as { aliases?: { text: string }[] }).aliases?.map((alias) => alias.text)).toEqual([
      "old-tests",
    ]);
  });
});

describe("the csv, tsv and xlsx shapes", () => {
  it("read a CSV and a TSV file by their rows", async () => {
    const csv = (await csvShape.read(fileInput(sheetFile("rows.csv")))) as ShapeReading;
    expect(csv.draft.levels.map((level) => level.heading.text)).toEqual(["IC1", "IC2"]);
    const tsv = (await tsvShape.read(fileInput(sheetFile("tabs.tsv")))) as ShapeReading;
    expect(tsv.draft.levels.map((level) => level.groups[0].behaviors[0].text)).toEqual([
      "Uses **Git** daily.",
      "Plans work; tabs\tinside quotes.",
    ]);
  });

  it("join a workbook's sheets into one track, levels named alike being one level", async () => {
    const reading = (await xlsxShape.read(fileInput(sheetFile("two-sheets.xlsx")))) as ShapeReading;
    expect(reading.losses).toEqual([]);
    expect(
      reading.draft.levels.map((level) => [
        level.heading.text,
        level.groups.flatMap((group) => group.behaviors.map((b) => b.text)),
      ]),
    ).toEqual([
      ["IC1", ["Uses Git daily.", "[Asks questions.](https://example.com/questions)"]],
      ["IC2", ["Reviews code.", "Mentors others.", "42"]],
    ]);
    expect(reading.draft.levels[0].groups[0].behaviors[0].examples.map((e) => e.text)).toEqual([
      "Commits often.",
    ]);
  });

  it("carry a merged level cell down to the rows it covers", async () => {
    const reading = (await xlsxShape.read(fileInput(sheetFile("merged-rich-text.xlsx")))) as ShapeReading;
    expect(
      reading.draft.levels[0].groups.map((group) => [
        group.category?.text,
        group.behaviors.map((b) => b.text),
      ]),
    ).toEqual([
      ["Craft", ["Writes clear docs."]],
      ["Teamwork", ["Asks questions.", "Answers them."]],
    ]);
  });

  it("read a table of levels × categories, in either orientation", async () => {
    const reading = (await csvShape.read(fileInput(sheetFile("levels-as-columns.csv")))) as ShapeReading;
    expect(reading.losses).toEqual([]);
    expect(
      reading.draft.levels.map((level) => [
        level.heading.text,
        level.groups.map((group) => [group.category?.text, group.behaviors.map((b) => b.text)]),
      ]),
    ).toEqual([
      ["IC1", [["Craft", ["Uses Git."]]]],
      ["IC2", [["Craft", ["Teaches Git."]]]],
    ]);
    const rows = (await xlsxShape.read(fileInput(sheetFile("levels-as-rows.xlsx")))) as ShapeReading;
    expect(rows.losses).toEqual([]);
    expect(
      rows.draft.levels.map((level) => [
        level.heading.text,
        level.groups.map((group) => [group.category?.text, group.behaviors.map((b) => b.text)]),
      ]),
    ).toEqual([
      [
        "IC1",
        [
          ["Craft", ["Uses Git."]],
          ["Teamwork", ["Asks questions.", "Answers them."]],
        ],
      ],
      ["IC2", [["Craft", ["Teaches Git."]]]],
    ]);
  });

  it("lose the cells of a sheet that fits no way of reading, beside one that fits", async () => {
    const reading = (await xlsxShape.read(fileInput(sheetFile("loss-unfit-sheet.xlsx")))) as ShapeReading;
    expect(reading.draft.levels.map((level) => level.heading.text)).toEqual(["IC1"]);
    expect(reading.losses).toEqual([
      {
        at: { file: `${SHEETS}/loss-unfit-sheet.xlsx#Notes`, line: 1, column: 1 },
        what: 'cell Notes!A1 "Reviewed by HR in May."',
        why: expect.stringMatching(
          /^sheet "Notes" fits no way of reading a sheet: one behavior per row: no row .*; levels × categories: /,
        ),
      },
    ]);
  });

  it("say which file they look for, and why each sheet does not fit", async () => {
    expect(await csvShape.read(fileInput(sheetFile("tabs.tsv")))).toEqual({
      misfit: `${SHEETS}/tabs.tsv is not a .csv file`,
    });
    const misfit = (await csvShape.read(fileInput(sheetFile("misfit-no-header.csv")))) as Misfit;
    expect(misfit.misfit).toMatch(
      /^tests\/fixtures\/import\/sheets\/misfit-no-header\.csv: one behavior per row: no row .*; levels × categories: neither its header row nor its first column names levels/,
    );
  });
});
