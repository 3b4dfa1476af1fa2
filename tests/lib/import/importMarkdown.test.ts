import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Handbook, Track } from "../../../src/lib/handbook/buildHandbook";
import { MAX_NESTING_DEPTH } from "../../../src/lib/data/nesting";
import { importSource } from "../../../src/lib/import/importSource";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { writeDataDir } from "../../helpers/dataDir";
import { realHandbook, trackOf } from "../../helpers/realHandbook";

/** The product framework's source document, as published. */
const SEED = readFileSync("tests/fixtures/sources/product.md", "utf8");

/** Imports a Markdown page held in memory as the track `track`. */
function importMarkdown(markdown: string, track = "t") {
  const file = "framework.md";
  return importSource(
    { path: file, isFolder: false, files: [{ path: file, bytes: Buffer.from(markdown) }] },
    { track },
  );
}

/** Imports a document as the track "t" and validates the files like any data folder. */
async function importAndValidate(markdown: string, track = "t") {
  const imported = await importMarkdown(markdown, track);
  const dir = writeDataDir(imported.files);
  const { handbook, problems } = await validateDataDir(dir, dir);
  return { ...imported, handbook, problems };
}

/** Every behavior of a track in site order, by what a reader sees: level, category, text. */
function behaviorsAsRead(track: Track) {
  const groups = [
    ...(track.shared?.groups.map((group) => ({ level: track.shared!.title, group })) ?? []),
    ...track.levels.flatMap((level) => level.groups.map((group) => ({ level: level.code, group }))),
  ];
  return groups.flatMap(({ level, group }) =>
    group.behaviors.map((behavior) => ({ level, category: group.category?.title, text: behavior.text })),
  );
}

describe("importing the product seed", async () => {
  const product = trackOf(await realHandbook(), "product");
  const { handbook, problems, warnings, losses, files } = await importAndValidate(SEED, "product");
  const imported = trackOf(handbook as Handbook, "product");

  it("writes valid data", () => expect(problems).toEqual([]));

  it("gives the same behaviors, in the same order, as data/product/", () => {
    expect(behaviorsAsRead(imported)).toEqual(behaviorsAsRead(product));
  });

  it("gives the same track, categories, levels and prose", () => {
    const shape = (track: Track) => ({
      title: track.title,
      description: track.description,
      categories: track.categories,
      levels: track.levels.map(({ id, code, order, status }) => ({ id, code, order, status })),
      prose: track.prose.map(({ title, order, body }) => ({ title, order, body })),
    });
    expect(shape(imported)).toEqual(shape(product));
  });

  it("takes the malformed '-Seeks clear ownership…' line as an Execution behavior of All Levels, and says so", () => {
    const execution = imported.shared?.groups.find((group) => group.category?.title === "Execution");
    expect(execution?.behaviors[0].text).toBe(
      "Seeks clear ownership of areas of responsibility as appropriate for the level.",
    );
    const lines = SEED.split("\n");
    const line = lines.findIndex((text) => text.trim().startsWith("-Seeks")) + 1;
    expect(losses).toEqual([]);
    expect(warnings).toEqual([
      {
        at: { file: "framework.md", line, column: lines[line - 1].indexOf("-Seeks") + 1 },
        message: expect.stringMatching(
          /^"-Seeks clear ownership of areas…" is not a list item .* "Execution"$/,
        ),
      },
    ]);
  });

  it("generates one kebab-case id per behavior, unique in the track", () => {
    const ids = behaviorsAsRead(imported).length;
    const generated = [
      ...(imported.shared?.groups ?? []),
      ...imported.levels.flatMap((l) => l.groups),
    ].flatMap((group) => group.behaviors.map((behavior) => behavior.id));
    expect(new Set(generated).size).toBe(ids);
  });

  it("writes the files of one track folder", () => {
    expect(Object.keys(files).every((file) => file.startsWith("product/"))).toBe(true);
    expect(Object.keys(files)).toContain("product/track.json");
  });
});

describe("importing other Markdown documents", () => {
  const level = (code: string, ...behaviors: string[]) =>
    [`## ${code}`, "", "- Craft", ...behaviors.map((text) => `  - ${text}`), ""].join("\n");

  it("orders levels by their numbers, or by position when they have none", async () => {
    const numbered = await importAndValidate(
      ["# F", "", "About.", "", level("L10", "Ten."), level("L2", "Two.")].join("\n"),
    );
    expect(numbered.handbook?.tracks[0].levels.map((l) => [l.code, l.order])).toEqual([
      ["L2", 2],
      ["L10", 10],
    ]);
    const named = await importAndValidate(
      ["# F", "", "About.", "", level("Junior", "A."), level("Senior", "B.")].join("\n"),
    );
    expect(named.handbook?.tracks[0].levels.map((l) => [l.code, l.order])).toEqual([
      ["Junior", 1],
      ["Senior", 2],
    ]);
  });

  it("takes a paragraph before a level's list as its summary", async () => {
    const doc = ["# F", "", "About.", "", "## L1", "", "Learning the ropes.", "", "- Craft", "  - Asks.", ""];
    const { handbook } = await importAndValidate(doc.join("\n"));
    expect(handbook?.tracks[0].levels[0].summary).toBe("Learning the ropes.");
  });

  it("keeps a prose list that does not describe categories, and escapes what MDX would run", async () => {
    const doc = [
      "# F",
      "",
      "About.",
      "",
      "## Promotions",
      "",
      "- Twice a year: in spring and autumn",
      "- Expect <3 months {roughly}",
      "",
      level("L1", "Asks."),
    ];
    const { handbook, problems } = await importAndValidate(doc.join("\n"));
    expect(problems).toEqual([]);
    const body = handbook!.tracks[0].prose[0].body;
    expect(body).toContain("Twice a year: in spring and autumn");
    expect(body).toMatch(/Expect \\<3 months \\\{roughly}/);
  });

  it("describes categories from a prose section, and keeps the section as a page with a warning rather than drop its heading", async () => {
    const doc = [
      "# F",
      "",
      "About.",
      "",
      "## Categories",
      "",
      "- Craft: Doing the work well.",
      "",
      level("L1", "Asks."),
    ];
    const { handbook, files, warnings } = await importAndValidate(doc.join("\n"));
    expect(handbook?.tracks[0].categories).toEqual([
      { id: "craft", title: "Craft", description: "Doing the work well." },
    ]);
    expect(Object.keys(files).filter((file) => file.includes("/prose/"))).toEqual(["t/prose/categories.mdx"]);
    expect(warnings.map((warning) => warning.at.line)).toEqual([5]);
  });

  it("names every shape it tried when nothing fits, and reads nested items as examples", async () => {
    const none = await importMarkdown("## About\n\nText.\n");
    expect(none.files).toEqual({});
    expect(none.error).toMatch(/^found no career framework in framework\.md\. Shapes tried:\n/);
    expect(none.error).toContain(
      "  - Markdown: a heading per level (--format markdown): no heading holds a level",
    );
    const nested = ["# F", "", "About.", "", "## L1", "", "- Craft", "  - Asks.", "    - A detail.", ""];
    const { handbook, losses } = await importAndValidate(nested.join("\n"));
    expect(losses).toEqual([]);
    expect(handbook?.tracks[0].levels[0].groups[0].behaviors[0]).toMatchObject({
      text: "Asks.",
      examples: ["A detail."],
    });
  });

  it("reports a page nested deeper than Ladder reads at its place, and imports nothing", async () => {
    for (const depth of [MAX_NESTING_DEPTH + 1, 10_000]) {
      const page = `# Framework\n\n## IC1\n\n${">".repeat(depth)} deep\n`;
      const { files, error } = await importMarkdown(page, "deep");
      expect(files).toEqual({});
      expect(error).toMatch(
        new RegExp(`nests quotes, lists, emphasis, links or elements ${MAX_NESTING_DEPTH + 1} deep here`),
      );
      expect(error).toMatch(
        new RegExp(`framework\\.md:5:${MAX_NESTING_DEPTH + 1}|line 5, column ${MAX_NESTING_DEPTH + 1}`),
      );
    }
  });
});
