import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { rename as fsRename, rm as fsRm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../scripts/lib/listFiles";
import {
  OUTPUT_MARKER,
  outputOwnerProblems,
  publishOutput,
  removeStaleStaging,
  stagingFolder,
} from "../../src/integration/output";
import { isWithin } from "../../src/lib/data/displayPath";

/** Writes files (name → content) under a folder, creating it. */
function write(folder: string, files: Record<string, string>): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), content);
  }
  return folder;
}

const scratch = () => mkdtempSync(path.join(tmpdir(), "ladder-output-"));

/** A finished build in a staging folder: a page of level l1 of track t. */
const finishedBuild = (where: string) =>
  write(path.join(where, "staging"), { "index.html": "new home", "t/l1/index.html": "new l1" });

describe("the staging folder", () => {
  it("lies in Astro's cache within the working directory, one per output folder and build", () => {
    const cwd = "/work/project";
    const cacheDir = "/work/project/node_modules/.astro";
    const dist = stagingFolder({ cacheDir, cwd, outDir: "/srv/site" }, 41);
    expect(path.dirname(dist)).toBe(path.join(cacheDir, "ladder-output"));
    expect(stagingFolder({ cacheDir, cwd, outDir: "/srv/site/" }, 41)).toBe(dist);
    expect(stagingFolder({ cacheDir, cwd, outDir: "/srv/other" }, 41)).not.toBe(dist);
    expect(stagingFolder({ cacheDir, cwd, outDir: "/srv/site" }, 42)).not.toBe(dist);
  });

  it("uses Astro's cache wherever it is set within the working directory", () => {
    const staging = stagingFolder({
      cacheDir: "/work/project/.cache",
      cwd: "/work/project",
      outDir: "/srv/site",
    });
    expect(staging.startsWith("/work/project/.cache/ladder-output/")).toBe(true);
  });

  it("stays within the working directory when Astro's cache lies outside it", () => {
    const staging = stagingFolder({ cacheDir: "/cache/.astro", cwd: "/work/project", outDir: "/srv/site" });
    expect(staging.startsWith("/work/project/node_modules/.astro/ladder-output/")).toBe(true);
  });

  it("removes those of builds no longer running, and no other", () => {
    const cacheDir = path.join(scratch(), "cache");
    const folders = { cacheDir, cwd: path.dirname(cacheDir), outDir: "/srv/site" };
    const own = stagingFolder(folders);
    const running = stagingFolder(folders, process.ppid);
    // No process has this id: Linux's largest is 2^22.
    const stopped = stagingFolder(folders, 2 ** 22 + 1);
    for (const folder of [own, running, stopped]) write(folder, { "index.html": "site" });
    removeStaleStaging(own);
    expect([own, running, stopped].map((folder) => existsSync(folder))).toEqual([true, true, false]);
  });
});

describe("which output folders a build may replace", () => {
  it("a new folder, an empty one, one holding only .git, and one Ladder built", () => {
    const where = scratch();
    expect(outputOwnerProblems(path.join(where, "new"), "new", false)).toEqual([]);
    expect(outputOwnerProblems(where, "empty", false)).toEqual([]);
    mkdirSync(path.join(where, ".git"));
    expect(outputOwnerProblems(where, "git", false)).toEqual([]);
    write(where, { [OUTPUT_MARKER]: "", "index.html": "old" });
    expect(outputOwnerProblems(where, "ours", false)).toEqual([]);
  });

  it("not a folder holding other files unless told to, and never a file", () => {
    const where = write(scratch(), { "notes.txt": "mine" });
    expect(outputOwnerProblems(where, "site", false)).toEqual([
      `Astro's outDir site holds files that Ladder did not build (it has no ${OUTPUT_MARKER} file), and a build replaces the whole folder: build into a new or empty folder, or pass --replace-out-dir (LADDER_REPLACE_OUT_DIR=1) to replace what it holds`,
    ]);
    expect(outputOwnerProblems(where, "site", true)).toEqual([]);
    const file = path.join(where, "notes.txt");
    expect(outputOwnerProblems(file, "notes.txt", true)[0]).toMatch(/^Astro's outDir notes\.txt is a file,/);
  });
});

describe("publishing a finished build", () => {
  it("moves it into a new folder, marked as Ladder's, leaving no staging folder behind", async () => {
    const where = scratch();
    const staging = finishedBuild(where);
    const outDir = path.join(where, "out", "site");
    await publishOutput(staging, outDir);
    expect(listFiles(outDir).sort()).toEqual([OUTPUT_MARKER, "index.html", "t/l1/index.html"]);
    expect(existsSync(staging)).toBe(false);
    expect(listFiles(path.join(where, "out"))).toEqual(listFiles(outDir).map((file) => `site/${file}`));
  });

  it("replaces every file of the last site, in folders of any name, and keeps .git", async () => {
    const where = scratch();
    const outDir = write(path.join(where, "site"), {
      [OUTPUT_MARKER]: "",
      "index.html": "old home",
      "t/l2/index.html": "removed level",
      "g/index.html": "removed track",
      ".git/HEAD": "ref: refs/heads/gh-pages\n",
    });
    await publishOutput(finishedBuild(where), outDir);
    expect(listFiles(outDir).sort()).toEqual([".git/HEAD", OUTPUT_MARKER, "index.html", "t/l1/index.html"]);
    expect(readFileSync(path.join(outDir, "index.html"), "utf8")).toBe("new home");
    expect(readFileSync(path.join(outDir, ".git/HEAD"), "utf8")).toBe("ref: refs/heads/gh-pages\n");
    expect(listFiles(where).filter((file) => !file.startsWith("site/"))).toEqual([]);
  });

  it("replaces the folder a link points to, and keeps the link", async () => {
    const where = scratch();
    const target = write(path.join(where, "www"), { [OUTPUT_MARKER]: "", "old.html": "old" });
    const link = path.join(where, "site");
    symlinkSync(target, link, "dir");
    await publishOutput(finishedBuild(where), link);
    expect(listFiles(target).sort()).toEqual([OUTPUT_MARKER, "index.html", "t/l1/index.html"]);
    expect(readFileSync(path.join(link, "index.html"), "utf8")).toBe("new home");
  });

  it("copies when folders cannot be renamed (the output folder a mount point), keeping .git in place", async () => {
    const where = scratch();
    const outDir = write(path.join(where, "site"), {
      [OUTPUT_MARKER]: "",
      "t/l2/index.html": "removed level",
      ".git/HEAD": "main",
    });
    const staging = finishedBuild(where);
    // Three file systems: the output folder (mounted), the staging folder's, and the parent's.
    const fileSystemOf = (file: string) =>
      isWithin(file, outDir) ? "mount" : isWithin(file, staging) ? "cache" : "parent";
    const refused: string[] = [];
    const rename = async (from: string, to: string) => {
      if (from === outDir || fileSystemOf(from) !== fileSystemOf(to)) {
        refused.push(path.basename(from));
        throw Object.assign(new Error("EXDEV: cross-device link not permitted"), { code: "EXDEV" });
      }
      return fsRename(from, to);
    };
    await publishOutput(staging, outDir, { rename });
    expect(refused).toContain("site");
    expect(listFiles(outDir).sort()).toEqual([".git/HEAD", OUTPUT_MARKER, "index.html", "t/l1/index.html"]);
    expect(readFileSync(path.join(outDir, ".git/HEAD"), "utf8")).toBe("main");
    expect(listFiles(where).filter((file) => !file.startsWith("site/"))).toEqual([]);
  });

  it("finishes a swap a stopped build cut short: the old site comes back, or gives its .git over", async () => {
    const where = scratch();
    const outDir = path.join(where, "site");
    // Stopped between its two renames: the last site aside, none in place.
    write(path.join(where, ".site.ladder-previous"), {
      [OUTPUT_MARKER]: "",
      ".git/HEAD": "kept",
      "a.html": "old",
    });
    await publishOutput(finishedBuild(where), outDir);
    expect(listFiles(outDir).sort()).toEqual([".git/HEAD", OUTPUT_MARKER, "index.html", "t/l1/index.html"]);
    // Stopped after both renames: the new site in place, the old one aside with .git.
    write(path.join(where, ".site.ladder-previous"), { ".git/HEAD": "aside" });
    await fsRm(path.join(outDir, ".git"), { recursive: true });
    await publishOutput(finishedBuild(where), outDir);
    expect(readFileSync(path.join(outDir, ".git/HEAD"), "utf8")).toBe("aside");
    expect(listFiles(where).filter((file) => !file.startsWith("site/"))).toEqual([]);
  });

  it("lets one build at a time replace a folder", async () => {
    const where = scratch();
    const outDir = path.join(where, "site");
    const builds = ["one", "two"].map((name) =>
      write(path.join(where, `staging-${name}`), { "index.html": name, [`${name}.html`]: name }),
    );
    await Promise.all(builds.map((staging) => publishOutput(staging, outDir)));
    const files = listFiles(outDir);
    expect(files.length).toBe(3);
    const winner = readFileSync(path.join(outDir, "index.html"), "utf8");
    expect(files).toContain(`${winner}.html`);
    expect(listFiles(where).filter((file) => !file.startsWith("site/"))).toEqual([]);
  });
});
