import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { minimalData, writeDataDir } from "../helpers/dataDir";

const run = promisify(execFile);

/** Runs `npm run validate` (`ladder validate`) on a data folder; resolves with its exit code and output. */
async function validate(dataDir: string) {
  try {
    const { stdout, stderr } = await run("node", ["bin/ladder.mjs", "validate"], {
      env: { ...process.env, LADDER_DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe("npm run validate (ladder validate)", () => {
  it("passes the real data with a summary and exit code 0", async () => {
    const result = await validate("data");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^data\/ is valid: 2 tracks, \d+ levels, \d+ behaviors, 1 role\.$/m);
  });

  it("lists each problem as file: path: message, exits 1 and prints no stack trace", async () => {
    const files = minimalData();
    (files["demo/levels/l1.json"] as any).order = "first";
    files["demo/levels/l2.json"] = "{ not json";
    const dir = writeDataDir(files);
    const result = await validate(dir);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toContainEqual(`${dir}/demo/levels/l1.json: order: must be a number, not a string`);
    expect(lines).toContainEqual(
      `${dir}/demo/levels/l2.json:1:3: is not valid JSON: a field name is not in double quotes: write not as "not"`,
    );
    expect(lines.at(-1)).toBe(`2 problems in ${dir}/: fix them and run again.`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });
});
