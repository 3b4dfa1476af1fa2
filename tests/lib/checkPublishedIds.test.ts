import { describe, expect, it } from "vitest";
import { checkPublishedIds } from "../../src/lib/checkPublishedIds";
import { parseSources } from "../../src/lib/parseSources";
import { readDataDir } from "../../src/lib/readDataDir";
import { validateDataDir } from "../../src/lib/validateDataDir";
import { minimalData, writeDataDir } from "../helpers/dataDir";

type Files = Record<string, any>;

/** Every id and alias of the minimal data set, as `ladder lock` would have recorded them. */
const PUBLISHED = ["asks-questions", "basic-git", "expert-git", "git-expert", "mentor", "shows-up"];

/** The minimal data set with its ids published, after `change`. */
function publishedData(change: (files: Files) => void = () => {}): Files {
  const files: Files = { ...minimalData(), "published-ids.json": { tracks: { demo: PUBLISHED } } };
  change(files);
  return files;
}

async function problemsFor(files: Files) {
  const dir = writeDataDir(files);
  return (await validateDataDir(dir, dir)).problems;
}

describe("the published-id lock", () => {
  it("passes while every published id is a current id or an alias", async () => {
    expect(await problemsFor(publishedData())).toEqual([]);
  });

  it("fails when a published behavior id is renamed, naming the alias to add and where", async () => {
    const problems = await problemsFor(
      publishedData((f) => (f["demo/levels/l1.json"].behaviors.craft[0].id = "basic-git-skills")),
    );
    expect(problems).toEqual([
      {
        file: "published-ids.json",
        path: `tracks.demo[${PUBLISHED.indexOf("basic-git")}]`,
        message:
          '"basic-git" was published (/b/demo/basic-git/) but is no longer an id or alias in the track "demo": ' +
          'add "basic-git" to the "aliases" of the behavior or responsibility that took its place, probably ' +
          '"basic-git-skills" (demo/levels/l1.json: behaviors.craft[0]), so its links keep working',
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
      [`tracks.demo[${PUBLISHED.indexOf("expert-git")}]`, '"expert-git" was published (/b/demo/expert-git/)'],
      [`tracks.demo[${PUBLISHED.indexOf("mentor")}]`, '"mentor" was published (/b/demo/mentor/)'],
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
      `published-ids.json: tracks.demo[${PUBLISHED.indexOf("asks-questions")}]`,
    ]);
  });

  it.each<[string, unknown, RegExp, object?]>([
    [
      "invalid JSON",
      "{ tracks: ",
      /^is not valid JSON: expected property name or '}': fix the syntax, or restore the file/,
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
    expect(checkPublishedIds({ tracks: { demo: PUBLISHED } }, "lock.json", partial)).toEqual([]);
    expect(checkPublishedIds({ tracks: { demo: ["gone"] } }, "lock.json", partial)[0].file).toBe("lock.json");
  });
});
