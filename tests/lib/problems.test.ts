import { describe, expect, it } from "vitest";
import { formatFieldPath, formatProblem, sortProblems } from "../../src/lib/problems";

describe("problems", () => {
  it("writes field paths as in JavaScript", () => {
    expect(formatFieldPath(["behaviors", "delivery", 2, "text"])).toBe("behaviors.delivery[2].text");
    expect(formatFieldPath([0, "id"])).toBe("[0].id");
    expect(formatFieldPath([])).toBe("");
  });

  it("formats a problem as file: path: message, leaving out an empty path", () => {
    expect(formatProblem({ file: "data/a.json", path: "order", message: "must be a number" })).toBe(
      "data/a.json: order: must be a number",
    );
    expect(formatProblem({ file: "data/a.json", path: "", message: "is missing" })).toBe(
      "data/a.json: is missing",
    );
  });

  it("sorts by file, then path", () => {
    const sorted = sortProblems([
      { file: "b", path: "a", message: "" },
      { file: "a", path: "z", message: "" },
      { file: "a", path: "b", message: "" },
    ]);
    expect(sorted.map((p) => p.file + p.path)).toEqual(["ab", "az", "ba"]);
  });
});
