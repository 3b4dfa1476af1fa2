import { mkdirSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { formatSize, MAX_FILE_BYTES } from "../../../src/lib/data/readDataText";
import { EDITED_RELEASE, MAX_RELEASE_BYTES, readReleases } from "../../../src/lib/releases/readReleases";
import { releaseDigest } from "../../../src/lib/releases/release";
import type { ReleaseData } from "../../../src/lib/schemas";
import { minimalData, writeDataDir } from "../../helpers/dataDir";
import { releaseFile, releaseOf } from "../../helpers/releases";

type Files = Record<string, any>;

/** The minimal data, then reworded and grown: two states of one framework. */
const before = minimalData();
const after = (() => {
  const files = minimalData() as Files;
  files["demo/levels/l1.json"].behaviors.craft[0].text = "Has a working understanding of Git.";
  files["demo/levels/l1.json"].behaviors.teamwork.push({ id: "gives-feedback", text: "Gives feedback." });
  return files;
})();

// Named so that their file names sort against their order: the chain, not the names, orders them.
const spring = await releaseOf(before, "2026-03-01");
const autumn = await releaseOf(after, "2026-09-01", { name: "spring", release: spring });

/** The data as it is now (`after`) with `releases` in releases/, by name. */
function withReleases(releases: Record<string, unknown>, data: Files = after): Files {
  return {
    ...structuredClone(data),
    ...Object.fromEntries(Object.entries(releases).map(([name, content]) => [releaseFile(name), content])),
  };
}

function read(files: Files) {
  const dir = writeDataDir(files);
  return readReleases(dir, dir);
}

async function problemsFor(files: Files) {
  const dir = writeDataDir(files);
  return (await validateDataDir(dir, dir)).problems;
}

/** `release` with its digest made anew for its content: edited as someone covering their tracks would. */
function redigested(release: ReleaseData): ReleaseData {
  const { digest: _, ...content } = release;
  return { ...content, digest: releaseDigest(content) };
}

describe("readReleases", () => {
  it("reads the releases in the order of their chain, each with its name and file", async () => {
    const { releases, problems } = read(withReleases({ autumn, spring }));
    expect(problems).toEqual([]);
    expect(releases.map(({ name, file, previous }) => [name, file, previous?.name ?? null])).toEqual([
      ["spring", "releases/spring.json", null],
      ["autumn", "releases/autumn.json", "spring"],
    ]);
    // What was written is what is read, every text verbatim.
    expect(releases.map(({ name: _, file: __, ...data }) => data)).toEqual([spring, autumn]);
  });

  it("reads nothing, and finds nothing wrong, without a releases folder", () => {
    expect(read(after)).toEqual({ releases: [], problems: [] });
  });

  it("gives validateDataDir's handbook the releases, and the data stays valid with them", async () => {
    const dir = writeDataDir(withReleases({ autumn, spring }));
    const validation = await validateDataDir(dir, dir);
    expect(validation.problems).toEqual([]);
    expect(validation.handbook).toBeDefined();
    expect(validation.releases?.map((release) => release.name)).toEqual(["spring", "autumn"]);
  });

  it("finds a release edited after it was released", async () => {
    const edited = structuredClone(spring);
    edited.tracks.demo.behaviors[1].text = "Has a basic grasp of Git.";
    expect(await problemsFor(withReleases({ autumn, spring: edited }))).toEqual([
      { file: "releases/spring.json", path: "", message: EDITED_RELEASE },
    ]);
    expect(EDITED_RELEASE).toBe(
      "was edited after it was released: restore it from version control (a release never changes; record changes in a new release)",
    );
  });

  it("keeps the digest of a release reformatted: only its content counts", async () => {
    const files = withReleases({ autumn });
    files[releaseFile("spring")] = JSON.stringify(spring); // One line, keys as they were.
    expect(await problemsFor(files)).toEqual([]);
  });

  it("finds a release edited and digested anew under the release after it", async () => {
    const edited = structuredClone(spring);
    edited.tracks.demo.behaviors[1].text = "Has a basic grasp of Git.";
    expect(await problemsFor(withReleases({ autumn, spring: redigested(edited) }))).toEqual([
      {
        file: "releases/autumn.json",
        path: "previous.digest",
        message:
          "is not the digest of releases/spring.json: that release was changed after this one was made: restore releases/spring.json from version control",
      },
    ]);
  });

  it("finds a previous release that is missing", async () => {
    expect(await problemsFor(withReleases({ autumn }))).toEqual([
      {
        file: "releases/autumn.json",
        path: "previous.name",
        message:
          'names the release "spring", but releases/spring.json does not exist: restore it from version control (each release names the one before it)',
      },
    ]);
  });

  it("does not call a previous release missing when its file is there but cannot be read", async () => {
    const problems = await problemsFor(withReleases({ autumn, spring: "{ not json" }));
    expect(problems.map((problem) => problem.file)).toEqual(["releases/spring.json"]);
    expect(problems[0].message).toMatch(/^is not valid JSON: .*, or restore the file from version control$/);
  });

  it("finds two releases after the same one (a fork), naming each other", async () => {
    const winter = await releaseOf(after, "2026-12-01", { name: "spring", release: spring });
    const problems = await problemsFor(withReleases({ autumn, spring, winter }));
    expect(problems).toEqual(
      ["autumn", "winter"].map((name) => ({
        file: `releases/${name}.json`,
        path: "previous.name",
        message: expect.stringMatching(
          new RegExp(
            `^names "spring" as the release before it, as releases/${name === "autumn" ? "winter" : "autumn"}\\.json does: releases form one chain`,
          ),
        ),
      })),
    );
  });

  it("finds a second first release", async () => {
    const again = await releaseOf(after, "2026-04-01");
    const problems = await problemsFor(withReleases({ again, autumn, spring }));
    expect(problems).toEqual([
      {
        file: "releases/again.json",
        path: "previous",
        message: expect.stringMatching(
          /^is null, so this is a first release, but spring \(releases\/spring\.json\) is the first already: releases form one chain/,
        ),
      },
    ]);
  });

  it("finds a date that goes back from one release to the next", async () => {
    const early = await releaseOf(after, "2026-02-01", { name: "spring", release: spring });
    expect(await problemsFor(withReleases({ autumn: early, spring }))).toEqual([
      {
        file: "releases/autumn.json",
        path: "date",
        message: expect.stringMatching(
          /^is 2026-02-01, before 2026-03-01, the date of the release before it \(spring\): dates never go back/,
        ),
      },
    ]);
    // The same day is no step back.
    const sameDay = await releaseOf(after, "2026-03-01", { name: "spring", release: spring });
    expect(await problemsFor(withReleases({ autumn: sameDay, spring }))).toEqual([]);
  });

  it("finds releases whose previous lead round in a circle", async () => {
    const { digest: _, previous: __, ...content } = spring;
    const self = { ...content, previous: { name: "self", digest: "sha256:0" } };
    const x = { ...content, previous: { name: "y", digest: "sha256:0" } };
    const xRelease = { ...x, digest: releaseDigest(x) };
    const y = { ...content, previous: { name: "x", digest: xRelease.digest } };
    const files = withReleases({
      self: { ...self, digest: releaseDigest(self) },
      spring,
      x: xRelease,
      y: { ...y, digest: releaseDigest(y) },
    });
    const problems = await problemsFor(files);
    const circle = problems.filter((problem) => problem.message.includes("comes back to this release"));
    expect(circle.map((problem) => `${problem.file}: ${problem.path}`)).toEqual([
      "releases/self.json: previous.name",
      "releases/x.json: previous.name",
      "releases/y.json: previous.name",
    ]);
    // And the digests that cannot match in a circle.
    expect(
      problems.filter((problem) => !circle.includes(problem)).map((p) => `${p.file}: ${p.path}`),
    ).toEqual(["releases/self.json: previous.digest", "releases/x.json: previous.digest"]);
    // The chain still starts at the first release.
    expect(read(files).releases[0].name).toBe("spring");
  });

  it.each([
    [
      "Spring",
      /^file name "Spring" is not a release name: it must be lowercase letters and digits joined by single hyphens or dots, e\.g\. 2026-h2 or v3\.1: rename the file/,
    ],
    ["2026--h2", /^file name "2026--h2" is not a release name: it must be lowercase/],
    [
      "unreleased",
      /^file name "unreleased" is not a release name: it is taken by the site itself \(unreleased, feed\.xml, index\.html\): choose another name: rename the file/,
    ],
  ])("refuses a release named %s", async (name, message) => {
    const problems = await problemsFor(withReleases({ [name]: spring }));
    expect(problems).toEqual([
      { file: `releases/${name}.json`, path: "", message: expect.stringMatching(message) },
    ]);
  });

  it("accepts names with dots, as versions are written", async () => {
    const v31 = await releaseOf(after, "2026-09-01", { name: "v3", release: spring });
    expect(await problemsFor(withReleases({ v3: spring, "v3.1": v31 }))).toEqual([]);
  });

  it("reports a release that fails its schema field by field, and says it is restored, not edited", async () => {
    const broken: Files = structuredClone(spring);
    delete broken.date;
    broken.tracks.demo.behaviors[0].txt = broken.tracks.demo.behaviors[0].text;
    broken.tracks.demo.behaviors[0].level = 3;
    const problems = await problemsFor(withReleases({ spring: broken }));
    const restore =
      "(a release is written by ladder release and never edited: if it was, restore it from version control)";
    expect(problems).toEqual([
      { file: "releases/spring.json", path: "date", message: `is required but missing: add it ${restore}` },
      {
        file: "releases/spring.json",
        path: "tracks.demo.behaviors[0].level",
        message: `must be a string, not a number ${restore}`,
      },
      {
        file: "releases/spring.json",
        path: "tracks.demo.behaviors[0].txt",
        message: expect.stringMatching(/^is not a known field: did you mean "text"\?/),
      },
    ]);
  });

  it.each(["soon", "2026-13-01", "2026-02-30"])(
    "reports a release dated %s, not a day, without failing",
    async (date) => {
      const problems = await problemsFor(withReleases({ spring: { ...spring, date } }));
      expect(problems).toEqual([
        {
          file: "releases/spring.json",
          path: "date",
          message: expect.stringMatching(
            /^(must be a date such as 2026-12-05|is not a day of the calendar) \(a release is written/,
          ),
        },
      ]);
    },
  );

  it("reads a release larger than other data files may be, and refuses one beyond its own limit unread", async () => {
    expect(MAX_RELEASE_BYTES).toBeGreaterThan(MAX_FILE_BYTES);
    const files = withReleases({});
    // Valid JSON padded past the limit of other data files: whitespace changes no digest.
    files[releaseFile("spring")] = `${JSON.stringify(spring)}${" ".repeat(MAX_FILE_BYTES + 1)}`;
    expect(await problemsFor(files)).toEqual([]);

    const dir = writeDataDir(withReleases({ spring }));
    const huge = path.join(dir, releaseFile("autumn"));
    writeFileSync(huge, "");
    truncateSync(huge, MAX_RELEASE_BYTES + 1); // Sparse: its size without its bytes.
    expect(readReleases(dir, dir).problems).toEqual([
      {
        file: "releases/autumn.json",
        path: "",
        message: expect.stringMatching(
          new RegExp(
            `^is ${formatSize(MAX_RELEASE_BYTES + 1)}, more than the ${formatSize(MAX_RELEASE_BYTES)} Ladder reads`,
          ),
        ),
      },
    ]);
  });

  it("tells a track folder named releases from the releases, which take the name", async () => {
    const files = withReleases({ spring });
    files["releases/track.json"] = files["demo/track.json"];
    const problems = await problemsFor(files);
    expect(problems).toEqual([
      {
        file: "releases",
        path: "",
        message:
          "holds a track.json, but the folder releases/ holds the data folder's releases, so no track may be named \"releases\": rename the track's folder (and move its files there)",
      },
    ]);
  });

  it("refuses a folder inside releases/", async () => {
    const dir = writeDataDir(withReleases({ spring }));
    mkdirSync(path.join(dir, "releases", "old.json"));
    expect(readReleases(dir, dir).problems).toEqual([
      {
        file: "releases/old.json",
        path: "",
        message: expect.stringMatching(/^is not a release: releases\/ holds only release files/),
      },
    ]);
  });

  it("refuses a track named changes, a page of the site", async () => {
    const files: Files = structuredClone(after);
    for (const [name, content] of Object.entries(after)) {
      delete files[name];
      files[name.replace(/^demo\//, "changes/")] = content;
    }
    expect(await problemsFor(files)).toEqual([
      {
        file: "changes/track.json",
        path: "",
        message: 'track id "changes" is used by the site itself: rename the folder',
      },
    ]);
  });
});
