import fs, {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import { minimalData, writeDataDir } from "../helpers/dataDir";
import { ladder } from "../helpers/ladderCli";
import { releaseOf } from "../helpers/releases";

type Files = Record<string, any>;

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));

/** Every file below `dir`, relative to it, sorted: to show that nothing else was written. */
function filesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The minimal data with basic-git reworded and a behavior added. */
function changed(files: Files = minimalData()): Files {
  files["demo/levels/l1.json"].behaviors.craft[0].text = "Has a working understanding of Git.";
  files["demo/levels/l1.json"].behaviors.teamwork.push({ id: "gives-feedback", text: "Gives feedback." });
  return files;
}

/** Writes `files` over the data folder `dir` (the data changed since the last release). */
function rewrite(dir: string, files: Files) {
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(
      path.join(dir, name),
      typeof content === "string" ? content : JSON.stringify(content, null, 2),
    );
  }
}

describe("ladder release", () => {
  it("records every behavior and responsibility verbatim in releases/{name}.json, and the data stays valid", async () => {
    const files = minimalData() as Files;
    const dir = writeDataDir(files);
    const result = await ladder(["release", "2026-h2", "--date", "2026-07-01", "--data-dir", dir]);
    const file = `${dir}/releases/2026-h2.json`;
    expect(result).toEqual({
      code: 0,
      stdout: [
        "Recorded 2026-h2, dated 2026-07-01, the first release:",
        "  demo: new track, 5 behaviors and responsibilities",
        "First release: 1 track, 5 behaviors and responsibilities.",
        `Wrote ${file}.`,
        "",
      ].join("\n"),
      stderr: "",
    });
    const release = readJson(file);
    expect(release).toEqual(await releaseOf(minimalData(), "2026-07-01"));

    // Rebuilt from the data files as written, in site order: shared expectations, levels, roles.
    const track = files["demo/track.json"];
    const written = [
      ...Object.entries(track.sharedExpectations.behaviors).flatMap(([category, list]: [string, any]) =>
        list.map((b: any) => ({ ...b, level: null, category })),
      ),
      ...["l1", "l2"].flatMap((level) =>
        track.categories.flatMap(({ id: category }: { id: string }) =>
          (files[`demo/levels/${level}.json`].behaviors[category] ?? []).map((b: any) => ({
            ...b,
            level,
            category,
          })),
        ),
      ),
    ];
    expect(release.tracks.demo.behaviors).toEqual(written);
    expect(release.tracks.demo.responsibilities).toEqual(
      files["demo/roles/lead.json"].responsibilities.map(({ id, text }: any) => ({ id, text, role: "lead" })),
    );

    const validation = await validateDataDir(dir, dir);
    expect(validation.problems).toEqual([]);
    expect(validation.releases?.map(({ name, file }) => [name, file])).toEqual([
      ["2026-h2", "releases/2026-h2.json"],
    ]);
    expect(filesBelow(path.join(dir, "releases"))).toEqual(["2026-h2.json"]);
  });

  it("dates a release today (UTC) unless told otherwise", async () => {
    const dir = writeDataDir(minimalData());
    const today = new Date().toISOString().slice(0, 10);
    expect((await ladder(["release", "v1", "--data-dir", dir])).code).toBe(0);
    expect(readJson(`${dir}/releases/v1.json`).date).toBe(today);
  });

  it("refuses a name that is taken, and leaves that release as it was", async () => {
    const dir = writeDataDir(minimalData());
    await ladder(["release", "v1", "--date", "2026-07-01", "--data-dir", dir]);
    const before = readFileSync(`${dir}/releases/v1.json`, "utf8");
    rewrite(dir, changed());
    const again = await ladder(["release", "v1", "--date", "2026-08-01", "--data-dir", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `ladder release: ${dir}/releases/v1.json exists already, and a release never changes: choose another name\n` +
        'Run "ladder release --help" for usage.\n',
    );
    expect(readFileSync(`${dir}/releases/v1.json`, "utf8")).toBe(before);
  });

  it("refuses to release when nothing changed since the latest release", async () => {
    const dir = writeDataDir(minimalData());
    await ladder(["release", "v1", "--date", "2026-07-01", "--data-dir", dir]);
    const result = await ladder(["release", "v2", "--date", "2026-08-01", "--data-dir", dir]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `nothing to release: the data in ${dir}/ is as ${dir}/releases/v1.json recorded it\n`,
    });
    expect(existsSync(`${dir}/releases/v2.json`)).toBe(false);
  });

  it("records the next release after the latest, with its digest, and prints what changed", async () => {
    const dir = writeDataDir(minimalData());
    await ladder(["release", "v1", "--date", "2026-07-01", "--data-dir", dir]);
    rewrite(dir, changed());
    const result = await ladder(["release", "v2", "--date", "2026-07-01", "--data-dir", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "Recorded v2, dated 2026-07-01, after v1 (2026-07-01):",
        "  demo: 1 added, 1 reworded",
        "Demo framework: 1 added, 1 reworded.",
        `Wrote ${dir}/releases/v2.json.`,
        "",
      ].join("\n"),
    );
    const v1 = readJson(`${dir}/releases/v1.json`);
    expect(readJson(`${dir}/releases/v2.json`)).toEqual(
      await releaseOf(changed(), "2026-07-01", { name: "v1", release: v1 }),
    );
    const validation = await validateDataDir(dir, dir);
    expect(validation.problems).toEqual([]);
    expect(validation.releases?.map((release) => release.name)).toEqual(["v1", "v2"]);
  });

  it("refuses a date before the latest release's", async () => {
    const dir = writeDataDir(minimalData());
    await ladder(["release", "v1", "--date", "2026-07-01", "--data-dir", dir]);
    rewrite(dir, changed());
    const result = await ladder(["release", "v2", "--date", "2026-06-30", "--data-dir", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^ladder release: --date 2026-06-30 is before 2026-07-01, the date of the latest release \(v1\): a release is dated on or after the one before it\n/,
    );
    expect(filesBelow(path.join(dir, "releases"))).toEqual(["v1.json"]);
    // Without --date, the day refused is today's, and the message says so.
    await ladder(["release", "v1b", "--date", "2999-01-01", "--data-dir", dir]);
    const today = await ladder(["release", "v3", "--data-dir", dir]);
    expect(today.code).toBe(2);
    expect(today.stderr).toMatch(
      /^ladder release: today, \d{4}-\d{2}-\d{2}, is before 2999-01-01, the date of the latest release \(v1b\): .* \(give --date\)\n/,
    );
  });

  it.each<[string[], RegExp]>([
    [[], /^ladder release: name the release, e\.g\. ladder release 2026-h2\n/],
    [["v1", "v2"], /^ladder release: name one release, not 2: v1, v2\n/],
    [
      ["Spring"],
      /^ladder release: "Spring" is not a release name: it must be lowercase letters and digits joined by single hyphens or dots, e\.g\. 2026-h2 or v3\.1\n/,
    ],
    [
      ["unreleased"],
      /^ladder release: "unreleased" is not a release name: it is taken by the site itself \(unreleased, feed\.xml, index\.html\): choose another name\n/,
    ],
    [
      ["v2.json"],
      /^ladder release: "v2\.json" is not a release name: it ends like a file name \(\.json, \.xml, \.html, \.md\): give the release's name alone, e\.g\. v2\n/,
    ],
    [["v1", "--date", "2026-02-30"], /^ladder release: --date 2026-02-30 is not a day of the calendar\n/],
    [["v1", "--date", "next week"], /^ladder release: --date next week must be a date such as 2026-12-05\n/],
    [["v1", "--force"], /^ladder release: Unknown option '--force'/],
  ])("exits 2 and writes nothing when called as ladder release %j", async (args, message) => {
    const dir = writeDataDir(minimalData());
    const result = await ladder(["release", ...args, "--data-dir", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
    expect(existsSync(path.join(dir, "releases"))).toBe(false);
  });

  it("refuses data with problems, listing them, and writes nothing", async () => {
    const files = minimalData() as Files;
    files["demo/levels/l1.json"].order = "first";
    const dir = writeDataDir(files);
    const result = await ladder(["release", "v1", "--data-dir", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${dir}/demo/levels/l1.json: order: must be a number, not a string\n\nThe data in ${dir}/ has 1 problem: fix them, then release it.\n`,
    );
    expect(existsSync(path.join(dir, "releases"))).toBe(false);
  });

  it("writes nothing and removes nothing with --dry-run, and says what it would do", async () => {
    const dir = writeDataDir(minimalData());
    expect((await ladder(["lock", "--data-dir", dir])).code).toBe(0);
    const before = filesBelow(dir);
    const lock = readFileSync(`${dir}/published-ids.json`, "utf8");
    const result = await ladder(["release", "v1", "--date", "2026-07-01", "--dry-run", "--data-dir", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Would record v1, dated 2026-07-01, the first release:\n/);
    expect(result.stdout).toMatch(
      new RegExp(
        `\\nDry run: ${dir}/releases/v1\\.json is not written\\.\\nWould remove ${dir}/published-ids\\.json: its 6 ids are all in ${dir}/releases/v1\\.json, which takes its place\\.\\n$`,
      ),
    );
    expect(filesBelow(dir)).toEqual(before);
    expect(readFileSync(`${dir}/published-ids.json`, "utf8")).toBe(lock);
  });

  it("answers in JSON with --json", async () => {
    const dir = writeDataDir(minimalData());
    await ladder(["release", "v1", "--date", "2026-07-01", "--data-dir", dir]);
    rewrite(dir, changed());
    const result = await ladder(["release", "v2", "--date", "2026-08-01", "--json", "--data-dir", dir]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      release: "v2",
      file: `${dir}/releases/v2.json`,
      date: "2026-08-01",
      previous: "v1",
      summary: "Demo framework: 1 added, 1 reworded.",
      counts: { added: 1, removed: 0, reworded: 1, moved: 0, renamed: 0, split: 0, merged: 0 },
      tracks: [
        {
          track: "demo",
          title: "Demo framework",
          status: "changed",
          items: 6,
          counts: { added: 1, removed: 0, reworded: 1, moved: 0, renamed: 0, split: 0, merged: 0 },
          structure: [],
        },
      ],
      lock: null,
      written: true,
    });
  });

  it("records the same bytes as the releases of the three-release fixture, from the same data", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ladder-release-fixture-"));
    cpSync("tests/fixtures/releases/data", dir, { recursive: true });
    const names = readdirSync(path.join(dir, "releases")).sort();
    const last = path.join(dir, "releases", names.at(-1)!);
    const recorded = readFileSync(last, "utf8");
    rmSync(last);
    const name = path.basename(last, ".json");
    const result = await ladder(["release", name, "--date", JSON.parse(recorded).date, "--data-dir", dir]);
    expect(result.code).toBe(0);
    expect(readFileSync(last, "utf8")).toBe(recorded);
  });
});

describe("ladder release, taking the place of the lock", () => {
  it("removes published-ids.json once the first release, which holds its every id, is written", async () => {
    const dir = writeDataDir(minimalData());
    expect((await ladder(["lock", "--data-dir", dir])).code).toBe(0);
    const lock = readJson(`${dir}/published-ids.json`);
    const result = await ladder(["release", "v1", "--date", "2026-07-01", "--data-dir", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n").slice(-2)).toEqual([
      `Wrote ${dir}/releases/v1.json.`,
      `Removed ${dir}/published-ids.json: its 6 ids are all in ${dir}/releases/v1.json, which takes its place.`,
    ]);
    expect(existsSync(`${dir}/published-ids.json`)).toBe(false);
    // Every id the lock listed is in the release, as an id or an alias.
    const release = readJson(`${dir}/releases/v1.json`);
    const released = [...release.tracks.demo.behaviors, ...release.tracks.demo.responsibilities].flatMap(
      (item: { id: string; aliases?: string[] }) => [item.id, ...(item.aliases ?? [])],
    );
    expect(released.sort()).toEqual(Object.keys(lock.tracks.demo).sort());
    expect((await validateDataDir(dir, dir)).problems).toEqual([]);
  });

  it("migrates a lock of ids alone, as older versions wrote it", async () => {
    const dir = writeDataDir({
      ...minimalData(),
      "published-ids.json": { tracks: { demo: ["basic-git", "expert-git", "mentor"] } },
    });
    const result = await ladder(["release", "v1", "--date", "2026-07-01", "--data-dir", dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `Removed ${dir}/published-ids.json: its 3 ids are all in ${dir}/releases/v1.json`,
    );
  });

  it("keeps the lock when the release cannot be written", async () => {
    const dir = writeDataDir(minimalData());
    expect((await ladder(["lock", "--data-dir", dir])).code).toBe(0);
    const lock = readFileSync(`${dir}/published-ids.json`, "utf8");
    const releases = path.join(dir, "releases");
    // A full disk, for every file written into releases/.
    const original = fs.writeFileSync;
    fs.writeFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (typeof file === "string" && path.resolve(file).startsWith(`${releases}${path.sep}`)) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, open '${file}'`), { code: "ENOSPC" });
      }
      return (original as (...args: unknown[]) => void)(file, ...rest);
    }) as typeof fs.writeFileSync;
    syncBuiltinESMExports();
    let result;
    try {
      result = await ladder(["release", "v1", "--date", "2026-07-01", "--data-dir", dir]);
    } finally {
      fs.writeFileSync = original;
      syncBuiltinESMExports();
    }
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `${dir}/releases/v1.json cannot be written (ENOSPC): nothing was released, and ${dir}/published-ids.json is kept\n`,
    });
    expect(readFileSync(`${dir}/published-ids.json`, "utf8")).toBe(lock);
    expect(filesBelow(releases)).toEqual([]);
  });

  it("leaves ladder lock working without releases, saying ladder release replaces it, and refuses it with releases", async () => {
    const dir = writeDataDir(minimalData());
    const locked = await ladder(["lock", "--data-dir", dir]);
    expect(locked.code).toBe(0);
    expect(locked.stdout.trim().split("\n").at(-1)).toBe(
      "ladder release replaces ladder lock: a release records every id with its text, and takes the place of published-ids.json (npx ladder release <name>).",
    );
    await ladder(["release", "v1", "--data-dir", dir]);
    const refused = await ladder(["lock", "--data-dir", dir]);
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `ladder lock: ${dir}/releases/ holds releases, which keep their ids working: ladder lock is replaced by ladder release (npx ladder release <name>)\n` +
        'Run "ladder lock --help" for usage.\n',
    });
    expect(existsSync(`${dir}/published-ids.json`)).toBe(false);
  });
});
