import { describe, expect, it } from "vitest";
import { importSource, readInput, type ShapeTried } from "../../../src/lib/import/importSource";

const FRAMEWORKS = "tests/fixtures/frameworks";

/** Behaviors less losses: what the choice between fitting readings ranks first. */
const gain = (tried: ShapeTried) => tried.behaviors! - tried.losses!;

describe("importSource's choice between the shapes that fit", () => {
  it("reads Sourcegraph's page by its HTML table, not by the few lists of its prose", async () => {
    const result = await importSource(readInput(`${FRAMEWORKS}/sourcegraph/framework.md`), { track: "t" });
    expect(result.shape?.name).toBe("markdown-table");
    const markdown = result.tried.find((tried) => tried.name === "markdown")!;
    const table = result.tried.find((tried) => tried.name === "markdown-table")!;
    // Both fit: the Markdown reading has fewer losses, but reads a handful of behaviors only.
    expect(markdown.misfit).toBeUndefined();
    expect(gain(table)).toBeGreaterThan(gain(markdown));
    expect(table.behaviors).toBe(116);
  });

  it("reads engineeringladders' Developer.md as Markdown, not its overview table", async () => {
    const result = await importSource(readInput(`${FRAMEWORKS}/engineeringladders/Developer.md`), {
      track: "t",
    });
    expect(result.shape?.name).toBe("markdown");
    const markdown = result.tried.find((tried) => tried.name === "markdown")!;
    const table = result.tried.find((tried) => tried.name === "markdown-table")!;
    expect(table.misfit).toBeUndefined();
    expect(gain(markdown)).toBeGreaterThan(gain(table));
    expect(markdown.behaviors).toBe(35);
  });

  it("chooses, among every fitting reading, one with the most behaviors less losses", async () => {
    for (const path of [
      "sourcegraph/framework.md",
      "engineeringladders/Developer.md",
      "etsy/competencies.md",
      "monzo/backend.md",
      "teleport/systems-engineer.md",
    ]) {
      const result = await importSource(readInput(`${FRAMEWORKS}/${path}`), { track: "t" });
      const fitting = result.tried.filter((tried) => tried.misfit === undefined);
      const chosen = fitting.find((tried) => tried.name === result.shape?.name)!;
      for (const other of fitting) {
        expect(gain(chosen), `${path}: ${chosen.name} against ${other.name}`).toBeGreaterThanOrEqual(
          gain(other),
        );
        if (gain(other) === gain(chosen)) expect(chosen.losses!).toBeLessThanOrEqual(other.losses!);
      }
    }
  });
});

describe("a sheet whose header names its columns", () => {
  it("is read one behavior per row, and a column it does not name is reported, never read as a category", async () => {
    const csv = [
      "level,category,text,notes",
      "Engineer (IC1),Craft,Writes tests.,check with Ana",
      "Engineer II (IC2),Craft,Owns features.,",
    ].join("\n");
    const result = await importSource(
      { path: "f.csv", isFolder: false, files: [{ path: "f.csv", bytes: Buffer.from(csv) }] },
      { track: "t" },
    );
    expect(result.shape?.name).toBe("csv");
    expect((result.files["t/track.json"] as { categories: { title: string }[] }).categories).toEqual([
      { id: "craft", title: "Craft" },
    ]);
    expect(result.losses.map(({ at, what }) => [at.line, at.column, what])).toEqual([
      [2, 36, 'cell D2 "check with Ana"'],
    ]);
  });
});
