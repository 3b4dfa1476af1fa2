import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../../scripts/lib/listFiles";
import {
  OUTPUT_MARKER,
  outputOwnerProblems,
  publishOutput,
  stagingFolder,
} from "../../src/integration/output";

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
  it("lies in Astro's cache within the working directory, one per output folder", () => {
    const cwd = "/work/project";
    const cacheDir = "/work/project/node_modules/.astro";
    const dist = stagingFolder({ cacheDir, cwd, outDir: "/srv/site" });
    expect(path.dirname(dist)).toBe(path.join(cacheDir, "ladder-output"));
    expect(stagingFolder({ cacheDir, cwd, outDir: "/srv/site/" })).toBe(dist);
    expect(stagingFolder({ cacheDir, cwd, outDir: "/srv/other" })).not.toBe(dist);
  });

  it("stays within the working directory when Astro's cache lies outside it", () => {
    const staging = stagingFolder({ cacheDir: "/cache/.astro", cwd: "/work/project", outDir: "/srv/site" });
    expect(staging.startsWith("/work/project/node_modules/.astro/ladder-output/")).toBe(true);
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

  it("copies when a folder cannot be renamed (another file system, a mount point), still whole", async () => {
    const where = scratch();
    const outDir = write(path.join(where, "site"), {
      [OUTPUT_MARKER]: "",
      "t/l2/index.html": "removed level",
      ".git/HEAD": "main",
    });
    const refused: string[] = [];
    // Renames of whole folders fail, as across file systems; .git still moves within the folder.
    const crossDevice = async (from: string, to: string) => {
      if (path.basename(from) === ".git") return rename(from, to);
      refused.push(path.basename(from));
      throw Object.assign(new Error("EXDEV: cross-device link not permitted"), { code: "EXDEV" });
    };
    await publishOutput(finishedBuild(where), outDir, { rename: crossDevice });
    expect(refused.length).toBeGreaterThan(0);
    expect(listFiles(outDir).sort()).toEqual([".git/HEAD", OUTPUT_MARKER, "index.html", "t/l1/index.html"]);
    expect(listFiles(where).filter((file) => !file.startsWith("site/"))).toEqual([]);
  });
});
