import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { writeDataDir } from "../../helpers/dataDir";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import type { DraftGroup, DraftTrack } from "../../../src/lib/import/draft";
import { draftToFiles } from "../../../src/lib/import/draftToFiles";
import { importSource, readInput } from "../../../src/lib/import/importSource";
import {
  frameworkFolders,
  realFrameworks,
  type SimpleReading,
} from "../../fixtures/frameworks/simpleReaders";

/**
 * The acceptance test of the importers: every real framework in `tests/fixtures/frameworks/`,
 * imported as published with no option but the track's id, loses nothing and holds the same
 * behaviors as the file's own simple reader finds. Level names are compared by position only
 * (the importer splits them into code and title), so each level is its (category, text) pairs.
 */

type Pair = [category: string | null, text: string];

/** Pairs grouped by category in order of the category's first pair, as a level file keeps them. */
function groupedByCategory(pairs: Pair[]): Pair[] {
  const categories = [...new Set(pairs.map(([category]) => category))];
  return categories.flatMap((category) => pairs.filter(([of]) => of === category));
}

/** Per level of the simple reading, in order, its pairs. */
function expectedLevels(reading: SimpleReading): Pair[][] {
  return reading.levels.map((level) =>
    groupedByCategory(
      reading.triples
        .filter((triple) => triple.level === level)
        .map((triple): Pair => [triple.category, triple.text]),
    ),
  );
}

interface LevelFile {
  order: number;
  behaviors?: { text: string }[] | Record<string, { text: string }[]>;
}

/** Per level of the imported track, by its order, its pairs (category titles from track.json). */
function importedLevels(files: Record<string, unknown>, track: string): Pair[][] {
  const trackFile = files[`${track}/track.json`] as { categories?: { id: string; title: string }[] };
  const titles = new Map((trackFile.categories ?? []).map((category) => [category.id, category.title]));
  const levels = Object.entries(files)
    .filter(([path]) => path.startsWith(`${track}/levels/`))
    .map(([, data]) => data as LevelFile)
    .sort((a, b) => a.order - b.order);
  return levels.map((level) => {
    const behaviors = level.behaviors ?? [];
    if (Array.isArray(behaviors)) return behaviors.map((behavior): Pair => [null, behavior.text]);
    return groupedByCategory(
      Object.entries(behaviors).flatMap(([categoryId, list]) =>
        list.map((behavior): Pair => [
          titles.get(categoryId) ?? `(unknown category ${categoryId})`,
          behavior.text,
        ]),
      ),
    );
  });
}

describe("the simple readers of the real frameworks", () => {
  it("read every framework folder", () => {
    expect(realFrameworks.map((framework) => framework.name).sort()).toEqual(frameworkFolders());
  });

  it("cover at least five shapes", () => {
    expect(new Set(realFrameworks.map((framework) => framework.shape)).size).toBeGreaterThanOrEqual(5);
  });

  for (const framework of realFrameworks) {
    it(`find levels and behaviors in ${framework.name}`, async () => {
      const reading = await framework.read();
      expect(reading.levels.length).toBeGreaterThanOrEqual(2);
      expect(reading.triples.length).toBeGreaterThanOrEqual(reading.levels.length);
      for (const triple of reading.triples) {
        expect(reading.levels).toContain(triple.level);
        expect(triple.text).not.toBe("");
      }
    });
  }

  // Markdown and HTML keep each text as a substring of the source; YAML and XLSX hold values.
  for (const framework of realFrameworks.filter((framework) => /\.md$/.test(framework.path))) {
    it(`take ${framework.name}'s texts verbatim from the source`, async () => {
      // HTML's white space is shown collapsed: its texts are found in the source collapsed alike.
      const written = readFileSync(framework.path, "utf8");
      const source = framework.shape === "f" ? written.replace(/\s+/g, " ") : written;
      const { triples } = await framework.read();
      expect(triples.filter((triple) => !source.includes(triple.text))).toEqual([]);
    });
  }
});

/** A draft holding exactly what a simple reader found, as a perfect importer would read it. */
function draftOf(reading: SimpleReading): DraftTrack {
  const at = { file: "simple reader", line: 1, column: 1 };
  const levels = reading.levels.map((level) => {
    const groups: DraftGroup[] = [];
    for (const { category, text } of reading.triples.filter((triple) => triple.level === level)) {
      const last = groups.at(-1);
      const behavior = { text, at, examples: [] };
      if (last && (last.category?.text ?? null) === category) last.behaviors.push(behavior);
      else
        groups.push({ category: category === null ? null : { text: category, at }, behaviors: [behavior] });
    }
    return { heading: { text: level, at }, facts: [], groups };
  });
  return { categories: [], levels, prose: [] };
}

describe("the comparison of an import with a simple reading", () => {
  for (const framework of realFrameworks) {
    it(`accepts a track made from exactly what ${framework.name}'s simple reader finds`, async () => {
      const reading = await framework.read();
      const { files, losses } = draftToFiles(draftOf(reading), "t");
      expect(losses).toEqual([]);
      expect(importedLevels(files, "t")).toEqual(expectedLevels(reading));
    });
  }

  it("proposes Teleport's track as cumulative: its long cells share a sentence with the one below, yet none restates it", async () => {
    const teleport = realFrameworks.find((framework) => framework.name === "teleport")!;
    const { files } = await importSource(readInput(teleport.path), { track: "t" });
    expect((files["t/track.json"] as { cumulative: boolean }).cumulative).toBe(true);
  });

  it("tells a behavior moved to another level", async () => {
    const reading = await realFrameworks.find((framework) => framework.name === "teleport")!.read();
    const [first, second, ...rest] = reading.triples;
    const moved = { ...reading, triples: [first!, { ...second!, level: "L2" }, ...rest] };
    const { files } = draftToFiles(draftOf(moved), "t");
    expect(importedLevels(files, "t")).not.toEqual(expectedLevels(reading));
  });
});

describe("importing a real framework as published", () => {
  for (const framework of realFrameworks) {
    it(`reads ${framework.name} (shape ${framework.shape}) with every behavior its simple reader finds, and reports the rest at its place`, async () => {
      const input = readInput(framework.path);
      const result = await importSource(input, { track: "t" });
      expect(result.error).toBeUndefined();
      const expected = expectedLevels(await framework.read());
      const imported = importedLevels(result.files, "t");
      expect(imported.length, "the number of levels").toBe(expected.length);
      expect(imported).toEqual(expected);
      const data = writeDataDir(result.files);
      expect((await validateDataDir(data, data)).problems, "the imported track validates").toEqual([]);
      // What is not taken (page chrome, pictures, attributes the model has no place for) is
      // reported where it is: a line and column of one of the framework's files.
      const lineCounts = new Map(
        input.files.map((file) => [file.path, Buffer.from(file.bytes).toString("utf8").split("\n").length]),
      );
      const misplaced = result.losses.filter(({ at }) => {
        const sheet = at.file.replace(/#.*$/, "");
        const lines = lineCounts.get(at.file) ?? lineCounts.get(sheet);
        return (
          lines === undefined ||
          at.line < 1 ||
          at.column < 1 ||
          (!at.file.includes(".xls") && at.line > lines)
        );
      });
      expect(misplaced).toEqual([]);
    });
  }
});
