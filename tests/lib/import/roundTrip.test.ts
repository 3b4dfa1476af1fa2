import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { beforeAll, describe, expect, it } from "vitest";
import type { Handbook, Track } from "../../../src/lib/handbook/buildHandbook";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import type { ShapeReading } from "../../../src/lib/import/draft";
import { markdownShape } from "../../../src/lib/import/shapes/markdown";
import { csvShape, xlsxShape } from "../../../src/lib/import/shapes/sheets";
import { changeFromDraft, type WrittenTrack } from "../../../src/lib/import/sheets/changeFromDraft";
import { exportTrack } from "../../../src/lib/import/sheets/exportTrack";
import { readWrittenTrack } from "../../../src/lib/import/sheets/readWrittenTrack";
import { releasedIds } from "../../../src/lib/releases/publishedIds";
import { minimalData, writeDataDir } from "../../helpers/dataDir";
import { realHandbook, trackOf } from "../../helpers/realHandbook";

/** A file's JSON as `ladder` writes data files (`writeJsonFile`): formatted with the project's Prettier settings. */
async function asWritten(file: string, data: unknown): Promise<string> {
  const config = (await prettier.resolveConfig(path.resolve(file))) ?? {};
  return prettier.format(`${JSON.stringify(data, null, 2)}\n`, { ...config, filepath: file });
}

/** How many behaviors a track has. */
const behaviorCount = (track: Track) =>
  [...(track.shared?.groups ?? []), ...track.levels.flatMap((level) => level.groups)].reduce(
    (sum, group) => sum + group.behaviors.length,
    0,
  );

/**
 * Exports a track, reads the file back with its shape, and checks that the change is none and
 * that the track's files, written again from the sheet, are the files in `dir` byte for byte.
 */
async function expectRoundTrip(
  dir: string,
  track: Track,
  format: "csv" | "xlsx" | "md",
  locked: ReadonlySet<string>,
) {
  const exported = await exportTrack(track, format);
  const bytes = typeof exported === "string" ? new TextEncoder().encode(exported) : exported;
  const name = `${track.id}.${format}`;
  const shape = { csv: csvShape, xlsx: xlsxShape, md: markdownShape }[format];
  const reading = await shape.read({ path: name, isFolder: false, files: [{ path: name, bytes }] });
  if ("misfit" in reading) throw new Error(reading.misfit);
  expect((reading as ShapeReading).losses).toEqual([]);

  const written: WrittenTrack = readWrittenTrack(dir, track.id);
  const change = changeFromDraft(reading.draft, track, locked, written);
  expect(change).toMatchObject({
    added: [],
    reworded: [],
    moved: [],
    removed: [],
    examplesChanged: [],
    aliased: [],
    reordered: [],
    notes: [],
    errors: [],
  });
  expect(change.unchanged).toBe(behaviorCount(track));
  expect(change.files).toEqual({});

  const every = changeFromDraft(reading.draft, track, locked, written, { everyFile: true });
  const names = Object.keys(every.files);
  expect(names).toEqual([
    `${track.id}/track.json`,
    ...track.levels.map((level) => `${track.id}/levels/${level.id}.json`),
  ]);
  for (const name of names) {
    const file = path.join(dir, name);
    expect(await asWritten(file, every.files[name]), name).toBe(readFileSync(file, "utf8"));
  }
}

describe("round trip: export, then import --into, changes nothing", () => {
  let real: Handbook;
  let locked: (track: string) => ReadonlySet<string>;
  beforeAll(async () => {
    real = await realHandbook();
    // The published ids of the real data are those of its releases.
    const { releases = [] } = await validateDataDir("data");
    expect(releases.length).toBeGreaterThan(0);
    locked = (track) => releasedIds(releases, track);
  });

  for (const id of ["support", "product"])
    for (const format of ["csv", "xlsx", "md"] as const)
      it(`${id} as ${format}`, async () => {
        await expectRoundTrip("data", trackOf(real, id), format, locked(id));
      });

  it.each(["csv", "xlsx", "md"] as const)(
    "a track with examples, aliases, hints, inline Markdown, quotes and commas, as %s",
    async (format) => {
      const files = minimalData() as Record<string, any>;
      files["demo/levels/l1.json"].behaviors.craft = [
        {
          id: "basic-git",
          text: 'Has a basic understanding of **Git**, "as [the docs](https://git-scm.com/doc) say", e.g. `git log`.',
          aliases: ["knows-git"],
          examples: ["Uses `git log`.", "Explains\u00a0rebase, with care."],
        },
      ];
      files["demo/levels/l2.json"].behaviors.craft[0].evolvesFrom = "basic-git";
      const dir = writeDataDir(files);
      // Written as `ladder` writes data files, to compare them byte for byte.
      for (const name of Object.keys(files).filter((name) => name.endsWith(".json")))
        writeFileSync(path.join(dir, name), await asWritten(path.join(dir, name), files[name]));
      const { handbook, problems } = await validateDataDir(dir);
      if (!handbook) throw new Error(JSON.stringify(problems));
      await expectRoundTrip(dir, handbook.tracks[0], format, new Set(["basic-git", "knows-git"]));
    },
  );
});
