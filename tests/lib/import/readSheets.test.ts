import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isMisfit, type Misfit } from "../../../src/lib/import/draft";
import type { Grid } from "../../../src/lib/import/grid";
import { cellItems } from "../../../src/lib/import/sheets/cellItems";
import { readSheets, type SheetCell } from "../../../src/lib/import/sheets/readSheets";
import { filledCells, sheetFile, SHEETS, textFrom } from "../../helpers/sheetFixtures";

async function grids(name: string, format: "csv" | "tsv" | "xlsx"): Promise<Grid[]> {
  const read = await readSheets(sheetFile(name), format);
  if (!Array.isArray(read)) throw new Error(read.misfit);
  return read;
}

/** The texts of a grid's rows, cell by cell, as items. */
const itemTexts = (grid: Grid) =>
  grid.rows.map((row) => row.map((cell) => cell.items.map((item) => item.text)));

/**
 * Every item is the file's own text where its place says it starts: as written, or with its
 * quotes doubled as CSV escapes them inside a quoted cell.
 */
function expectVerbatim(name: string, grid: Grid) {
  const source = readFileSync(`${SHEETS}/${name}`, "utf8");
  for (const { cell } of filledCells(grid)) {
    for (const item of [...cell.items, { text: cell.text, at: cell.at }]) {
      const there = textFrom(source, item.at);
      const found = there.startsWith(item.text) || there.startsWith(item.text.replaceAll('"', '""'));
      expect(found, `${item.text} at ${item.at.line}:${item.at.column}`).toBe(true);
    }
  }
}

describe("readSheets: CSV and TSV", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, without the byte-order mark", async () => {
    const [grid] = await grids("quoted.csv", "csv");
    expect(grid.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ["id", "level", "category", "text"],
      ["notes-sources", "IC1", "Craft", "Writes notes, and cites sources."],
      ["quotes-well", "IC1", "Craft", 'Says "no" when it matters.'],
      ["", "IC2", "Craft", "- Reviews code.\r\n- Mentors others, often."],
      ["", "IC2", "Teamwork", "Explains decisions\r\nto the whole team."],
    ]);
    // A cell of marked lines is an item per line; a sentence wrapped over two lines is one.
    expect(itemTexts(grid)[3][3]).toEqual(["Reviews code.", "Mentors others, often."]);
    expect(itemTexts(grid)[4][3]).toEqual(["Explains decisions\r\nto the whole team."]);
    const file = `${SHEETS}/quoted.csv`;
    expect(grid.rows[0][0].at).toEqual({ file, line: 1, column: 1 });
    // Line 4 is `,IC2,Craft,"- Reviews code.`: the item starts after the quote and the marker.
    expect(grid.rows[3][3].items.map((item) => item.at)).toEqual([
      { file, line: 4, column: 15 },
      { file, line: 5, column: 3 },
    ]);
    expectVerbatim("quoted.csv", grid);
  });

  it("reads TSV: tabs inside a quoted cell, inline Markdown kept as written", async () => {
    const [grid] = await grids("tabs.tsv", "tsv");
    expect(itemTexts(grid)).toEqual([
      [["level"], ["category"], ["text"], ["example 1"]],
      [["IC1"], ["Craft"], ["Uses **Git** daily."], ["Commits with `git commit`."]],
      [["IC2"], ["Craft"], ["Plans work; tabs\tinside quotes."], []],
    ]);
    expect(grid.rows[2][2].at).toEqual({ file: `${SHEETS}/tabs.tsv`, line: 3, column: 12 });
    expectVerbatim("tabs.tsv", grid);
  });

  it("reads a CSV separated by semicolons, as spreadsheets in some languages save it", async () => {
    const [grid] = await grids("semicolons.csv", "csv");
    expect(itemTexts(grid)).toEqual([
      [["level"], ["category"], ["text"]],
      [["IC1"], ["Craft"], ["Writes notes; and, tests."]],
    ]);
    expect(grid.rows[1][2].at).toEqual({ file: `${SHEETS}/semicolons.csv`, line: 2, column: 12 });
    expectVerbatim("semicolons.csv", grid);
  });

  it("says why a file is not CSV instead of throwing", async () => {
    const notUtf8 = (await readSheets(sheetFile("not-utf8.csv"), "csv")) as Misfit;
    expect(notUtf8.misfit).toBe(`${SHEETS}/not-utf8.csv is not UTF-8 text (save it as CSV UTF-8)`);
    const unclosed = await readSheets(
      { path: "broken.csv", bytes: new TextEncoder().encode('level,text\nIC1,"never closed\n') },
      "csv",
    );
    expect(isMisfit(unclosed as Misfit)).toBe(true);
    expect((unclosed as Misfit).misfit).toMatch(/^broken\.csv is not CSV: .*quote/i);
  });

  it("keeps blank lines as empty rows, so rows are numbered as a spreadsheet numbers them", async () => {
    const [grid] = (await readSheets(
      { path: "gaps.csv", bytes: new TextEncoder().encode("level,text\n\nIC1,Asks.\n") },
      "csv",
    )) as Grid[];
    expect(grid.rows.map((row) => row.length)).toEqual([2, 0, 2]);
    expect(grid.rows[2][1].at).toEqual({ file: "gaps.csv", line: 3, column: 5 });
  });
});

describe("readSheets: XLSX", () => {
  it("reads every sheet with content as a grid, naming the sheet in places", async () => {
    const read = await grids("two-sheets.xlsx", "xlsx");
    const file = `${SHEETS}/two-sheets.xlsx`;
    expect(read.map((grid) => [grid.name, grid.at])).toEqual([
      ["Craft", { file: `${file}#Craft`, line: 1, column: 1 }],
      ["Teamwork", { file: `${file}#Teamwork`, line: 2, column: 2 }],
    ]);
    const [craft, teamwork] = read;
    // Rich text joined, a formula's result, a cell of two sentences as two items.
    expect(itemTexts(craft)).toEqual([
      [["level"], ["text"], ["example 1"]],
      [["IC1"], ["Uses Git daily."], ["Commits often."]],
      [["IC2"], ["Reviews code.", "Mentors others."]],
    ]);
    expect(craft.rows[2][1].items.map((item) => item.at)).toEqual([
      { file: `${file}#Craft`, line: 3, column: 2 },
      { file: `${file}#Craft`, line: 3, column: 2 },
    ]);
    // Rows and columns keep their numbers: the sheet starts at B2. A link as Markdown; a number as written.
    expect(teamwork.rows[0]).toEqual([]);
    expect(teamwork.rows[1].map((cell) => cell.text)).toEqual(["", "Level", "Behavior"]);
    expect(teamwork.rows[2][2]).toMatchObject({
      text: "[Asks questions.](https://example.com/questions)",
      at: { line: 3, column: 3 },
    });
    expect(teamwork.rows[3][2].text).toBe("42");
  });

  it("names the file alone when one sheet has content; a merged cell holds its text once", async () => {
    const [grid, ...others] = await grids("merged-rich-text.xlsx", "xlsx");
    expect(others).toEqual([]);
    expect(grid.at.file).toBe(`${SHEETS}/merged-rich-text.xlsx`);
    expect(itemTexts(grid)).toEqual([
      [["Level"], ["Category"], ["Text"]],
      [["IC1"], ["Craft"], ["Writes clear docs."]],
      [[], ["Teamwork"], ["Asks questions.", "Answers them."]],
    ]);
  });

  it("keeps a formula and a dropdown's choices on their cells, and a formula whose result was not saved", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Assessment");
    sheet.getCell("A1").value = "Nope";
    sheet.getCell("A1").dataValidation = { type: "list", allowBlank: true, formulae: ['"Nope,Yes"'] };
    // A result of 0 is not saved by exceljs, so this formula gives 5.
    sheet.getCell("B1").value = { formula: 'IF(A1="Yes",5,0)', result: 5 };
    sheet.getCell("C1").value = { formula: "SUM(B1:B2)" } as ExcelJS.CellFormulaValue;
    const file = { path: "a.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
    const [grid] = (await readSheets(file, "xlsx")) as Grid[];
    const [nope, result, unsaved] = grid.rows[0] as SheetCell[];
    expect(nope).toMatchObject({ text: "Nope", choices: ["Nope", "Yes"] });
    expect(nope.formula).toBeUndefined();
    expect(result).toMatchObject({ text: "5", formula: 'IF(A1="Yes",5,0)' });
    expect(unsaved).toEqual({
      at: { file: "a.xlsx", line: 1, column: 3 },
      text: "",
      items: [],
      formula: "SUM(B1:B2)",
    });
  });

  it("keeps where a cell's link to the web leads, as Markdown, and a link within the workbook as its text", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Links");
    sheet.getCell("A1").value = { text: "the [style] guide", hyperlink: "https://example.com/style guide" };
    sheet.getCell("B1").value = { text: "Summary", hyperlink: "#Summary!A1" };
    const file = { path: "l.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
    const [grid] = (await readSheets(file, "xlsx")) as Grid[];
    expect(grid.rows[0].map((cell) => cell.text)).toEqual([
      "[the \\[style\\] guide](<https://example.com/style guide>)",
      "Summary",
    ]);
  });

  it("says why a file is not a workbook", async () => {
    expect(await readSheets(sheetFile("quoted.csv"), "xlsx")).toEqual({
      misfit: `${SHEETS}/quoted.csv is not an XLSX workbook (it is not a ZIP archive)`,
    });
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]);
    const broken = (await readSheets({ path: "broken.xlsx", bytes: zip }, "xlsx")) as Misfit;
    expect(broken.misfit).toMatch(/^broken\.xlsx is not an XLSX workbook: /);
  });
});

describe("cellItems", () => {
  const texts = (value: string) => cellItems(value).map((item) => item.text);

  it("is one item for one line, none for blank", () => {
    expect(cellItems("  Mentors others.  ")).toEqual([{ text: "Mentors others.", offset: 2 }]);
    expect(cellItems(" \n ")).toEqual([]);
  });

  it("splits lines that each start with a marker, consuming it", () => {
    expect(cellItems("- Reviews code.\n• Mentors.")).toEqual([
      { text: "Reviews code.", offset: 2 },
      { text: "Mentors.", offset: 18 },
    ]);
    expect(texts("* Alone.")).toEqual(["Alone."]);
  });

  it("splits lines that are sentences of their own, and keeps wrapped sentences whole", () => {
    expect(texts("Reviews code.\n\n**Mentors** others\n[Writes](https://x.org) docs")).toEqual([
      "Reviews code.",
      "**Mentors** others",
      "[Writes](https://x.org) docs",
    ]);
    expect(texts("Reviews code\nwith care.")).toEqual(["Reviews code\nwith care."]);
    expect(texts("Works with:\nEngineering")).toEqual(["Works with:\nEngineering"]);
    expect(texts("Reviews code and\nMentors")).toEqual(["Reviews code and\nMentors"]);
    // Marked and unmarked lines mixed: one item, markers kept.
    expect(texts("Includes:\n- Reviews.")).toEqual(["Includes:\n- Reviews."]);
  });
});
