import { describe, expect, it } from "vitest";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { minimalData, writeDataDir } from "../../helpers/dataDir";
import { releaseFile, releaseOf } from "../../helpers/releases";

type Files = Record<string, any>;

/** The minimal data with `change` made: the data as it is now. */
function data(change: (files: Files) => void = () => {}): Files {
  const files = minimalData() as Files;
  change(files);
  return files;
}

const l1 = (files: Files) => files["demo/levels/l1.json"];
const l2 = (files: Files) => files["demo/levels/l2.json"];

const first = await releaseOf(minimalData(), "2026-03-01");

async function validate(files: Files) {
  const dir = writeDataDir(files);
  return validateDataDir(dir, dir);
}

/** The problems of `now` with the first release beside it (and `more` files). */
async function problemsFor(now: Files, more: Files = {}) {
  return (await validate({ ...now, [releaseFile("first")]: first, ...more })).problems;
}

/** Where the first release records the item with `id`: `tracks.demo.behaviors[1]`. */
function releasedAt(id: string): string {
  const { behaviors, responsibilities } = first.tracks.demo;
  const behavior = behaviors.findIndex((item) => item.id === id || item.aliases?.includes(id));
  if (behavior >= 0) return `tracks.demo.behaviors[${behavior}]`;
  const responsibility = responsibilities.findIndex((item) => item.id === id);
  expect(responsibility).toBeGreaterThanOrEqual(0);
  return `tracks.demo.responsibilities[${responsibility}]`;
}

describe("published ids from releases", () => {
  it("passes while every released id is an id or alias", async () => {
    expect(await problemsFor(data())).toEqual([]);
  });

  it("finds a released id that is gone, at its item in the release, naming the behavior with its text", async () => {
    const problems = await problemsFor(data((f) => (l1(f).behaviors.craft[0].id = "version-control-start")));
    expect(problems).toEqual([
      {
        file: "releases/first.json",
        path: releasedAt("basic-git"),
        message:
          '"basic-git" was released in first (/b/demo/basic-git/) but is no longer an id or alias in the track "demo": ' +
          'add "basic-git" to the "aliases" of the behavior or responsibility that took its place, probably ' +
          '"version-control-start" (demo/levels/l1.json: behaviors.craft[0]), which has its text, so its links keep working',
      },
    ]);
  });

  it("passes once the renamed behavior keeps the released id as an alias", async () => {
    const renamed = data(
      (f) => (l1(f).behaviors.craft[0] = { id: "knows-git", text: "Knows Git.", aliases: ["basic-git"] }),
    );
    expect(await problemsFor(renamed)).toEqual([]);
  });

  it("finds a released alias that is dropped, and a responsibility renamed", async () => {
    const problems = await problemsFor(
      data((f) => {
        delete l2(f).behaviors.craft[0].aliases;
        f["demo/roles/lead.json"].responsibilities[0].id = "mentoring";
      }),
    );
    expect(problems.map((p) => [p.path, p.message.split(" but ")[0]])).toEqual([
      [releasedAt("expert-git"), '"expert-git" was released in first (/b/demo/expert-git/)'],
      [releasedAt("mentor"), '"mentor" was released in first (/b/demo/mentor/)'],
    ]);
    expect(problems[0].message).toContain(
      'probably "git-expert" (demo/levels/l2.json: behaviors.craft[0]), which has its text',
    );
    expect(problems[1].message).toContain(
      'probably "mentoring" (demo/roles/lead.json: responsibilities[0]), which has its text',
    );
  });

  it("reports an id against the latest release naming it, with the text it had there", async () => {
    // The second release has basic-git reworded; now it is renamed without an alias.
    const reworded = data((f) => (l1(f).behaviors.craft[0].text = "Has a working understanding of Git."));
    const second = await releaseOf(reworded, "2026-09-01", { name: "first", release: first });
    const now = data((f) => {
      l1(f).behaviors.craft[0] = { id: "uses-git", text: "Has a working understanding of Git." };
      l1(f).behaviors.craft.push({ id: "has-git-basics", text: "Has a basic understanding of Git." });
    });
    const problems = await problemsFor(now, { [releaseFile("second")]: second });
    expect(problems).toEqual([
      {
        file: "releases/second.json",
        path: releasedAt("basic-git"),
        message: expect.stringContaining(
          'was released in second (/b/demo/basic-git/) but is no longer an id or alias in the track "demo"',
        ),
      },
    ]);
    expect(problems[0].message).toContain(
      'probably "uses-git" (demo/levels/l1.json: behaviors.craft[0]), which has its text',
    );
  });

  it("reports an id only an older release holds against that release", async () => {
    // A release made of data that had dropped an id: the id was published all the same.
    const dropped = data((f) => l1(f).behaviors.teamwork.splice(0, 1));
    const second = await releaseOf(dropped, "2026-09-01", { name: "first", release: first });
    const problems = await problemsFor(dropped, { [releaseFile("second")]: second });
    expect(problems).toEqual([
      {
        file: "releases/first.json",
        path: releasedAt("asks-questions"),
        message: expect.stringMatching(
          /^"asks-questions" was released in first \(\/b\/demo\/asks-questions\/\) but /,
        ),
      },
    ]);
  });

  it("finds a released track that is gone", async () => {
    const moved = Object.fromEntries(
      Object.entries(minimalData()).map(([name, content]) => [name.replace(/^demo\//, "other/"), content]),
    );
    const problems = await problemsFor(moved);
    expect(problems).toEqual([
      {
        file: "releases/first.json",
        path: "tracks.demo",
        message:
          'the track "demo" was released in first (its short links such as /b/demo/shows-up/ are out there), but the data has no folder "demo": restore it, so its links keep working',
      },
    ]);
  });

  it("still checks the legacy lock when nothing is released", async () => {
    const problems = (
      await validate(
        data((f) => {
          f["published-ids.json"] = { tracks: { demo: ["basic-git"] } };
          l1(f).behaviors.craft[0].id = "git-basics";
        }),
      )
    ).problems;
    expect(problems).toEqual([
      {
        file: "published-ids.json",
        path: "tracks.demo.basic-git",
        message: expect.stringMatching(
          /^"basic-git" was published \(\/b\/demo\/basic-git\/\) but .*probably "git-basics"/,
        ),
      },
    ]);
  });

  it("asks to delete a legacy lock beside releases, which replace it", async () => {
    const lock = { tracks: { demo: ["basic-git", "mentor"] } };
    expect(await problemsFor(data(), { "published-ids.json": lock })).toEqual([
      {
        file: "published-ids.json",
        path: "",
        message:
          "is replaced by releases/: the ids of the releases are the published ids now, kept working as its ids were: delete it (every id it lists is in a release)",
      },
    ]);
    // One that cannot be read is to be deleted all the same.
    expect(await problemsFor(data(), { "published-ids.json": "{ not json" })).toEqual([
      expect.objectContaining({
        file: "published-ids.json",
        path: "",
        message: expect.stringMatching(/^is replaced by releases\/: .*: delete it$/),
      }),
    ]);
  });

  it("names the ids of a legacy lock beside releases that no release holds, and checks them until the next release", async () => {
    const now = data((f) => l1(f).behaviors.teamwork.push({ id: "gives-feedback", text: "Gives feedback." }));
    const lock = { tracks: { demo: ["basic-git", "gives-feedback", "listens-well"] } };
    const problems = await problemsFor(now, { "published-ids.json": lock });
    expect(problems).toEqual([
      {
        file: "published-ids.json",
        path: "",
        message:
          "is replaced by releases/: the ids of the releases are the published ids now, kept working as its ids were: delete it " +
          "(2 of its ids are in no release yet, demo/gives-feedback, demo/listens-well: they are still checked as ids or aliases until you delete it; then the next ladder release records them)",
      },
      {
        file: "published-ids.json",
        path: "tracks.demo.listens-well",
        message: expect.stringMatching(
          /^"listens-well" was published \(\/b\/demo\/listens-well\/\) but is no longer an id or alias/,
        ),
      },
    ]);
  });

  it("gives no reminder of ids not locked once there are releases", async () => {
    const now = data((f) => l1(f).behaviors.teamwork.push({ id: "gives-feedback", text: "Gives feedback." }));
    const validation = await validate({ ...now, [releaseFile("first")]: first });
    expect(validation.problems).toEqual([]);
    expect(validation.unlockedIds).toEqual([]);
    // A legacy lock without releases still has it.
    const legacy = await validate({ ...now, "published-ids.json": { tracks: { demo: ["basic-git"] } } });
    expect(legacy.unlockedIds?.map(({ id }) => id)).toEqual([
      "shows-up",
      "asks-questions",
      "gives-feedback",
      "git-expert",
      "expert-git",
      "mentor",
    ]);
  });
});

describe("splitFrom", () => {
  /** basic-git split in two: one part keeps the id as an alias, the other says where it came from. */
  const split = (splitFrom: string) =>
    data((f) => {
      l1(f).behaviors.craft[0] = { id: "git-commits", text: "Commits with Git.", aliases: ["basic-git"] };
      l1(f).behaviors.craft.push({ id: "git-branches", text: "Uses Git branches.", splitFrom });
    });

  it("names an id released in the track", async () => {
    expect(await problemsFor(split("basic-git"))).toEqual([]);
    // Any release counts, and an id released only as an alias too.
    expect(await problemsFor(split("expert-git"))).toEqual([]);
  });

  it("is refused when no release of the track holds the id, with the closest released one", async () => {
    expect(await problemsFor(split("basic-gti"))).toEqual([
      {
        file: "demo/levels/l1.json",
        path: "behaviors.craft[1].splitFrom",
        message:
          'names "basic-gti", which no release of the track "demo" holds: splitFrom names the released id this one was split from: did you mean "basic-git"? Correct it, or remove it',
      },
    ]);
    expect((await problemsFor(split("zzqx")))[0].message).toMatch(/: correct it, or remove it$/);
  });

  it("is refused when it names the item's own id or alias", async () => {
    const own = data((f) => (l2(f).behaviors.craft[0].splitFrom = "expert-git"));
    expect(await problemsFor(own)).toEqual([
      {
        file: "demo/levels/l2.json",
        path: "behaviors.craft[0].splitFrom",
        message:
          'names "expert-git", this behavior\'s own alias: splitFrom names the released id it was split from, which another part keeps as its id or alias: name that id, or remove splitFrom',
      },
    ]);
    const responsibility = data((f) => (f["demo/roles/lead.json"].responsibilities[0].splitFrom = "mentor"));
    expect((await problemsFor(responsibility))[0]).toMatchObject({
      file: "demo/roles/lead.json",
      path: "responsibilities[0].splitFrom",
      message: expect.stringMatching(/^names "mentor", this responsibility's own id: /),
    });
  });

  it("is refused while nothing is released", async () => {
    expect((await validate(split("basic-git"))).problems).toEqual([
      {
        file: "demo/levels/l1.json",
        path: "behaviors.craft[1].splitFrom",
        message:
          'names "basic-git", but nothing is released yet: splitFrom names an id of an earlier release that this one was split from: remove it',
      },
    ]);
  });
});
