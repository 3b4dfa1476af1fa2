import { mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseProblems, outputFolderProblems } from "../../src/integration/deployment";

/** A project folder with its src, public and data folders, as Astro resolves them. */
function project() {
  const root = mkdtempSync(path.join(tmpdir(), "ladder-project-"));
  for (const folder of ["src", "public", "data"]) mkdirSync(path.join(root, folder));
  const at = (folder: string) => path.join(root, folder);
  return { root, srcDir: at("src"), publicDir: at("public"), dataDir: at("data"), at };
}

const problems = (folders: ReturnType<typeof project>, outDir: string) =>
  outputFolderProblems(
    { ...folders, outDir },
    { outDir: path.relative(folders.root, outDir) || ".", dataDir: "data" },
  );

describe("where a build may write", () => {
  it("accepts a folder of its own, in the project or outside it", () => {
    const folders = project();
    expect(problems(folders, folders.at("dist"))).toEqual([]);
    expect(problems(folders, folders.at("site/out"))).toEqual([]);
    expect(problems(folders, path.join(tmpdir(), "elsewhere"))).toEqual([]);
    // A sibling whose name starts like the data folder's is not inside it.
    expect(problems(folders, folders.at("data-site"))).toEqual([]);
  });

  it("refuses the data folder, a folder inside it and one holding it, saying which", () => {
    const folders = project();
    expect(problems(folders, folders.dataDir)).toEqual([
      "Astro's outDir data is the data folder data, which a build would replace whole; set Astro's outDir (or ladder build --out-dir) to a folder of its own, such as dist",
    ]);
    expect(problems(folders, folders.at("data/site"))[0]).toMatch(
      /^Astro's outDir data\/site is inside the data folder data,/,
    );
    const outside = mkdtempSync(path.join(tmpdir(), "ladder-outer-"));
    const nested = { ...folders, dataDir: path.join(outside, "frameworks") };
    mkdirSync(nested.dataDir);
    expect(problems(nested, outside)[0]).toMatch(/ holds the data folder data,/);
  });

  it("refuses the sources, the public folder and the project itself", () => {
    const folders = project();
    expect(problems(folders, folders.srcDir)[0]).toMatch(/ is the project's src folder,/);
    expect(problems(folders, folders.at("public/site"))[0]).toMatch(
      / is inside the project's public folder,/,
    );
    expect(problems(folders, folders.root)).toEqual([
      "Astro's outDir . holds the project: a build replaces its whole output folder; set Astro's outDir (or ladder build --out-dir) to a folder of its own, such as dist",
    ]);
    expect(problems(folders, path.dirname(folders.root))[0]).toMatch(/ holds the project:/);
  });

  it("sees through a symbolic link to the data", () => {
    const folders = project();
    const link = folders.at("dist");
    symlinkSync(folders.dataDir, link);
    expect(problems(folders, link)[0]).toMatch(/ is the data folder data,/);
  });
});

describe("Astro's base", () => {
  it("is a path of the site", () => {
    for (const base of ["/", "/handbook/", "/handbook", "/a/b/"])
      expect(baseProblems(base), base).toEqual([]);
  });

  it("is never a host or a URL, which would load the site's scripts from elsewhere", () => {
    for (const base of [
      "//cdn.example/",
      "/\\cdn.example/",
      "https://cdn.example/",
      "handbook/",
      "/a?b",
      "/a#b",
    ]) {
      expect(baseProblems(base), base).toEqual([
        `Astro's base ${JSON.stringify(base)} must be a path of this site, such as / or /handbook/ (not a host or a URL)`,
      ]);
    }
  });
});
