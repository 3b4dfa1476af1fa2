import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/lib/problems";
import { MALFORMED } from "../fixtures/malformedData";
import { minimalData, writeDataDir } from "../helpers/dataDir";
import { buildEnv } from "../helpers/sites";

const run = promisify(execFile);

/**
 * Runs a command of the README on a data folder, building into a fresh output folder:
 * `npm run build`, or its first step `npm run validate` alone (faster, for many cases).
 */
async function build(dataDir: string, script: "build" | "validate" = "build") {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "ladder-out-")), "dist");
  const command =
    script === "build"
      ? ["npm", ["run", "build", "--silent"]]
      : ["node_modules/.bin/tsx", ["scripts/validate.ts"]];
  const result = await run(command[0] as string, command[1] as string[], {
    env: { ...buildEnv(), LADDER_DATA_DIR: dataDir, LADDER_OUT_DIR: outDir },
  }).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => error,
  );
  return { ...result, outDir };
}

describe("npm run build on malformed data", () => {
  it("has at least twenty kinds of malformed data to refuse", () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(20);
  });

  it.concurrent.each(MALFORMED)(
    "refuses %s: the problem as file: path: message, exit 1, no stack trace",
    async (_name, change, problem) => {
      const files = minimalData();
      change(files);
      const dataDir = writeDataDir(files);
      const result = await build(dataDir, "validate");
      expect(result.code).toBe(1);
      const line = formatProblem({ ...problem, file: `${dataDir}/${problem.file}`, message: "" });
      const reported = result.stderr
        .split("\n")
        .find((l) => l.startsWith(line) && problem.message.test(l.slice(line.length)));
      expect(reported, result.stderr).toBeDefined();
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );

  it("stops the build before anything is written, listing every problem at once", async () => {
    const files = minimalData();
    (files["demo/levels/l1.json"] as { behaviors: { craft: { text: unknown }[] } }).behaviors.craft[0].text =
      42;
    files["demo/prose/intro.mdx"] = "---\ntitle: Intro\norder: 1\n---\n\nHello <Widget />.\n";
    const dataDir = writeDataDir(files);
    const result = await build(dataDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${dataDir}/demo/levels/l1.json: behaviors.craft[0].text: must be a string, not a number`,
    );
    expect(result.stderr).toContain(
      `${dataDir}/demo/prose/intro.mdx:6:7: an HTML tag or component is not allowed in prose`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(result.outDir)).toBe(false);
  });
});
