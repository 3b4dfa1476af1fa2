import { format } from "node:util";
import { AstroError } from "astro/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { printFailure } from "../../src/cli/site";
import * as validation from "../../src/lib/data/validateDataDir";
import { UNEXPECTED_HINT } from "../../src/integration/unexpectedError";
import { minimalData, writeDataDir } from "../helpers/dataDir";
import { ladder } from "../helpers/ladderCli";

/** A crash as it comes: a RangeError thrown deep in a library. */
const crash = () => new RangeError("Maximum call stack size exceeded");

/** What `printFailure` writes to stderr, with `DEBUG` set as given. */
function failure(error: unknown, debug?: string): string {
  const saved = process.env.DEBUG;
  const lines: string[] = [];
  const spy = vi
    .spyOn(console, "error")
    .mockImplementation((...values) => void lines.push(format(...values)));
  try {
    if (debug === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = debug;
    printFailure("build", error);
  } finally {
    spy.mockRestore();
    if (saved === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = saved;
  }
  return lines.join("\n");
}

afterEach(() => vi.restoreAllMocks());

describe("a crash of ladder", () => {
  it("is one line and what to do, with exit code 1 and no stack trace", async () => {
    vi.spyOn(validation, "validateDataDir").mockRejectedValue(crash());
    const result = await ladder(["validate", "--data-dir", writeDataDir(minimalData())]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `ladder validate: unexpected error: Maximum call stack size exceeded\n${UNEXPECTED_HINT}\n`,
    );
  });

  it("shows its stack trace when DEBUG asks for Ladder's", async () => {
    vi.spyOn(validation, "validateDataDir").mockRejectedValue(crash());
    for (const debug of ["ladder", "vite:*,ladder", "*"]) {
      const result = await ladder(["validate", "--data-dir", writeDataDir(minimalData())], { DEBUG: debug });
      expect(result.stderr, debug).toMatch(/\nRangeError: Maximum call stack size exceeded\n\s+at /);
    }
    const other = await ladder(["validate", "--data-dir", writeDataDir(minimalData())], { DEBUG: "vite:*" });
    expect(other.stderr).not.toMatch(/\n\s+at /);
  });

  it("in ladder build: Astro's worded errors are printed whole, anything else as a crash", () => {
    const worded = new AstroError("data/a.json: order: must be a number", "Fix the data files named above.");
    expect(failure(worded)).toBe(
      "ladder build: data/a.json: order: must be a number\nFix the data files named above.",
    );
    const written = new Error("ENAMETOOLONG: name too long, mkdir 'dist/b/demo/aaa'\n    at mkdir");
    expect(failure(written)).toBe(
      `ladder build: unexpected error: ENAMETOOLONG: name too long, mkdir 'dist/b/demo/aaa'\n${UNEXPECTED_HINT}`,
    );
    expect(failure(written, "ladder")).toContain(`${UNEXPECTED_HINT}\n${written.stack}`);
  });
});
