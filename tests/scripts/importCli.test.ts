import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { ladder } from "../helpers/ladderCli";

/** A copy of the example data folder, to change without touching data/. */
function copyOfData(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "ladder-into-")), "data");
  cpSync("data", dir, { recursive: true });
  return dir;
}

/** Every file below a folder with its contents, to show that nothing was written. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), readFileSync(file, "utf8")];
      }),
  );
}

/** The support track exported as csv rows (the header first), through `ladder export`. */
async function exportedRows(dir: string): Promise<string[][]> {
  const exported = await ladder(["export", "--track", "support", "--format", "csv", "--data-dir", dir]);
  expect(exported.code).toBe(0);
  return parse(exported.stdout);
}

function writeSheet(rows: string[][]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ladder-sheet-")), "support.csv");
  writeFileSync(file, stringify(rows));
  return file;
}

describe("ladder import --into", () => {
  it("prints the change of an edited export, writes nothing without --write, and writes it with --write", async () => {
    const dir = copyOfData();
    const rows = await exportedRows(dir);
    const [, first] = rows;
    const reworded = `${first[3].replace(/\.$/, "")}, **with care**.`;
    const edited = [...rows.map((row, index) => (index === 1 ? [row[0], row[1], row[2], reworded] : row))];
    edited.push(["", "IC2", "Teamwork", "Shares what they learned in a weekly note."]);
    const sheet = writeSheet(edited);
    const before = snapshot(dir);

    const dryRun = await ladder(["import", sheet, "--into", "support", "--data-dir", dir]);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/^Read .*support\.csv as CSV: /);
    expect(dryRun.stdout).toMatch(/\nsupport: 1 added, 1 reworded, 0 moved, 0 removed, .*unchanged\n/);
    expect(dryRun.stdout).toContain(
      `  reworded   ${first[0]} in IC1 / ${first[2]}: "${first[3]}" → "${reworded}"`,
    );
    expect(dryRun.stdout).toMatch(/ {2}added {6}shares-what-learned-weekly in IC2 \/ Teamwork: /);
    expect(dryRun.stdout).toMatch(/Nothing was written: run again with --write/);
    expect(snapshot(dir)).toEqual(before);

    const written = await ladder(["import", sheet, "--into", "support", "--data-dir", dir, "--write"]);
    expect(written.code).toBe(0);
    const ic1 = JSON.parse(readFileSync(path.join(dir, "support/levels/ic1.json"), "utf8"));
    const behaviors = Object.values(ic1.behaviors).flat() as { id: string; text: string }[];
    expect(behaviors.find((behavior) => behavior.id === first[0])?.text).toBe(reworded);
    expect((await ladder(["validate", "--data-dir", dir])).code).toBe(0);
    // Read again, the sheet is no change at all.
    const again = await ladder(["import", sheet, "--into", "support", "--data-dir", dir]);
    expect(again.stdout).toMatch(/support: 0 added, 0 reworded, 0 moved, 0 removed, .*\nNo file changes\.\n/);
  });

  it("refuses to remove a published id unless a row lists it as an alias, and writes nothing", async () => {
    const dir = copyOfData();
    const rows = await exportedRows(dir);
    // A behavior no other one evolves from, so removing it leaves no hint dangling.
    const hints = Object.values(snapshot(path.join(dir, "support"))).join("\n");
    const removed = rows.slice(2).find(([id]) => !hints.includes(`"evolvesFrom": "${id}"`))!;
    const without = rows.filter((row) => row !== removed);
    const before = snapshot(dir);
    const refused = await ladder([
      "import",
      writeSheet(without),
      "--into",
      "support",
      "--data-dir",
      dir,
      "--write",
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`  removed    ${removed[0]} from ${removed[1]} / ${removed[2]}`);
    expect(refused.stdout).toMatch(new RegExp(`error: "${removed[0]}" .* was published`));
    expect(refused.stderr).toMatch(/nothing was written/);
    expect(snapshot(dir)).toEqual(before);

    const header = [...rows[0], "aliases"];
    const aliased = without.map((row, index) =>
      index === 0 ? header : [...row, index === 1 ? removed[0] : ""],
    );
    const accepted = await ladder([
      "import",
      writeSheet(aliased),
      "--into",
      "support",
      "--data-dir",
      dir,
      "--write",
    ]);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain(`  alias      ${removed[0]} → ${rows[1][0]}`);
    expect((await ladder(["validate", "--data-dir", dir])).code).toBe(0);
  });

  it("is called with --into or --track, never both, and an unknown track is an error", async () => {
    const sheet = writeSheet([["id", "level", "category", "text"]]);
    const both = await ladder(["import", sheet, "--into", "support", "--track", "x"]);
    expect(both.code).toBe(2);
    const unknown = await ladder(["import", sheet, "--into", "nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/--into nope: data has no track "nope" \(it has: support, product\)/);
  });
});

describe("ladder import of a source with items it cannot take", () => {
  const page = [
    "# Framework",
    "",
    "How we grow.",
    "",
    "## L1",
    "",
    "- Craft",
    "  - Writes tests.",
    "",
    "<div>Drawn chart</div>",
    "",
    "## L2",
    "",
    "- Craft",
    "  - Designs systems.",
    "",
  ].join("\n");

  it("lists each at file:line:column, exits 1 and writes nothing, unless --accept-losses", async () => {
    const source = path.join(mkdtempSync(path.join(tmpdir(), "ladder-lossy-")), "framework.md");
    writeFileSync(source, page);
    const dir = path.join(path.dirname(source), "data");
    const refused = await ladder(["import", source, "--track", "eng", "--data-dir", dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`^${source}:10:1: error: HTML "<div>Drawn chart</div>": `, "m"),
    );
    expect(refused.stderr).toMatch(
      /1 item of .* would not be imported \(listed above\): nothing was written/,
    );
    expect(readdirSync(path.dirname(source))).toEqual(["framework.md"]);

    const dryRun = await ladder([
      "import",
      source,
      "--track",
      "eng",
      "--data-dir",
      dir,
      "--dry-run",
      "--accept-losses",
    ]);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain(`${source}:8:5: behavior → eng/l1/craft#writes-tests\n`);
    expect(readdirSync(path.dirname(source))).toEqual(["framework.md"]);

    const accepted = await ladder(["import", source, "--track", "eng", "--data-dir", dir, "--accept-losses"]);
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toMatch(new RegExp(`^${source}:10:1: left out: HTML`, "m"));
    expect(readdirSync(path.join(dir, "eng", "levels")).sort()).toEqual(["l1.json", "l2.json"]);
  });
});

describe("ladder import and export called wrongly", () => {
  const page =
    "# F\n\nAbout.\n\n## L1\n\n- Craft\n  - Writes tests.\n\n## L2\n\n- Craft\n  - Designs systems.\n";

  it("exits 2 for an unknown --format, a data folder that is a file, and a track id the site uses", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ladder-wrong-"));
    const source = path.join(dir, "f.md");
    writeFileSync(source, page);
    const format = await ladder(["import", source, "--track", "t", "--format", "docx", "--data-dir", dir]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(
      /--format docx is not a shape Ladder reads: use one of markdown, markdown-table, /,
    );
    const file = await ladder(["import", source, "--track", "t", "--data-dir", source]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/--data-dir .*f\.md is a file: name the data folder/);
    const reserved = await ladder(["import", source, "--track", "roadmap", "--data-dir", dir]);
    expect(reserved.code).toBe(2);
    expect(reserved.stderr).toMatch(/--track roadmap is a path the site uses itself/);
    expect(readdirSync(dir)).toEqual(["f.md"]);
  });

  it("refuses an --out that is a folder, naming a file to write instead", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "ladder-out-"));
    const result = await ladder(["export", "--track", "support", "--format", "csv", "--out", out, "--force"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `ladder export: ${out} is a folder: name the file to write, e.g. ${path.join(out, "support.csv")}`,
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it("follows a link inside a folder of pages, as a site generator does, and a link back up ends the walk", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "ladder-links-"));
    const pages = path.join(root, "pages");
    const elsewhere = path.join(root, "elsewhere");
    mkdirSync(pages);
    mkdirSync(elsewhere);
    writeFileSync(path.join(pages, "_index.md"), "---\ntitle: Engineering\ndescription: How we grow.\n---\n");
    writeFileSync(
      path.join(pages, "engineer.md"),
      "---\ntitle: Engineer\nweight: 1\n---\n\n## Craft\n\n- Fixes bugs.\n",
    );
    writeFileSync(
      path.join(elsewhere, "senior.md"),
      "---\ntitle: Senior\nweight: 2\n---\n\n## Craft\n\n- Designs systems.\n",
    );
    symlinkSync(path.join(elsewhere, "senior.md"), path.join(pages, "senior.md"));
    symlinkSync(pages, path.join(pages, "loop"));
    const result = await ladder([
      "import",
      pages,
      "--track",
      "eng",
      "--dry-run",
      "--data-dir",
      path.join(root, "data"),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/senior\.md:\d+:\d+: level → eng\/senior/);
  });
});
