import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Handbook } from "../../../src/lib/handbook/buildHandbook";
import { exportTrack } from "../../../src/lib/import/sheets/exportTrack";
import { ladder } from "../../helpers/ladderCli";
import { realHandbook, trackOf } from "../../helpers/realHandbook";

describe("ladder export", () => {
  let real: Handbook;
  let folder: string;
  beforeAll(async () => {
    real = await realHandbook();
    folder = mkdtempSync(path.join(tmpdir(), "ladder-export-"));
  });

  it("prints csv and md when no file is named", async () => {
    for (const format of ["csv", "md"] as const) {
      const run = await ladder(["export", "--track", "product", "--format", format]);
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toBe(await exportTrack(trackOf(real, "product"), format));
    }
  });

  it("writes a csv file with a byte-order mark, and never overwrites one without --force", async () => {
    const out = path.join(folder, "support.csv");
    const written = await ladder(["export", "--track", "support", "--format", "csv", "--out", out]);
    expect(written).toMatchObject({ code: 0, stdout: `Wrote ${out}: 102 behaviors of support.\n` });
    const csv = (await exportTrack(trackOf(real, "support"), "csv")) as string;
    expect(readFileSync(out, "utf8")).toBe(`\uFEFF${csv}`);

    const refused = await ladder(["export", "--track", "product", "--format", "csv", "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `ladder export: ${out} exists already: pass --force to overwrite it, or name another file.\n`,
    );
    expect(readFileSync(out, "utf8")).toBe(`\uFEFF${csv}`);

    const forced = await ladder(["export", "--track", "product", "--format", "csv", "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain(",All Levels,Impact,");
    // Written through a temporary file beside it, which is gone.
    expect(readdirSync(folder).filter((name) => name.includes(".partial"))).toEqual([]);
  });

  it("writes an xlsx workbook to a file, and says what it wrote with --json", async () => {
    const out = path.join(folder, "product.xlsx");
    const run = await ladder(["export", "--track", "product", "--format", "xlsx", "--out", out, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ track: "product", format: "xlsx", file: out, behaviors: 60 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0].getRow(2).getCell(1).value).toBe("contributes-to-strategic-goals");
  });

  it("refuses what cannot be done, saying why", async () => {
    const usage = async (args: string[], message: string) => {
      const run = await ladder(["export", ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`ladder export: ${message}`);
    };
    await usage(["--format", "csv"], "--track <id> is required");
    await usage(["--track", "support"], "--format must be one of csv, xlsx, md");
    await usage(
      ["--track", "support", "--format", "pdf"],
      '--format must be one of csv, xlsx, md, not "pdf"',
    );
    await usage(
      ["--track", "support", "--format", "xlsx"],
      "an xlsx workbook is not text: name its file with --out",
    );
    await usage(["--track", "support", "--format", "csv", "--json"], "--json prints what was written");
    const missing = await ladder(["export", "--track", "nope", "--format", "csv"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('ladder export: data/ has no track "nope" (its tracks: support, product).\n');
    expect(existsSync(path.join(folder, "nope.csv"))).toBe(false);
  });
});
