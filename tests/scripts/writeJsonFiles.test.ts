import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeJsonFiles } from "../../src/cli/cli";

describe("writeJsonFiles", () => {
  it("writes every file of a change", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ladder-write-"));
    await writeJsonFiles({ [path.join(dir, "a.json")]: { a: 1 }, [path.join(dir, "b/c.json")]: { c: [2] } });
    expect(JSON.parse(readFileSync(path.join(dir, "a.json"), "utf8"))).toEqual({ a: 1 });
    expect(JSON.parse(readFileSync(path.join(dir, "b/c.json"), "utf8"))).toEqual({ c: [2] });
  });

  it("changes no file when one of them cannot be written, and leaves no partial file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ladder-write-"));
    writeFileSync(path.join(dir, "a.json"), '{ "a": "before" }\n');
    // A file where the second one's folder would be: its folder cannot be made.
    writeFileSync(path.join(dir, "blocker"), "");
    await expect(
      writeJsonFiles({ [path.join(dir, "a.json")]: { a: "after" }, [path.join(dir, "blocker/b.json")]: {} }),
    ).rejects.toThrow();
    expect(readFileSync(path.join(dir, "a.json"), "utf8")).toBe('{ "a": "before" }\n');
    expect(readdirSync(dir).sort()).toEqual(["a.json", "blocker"]);
  });
});
