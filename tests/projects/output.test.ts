/**
 * What a build does to its output folder: it replaces it whole, and only once the new site is
 * complete; a failed build leaves the last site as it was; the folder holds the site and nothing
 * else (no file of Astro's, none of a failed build's); a folder Ladder did not build is not touched.
 * A project of its own (Ladder linked into its node_modules, as installed) builds into a folder
 * outside it, where Astro would otherwise copy its own files.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../scripts/lib/listFiles";
import { OUTPUT_MARKER } from "../../src/integration/output";
import { minimalData } from "../helpers/dataDir";
import { buildEnv } from "../helpers/sites";

// In this repository, where the project's `import ladder from "ladder-handbook"` finds Ladder
// itself, as it would in node_modules (a linked package outside the project does not build).
const project = path.resolve("test-output/output-project");
const outDir = path.join(mkdtempSync(path.join(tmpdir(), "ladder-output-site-")), "site");

/** Builds the project; `failLate` makes a build fail after every page is written. */
async function build(options: { failLate?: boolean; args?: string[] } = {}) {
  return promisify(execFile)(
    process.execPath,
    [path.resolve("bin/ladder.mjs"), "build", ...(options.args ?? [])],
    {
      cwd: project,
      env: {
        ...buildEnv(),
        OUT_DIR: outDir,
        ...(options.failLate && { FAIL_LATE: "1" }),
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  ).then(
    ({ stderr }) => ({ code: 0, stderr }),
    (error: { code: number; stderr: string }) => error,
  );
}

/** Every file of a folder with a hash of its content: two equal snapshots are the same site. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(folder).map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(folder, file)))
        .digest("hex"),
    ]),
  );
}

/** The demo data under the track id "t", which Astro's own emptying of a folder skips. */
function writeData(levels: string[]): void {
  rmSync(path.join(project, "data"), { recursive: true, force: true });
  for (const [name, content] of Object.entries(minimalData())) {
    const [, ...rest] = name.split("/");
    if (rest[0] === "levels" && !levels.includes(rest[1])) continue;
    const file = path.join(project, "data", "t", ...rest);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  }
}

beforeAll(() => {
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  writeFileSync(
    path.join(project, "astro.config.mjs"),
    `import ladder from "ladder-handbook";

const failLate = {
  name: "fails-late",
  hooks: {
    "astro:build:generated": () => {
      if (process.env.FAIL_LATE) throw new Error("This build fails after writing every page.");
    },
  },
};

export default { outDir: process.env.OUT_DIR, integrations: [ladder({ dataDir: "data" }), failLate] };
`,
  );
});

// One sequence of builds into one folder, each step starting from the last (a build costs seconds).
describe("a build replaces its output folder whole, and only when it succeeds", () => {
  it("leaves a folder it did not build alone unless told, writes the site and nothing else, keeps it when a later build fails, and leaves no page of a removed level", async () => {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, "notes.txt"), "Not a handbook.\n");
    writeData(["l1.json", "l2.json", "l3.json"]);
    const refused = await build();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`has no ${OUTPUT_MARKER} file`);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(listFiles(outDir)).toEqual(["notes.txt"]);
    expect(readFileSync(path.join(outDir, "notes.txt"), "utf8")).toBe("Not a handbook.\n");

    const first = await build({ args: ["--replace-out-dir"] });
    expect(first.code, first.stderr).toBe(0);
    const built = snapshot(outDir);
    const files = Object.keys(built);
    expect(files).not.toContain("notes.txt");
    expect(files).toContain(OUTPUT_MARKER);
    expect(files).toContain("t/l3/index.html");
    // The site: pages, their assets, the JSON API and the search index; none of Astro's own files.
    expect(
      files.filter((file) => /\.(mjs|d\.ts)$|(^|\/)(collections|data-store|settings)\b/.test(file)),
    ).toEqual([]);

    writeData(["l1.json", "l2.json"]);
    const failed = await build({ failLate: true });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("This build fails after writing every page.");
    expect(snapshot(outDir)).toEqual(built);

    const second = await build();
    expect(second.code, second.stderr).toBe(0);
    const rebuilt = Object.keys(snapshot(outDir));
    expect(rebuilt).toContain("t/l2/index.html");
    expect(rebuilt.filter((file) => file.startsWith("t/l3/"))).toEqual([]);
    // The failed build's chunks went nowhere: the second site is made of what it built.
    expect(rebuilt.filter((file) => /\.(mjs|d\.ts)$/.test(file))).toEqual([]);
  }, 240_000);
});
