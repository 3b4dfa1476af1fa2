import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../helpers/builtSite";
import { buildEnv, SITES } from "../helpers/sites";

describe("the build", () => {
  it("writes byte-identical output when built twice from the same data", () => {
    const again = path.resolve("test-output/root-again");
    rmSync(again, { recursive: true, force: true });
    execFileSync("npm", ["run", "build", "--silent"], {
      env: { ...buildEnv(), LADDER_OUT_DIR: again, LADDER_BASE: SITES.root.base },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const files = listFiles(SITES.root.outDir);
    expect(listFiles(again)).toEqual(files);
    const different = files.filter(
      (file) =>
        !readFileSync(path.join(again, file)).equals(readFileSync(path.join(SITES.root.outDir, file))),
    );
    expect(different).toEqual([]);
  }, 120_000);
});
