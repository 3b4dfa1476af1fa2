import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonErrorOffset, parseJson, positionAt } from "../../src/lib/parseJson";

/** The error of `JSON.parse(text)`, as this Node version words it. */
function nodeMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${JSON.stringify(text)} is valid JSON`);
}

/** The error of `parseJson(text)`, which must fail. */
function errorOf(text: string) {
  const result = parseJson(text);
  if (!("error" in result)) throw new Error(`${JSON.stringify(text)} parsed`);
  return result.error;
}

/** A real data file, to break in realistic places. */
const level = readFileSync("data/support/levels/ic3.json", "utf8");

/** `level` with `count` characters at `find` (the first time it occurs) replaced by `by`. */
function breakLevel(find: string, by: string, count = find.length): { text: string; offset: number } {
  const offset = level.indexOf(find);
  expect(offset).toBeGreaterThan(0);
  return { text: level.slice(0, offset) + by + level.slice(offset + count), offset };
}

describe("positionAt", () => {
  it("counts lines and columns from 1, for every kind of line break", () => {
    expect(positionAt("abc", 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt("abc", 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt("a\nbc", 3)).toEqual({ line: 2, column: 2 });
    expect(positionAt("a\r\nbc", 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt("a\rbc", 2)).toEqual({ line: 2, column: 1 });
    expect(positionAt("a\n\nb", 3)).toEqual({ line: 3, column: 1 });
  });

  it("places an offset past the end at the end", () => {
    expect(positionAt("ab\n", 99)).toEqual({ line: 2, column: 1 });
    expect(positionAt("", 0)).toEqual({ line: 1, column: 1 });
  });
});

describe("jsonErrorOffset", () => {
  // Each text fails at the character marked by its offset; whatever form the message takes.
  it.each([
    ["a trailing comma in an object", '{ "code": "L1", }', 16],
    ["a trailing comma in a short array", "[1,]", 3],
    ["an unknown word, short", '{"a": tru}', 9],
    ["a stray character after the value", '{"a": 1}\n}', 9],
    ["a trailing comma at the start of a long text", "[1,]" + " ".repeat(40), 3],
    ["a trailing comma in the middle of a long text", `[${"1,".repeat(20)}]${" ".repeat(20)}`, 41],
    ["a trailing comma at the end of a long text", `[${"1,".repeat(20)}]`, 41],
    ["a repeated piece of text", `[${"1, ".repeat(10)}x, ${"1, ".repeat(10)}1]`, 31],
  ])("finds %s", (_name, text, offset) => {
    expect(jsonErrorOffset(text, nodeMessage(text))).toBe(offset);
  });

  it("reads the forms of other Node versions too", () => {
    const text = '{\n"a": 1\n"b": 2}';
    expect(jsonErrorOffset(text, "Expected ',' or '}' after property value in JSON at position 9")).toBe(9);
    expect(jsonErrorOffset(text, "Expected ',' or '}' after property value (line 3 column 1)")).toBe(9);
    expect(jsonErrorOffset(text, "Unexpected end of JSON input")).toBe(text.length);
    expect(jsonErrorOffset(text, "something else")).toBeUndefined();
  });
});

describe("parseJson", () => {
  it("returns the data of valid JSON", () => {
    expect(parseJson(level)).toEqual({ data: JSON.parse(level) });
  });

  it("places a trailing comma in a real level file at the comma", () => {
    const { text, offset } = breakLevel('"\n      }\n    ]', '",\n      }\n    ]', 1);
    expect(errorOf(text)).toEqual({
      position: positionAt(text, offset + 1),
      reason: 'a comma before "}"',
      fix: "remove the comma: JSON allows none after the last item",
    });
    const inArray = breakLevel("}\n    ]", "},\n    ]", 1);
    expect(errorOf(inArray.text)).toMatchObject({
      position: positionAt(inArray.text, inArray.offset + 1),
      reason: 'a comma before "]"',
    });
  });

  it("names a string that is not closed, at the end of its line", () => {
    const { text, offset } = breakLevel('proficiency of Git."', "proficiency of Git.");
    const position = positionAt(text, offset + "proficiency of Git.".length);
    expect(errorOf(text)).toEqual({
      position,
      reason: "a string is not closed on its line",
      fix: expect.stringMatching(/^add the closing "/),
    });
    expect(text.split("\n")[position.line - 1]).toMatch(/proficiency of Git\.$/);
  });

  it("places a missing comma between two fields where the second begins", () => {
    const { text, offset } = breakLevel('",\n        "text"', '"\n        "text"');
    expect(errorOf(text)).toEqual({
      position: positionAt(text, offset + 10),
      reason: "expected ',' or '}' after property value",
      fix: "fix the syntax",
    });
  });

  it("says a truncated file ends early, just after its last character", () => {
    const text = level.slice(0, level.indexOf("proficiency of Git.") + 5);
    const lines = text.split("\n");
    expect(errorOf(text)).toEqual({
      position: { line: lines.length, column: lines.at(-1)!.length + 1 },
      reason: "the file ends before its JSON does",
      fix: expect.stringMatching(/^close every string, \[ and \{/),
    });
    const cutAfterLine = level.slice(0, level.indexOf("\n", 200) + 1);
    expect(errorOf(cutAfterLine).position?.line).toBe(cutAfterLine.split("\n").length - 1);
  });

  it("says an empty file is empty, without a place", () => {
    expect(errorOf("")).toEqual({ reason: "the file is empty", fix: "write its JSON, or remove the file" });
    expect(errorOf(" \n\n")).toEqual(errorOf(""));
  });

  it("names a byte order mark, which is invisible in an editor", () => {
    expect(errorOf(`\uFEFF${level}`)).toMatchObject({
      position: { line: 1, column: 1 },
      reason: "the file starts with a byte order mark (BOM)",
    });
  });

  it("keeps Node's reason, without its offset or quoted text, for other mistakes", () => {
    const { text, offset } = breakLevel('"defined"', "defined");
    expect(errorOf(text)).toEqual({
      position: positionAt(text, offset),
      reason: "unexpected token 'd'",
      fix: "fix the syntax",
    });
    expect(errorOf('{"a": 1}\n}')).toMatchObject({
      position: { line: 2, column: 1 },
      reason: "unexpected non-whitespace character after JSON",
    });
  });
});
