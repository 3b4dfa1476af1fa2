import { execFile, execFileSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH, tooDeepMessage } from "../../src/lib/data/nesting";
import { formatSize, MAX_FILE_BYTES } from "../../src/lib/data/readDataText";
import { behaviorsDocument } from "../../src/lib/handbook/apiDocuments";
import { createUrls } from "../../src/lib/links/urls";
import { loadSiteData } from "../../src/integration/siteData";
import { listFiles } from "../helpers/builtSite";
import { ladder, ladderProcess } from "../helpers/ladderCli";
import { minimalData, writeDataDir } from "../helpers/dataDir";
import { realHandbook } from "../helpers/realHandbook";
import { withUnreadableFolder } from "../helpers/unreadableFolder";

const exec = promisify(execFile);

/** Writes a document into a new temporary folder and returns its path. */
function writeDocument(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ladder-doc-")), name);
  writeFileSync(file, text);
  return file;
}

const COMMANDS = ["init", "validate", "build", "dev", "check-links", "import", "export", "release", "lock"];

describe("ladder", () => {
  it("runs through npx in the repository after npm ci, and lists its commands", async () => {
    const { stdout } = await exec("npx", ["--no", "--", "ladder", "--help"]);
    expect(stdout).toMatch(/^Usage: ladder <command>/);
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command} `, "m"));
  });

  it("runs compiled, in a process of its own: problems on stderr, exit codes as documented", async () => {
    const valid = await ladderProcess(["validate"]);
    expect(valid).toMatchObject({ code: 0, stderr: "" });
    const dir = writeDataDir({ ...minimalData(), "demo/levels/l2.json": "{ not json" });
    const invalid = await ladderProcess(["validate", "--data-dir", dir]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain(`${dir}/demo/levels/l2.json:1:3: is not valid JSON`);
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
    expect((await ladderProcess(["frobnicate"])).code).toBe(2);
  });

  it.each(COMMANDS)("explains %s with --help and exits 0", async (command) => {
    const result = await ladder([command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: ladder ${command} `));
  });

  it.each([
    [["frobnicate"], /^ladder: unknown command "frobnicate"/],
    [["check-links", "--sight", "x", "docs"], /^ladder check-links: Unknown option '--sight'/],
    [["check-links"], /^ladder check-links: name at least one file or folder/],
    [["check-links", "no/such/file.md"], /^ladder check-links: no\/such\/file\.md: no such file or folder/],
    [["check-links", "--site", "handbook.example.com", "README.md"], /--site must be an absolute URL/],
    [["lock", "extra"], /^ladder lock: Unexpected argument 'extra'/],
    [
      ["import", "/dev/zero", "--track", "zero"],
      /^ladder import: \/dev\/zero: is a character device, not a regular file/,
    ],
  ])("exits 2 with a pointer to --help when called as ladder %j", async (args, message) => {
    const result = await ladder(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Run "ladder (\S+ )?--help" for usage\.\n$/);
    expect(result.stdout).toBe("");
  });
});

describe("ladder validate", () => {
  it("passes the real data like npm run validate, with exit code 0", async () => {
    const result = await ladder(["validate"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^data\/ is valid: 2 tracks, \d+ levels, \d+ behaviors, 1 role\.\n$/);
  });

  it("lists problems as file: path: message and exits 1", async () => {
    const files = minimalData();
    (files["demo/levels/l1.json"] as any).order = "first";
    const dir = writeDataDir(files);
    const result = await ladder(["validate", "--data-dir", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${dir}/demo/levels/l1.json: order: must be a number, not a string\n`);
    expect(result.stderr.trim().split("\n").at(-1)).toBe(`1 problem in ${dir}/: fix it and run again.`);
  });

  it("prints the one command that records ids a legacy lock does not list yet: a release", async () => {
    const dir = writeDataDir({ ...minimalData(), "published-ids.json": { tracks: { demo: ["basic-git"] } } });
    const result = await ladder(["validate"], { LADDER_DATA_DIR: dir });
    expect(result.code).toBe(0);
    const [, reminder] = result.stdout.trim().split("\n");
    expect(reminder).toMatch(/^5 ids are not in .*\/published-ids\.json yet \(demo\/shows-up, /);
    expect(reminder).toContain("in a release, which replaces ladder lock and published-ids.json");
    expect(reminder.endsWith(`: npx ladder release <name> --data-dir ${dir}`)).toBe(true);
  });

  it("reminds of nothing without a legacy lock: changes wait for the next release", async () => {
    const result = await ladder(["validate", "--data-dir", writeDataDir(minimalData())]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^\S+ is valid: [^\n]+\.\n$/);
  });

  it("names a folder it cannot read and prose nested too deep, at their place, instead of failing unexpectedly", async () => {
    const files = minimalData();
    files["demo/prose/intro.mdx"] =
      `---\ntitle: Introduction\norder: 1\n---\n\n${">".repeat(10_000)} Deep.\n`;
    const dir = writeDataDir(files);
    const { result } = await withUnreadableFolder(path.join(dir, "demo/roles"), () =>
      ladder(["validate", "--data-dir", dir]),
    );
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").slice(0, 2)).toEqual([
      `${dir}/demo/prose/intro.mdx:6:${MAX_NESTING_DEPTH + 1}: ${tooDeepMessage({ depth: MAX_NESTING_DEPTH + 1 }, "prose")}`,
      `${dir}/demo/roles: cannot be read (EACCES): none of its files are checked; make the folder readable, or remove it`,
    ]);
    expect(result.stderr).not.toMatch(/unexpected error/);
  });

  it("answers in JSON with --json", async () => {
    const files = minimalData();
    delete (files["demo/track.json"] as any).title;
    const dir = writeDataDir(files);
    const result = await ladder(["validate", "--json", "--data-dir", dir]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      valid: false,
      dataDir: dir,
      summary: null,
      problems: [
        { file: `${dir}/demo/track.json`, path: "title", message: "is required but missing: add it" },
      ],
      unlockedIds: [],
    });
  });
});

describe("ladder check-links", () => {
  const site = "https://handbook.example.com";

  it("reports each broken link as file:line:column: error: message, then a summary, and exits 1", async () => {
    const file = writeDocument(
      "roadmap.md",
      [
        "# Roadmap",
        "",
        `- [Git basics](${site}/b/support/basic-git/)`,
        "- [Prioritize](/b/support/prioritises-work/) and [Git][git]",
        "- `[not a link](/b/support/in-code/)` and [elsewhere](https://example.org/)",
        "",
        "[git]: /support/ic2/#basic-git",
      ].join("\n"),
    );
    const result = await ladder(["check-links", "--site", site, file]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      `${file}:4:3: error: no behavior or responsibility "prioritises-work" in the track "support": did you mean "prioritizes-work"?`,
      expect.stringMatching(
        new RegExp(
          `^${file}:7:1: error: "basic-git" is not on IC2 of Support; it is at /support/ic1/#basic-git`,
        ),
      ),
      "1 file, 3 handbook links checked: 2 broken, 0 warnings (1 other link not checked).",
      "",
    ]);
  });

  it("suggests ids by the words of the behaviors, and lists the levels when one is unknown", async () => {
    const file = writeDocument(
      "roadmap.md",
      "- [Git](/b/support/full-git-proficiency/)\n- [Next](/support/compare/ic3/ic7/)\n",
    );
    const result = await ladder(["check-links", file]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n").slice(0, 2)).toEqual([
      `${file}:1:3: error: no behavior or responsibility "full-git-proficiency" in the track "support": did you mean "full-professional-git"?`,
      expect.stringMatching(
        new RegExp(
          `^${file}:2:3: error: no level "ic7" in the track "support" \\(its levels are "ic1", "ic2", "ic3", "ic4", "ic5" and "ic6"\\)`,
        ),
      ),
    ]);
  });

  it("passes the example roadmap in docs/examples/, which uses every link form, without a warning", async () => {
    const result = await ladder(["check-links", "--json", "--site", site, "docs/examples/roadmap.md"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.problems).toEqual([]);
    expect(report.summary).toMatchObject({ files: 1, broken: 0, warnings: 0 });
    const kinds = new Set(report.links.map((link: { kind: string }) => link.kind));
    expect([...kinds].sort()).toEqual(["autolink", "definition", "inline", "literal"]);
    const text = await ladder(["check-links", "--site", site, "docs/examples/"]);
    expect(text.stdout).toMatch(/^1 file, \d+ handbook links checked: 0 broken, 0 warnings/);
  });

  it("passes links through an alias with a warning that names the current id, and exits 0", async () => {
    const dir = writeDataDir(minimalData());
    const file = writeDocument("plan.md", "Become a [Git expert](/handbook/b/demo/expert-git/).\n");
    const result = await ladder(["check-links", "--data-dir", dir, file], { LADDER_BASE: "/handbook/" });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(
      `${file}:1:10: warning: "expert-git" is an old id (an alias) of "git-expert": the link works; link /handbook/b/demo/git-expert/ to use the current id`,
    );
    expect(result.stdout).toMatch(/1 handbook link checked: 0 broken, 1 warning\.\n$/);
  });

  it("reads MDX, and reports a syntax error at its place as broken", async () => {
    const file = writeDocument(
      "plan.mdx",
      'Fine: <a href="/b/support/basic-git/">Git</a>\n\nUp to <3 years\n',
    );
    const result = await ladder(["check-links", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(`^${file}:3:8: error: cannot be read as MDX: Unexpected character`),
    );
  });

  it("says when absolute URLs went unchecked for want of a site", async () => {
    const file = writeDocument(
      "plan.md",
      `[Git](${site}/b/support/no-such-id/) [Git](/b/support/basic-git/)\n`,
    );
    const result = await ladder(["check-links", file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^note: 1 absolute URL was not checked: give the handbook's site/);
  });

  it("fails, and says so, when no link at all is under the base: --base is probably wrong", async () => {
    const file = writeDocument(
      "plan.md",
      `[Git](/b/support/basic-git/) and [Git](${site}/b/support/basic-git/)\n`,
    );
    const wrongBase = await ladder(["check-links", "--base", "/careers/", file]);
    expect(wrongBase).toEqual({
      code: 1,
      stdout: [
        "note: 1 absolute URL was not checked: give the handbook's site with --site or LADDER_SITE to check them",
        "1 file, 0 handbook links checked: 0 broken, 0 warnings (2 other links not checked).",
        "",
      ].join("\n"),
      stderr:
        "ladder check-links: no link to the handbook under /careers/ was found in 1 file; is --base right, and --site missing?\n",
    });
    const withSite = await ladder(["check-links", "--json", "--site", site, "--base", "/careers/", file]);
    expect(withSite.code).toBe(1);
    expect(JSON.parse(withSite.stdout).summary).toMatchObject({ files: 1, links: 0, others: 2 });
    expect(withSite.stderr).toBe(
      `ladder check-links: no link to the handbook under /careers/ or ${site}/careers/ was found in 1 file; are --base and --site right?\n`,
    );
    const rightBase = await ladder(["check-links", "--base", "/", file]);
    expect(rightBase.code).toBe(0);
  });

  it("exits 2 when the folders it is given hold no document", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ladder-docs-"));
    writeFileSync(path.join(folder, "notes.txt"), "[Git](/b/support/basic-git/)\n");
    const result = await ladder(["check-links", folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^ladder check-links: no Markdown or MDX file \\(\\.md, \\.mdx, \\.markdown\\) in ${folder}: `,
      ),
    );
  });

  it("lists every handbook link and its verdict with --json", async () => {
    const file = writeDocument("plan.md", "[a](/b/support/basic-git/) [b](/b/support/nope-nope/)\n");
    const result = await ladder(["check-links", "--json", file]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ files: 1, links: 2, broken: 1, warnings: 0, others: 0 });
    expect(
      report.links.map((link: { status: string; column: number }) => [link.status, link.column]),
    ).toEqual([
      ["ok", 1],
      ["broken", 28],
    ]);
    expect(report.problems).toEqual([
      expect.objectContaining({ file, line: 1, column: 28, status: "broken" }),
    ]);
  });

  it("reports a named pipe, a device and a file over the size limit without reading them, and checks the rest", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ladder-docs-"));
    execFileSync("mkfifo", [path.join(folder, "pipe.md")]);
    // Sparse: 50 MB by its size, without writing them.
    writeFileSync(path.join(folder, "huge.md"), "");
    truncateSync(path.join(folder, "huge.md"), 50 * 1024 * 1024);
    writeFileSync(path.join(folder, "plan.md"), "[Git](/b/support/basic-git/)\n");
    // In a process of its own, stopped should it wait on the pipe or read /dev/zero for ever.
    const result = await ladderProcess(["check-links", folder, "/dev/zero"], {}, 20_000);
    expect(result).toEqual({
      code: 1,
      stdout: [
        `${folder}/huge.md: error: is 50 MB, more than the ${formatSize(MAX_FILE_BYTES)} Ladder reads from one file: split it into smaller files`,
        `${folder}/pipe.md: error: is a named pipe (FIFO), not a regular file: Ladder reads only regular files`,
        "/dev/zero: error: is a character device, not a regular file: Ladder reads only regular files",
        "4 files, 1 handbook link checked: 3 broken, 0 warnings.",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(readFileSync("README.md", "utf8")).toContain(
      `It reads regular files of up to ${formatSize(MAX_FILE_BYTES)}:`,
    );
  });

  it("reads documents as UTF-8, as data files: a byte order mark is dropped, a Latin-1 file reported at its first byte that is not", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ladder-docs-"));
    const link = "[Git](/b/support/basic-git/)";
    writeFileSync(path.join(folder, "bom.md"), `\uFEFF${link}\n`);
    const before = "# Caf";
    writeFileSync(path.join(folder, "latin1.md"), Buffer.from(`${before}\xE9\n${link}\n`, "latin1"));
    const result = await ladder(["check-links", folder]);
    expect(result).toEqual({
      code: 1,
      stdout: [
        `${folder}/latin1.md:1:${before.length + 1}: error: is not UTF-8 text: byte ${before.length} of the file, 0xE9, is not UTF-8 (the file may be saved as Latin-1 or Windows-1252): save it as UTF-8`,
        "2 files, 1 handbook link checked: 1 broken, 0 warnings.",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("names a folder it cannot read and a document nested too deep, and checks the rest", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ladder-docs-"));
    writeFileSync(path.join(folder, "deep.md"), `${">".repeat(10_000)} [Git](/b/support/basic-git/)\n`);
    writeFileSync(path.join(folder, "plan.md"), "[Git](/b/support/basic-git/)\n");
    mkdirSync(path.join(folder, "private"));
    const { result } = await withUnreadableFolder(path.join(folder, "private"), () =>
      ladder(["check-links", folder]),
    );
    expect(result).toEqual({
      code: 1,
      stdout: [
        `${folder}/private: error: cannot be read (EACCES): none of its documents are checked; make the folder readable`,
        `${folder}/deep.md:1:${MAX_NESTING_DEPTH + 1}: error: cannot be read as Markdown: ${tooDeepMessage({ depth: MAX_NESTING_DEPTH + 1 }, "document")}`,
        "2 files, 1 handbook link checked: 2 broken, 0 warnings.",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("stops with exit code 1 when the data itself is invalid", async () => {
    const files = minimalData();
    files["demo/levels/l1.json"] = "{";
    const result = await ladder(["check-links", "--data-dir", writeDataDir(files), "README.md"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/links cannot be checked until it is valid/);
  });
});

describe("ladder lock", () => {
  it("records every id, then validation protects them; --check tells whether the lock is complete", async () => {
    const dir = writeDataDir(minimalData());
    const lockFile = path.join(dir, "published-ids.json");

    expect((await ladder(["lock", "--check", "--data-dir", dir])).code).toBe(1);
    expect(existsSync(lockFile)).toBe(false);

    const locked = await ladder(["lock", "--data-dir", dir]);
    expect(locked.code).toBe(0);
    expect(locked.stdout).toMatch(/^6 ids added to .*published-ids\.json:\n  demo: shows-up, /);
    expect(JSON.parse(readFileSync(lockFile, "utf8")).tracks.demo["expert-git"]).toEqual({
      level: "l2",
      text: "Is an expert in Git.",
    });

    const again = await ladder(["lock", "--check", "--data-dir", dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already lists every id and alias/);

    // Renaming a locked id without an alias now fails validation.
    const level = path.join(dir, "demo/levels/l1.json");
    writeFileSync(level, readFileSync(level, "utf8").replace('"basic-git"', '"git-basics"'));
    const validation = await ladder(["validate", "--data-dir", dir]);
    expect(validation.code).toBe(1);
    expect(validation.stderr).toMatch(
      /"basic-git" was published .* probably "git-basics" .*, which has its text/,
    );
  });

  it("rewrites a lock of ids alone with the level or role and text of each, and --check leaves it be", async () => {
    const dir = writeDataDir(minimalData());
    const lockFile = path.join(dir, "published-ids.json");
    const ids = ["asks-questions", "basic-git", "expert-git", "git-expert", "mentor", "shows-up"];
    writeFileSync(lockFile, JSON.stringify({ tracks: { demo: ids } }));

    const check = await ladder(["lock", "--check", "--data-dir", dir]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(
      /already lists every id and alias .*\nThe lock would record the current level or role and text of 6 ids\.\nladder release replaces ladder lock: .*\n$/,
    );
    expect(JSON.parse(readFileSync(lockFile, "utf8")).tracks.demo).toEqual(ids);

    const locked = await ladder(["lock", "--data-dir", dir]);
    expect(locked.code).toBe(0);
    expect(locked.stdout).toMatch(
      /The lock recorded the current level or role and text of 6 ids\.\nladder release replaces ladder lock: a release records every id with its text, and takes the place of published-ids\.json \(npx ladder release <name>\)\.\n$/,
    );
    expect(Object.keys(JSON.parse(readFileSync(lockFile, "utf8")).tracks.demo)).toEqual(ids);
    expect((await ladder(["lock", "--json", "--data-dir", dir])).stdout).toMatch(
      /"updated": 0,\s+"written": false/,
    );
  });

  it("rewrites the file a linked lock points to, and keeps the link", async () => {
    const dir = writeDataDir(minimalData());
    const kept = path.join(mkdtempSync(path.join(tmpdir(), "ladder-lock-")), "published-ids.json");
    writeFileSync(kept, JSON.stringify({ tracks: {} }));
    const link = path.join(dir, "published-ids.json");
    symlinkSync(kept, link);
    expect((await ladder(["lock", "--data-dir", dir])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(kept, "utf8")).tracks.demo)).toContain("basic-git");
  });
});

describe("ladder import", () => {
  const seed = "tests/fixtures/sources/product.md";

  it("imports the product seed into a new track that builds with the same behaviors as data/product/", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ladder-import-data-"));
    const result = await ladder(["import", seed, "--track", "product", "--data-dir", dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^${seed}:\\d+:\\d+: warning: "-Seeks clear ownership`));
    expect(result.stdout).toMatch(
      /^Read .* as Markdown: a heading per level\.\nProposed "cumulative": true, since /,
    );
    // One file per file of data/product/, which was typed in from the same seed.
    expect(result.stdout).toMatch(new RegExp(`\nWrote ${listFiles("data/product").length} files:\n`));
    expect(readdirSync(path.join(dir, "product", "levels")).sort()).toEqual([
      "ic2.json",
      "ic3.json",
      "ic4.json",
      "ic5.json",
    ]);
    // Written as Prettier would write them, so `prettier --check .` passes on imported data.
    const trackFile = path.join(dir, "product", "track.json");
    const options = {
      ...(await prettier.resolveConfig(path.resolve("data/product/track.json"))),
      filepath: trackFile,
    };
    expect(await prettier.check(readFileSync(trackFile, "utf8"), options)).toBe(true);

    // What the site's /api/behaviors.json holds: the data as the site loads it.
    const loaded = await loadSiteData(dir, process.cwd());
    expect(loaded.problems).toBeUndefined();
    const built = behaviorsDocument(loaded.data!.handbook, createUrls());
    const asRead = (behaviors: { level: string | null; category: string | null; text: string }[]) =>
      behaviors.map(({ level, category, text }) => ({ level, category, text }));
    const expected = behaviorsDocument(await realHandbook(), createUrls()).filter(
      (b) => b.track === "product",
    );
    expect(asRead(built)).toEqual(asRead(expected));
  }, 120_000);

  it("places the new track after the tracks already in the data folder", async () => {
    const dir = writeDataDir(minimalData());
    const result = await ladder(["import", seed, "--track", "product", "--data-dir", dir]);
    expect(result.code).toBe(0);
    const read = (track: string) => JSON.parse(readFileSync(path.join(dir, track, "track.json"), "utf8"));
    expect(read("product").order).toBe(read("demo").order + 1);
    expect((await ladder(["validate", "--data-dir", dir])).code).toBe(0);
  });

  it("places the new track after a track whose track.json starts with a byte order mark", async () => {
    const files = minimalData();
    files["demo/track.json"] =
      `\uFEFF${JSON.stringify({ ...(files["demo/track.json"] as object), order: 7 })}`;
    const dir = writeDataDir(files);
    expect((await ladder(["import", seed, "--track", "product", "--data-dir", dir])).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "product", "track.json"), "utf8")).order).toBe(8);
  });

  it("writes nothing with --dry-run, and never overwrites a track", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ladder-import-data-"));
    const dryRun = await ladder(["import", seed, "--track", "product", "--data-dir", dir, "--dry-run"]);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(new RegExp(`\nWould write ${listFiles("data/product").length} files:`));
    // Where every item would go, in the source's order.
    const seedLines = readFileSync(seed, "utf8").split("\n");
    const behaviorLine = seedLines.findIndex((line) => line.includes("Clarifies project scope")) + 1;
    expect(dryRun.stdout).toContain(`\n${seed}:1:3: track title → product/track.json\n`);
    expect(dryRun.stdout).toMatch(
      new RegExp(
        `\n${seed}:${behaviorLine}:\\d+: behavior → product/ic2/impact#clarifies-project-scope-delivers\n`,
      ),
    );
    expect(readdirSync(dir)).toEqual([]);

    const existing = await ladder(["import", seed, "--track", "product"]);
    expect(existing.code).toBe(1);
    expect(existing.stderr).toMatch(/^data\/product\/ exists already/);
  });

  it("exits 1 with the places of what it cannot import, and 2 without --track", async () => {
    const file = writeDocument("notes.md", "## Notes\n\nNothing shaped like a framework.\n");
    const dir = mkdtempSync(path.join(tmpdir(), "ladder-import-data-"));
    const result = await ladder(["import", file, "--track", "notes", "--data-dir", dir]);
    expect(result.code).toBe(1);
    // Every shape tried, and why it did not fit.
    expect(result.stderr).toMatch(new RegExp(`^found no career framework in ${file}\\. Shapes tried:\n`));
    expect(result.stderr).toContain("(--format markdown): no heading holds a level");
    expect(result.stderr).toMatch(/\(--format csv\): .* is not a \.csv file/);
    expect(readdirSync(dir)).toEqual([]);

    const usage = await ladder(["import", file]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^ladder import: --track <id> is required/);
  });
});
