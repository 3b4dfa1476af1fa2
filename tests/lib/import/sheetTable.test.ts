import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  draftPlaces,
  isMisfit,
  type DraftTrack,
  type ImportInput,
  type ShapeReading,
  type SourceFile,
} from "../../../src/lib/import/draft";
import type { Grid } from "../../../src/lib/import/grid";
import { readSheets } from "../../../src/lib/import/sheets/readSheets";
import { readSheetTable } from "../../../src/lib/import/sheets/sheetTable";
import { csvShape, xlsxShape } from "../../../src/lib/import/shapes/sheets";
import { fileInput, filledCells, placeKey, sheetFile, SHEETS, textFrom } from "../../helpers/sheetFixtures";

/**
 * Sheets laid out as people lay them out: a title and description above the table, a sheet per
 * category, an assessment template's columns beside the level columns. The workbooks are
 * written here with exceljs, so each test shows its sheet; the CSV files are fixtures.
 */

type Cells = Record<string, ExcelJS.CellValue | { value: ExcelJS.CellValue; choices: string[] }>;

/** A workbook of these sheets, as the importer is given it. */
async function workbook(name: string, sheets: Record<string, Cells>): Promise<SourceFile> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, cells] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName);
    for (const [address, given] of Object.entries(cells)) {
      const cell = sheet.getCell(address);
      if (given !== null && typeof given === "object" && "choices" in given) {
        cell.value = given.value;
        cell.dataValidation = { type: "list", allowBlank: true, formulae: [`"${given.choices.join(",")}"`] };
      } else cell.value = given;
    }
  }
  return { path: name, bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

const choice = (value: string) => ({ value, choices: ["Nope", "Somewhat", "Yes"] });

/**
 * Every cell of the workbook holding a value or a formula, walked with exceljs apart from the
 * reader: its place (`book.xlsx#Sheet` in a workbook of several sheets) and its text.
 */
async function workbookCells(file: SourceFile): Promise<Map<string, string>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
  const cells = new Map<string, string>();
  book.eachSheet((sheet) => {
    const sheetFile = book.worksheets.length > 1 ? `${file.path}#${sheet.name}` : file.path;
    sheet.eachRow((row, line) =>
      row.eachCell((cell, column) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (cell.type === ExcelJS.ValueType.Formula || String(cell.text).trim() !== "")
          cells.set(placeKey({ file: sheetFile, line, column }), String(cell.text).trim());
      }),
    );
  });
  return cells;
}

/** The places a reading accounts for: in the draft, lost or held. */
function accounted(reading: ShapeReading): Set<string> {
  return new Set(
    [
      ...draftPlaces(reading.draft).map(({ at }) => at),
      ...reading.losses.map(({ at }) => at),
      ...(reading.held ?? []).map(({ at }) => at),
    ].map(placeKey),
  );
}

/** Every cell of the workbook is accounted for, and the reading names no place that is not a cell. */
async function expectWorkbookAccounted(file: SourceFile, reading: ShapeReading) {
  const cells = await workbookCells(file);
  const places = accounted(reading);
  expect([...cells.keys()].filter((key) => !places.has(key))).toEqual([]);
  expect([...places].filter((key) => !cells.has(key))).toEqual([]);
  // Each text of the draft is its cell's text.
  for (const { at } of draftPlaces(reading.draft)) expect(cells.has(placeKey(at))).toBe(true);
}

/** Every filled cell of the CSV grids is accounted for, and each text of the draft is the file's own where it says. */
function expectCsvAccounted(grids: Grid[], reading: ShapeReading) {
  const places = accounted(reading);
  const own = new Set<string>();
  for (const grid of grids) {
    for (const { cell } of filledCells(grid)) {
      const keys = [cell.at, ...cell.items.map((item) => item.at)].map(placeKey);
      keys.forEach((key) => own.add(key));
      expect(
        keys.some((key) => places.has(key)),
        `${placeKey(cell.at)} "${cell.text}"`,
      ).toBe(true);
    }
  }
  expect([...places].filter((key) => !own.has(key))).toEqual([]);
  const sources = new Map<string, string>();
  for (const { at } of draftPlaces(reading.draft)) {
    if (!sources.has(at.file)) sources.set(at.file, readFileSync(at.file, "utf8"));
  }
  for (const text of draftTexts(reading.draft))
    expect(textFrom(sources.get(text.at.file)!, text.at).startsWith(text.text), text.text).toBe(true);
}

function draftTexts(draft: DraftTrack) {
  const groups = draft.levels.flatMap((level) => level.groups);
  return [
    ...(draft.title ? [draft.title] : []),
    ...(draft.description ? [draft.description] : []),
    ...draft.categories.flatMap((category) => [
      category,
      ...(category.description ? [category.description] : []),
    ]),
    ...draft.levels.flatMap((level) => [level.heading, ...(level.summary ? [level.summary] : [])]),
    ...groups.flatMap((group) => group.behaviors),
  ];
}

/** Per level: its name and its (category, behavior) pairs. */
function levelsOf(draft: DraftTrack) {
  return draft.levels.map((level) => [
    level.heading.text,
    level.groups.flatMap((group) =>
      group.behaviors.map((behavior) => [group.category?.text ?? null, behavior.text]),
    ),
  ]);
}

function fitting(reading: ShapeReading | { misfit: string }): ShapeReading {
  if (isMisfit(reading)) throw new Error(reading.misfit);
  return reading;
}

/** The losses as `what — why`, in order. */
const lossLines = (reading: ShapeReading) => reading.losses.map((loss) => `${loss.what} — ${loss.why}`);

describe("a workbook of a sheet per category, its table below title rows (as an assessment template)", () => {
  const delivery: Cells = {
    B1: "Delivery",
    B2: "Planning and shipping.",
    B4: "1/ Junior",
    D4: "2/ Medior",
    B5: "Needs guidance often.",
    D5: "Works alone mostly.",
    B7: "You estimate your tasks.",
    C7: choice("Nope"),
    D7: "You plan sprints.",
    E7: choice("Yes"),
    B8: "You test your work.",
    C8: choice("Somewhat"),
    D8: "You review code.",
    E8: { formula: 'IF(C8="Yes","Yes","Nope")', result: "Nope" },
    B10: "Level result",
    C10: { formula: 'IF(COUNTIF(C7:C8,"Nope")=0,"Achieved","Not there yet")', result: "Not there yet" },
    D10: "Level result",
    E10: { formula: 'IF(COUNTIF(E7:E8,"Nope")=0,"Achieved","Not there yet")' },
  };
  const knowHow: Cells = {
    B1: "Know-how",
    B2: "Tools and patterns.",
    B4: "1/ Junior",
    D4: "2/ Medior",
    B5: "Needs guidance often.",
    D5: "Works alone mostly.",
    B7: "You debug with tools.",
    C7: choice("Nope"),
    D7: "You choose patterns.",
    E7: choice("Nope"),
  };
  const summary: Cells = {
    B1: "Score",
    B3: "Delivery",
    C3: 0.5,
    D3: { formula: "Delivery!C10" },
  };

  it("reads levels × categories: the levels from the header row, the category from each sheet's title", async () => {
    const file = await workbook("template.xlsx", {
      Delivery: delivery,
      "Know-how": knowHow,
      Summary: summary,
    });
    const reading = fitting(await xlsxShape.read(fileInput(file)));
    expect(reading.draft.categories.map((category) => [category.text, category.description?.text])).toEqual([
      ["Delivery", "Planning and shipping."],
      ["Know-how", "Tools and patterns."],
    ]);
    expect(reading.draft.title).toBeUndefined();
    expect(levelsOf(reading.draft)).toEqual([
      [
        "1/ Junior",
        [
          ["Delivery", "You estimate your tasks."],
          ["Delivery", "You test your work."],
          ["Know-how", "You debug with tools."],
        ],
      ],
      [
        "2/ Medior",
        [
          ["Delivery", "You plan sprints."],
          ["Delivery", "You review code."],
          ["Know-how", "You choose patterns."],
        ],
      ],
    ]);
    // The category's title is its cell B1; the levels of the second sheet are the first sheet's, named again.
    expect(reading.draft.categories[0].at).toEqual({ file: "template.xlsx#Delivery", line: 1, column: 2 });
    expect(reading.held).toEqual([
      { at: { file: "template.xlsx#Know-how", line: 4, column: 2 }, as: 'level "1/ Junior", named again' },
      { at: { file: "template.xlsx#Know-how", line: 4, column: 4 }, as: 'level "2/ Medior", named again' },
    ]);
    await expectWorkbookAccounted(file, reading);
  });

  it("reports the assessment's cells, the per-level descriptions and the score sheet by cell, with why", async () => {
    const file = await workbook("template.xlsx", {
      Delivery: delivery,
      "Know-how": knowHow,
      Summary: summary,
    });
    const reading = fitting(await xlsxShape.read(fileInput(file)));
    const lines = lossLines(reading);
    const delivered = lines.filter((line) => line.startsWith("cell Delivery!"));
    expect(delivered).toEqual([
      'cell Delivery!B5 "Needs guidance often." — a description of category "Delivery" at level "1/ Junior": the model has no place for it (a category has one description, a level one summary)',
      'cell Delivery!D5 "Works alone mostly." — a description of category "Delivery" at level "2/ Medior": the model has no place for it (a category has one description, a level one summary)',
      'cell Delivery!C7 "Nope" — an assessment column (column C, with no header, beside level "1/ Junior"): a value for the person assessed, chosen from Nope, Somewhat, Yes, not part of the framework',
      'cell Delivery!E7 "Yes" — an assessment column (column E, with no header, beside level "2/ Medior"): a value for the person assessed, chosen from Nope, Somewhat, Yes, not part of the framework',
      'cell Delivery!C8 "Somewhat" — an assessment column (column C, with no header, beside level "1/ Junior"): a value for the person assessed, chosen from Nope, Somewhat, Yes, not part of the framework',
      'cell Delivery!E8 "Nope" — an assessment column (column E, with no header, beside level "2/ Medior"): a result for the person assessed, computed by the formula =IF(C8="Yes","Yes","Nope"), not part of the framework',
      'cell Delivery!B10 "Level result" — "Level result" is written under every level alike: it labels a row of the assessment (its results), not a behavior of each level',
      'cell Delivery!C10 "Not there yet" — beside the label "Level result": a result for the person assessed, computed by the formula =IF(COUNTIF(C7:C8,"Nope")=0,"Achieved","N…, not part of the framework',
      'cell Delivery!D10 "Level result" — "Level result" is written under every level alike: it labels a row of the assessment (its results), not a behavior of each level',
      'cell Delivery!E10 (=IF(COUNTIF(E7:E8,"Nope")=0,"Achieved","N…) — beside the label "Level result": a result for the person assessed, computed by the formula =IF(COUNTIF(E7:E8,"Nope")=0,"Achieved","N…, not part of the framework',
    ]);
    // A sheet name that is not a plain word is quoted, as spreadsheets write it.
    expect(lines).toContain(
      'cell \'Know-how\'!C7 "Nope" — an assessment column (column C, with no header, beside level "1/ Junior"): a value for the person assessed, chosen from Nope, Somewhat, Yes, not part of the framework',
    );
    const scores = reading.losses.filter((loss) => loss.at.file === "template.xlsx#Summary");
    expect(scores.map((loss) => loss.what)).toEqual([
      'cell Summary!B1 "Score"',
      'cell Summary!B3 "Delivery"',
      'cell Summary!C3 "0.5"',
      "cell Summary!D3 (=Delivery!C10)",
    ]);
    expect(scores[0].why).toMatch(
      /^sheet "Summary" holds calculations \(1 formulas\) and no table of levels, so it is not part of the framework \(/,
    );
    expect(scores[3].why).toBe(
      'a value computed by the formula =Delivery!C10 in sheet "Summary", which holds calculations and no table of levels: not part of the framework',
    );
  });

  it("imports through the pipeline with the level names split into code and title", async () => {
    const file = await workbook("template.xlsx", { Delivery: delivery, "Know-how": knowHow });
    const { importSource } = await import("../../../src/lib/import/importSource");
    const result = await importSource(fileInput(file), { track: "t" });
    expect(result.error).toBeUndefined();
    const levels = Object.entries(result.files)
      .filter(([file]) => file.startsWith("t/levels/"))
      .map(([, data]) => data as { code: string; title?: string });
    expect(levels.map((level) => [level.code, level.title])).toEqual([
      ["1", "Junior"],
      ["2", "Medior"],
    ]);
  });
});

describe("title rows above a table", () => {
  it("are the track's title and description when the title is not the sheet's name; other cells above are lost", async () => {
    const file = await workbook("ladder.xlsx", {
      Backend: {
        B1: "Engineering ladder",
        B2: "How we grow.",
        B3: "Draft",
        C3: "for review",
        B5: "IC1",
        C5: "IC2",
        B6: "Asks questions.",
        C6: "Answers them.",
      },
    });
    const reading = fitting(await xlsxShape.read(fileInput(file)));
    expect(reading.draft.title?.text).toBe("Engineering ladder");
    expect(reading.draft.description?.text).toBe("How we grow.");
    // The sheet's name stands for the table's category, as for a sheet without a title.
    expect(levelsOf(reading.draft)).toEqual([
      ["IC1", [["Backend", "Asks questions."]]],
      ["IC2", [["Backend", "Answers them."]]],
    ]);
    expect(lossLines(reading)).toEqual([
      'cell B3 "Draft" — it is above the table\'s header row (row 5) and is neither the title (a lone cell in the first row) nor its description (a lone cell in the next)',
      'cell C3 "for review" — it is above the table\'s header row (row 5) and is neither the title (a lone cell in the first row) nor its description (a lone cell in the next)',
    ]);
    // The sheet's name, standing for the category, is placed at the sheet's first cell (the title's).
    const cells = await workbookCells(file);
    const places = accounted(reading);
    expect([...cells.keys()].filter((key) => !places.has(key))).toEqual([]);
  });

  it("give the track one title across sheets: the same again is held, another is lost where it is", async () => {
    const sheet = (title: string, behavior: string): Cells => ({
      A1: title,
      A3: "IC1",
      B3: "IC2",
      A4: behavior,
      B4: `${behavior} Often.`,
    });
    const file = await workbook("titles.xlsx", {
      Craft: sheet("Engineering ladder", "Writes code."),
      Teamwork: sheet("Engineering ladder", "Asks."),
      Impact: sheet("Product ladder", "Ships."),
    });
    const reading = fitting(await xlsxShape.read(fileInput(file)));
    expect(reading.draft.title).toEqual({
      text: "Engineering ladder",
      at: { file: "titles.xlsx#Craft", line: 1, column: 1 },
    });
    expect(reading.held).toContainEqual({
      at: { file: "titles.xlsx#Teamwork", line: 1, column: 1 },
      as: "the track's title, given again",
    });
    expect(reading.losses).toEqual([
      {
        at: { file: "titles.xlsx#Impact", line: 1, column: 1 },
        what: `the track's title "Product ladder"`,
        why: "the track's title is already given (sheet Craft row 1): it has one",
      },
    ]);
    expect(reading.draft.categories.map((category) => category.text)).toEqual([
      "Craft",
      "Teamwork",
      "Impact",
    ]);
  });

  it("stand above a table with its levels down the first column", async () => {
    const file = await workbook("down.xlsx", {
      Sheet1: {
        A1: "Support ladder",
        A3: "Level",
        B3: "Craft",
        C3: "Teamwork",
        A4: "L1",
        B4: "Answers tickets.",
        C4: "Asks for help.",
        A5: "L2",
        B5: "Writes guides.",
        C5: "Helps others.",
      },
    });
    const reading = fitting(await xlsxShape.read(fileInput(file)));
    expect(reading.draft.title?.text).toBe("Support ladder");
    expect(reading.losses).toEqual([]);
    expect(levelsOf(reading.draft)).toEqual([
      [
        "L1",
        [
          ["Craft", "Answers tickets."],
          ["Teamwork", "Asks for help."],
        ],
      ],
      [
        "L2",
        [
          ["Craft", "Writes guides."],
          ["Teamwork", "Helps others."],
        ],
      ],
    ]);
    await expectWorkbookAccounted(file, reading);
  });
});

describe("unlabelled columns beside level columns", () => {
  const file = () =>
    workbook("marks.xlsx", {
      Sheet1: {
        A1: "Junior",
        C1: "Senior",
        A2: "Asks for help.",
        B2: "✓",
        C2: "Leads projects.",
        D2: "Mentors two people and reviews their plans every week.",
        A3: "Writes tests.",
        C3: "Sets the team's direction.",
        D3: { formula: 'IF(B2="✓","met","")', result: "met" },
      },
    });

  it("are assessment columns when they hold short values, and unknown columns when they hold sentences", async () => {
    const book = await file();
    const reading = fitting(await xlsxShape.read(fileInput(book)));
    // A sheet named Sheet1 names no category.
    expect(reading.draft.categories).toEqual([]);
    expect(levelsOf(reading.draft)).toEqual([
      [
        "Junior",
        [
          [null, "Asks for help."],
          [null, "Writes tests."],
        ],
      ],
      [
        "Senior",
        [
          [null, "Leads projects."],
          [null, "Sets the team's direction."],
        ],
      ],
    ]);
    expect(lossLines(reading)).toEqual([
      'cell B2 "✓" — an assessment column (column B, with no header, beside level "Junior"): a value for the person assessed, not part of the framework',
      'cell D2 "Mentors two people and reviews their…" — column D has no header, beside level "Senior", so nothing says which level it holds',
      'cell D3 "met" — column D has no header, beside level "Senior", so nothing says which level it holds',
    ]);
    await expectWorkbookAccounted(book, reading);
  });

  it("are told apart by readSheetTable from a single grid, as by the shape", async () => {
    const [grid] = (await readSheets(await file(), "xlsx")) as Grid[];
    const reading = fitting(readSheetTable(grid));
    expect(reading.losses.map((loss) => loss.at.column)).toEqual([2, 4, 4]);
  });
});

describe("the CSV reader, on the same layouts", () => {
  async function csvGrids(files: string[]): Promise<Grid[]> {
    const grids: Grid[] = [];
    for (const name of files) grids.push(...((await readSheets(sheetFile(name), "csv")) as Grid[]));
    return grids;
  }

  it("reads a folder of CSV files, one per category, each titled with its file's name", async () => {
    const names = ["per-category/Delivery.csv", "per-category/Teamwork.csv"];
    const input: ImportInput = {
      path: path.join(SHEETS, "per-category"),
      isFolder: true,
      files: names.map((name) => sheetFile(name)),
    };
    const reading = fitting(await csvShape.read(input));
    expect(reading.draft.categories.map((category) => [category.text, category.description?.text])).toEqual([
      ["Delivery", "Planning, prioritization and shipping."],
      ["Teamwork", "Working with others."],
    ]);
    expect(levelsOf(reading.draft)).toEqual([
      [
        "1/ Junior",
        [
          ["Delivery", "You estimate your tasks."],
          ["Delivery", "You test your work."],
          ["Teamwork", "You ask questions."],
        ],
      ],
      [
        "2/ Medior",
        [
          ["Delivery", "You plan sprints with the team."],
          ["Delivery", "You review code."],
          ["Teamwork", "You explain decisions, in writing."],
        ],
      ],
    ]);
    const delivery = `${SHEETS}/per-category/Delivery.csv`;
    expect(reading.losses.filter((loss) => loss.at.file === delivery).map((loss) => loss.what)).toEqual([
      'cell A5 "Needs guidance often."',
      'cell C5 "Works alone mostly."',
      'cell B7 "Nope"',
      'cell D7 "Yes"',
      'cell B8 "Somewhat"',
      'cell D8 "Nope"',
      'cell A10 "Level result"',
      'cell B10 "Not there yet"',
      'cell C10 "Level result"',
      'cell D10 "Achieved"',
    ]);
    expect(reading.losses[2].why).toBe(
      'an assessment column (column B, with no header, beside level "1/ Junior"): a value for the person assessed, not part of the framework',
    );
    expect(reading.losses[7].why).toBe(
      'beside the label "Level result": a value for the person assessed, not part of the framework',
    );
    expectCsvAccounted(await csvGrids(names), reading);
  });

  it("knows a sheet's name in the name Google Sheets gives its CSV download (`Book - Sheet.csv`)", async () => {
    const bytes = readFileSync(path.join(SHEETS, "per-category/Delivery.csv"));
    for (const [name, category] of [
      ["ladder - Delivery.csv", "Delivery"],
      ["ladder.csv", undefined],
    ] as const) {
      const [grid] = (await readSheets({ path: name, bytes: new Uint8Array(bytes) }, "csv")) as Grid[];
      const reading = fitting(readSheetTable(grid));
      expect(reading.draft.categories[0]?.text).toBe(category);
      expect(reading.draft.title?.text).toBe(category ? undefined : "Delivery");
    }
  });

  it("takes a title that is not the file's name as the track's, and a row set apart under the levels as their summaries", async () => {
    const reading = fitting(await csvShape.read(fileInput(sheetFile("levels-below-title.csv"))));
    expect(reading.draft.title?.text).toBe("Frontend ladder");
    expect(reading.draft.description?.text).toBe("How we grow frontend engineers.");
    expect(reading.draft.categories).toEqual([]);
    expect(reading.draft.levels.map((level) => [level.heading.text, level.summary?.text])).toEqual([
      ["Junior", "Learns the codebase."],
      ["Senior", "Shapes the codebase."],
    ]);
    expect(levelsOf(reading.draft)).toEqual([
      [
        "Junior",
        [
          [null, "Ships small fixes."],
          [null, "Writes tests."],
        ],
      ],
      [
        "Senior",
        [
          [null, "Leads projects."],
          [null, "Mentors others."],
        ],
      ],
    ]);
    expect(reading.losses.map((loss) => loss.what)).toEqual([
      'cell A3 "Reviewed by HR"',
      'cell B3 "May"',
      'cell C8 "Yes"',
      'cell E8 "Nope"',
      'cell C9 "No"',
      'cell E9 "Yes"',
      'cell B11 "Level result"',
      'cell D11 "Level result"',
    ]);
    expectCsvAccounted(await csvGrids(["levels-below-title.csv"]), reading);
  });
});
