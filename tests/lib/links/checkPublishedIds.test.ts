import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Handbook } from "../../../src/lib/handbook/buildHandbook";
import { checkPublishedIds, publishedIdsOfLock } from "../../../src/lib/links/checkPublishedIds";
import { lockPublishedIds } from "../../../src/lib/links/lockPublishedIds";
import { parseSources } from "../../../src/lib/data/parseSources";
import { readDataDir } from "../../../src/lib/data/readDataDir";
import { publishedIdsSchema } from "../../../src/lib/schemas";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { minimalData, writeDataDir } from "../../helpers/dataDir";

type Files = Record<string, any>;

/** Every id and alias of the minimal data set, as a lock from before places and texts were recorded lists them. */
const PUBLISHED = ["asks-questions", "basic-git", "expert-git", "git-expert", "mentor", "shows-up"];

/** The minimal data set locked by `ladder lock`: every id with its level or role and text. */
const minimalDir = writeDataDir(minimalData());
const LOCK = lockPublishedIds((await validateDataDir(minimalDir, minimalDir)).handbook as Handbook);

/** The minimal data set with its ids published (`ids` for a lock of ids alone), after `change`. */
function publishedData(
  change: (files: Files) => void = () => {},
  lock: "records" | "ids" = "records",
): Files {
  const published = lock === "ids" ? { tracks: { demo: PUBLISHED } } : structuredClone(LOCK);
  const files: Files = { ...minimalData(), "published-ids.json": published };
  change(files);
  return files;
}

async function problemsFor(files: Files) {
  const dir = writeDataDir(files);
  return (await validateDataDir(dir, dir)).problems;
}

describe("the published-id lock", () => {
  it("records the level or role and the text of every id", () => {
    expect(LOCK.tracks.demo).toEqual({
      "asks-questions": { level: "l1", text: "Asks questions." },
      "basic-git": { level: "l1", text: "Has a basic understanding of Git." },
      "expert-git": { level: "l2", text: "Is an expert in Git." },
      "git-expert": { level: "l2", text: "Is an expert in Git." },
      mentor: { role: "lead", text: "Mentors others." },
      "shows-up": { level: null, text: "Shows up." },
    });
  });

  it("passes while every published id is a current id or an alias", async () => {
    expect(await problemsFor(publishedData())).toEqual([]);
    expect(await problemsFor(publishedData(undefined, "ids"))).toEqual([]);
  });

  it("fails when a published behavior id is renamed, naming the alias to add and the behavior with its text", async () => {
    const problems = await problemsFor(
      publishedData((f) => (f["demo/levels/l1.json"].behaviors.craft[0].id = "version-control-start")),
    );
    expect(problems).toEqual([
      {
        file: "published-ids.json",
        path: "tracks.demo.basic-git",
        message:
          '"basic-git" was published (/b/demo/basic-git/) but is no longer an id or alias in the track "demo": ' +
          'add "basic-git" to the "aliases" of the behavior or responsibility that took its place, probably ' +
          '"version-control-start" (demo/levels/l1.json: behaviors.craft[0]), which has its text, so its links keep working',
      },
    ]);
  });

  it("points at the new id on the same level, never at a closer id on another level", async () => {
    const problems = await problemsFor(
      publishedData((f) => {
        f["demo/levels/l2.json"].behaviors.craft[0].id = "masters-version-control";
        f["demo/levels/l2.json"].behaviors.craft[0].text = "Masters version control.";
        f["demo/levels/l1.json"].behaviors.craft.push({
          id: "git-expert-in-training",
          text: "Trains in Git.",
        });
      }),
    );
    expect(problems.map((p) => p.message.match(/probably "([^"]+)"/)?.[1])).toEqual([
      "masters-version-control",
    ]);
    // Knowing the ids alone, the closest spelling is all there is to go on.
    const byIds = await problemsFor(
      publishedData((f) => {
        f["demo/levels/l2.json"].behaviors.craft[0].id = "masters-version-control";
        f["demo/levels/l2.json"].behaviors.craft[0].aliases = [];
        f["demo/levels/l1.json"].behaviors.craft.push({
          id: "git-expert-in-training",
          text: "Trains in Git.",
        });
      }, "ids"),
    );
    expect(byIds.map((p) => p.message.match(/probably "([^"]+)"/)?.[1])).toEqual([
      "git-expert-in-training",
      "git-expert-in-training",
    ]);
  });

  it("points at the behavior with the published text, wherever it moved", async () => {
    const problems = await problemsFor(
      publishedData((f) => {
        const [moved] = f["demo/levels/l1.json"].behaviors.craft.splice(0, 1);
        f["demo/levels/l2.json"].behaviors.craft.push({ ...moved, id: "knows-git" });
        f["demo/levels/l1.json"].behaviors.craft.push({ id: "basic-git-2", text: "Uses Git." });
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining(
        'probably "knows-git" (demo/levels/l2.json: behaviors.craft[1]), which has its text',
      ),
    ]);
  });

  it("finds a behavior renamed and reworded on its level by what its text is about", async () => {
    const problems = await problemsFor(
      publishedData((f) => {
        f["demo/levels/l1.json"].behaviors.craft[0] = {
          id: "starts-with-vcs",
          text: "Has a basic grasp of Git.",
        };
        f["demo/levels/l1.json"].behaviors.craft.push({ id: "basic-bash", text: "Knows some Bash." });
      }),
    );
    expect(problems.map((p) => p.message.match(/probably "([^"]+)"/)?.[1])).toEqual(["starts-with-vcs"]);
  });

  it("still reads a lock of ids alone, written before places and texts were recorded", async () => {
    const problems = await problemsFor(
      publishedData((f) => (f["demo/levels/l1.json"].behaviors.craft[0].id = "basic-git-skills"), "ids"),
    );
    expect(problems).toEqual([
      {
        file: "published-ids.json",
        path: "tracks.demo.basic-git",
        message: expect.stringContaining(
          'probably "basic-git-skills" (demo/levels/l1.json: behaviors.craft[0]), so its links keep working',
        ),
      },
    ]);
  });

  it("passes once the renamed behavior keeps its old id as an alias", async () => {
    const behavior = { id: "basic-git-skills", text: "Knows Git basics.", aliases: ["basic-git"] };
    expect(
      await problemsFor(publishedData((f) => (f["demo/levels/l1.json"].behaviors.craft[0] = behavior))),
    ).toEqual([]);
  });

  it("passes when a behavior moves to another level with its id", async () => {
    const files = publishedData((f) => {
      const [moved] = f["demo/levels/l1.json"].behaviors.craft.splice(0, 1);
      f["demo/levels/l2.json"].behaviors.craft.push(moved);
    });
    expect(await problemsFor(files)).toEqual([]);
  });

  it("fails when an alias is dropped, and for responsibilities too", async () => {
    const problems = await problemsFor(
      publishedData((f) => {
        delete f["demo/levels/l2.json"].behaviors.craft[0].aliases;
        f["demo/roles/lead.json"].responsibilities[0].id = "mentoring";
      }),
    );
    expect(problems.map((p) => [p.path, p.message.split(" but ")[0]])).toEqual([
      ["tracks.demo.expert-git", '"expert-git" was published (/b/demo/expert-git/)'],
      ["tracks.demo.mentor", '"mentor" was published (/b/demo/mentor/)'],
    ]);
    expect(problems[1].message).toContain('probably "mentoring" (demo/roles/lead.json: responsibilities[0])');
  });

  it("names the track folder when no current id resembles the lost one", async () => {
    const problems = await problemsFor(
      publishedData((f) => (f["published-ids.json"].tracks.demo = ["zzqx"])),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain("that took its place (in demo/), so its links keep working");
  });

  it("fails when a published track is gone", async () => {
    const problems = await problemsFor(
      publishedData((f) => (f["published-ids.json"].tracks.old = ["a-behavior"])),
    );
    expect(problems).toEqual([
      {
        file: "published-ids.json",
        path: "tracks.old",
        message: expect.stringMatching(
          /^the track "old" was published .* the data has no folder "old": restore it/,
        ),
      },
    ]);
  });

  it("does not judge ids while a data file cannot be read, since its ids are unknown", async () => {
    const problems = await problemsFor(publishedData((f) => (f["demo/levels/l1.json"] = "{ not json")));
    expect(problems.map((p) => p.file)).toEqual(["demo/levels/l1.json"]);
  });

  it("still judges ids in files that fail their schema elsewhere, in the same run", async () => {
    const problems = await problemsFor(
      publishedData((f) => {
        f["demo/levels/l1.json"].order = "first";
        f["demo/levels/l1.json"].behaviors.teamwork[0].id = "asks-good-questions";
      }),
    );
    expect(problems.map((p) => `${p.file}: ${p.path}`)).toEqual([
      "demo/levels/l1.json: order",
      "published-ids.json: tracks.demo.asks-questions",
    ]);
  });

  it.each<[string, unknown, RegExp, object?]>([
    [
      "invalid JSON",
      "{ tracks: ",
      /^is not valid JSON: a field name is not in double quotes: write tracks as "tracks", or restore the file/,
      { line: 1, column: 3 },
    ],
    ["an id that is not kebab-case", { tracks: { demo: ["Basic_Git"] } }, /must be kebab-case/],
    ["an unknown field", { tracks: {}, ids: [] }, /is not a known field/],
  ])("reports a lock file with %s", async (_, lock, message, position = {}) => {
    const problems = await problemsFor(publishedData((f) => (f["published-ids.json"] = lock)));
    expect(problems).toEqual([
      {
        file: "published-ids.json",
        path: expect.any(String),
        message: expect.stringMatching(message),
        ...position,
      },
    ]);
  });

  it("is not required: without a lock nothing is published yet", async () => {
    expect(await problemsFor(minimalData())).toEqual([]);
  });
});

describe("checkPublishedIds", () => {
  it("reports nothing for a lock that lists only current ids and aliases", async () => {
    const dir = writeDataDir(minimalData());
    const { partial } = parseSources((await readDataDir(dir, dir)).sources);
    const lock = (tracks: unknown) => publishedIdsSchema.parse({ tracks });
    const check = (published: typeof LOCK) =>
      checkPublishedIds(publishedIdsOfLock(published, "lock.json"), partial);
    expect(check(LOCK)).toEqual([]);
    expect(check(lock({ demo: PUBLISHED }))).toEqual([]);
    expect(check(lock({ demo: ["gone"] }))).toEqual([
      expect.objectContaining({ file: "lock.json", path: "tracks.demo.gone" }),
    ]);
  });
});

describe("the released ids of the real data", () => {
  /** A copy of data/ with `change` made to its level files, and its problems. */
  async function problemsAfter(change: (levels: Record<string, any>) => void) {
    const dir = mkdtempSync(path.join(tmpdir(), "ladder-real-data-"));
    cpSync("data", dir, { recursive: true });
    const levels: Record<string, any> = {};
    for (const level of ["ic2", "ic4"]) {
      levels[level] = JSON.parse(readFileSync(path.join(dir, `support/levels/${level}.json`), "utf8"));
    }
    change(levels);
    for (const [level, data] of Object.entries(levels)) {
      writeFileSync(path.join(dir, `support/levels/${level}.json`), JSON.stringify(data, null, 2));
    }
    return (await validateDataDir(dir, dir)).problems;
  }

  it("points a renamed behavior at its new id by its text, even when a new id elsewhere is closer", async () => {
    let index = -1;
    const problems = await problemsAfter((levels) => {
      const list = levels.ic2.behaviors["technical-proficiency"];
      index = list.findIndex((behavior: { id: string }) => behavior.id === "professional-git");
      list[index].id = "uses-version-control";
      levels.ic4.behaviors["technical-proficiency"].push({
        id: "professional-git-workflows",
        text: "Teaches professional Git workflows.",
      });
    });
    expect(index).toBeGreaterThanOrEqual(0);
    // Reported against the release, at the behavior it recorded.
    const release = JSON.parse(readFileSync("data/releases/2026-12.json", "utf8"));
    const released = release.tracks.support.behaviors.findIndex(
      (behavior: { id: string }) => behavior.id === "professional-git",
    );
    expect(released).toBeGreaterThanOrEqual(0);
    expect(problems).toEqual([
      {
        file: "releases/2026-12.json",
        path: `tracks.support.behaviors[${released}]`,
        message: expect.stringMatching(
          new RegExp(
            `^"professional-git" was released in 2026-12 \\(/b/support/professional-git/\\) but .*probably "uses-version-control" \\(support/levels/ic2\\.json: behaviors\\.technical-proficiency\\[${index}\\]\\), which has its text`,
          ),
        ),
      },
    ]);
  });
});
