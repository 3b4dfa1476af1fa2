import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, parseJson, positionAt, readJsonText } from "../../../src/lib/data/parseJson";

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

describe("parseJson", () => {
  it("returns the data of valid JSON", () => {
    expect(parseJson(level)).toEqual({ data: JSON.parse(level), duplicateKeys: [] });
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
      reason: "a comma is missing before this",
      fix: "add a comma between the two items",
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

  it("names an invisible character pasted in, at its place, rather than quoting it", () => {
    expect(errorOf('{\n  "a": 1,\u00A0\n  "b": 2\n}')).toEqual({
      position: { line: 2, column: 10 },
      reason: "an invisible character, U+00A0 (no-break space)",
      fix: "delete it, or replace it with a plain space",
    });
    expect(errorOf('{"a": \u200B1}')).toMatchObject({
      position: { line: 1, column: 7 },
      reason: "an invisible character, U+200B (zero-width space)",
    });
    expect(errorOf('{"a": 1\uFEFF}')).toMatchObject({
      reason: "an invisible character, U+FEFF (byte order mark)",
    });
    expect(errorOf('{"a": 1,\u001b[2J "b": 2}')).toMatchObject({
      position: { line: 1, column: 9 },
      reason: "an invisible character, U+001B",
    });
    // Inside a string it is text, as the author wrote it.
    expect(parseJson('{"a": "x\u00A0y"}')).toMatchObject({ data: { a: "x\u00A0y" } });
  });

  it("refuses objects and lists nested deeper than any data file needs, at the first bracket too deep, at any depth", () => {
    const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    expect(parseJson(nested(MAX_JSON_DEPTH))).toMatchObject({ duplicateKeys: [] });
    for (const depth of [MAX_JSON_DEPTH + 1, 200_000]) {
      expect(errorOf(`{"a": ${nested(depth)}}`)).toEqual({
        position: { line: 1, column: '{"a": '.length + MAX_JSON_DEPTH },
        reason: `objects and lists are nested more than ${MAX_JSON_DEPTH} deep`,
        fix: "no data file needs more than a few levels: look for a bracket that is not closed",
      });
    }
    // Brackets in strings are text.
    expect(parseJson(JSON.stringify({ a: "[".repeat(100) }))).toMatchObject({ data: { a: "[".repeat(100) } });
  });

  it("names a number's leading zero at the zero, and a missing comma as missing", () => {
    for (const [text, column] of [
      ['{"a": 01}', 7],
      ['{"a": -01}', 7],
      ['{"a": [1, 02]}', 11],
    ] as const) {
      expect(errorOf(text), text).toMatchObject({
        position: { line: 1, column },
        reason: "a number with a leading zero",
      });
    }
    expect(errorOf('{"a": 0 1}')).toMatchObject({ reason: "a comma is missing before this" });
    expect(errorOf('{"a": 10 1}')).toMatchObject({ reason: "a comma is missing before this" });
  });

  it("names other mistakes where they are, with what to do", () => {
    const { text, offset } = breakLevel('"defined"', "defined");
    expect(errorOf(text)).toEqual({
      position: positionAt(text, offset),
      reason: '"defined" is not JSON',
      fix: expect.stringMatching(/^write a value: a "string" in double quotes/),
    });
    expect(errorOf('{"a": 1}\n}')).toMatchObject({
      position: { line: 2, column: 1 },
      reason: "there is more after the end of the JSON",
    });
    expect(errorOf('{\n  // a note\n  "a": 1\n}')).toMatchObject({
      position: { line: 2, column: 3 },
      fix: "remove it: JSON has no comments",
    });
    expect(errorOf('{\n  "a": "one\ttwo"\n}')).toMatchObject({
      position: { line: 2, column: 8 },
      reason: "a control character, such as a tab, inside a string",
    });
    expect(errorOf("{\n  'a': 1\n}")).toEqual({
      position: { line: 2, column: 3 },
      reason: "a field name is not in double quotes",
      fix: `write 'a' as "a"`,
    });
  });

  it("finds keys written twice, which JSON.parse silently drops, with both places", () => {
    const { text } = breakLevel('"status"', '"summary": "written twice",\n  "status"');
    const result = parseJson(text);
    expect("data" in result && result.duplicateKeys).toEqual([
      {
        path: ["summary"],
        position: positionAt(text, text.indexOf('"summary": "written twice"')),
        first: positionAt(text, text.indexOf('"summary"')),
      },
    ]);
    const nested = '{"behaviors": {"delivery": [{"id": "a", "id": "b"}], "delivery": []}}';
    const inner = parseJson(nested);
    expect("data" in inner && inner.duplicateKeys.map((d) => d.path)).toEqual([
      ["behaviors", "delivery", 0, "id"],
      ["behaviors", "delivery"],
    ]);
  });
});

describe("readJsonText", () => {
  it("reports a key written twice as a problem at its place, and still returns the data", () => {
    const read = readJsonText("data/t/track.json", '{\n  "title": "A",\n  "title": "B"\n}');
    expect(read.data).toEqual({ title: "B" });
    expect(read.problems).toEqual([
      {
        file: "data/t/track.json",
        path: "title",
        line: 3,
        column: 3,
        message: expect.stringMatching(/^is written twice in one object \(first at line 2, column 3\)/),
      },
    ]);
  });

  it("reports a syntax error with the caller's hint, and no data", () => {
    const read = readJsonText("data/published-ids.json", "[1,]", ", or restore the file");
    expect(read.data).toBeUndefined();
    expect(read.problems).toEqual([
      {
        file: "data/published-ids.json",
        path: "",
        line: 1,
        column: 3,
        message:
          'is not valid JSON: a comma before "]": remove the comma: JSON allows none after the last item, or restore the file',
      },
    ]);
  });
});
