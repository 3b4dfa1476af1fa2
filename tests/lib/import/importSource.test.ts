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
