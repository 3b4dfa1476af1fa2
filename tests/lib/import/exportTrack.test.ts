import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Handbook, Track } from "../../../src/lib/handbook/buildHandbook";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { exportTrack } from "../../../src/lib/import/sheets/exportTrack";
import { minimalData, uncategorizedData, writeDataDir } from "../../helpers/dataDir";
import { realHandbook, trackOf } from "../../helpers/realHandbook";

/** The track's behaviors as the sheet should list them, read from the model. */
function expectedRows(track: Track): string[][] {
  const behaviors = [
    ...(track.shared?.groups ?? []),
    ...track.levels.flatMap((level) => level.groups),
  ].flatMap((group) => group.behaviors);
  const examples = Math.max(0, ...behaviors.map((behavior) => behavior.examples.length));
  const aliases = behaviors.some((behavior) => behavior.aliases.length > 0) ? ["aliases"] : [];
  const rows: string[][] = [
    [
      "id",
      "level",
      "category",
      "text",
      ...aliases,
      ...[...Array(examples).keys()].map((n) => `example ${n + 1}`),
    ],
  ];
  const add = (level: string, groups: Track["levels"][number]["groups"]) => {
    for (const group of groups)
      for (const behavior of group.behaviors)
        rows.push([
          behavior.id,
          level,
          group.category?.title ?? "",
          behavior.text,
          ...(aliases.length > 0 ? [behavior.aliases.join(", ")] : []),
          ...[...Array(examples).keys()].map((n) => behavior.examples[n] ?? ""),
        ]);
  };
  if (track.shared) add(track.shared.title, track.shared.groups);
  for (const level of track.levels) add(level.code, level.groups);
  return rows;
}

async function handbookOf(files: Record<string, unknown>): Promise<Handbook> {
  const { handbook, problems } = await validateDataDir(writeDataDir(files));
  if (!handbook) throw new Error(JSON.stringify(problems));
  return handbook;
}

/** The demo track with examples and inline Markdown, to see both kept. */
function demoWithExamples(): Record<string, unknown> {
  const files = minimalData() as Record<string, any>;
  files["demo/levels/l1.json"].behaviors.craft[0] = {
    id: "basic-git",
    text: "Has a basic understanding of **Git**, as [the docs](https://git-scm.com/doc) say.",
    examples: ["Uses `git log`.", 'Explains "rebase", with care.'],
  };
  return files;
}

describe("exportTrack", () => {
  let real: Handbook;
  beforeAll(async () => {
    real = await realHandbook();
  });

  it.each(["support", "product"])("writes %s as CSV that csv-parse reads back as the track", async (id) => {
    const track = trackOf(real, id);
    const csv = (await exportTrack(track, "csv")) as string;
    expect(parse(csv, { relax_column_count: true })).toEqual(expectedRows(track));
  });

  it("writes examples in columns of their own and keeps texts verbatim", async () => {
    const track = trackOf(await handbookOf(demoWithExamples()), "demo");
    const csv = (await exportTrack(track, "csv")) as string;
    expect(parse(csv)).toEqual(expectedRows(track));
    expect(csv.split("\n").slice(0, 3)).toEqual([
      "id,level,category,text,aliases,example 1,example 2",
      "shows-up,All Levels,Craft,Shows up.,,,",
      'basic-git,L1,Craft,"Has a basic understanding of **Git**, as [the docs](https://git-scm.com/doc) say.",,Uses `git log`.,"Explains ""rebase"", with care."',
    ]);
  });

  it("leaves the category empty on a track without categories", async () => {
    const track = trackOf(await handbookOf(uncategorizedData()), "demo");
    const rows = parse((await exportTrack(track, "csv")) as string);
    expect(rows).toEqual(expectedRows(track));
    expect(rows.slice(1).every((row: string[]) => row[2] === "")).toBe(true);
  });

  it("writes a workbook: header bold and frozen, every text a wrapped string", async () => {
    const track = trackOf(await handbookOf(demoWithExamples()), "demo");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportTrack(track, "xlsx")) as unknown as ExcelJS.Buffer);
    const [sheet] = workbook.worksheets;
    expect(workbook.worksheets).toHaveLength(1);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    // Array.from, since a row skips its empty cells (holes that map would leave).
    expect(values.map((row) => Array.from(row, (value) => value ?? ""))).toEqual(
      expectedRows(track).map((row) => {
        // A row's trailing empty cells are not written.
        while (row.length > 0 && row[row.length - 1] === "") row.pop();
        return row;
      }),
    );
    const text = sheet.getRow(3).getCell(4);
    expect(typeof text.value).toBe("string");
    expect(text.alignment).toMatchObject({ wrapText: true, vertical: "top" });
  });

  it("writes Markdown: levels with code and title, categories, items with ids, examples nested", async () => {
    const track = trackOf(await handbookOf(demoWithExamples()), "demo");
    expect(await exportTrack(track, "md")).toBe(
      [
        "# Demo framework",
        "",
        "## All Levels",
        "",
        "### Craft",
        "",
        "- Shows up. {#shows-up}",
        "",
        "## L1 · Junior",
        "",
        "### Craft",
        "",
        "- Has a basic understanding of **Git**, as [the docs](https://git-scm.com/doc) say. {#basic-git}",
        "  - Uses `git log`.",
        '  - Explains "rebase", with care.',
        "",
        "### Teamwork",
        "",
        "- Asks questions. {#asks-questions}",
        "",
        "## L2",
        "",
        "### Craft",
        "",
        "- Is an expert in Git. {#git-expert}",
        "",
        "## L3",
        "",
      ].join("\n"),
    );
  });
});
