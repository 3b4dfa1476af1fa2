import { beforeAll, describe, expect, it } from "vitest";
import type { Track } from "../../../src/lib/handbook/buildHandbook";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import type { DraftTrack, ShapeReading } from "../../../src/lib/import/draft";
import { csvShape } from "../../../src/lib/import/shapes/sheets";
import {
  changeFromDraft,
  formatChange,
  type WrittenTrack,
} from "../../../src/lib/import/sheets/changeFromDraft";
import { readWrittenTrack } from "../../../src/lib/import/sheets/readWrittenTrack";
import { minimalData, writeDataDir } from "../../helpers/dataDir";

/** The demo track's rows as `ladder export` writes them. */
const EXPORTED = [
  "id,level,category,text,aliases",
  "shows-up,All Levels,Craft,Shows up.,",
  "basic-git,L1,Craft,Has a basic understanding of Git.,",
  "asks-questions,L1,Teamwork,Asks questions.,",
  "git-expert,L2,Craft,Is an expert in Git.,",
];

async function draftOf(lines: string[]): Promise<DraftTrack> {
  const bytes = new TextEncoder().encode(`${lines.join("\n")}\n`);
  const reading = await csvShape.read({
    path: "demo.csv",
    isFolder: false,
    files: [{ path: "demo.csv", bytes }],
  });
  if ("misfit" in reading) throw new Error(reading.misfit);
  expect((reading as ShapeReading).losses).toEqual([]);
  return reading.draft;
}

/** `EXPORTED` with the row of an id replaced (or removed, with no replacement), and rows added. */
function edited(replace: Record<string, string | null>, added: string[] = []): string[] {
  const rows = EXPORTED.flatMap((row) => {
    const id = row.split(",")[0];
    if (!(id in replace)) return [row];
    return replace[id] === null ? [] : [replace[id]!];
  });
  return [...rows, ...added];
}

/** The demo track of a data folder written from `files`, as the model and as its files are written. */
async function trackOf(files: Record<string, unknown>): Promise<{ track: Track; written: WrittenTrack }> {
  const dir = writeDataDir(files);
  const { handbook, problems } = await validateDataDir(dir);
  if (!handbook) throw new Error(JSON.stringify(problems));
  return { track: handbook.tracks[0], written: readWrittenTrack(dir, "demo") };
}

describe("changeFromDraft", () => {
  let track: Track;
  let written: WrittenTrack;
  const none = new Set<string>();
  beforeAll(async () => {
    ({ track, written } = await trackOf(minimalData()));
  });
  const change = async (lines: string[], locked: ReadonlySet<string> = none) =>
    changeFromDraft(await draftOf(lines), track, locked, written);

  it("finds no change in the sheet as exported, and rewrites no file", async () => {
    const result = await change(EXPORTED);
    expect(result).toMatchObject({ added: [], reworded: [], moved: [], removed: [], errors: [] });
    // (toMatchObject takes {} for any object: files are compared whole.)
    expect(result.files).toEqual({});
    expect(result.unchanged).toBe(4);
    expect(formatChange(result)).toBe(
      "demo: 0 added, 0 reworded, 0 moved, 0 removed, 0 with other examples, 4 unchanged\nNo file changes.",
    );
  });

  it("gives a row without an id a new id made from its text, clear of published ids", async () => {
    const result = await change(
      edited({}, [",L2,Teamwork,Leads retros.,", ",L2,Teamwork,Asks questions.,"]),
      new Set(["leads-retros"]),
    );
    expect(result.added.map(({ id, place }) => [id, place.label])).toEqual([
      ["leads-retros-2", "L2 / Teamwork"],
      // A text some other row keeps is a new behavior too.
      ["asks-questions-2", "L2 / Teamwork"],
    ]);
    expect(result.added[0].at).toEqual({ file: "demo.csv", line: 6, column: 14 });
    expect(Object.keys(result.files)).toEqual(["demo/levels/l2.json"]);
    expect(result.files["demo/levels/l2.json"]).toEqual({
      ...written.levels.l2,
      behaviors: {
        craft: [{ id: "git-expert", text: "Is an expert in Git.", aliases: ["expert-git"] }],
        teamwork: [
          { id: "leads-retros-2", text: "Leads retros." },
          { id: "asks-questions-2", text: "Asks questions." },
        ],
      },
    });
  });

  it("keeps the id of a reworded row, and everything else of its file", async () => {
    const result = await change(edited({ "basic-git": "basic-git,L1,Craft,Knows **Git** well.," }));
    expect(result.reworded).toEqual([
      {
        id: "basic-git",
        from: "Has a basic understanding of Git.",
        to: "Knows **Git** well.",
        place: { level: "l1", category: "craft", label: "L1 / Craft" },
        at: { file: "demo.csv", line: 3, column: 20 },
      },
    ]);
    expect(result.unchanged).toBe(3);
    const file = result.files["demo/levels/l1.json"] as Record<string, any>;
    expect(Object.keys(result.files)).toEqual(["demo/levels/l1.json"]);
    expect(Object.keys(file)).toEqual(Object.keys(written.levels.l1));
    expect(file).toMatchObject({ code: "L1", title: "Junior", summary: "Learning." });
    expect(file.behaviors.craft).toEqual([{ id: "basic-git", text: "Knows **Git** well." }]);
    expect(formatChange(result)).toContain(
      '  reworded   basic-git in L1 / Craft: "Has a basic understanding of Git." → "Knows **Git** well."  (demo.csv:3:20)',
    );
  });

  it("moves a row to another level, keeping its id and hints", async () => {
    const result = await change(edited({ "asks-questions": "asks-questions,L2,Teamwork,Asks questions.," }));
    expect(result.moved.map(({ id, from, to }) => [id, from.label, to.label])).toEqual([
      ["asks-questions", "L1 / Teamwork", "L2 / Teamwork"],
    ]);
    expect(Object.keys(result.files).sort()).toEqual(["demo/levels/l1.json", "demo/levels/l2.json"]);
    expect((result.files["demo/levels/l1.json"] as any).behaviors).toEqual({
      craft: [{ id: "basic-git", text: "Has a basic understanding of Git." }],
    });
    expect((result.files["demo/levels/l2.json"] as any).behaviors.teamwork).toEqual([
      { id: "asks-questions", text: "Asks questions." },
    ]);
  });

  it("removes an id the sheet no longer lists, when it was never published", async () => {
    const result = await change(edited({ "asks-questions": null }));
    expect(result.removed).toEqual([
      {
        id: "asks-questions",
        text: "Asks questions.",
        place: { level: "l1", category: "teamwork", label: "L1 / Teamwork" },
      },
    ]);
    expect(result.errors).toEqual([]);
    expect(formatChange(result)).toContain(
      '  removed    asks-questions from L1 / Teamwork: "Asks questions."',
    );
  });

  it("refuses to remove a published id, unless a row lists it in its aliases column", async () => {
    const locked = new Set(["asks-questions", "basic-git"]);
    const refused = await change(edited({ "asks-questions": null }), locked);
    expect(refused.errors).toEqual([
      {
        message:
          '"asks-questions" (L1 / Teamwork: "Asks questions.") was published (/b/demo/asks-questions/), and the sheet no longer lists it: list "asks-questions" in the aliases column of the row that takes its place, or keep its row, so its links keep working',
      },
    ]);
    expect(refused.files).toEqual({});
    expect(formatChange(refused)).toMatch(/\nerror: "asks-questions" .*\n?$/);
    expect(formatChange(refused)).not.toContain("Files:");

    const aliased = await change(
      edited({
        "asks-questions": null,
        "basic-git": "basic-git,L1,Craft,Has a basic understanding of Git.,asks-questions",
      }),
      locked,
    );
    expect(aliased.errors).toEqual([]);
    expect(aliased.aliased).toEqual([
      { id: "basic-git", alias: "asks-questions", at: { file: "demo.csv", line: 3, column: 54 } },
    ]);
    expect((aliased.files["demo/levels/l1.json"] as any).behaviors).toEqual({
      craft: [{ id: "basic-git", text: "Has a basic understanding of Git.", aliases: ["asks-questions"] }],
    });
  });

  it("refuses to drop a published alias with its behavior", async () => {
    const result = await change(edited({ "git-expert": null }), new Set(["expert-git"]));
    expect(result.errors.map((error) => error.message)).toEqual([
      '"expert-git", an alias of the removed "git-expert", was published (/b/demo/expert-git/): list "expert-git" in the aliases column of the row that takes its place, so its links keep working',
    ]);
  });

  it("finds a row whose id was cleared by its text, and keeps its id", async () => {
    const result = await change(edited({ "basic-git": ",L1,Craft,Has a basic understanding of Git.," }));
    expect(result).toMatchObject({ added: [], removed: [] });
    expect(result.files).toEqual({});
    expect(result.unchanged).toBe(4);
  });

  it("reports changed examples and writes them", async () => {
    const lines = [
      "id,level,category,text,example 1,example 2",
      "shows-up,All Levels,Craft,Shows up.,On time.,Prepared.",
      ...EXPORTED.slice(2).map((row) => row.replace(/,$/, ",")),
    ];
    const result = await change(lines);
    expect(result.examplesChanged.map(({ id, from, to }) => [id, from, to])).toEqual([
      ["shows-up", [], ["On time.", "Prepared."]],
    ]);
    expect(Object.keys(result.files)).toEqual(["demo/track.json"]);
    const trackFile = result.files["demo/track.json"] as any;
    expect(Object.keys(trackFile)).toEqual(Object.keys(written.track));
    expect(trackFile.sharedExpectations).toEqual({
      title: "All Levels",
      behaviors: { craft: [{ id: "shows-up", text: "Shows up.", examples: ["On time.", "Prepared."] }] },
    });
  });

  it("says so when a level or category is not the track's, or an id is on two rows", async () => {
    const result = await change(
      edited({}, [
        ",L9,Craft,Unknown level.,",
        ",L1,Cooking,Unknown category.,",
        "basic-git,L2,Craft,Twice.,",
      ]),
    );
    expect(result.errors.map(({ message, at }) => [message, at?.line])).toEqual([
      [
        '"L9" is not a level of the track "demo" (L1, L2, L3): add its level file first, or use one of these codes',
        6,
      ],
      [
        '"Cooking" is not a category of the track "demo" (Craft, Teamwork): add it to demo/track.json first, or use one of these',
        7,
      ],
      [
        'the id "basic-git" is on two rows (the other at demo.csv:3:20): give each behavior its own id, or leave the new one\'s empty',
        8,
      ],
    ]);
    expect(result.files).toEqual({});
  });

  it("reads a row whose category is mistyped as an error of that row, not as its behavior removed", async () => {
    const result = await change(
      edited({
        "basic-git": "basic-git,L1,Crafft,Has a basic understanding of Git.,",
        "asks-questions": ",L7,Teamwork,Asks questions.,",
      }),
    );
    expect(result.errors.map(({ message, at }) => [message.split(":")[0], at?.line])).toEqual([
      ['"Crafft" is not a category of the track "demo" (Craft, Teamwork)', 3],
      ['"L7" is not a level of the track "demo" (L1, L2, L3)', 4],
    ]);
    expect(result.removed).toEqual([]);
  });

  it("keeps what the sheet says beyond behaviors as the files have it, noting where it differs", async () => {
    const lines = [
      "Our framework,,,",
      "id,level,category,text,level title,years of experience",
      ...EXPORTED.slice(1, 3).map((row) => `${row},`),
      `${EXPORTED[3]}Novice,1`,
      ...EXPORTED.slice(4).map((row) => `${row},`),
    ];
    const result = await change(lines);
    expect(result.notes.map(({ message, at }) => [message, at?.line])).toEqual([
      ['the sheet\'s title is "Our framework": demo/track.json keeps its own', 1],
      ['the sheet gives L1 the title "Novice": demo/levels/l1.json keeps its own', 4],
      ['the sheet gives L1 "years of experience: 1": demo/levels/l1.json keeps its own facts', 5],
    ]);
    expect(result.files).toEqual({});
  });

  it("makes a level that was not yet defined defined when the sheet gives it behaviors", async () => {
    const result = await change(edited({}, [",L3,Craft,Leads the craft.,"]));
    expect(result.files["demo/levels/l3.json"]).toEqual({
      code: "L3",
      order: 3,
      status: "defined",
      behaviors: { craft: [{ id: "leads-craft", text: "Leads the craft." }] },
    });
    expect(result.notes.map((note) => note.message)).toEqual([
      'L3 was "not yet defined": the sheet gives it behaviors, so it becomes "defined"',
    ]);
  });

  it("makes a level whose every row is gone not yet defined, so the change still validates", async () => {
    const result = await change(edited({ "git-expert": null }));
    expect(result.errors).toEqual([]);
    expect(result.files["demo/levels/l2.json"]).toEqual({ code: "L2", order: 2, status: "not yet defined" });
    expect(result.notes.map((note) => note.message)).toEqual([
      'the sheet lists no behavior of L2 any more, so it becomes "not yet defined"',
    ]);
  });

  it("reports rows put in another order within a list, and writes the new order", async () => {
    const files = minimalData() as Record<string, any>;
    files["demo/levels/l1.json"].behaviors.craft.push({ id: "uses-branches", text: "Uses branches." });
    const { track: two, written: twoWritten } = await trackOf(files);
    const lines = [...EXPORTED.slice(0, 3), "uses-branches,L1,Craft,Uses branches.,", ...EXPORTED.slice(3)];
    const same = changeFromDraft(await draftOf(lines), two, none, twoWritten);
    expect(same).toMatchObject({ reordered: [], unchanged: 5 });
    expect(same.files).toEqual({});
    const swapped = [lines[0], lines[1], lines[3], lines[2], ...lines.slice(4)];
    const result = changeFromDraft(await draftOf(swapped), two, none, twoWritten);
    expect(result.reordered).toEqual([{ level: "l1", category: "craft", label: "L1 / Craft" }]);
    expect(result.unchanged).toBe(5);
    expect(
      (result.files["demo/levels/l1.json"] as any).behaviors.craft.map((b: { id: string }) => b.id),
    ).toEqual(["uses-branches", "basic-git"]);
    expect(formatChange(result)).toContain("1 lists reordered");
  });
});
