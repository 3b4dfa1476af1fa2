import { describe, expect, it } from "vitest";
import {
  formatFieldPath,
  formatProblem,
  sortProblems,
  zodIssuesToProblems,
} from "../../../src/lib/data/problems";
import { orderSchema } from "../../../src/lib/schemas/order";

describe("problems", () => {
  it("says an order must be a whole number, in the author's words rather than zod's", () => {
    const wrong = (value: unknown) =>
      zodIssuesToProblems("data/a.json", orderSchema.safeParse(value).error?.issues ?? []).map(formatProblem);
    expect(wrong(1.5)).toEqual(["data/a.json: must be a whole number, e.g. 2"]);
    expect(wrong("1")).toEqual(["data/a.json: must be a number, not a string"]);
    expect(wrong(3)).toEqual([]);
  });

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

  it("formats a problem with a place in the file as file:line:column: message", () => {
    expect(
      formatProblem({ file: "data/a.json", path: "", line: 3, column: 7, message: "is not valid JSON" }),
    ).toBe("data/a.json:3:7: is not valid JSON");
  });

  it("writes control characters from the data as escapes, so a problem stays one line a terminal only shows", () => {
    const path = "behaviors.craft[0].\u001b[2J\nx\ud800";
    expect(formatProblem({ file: "data/a.json", path, message: 'is not a known field ("\u0007")' })).toBe(
      String.raw`data/a.json: behaviors.craft[0].\u001b[2J\u000ax\ud800: is not a known field ("\u0007")`,
    );
  });

  it("sorts by file, then place, then path", () => {
    const sorted = sortProblems([
      { file: "a", path: "", line: 9, column: 1, message: "" },
      { file: "a", path: "", line: 2, column: 5, message: "" },
      { file: "a", path: "", line: 2, column: 1, message: "" },
    ]);
    expect(sorted.map((p) => `${p.line}:${p.column}`)).toEqual(["2:1", "2:5", "9:1"]);
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
