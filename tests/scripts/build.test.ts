import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { minimalData, writeDataDir } from "../helpers/dataDir";

const run = promisify(execFile);

describe("npm run build", () => {
  it("stops on bad data with the problems, exit code 1, no stack trace and no output folder", async () => {
    const files = minimalData();
    (files["demo/levels/l1.json"] as any).behaviors.craft[0].text = 42;
    files["demo/prose/intro.mdx"] = "---\ntitle: Intro\norder: 1\n---\n\nHello <Widget />.\n";
    const dataDir = writeDataDir(files);
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "ladder-out-")), "dist");
    const result = await run("npm", ["run", "build", "--silent"], {
      env: {
        ...process.env,
        LADDER_DATA_DIR: dataDir,
        LADDER_OUT_DIR: outDir,
        ASTRO_TELEMETRY_DISABLED: "1",
      },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${dataDir}/demo/levels/l1.json: behaviors.craft[0].text: must be a string, not a number`,
    );
    expect(result.stderr).toContain(
      `${dataDir}/demo/prose/intro.mdx: line 6: an HTML tag or component is not allowed in prose`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(outDir)).toBe(false);
  });
});
