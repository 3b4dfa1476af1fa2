import { describe, expect, it } from "vitest";
import {
  codePoint,
  differingCharacters,
  lookAlikeKey,
  textSchema,
  unshowableCharacter,
} from "../../../src/lib/schemas/text";

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => String.fromCharCode(from + index));

describe("unshowableCharacter", () => {
  it("finds every C0 and C1 control character and DEL, but not tab and line breaks", () => {
    const controls = [...range(0x00, 0x1f), "\u007f", ...range(0x80, 0x9f)];
    for (const char of controls.filter((c) => !"\t\n\r".includes(c))) {
      expect(unshowableCharacter(`ab${char}c`), codePoint(char)).toEqual({
        char,
        index: 2,
        what: "a control character",
      });
    }
    expect(unshowableCharacter("a\tb\r\nc\n")).toBeUndefined();
  });

  it("finds half of a surrogate pair, high or low, but not a whole pair", () => {
    for (const half of ["\ud800", "\udbff", "\udc00", "\udfff"]) {
      expect(unshowableCharacter(`x${half}`)?.index, codePoint(half)).toBe(1);
    }
    expect(unshowableCharacter("𝄞 👩‍💻 \uFFFD")).toBeUndefined();
  });
});

describe("textSchema", () => {
  const issues = (text: string) => textSchema.safeParse(text).error?.issues.map((issue) => issue.message);

  it("accepts text with accents, emoji joined by a zero-width joiner, tabs and line breaks, verbatim", () => {
    for (const text of ["Café", "Pairs 👩‍💻 daily", "a\tb\nc", "x\u200By"]) {
      expect(textSchema.parse(text)).toBe(text);
    }
  });

  it("refuses text that shows nothing: empty, white space, zero-width characters", () => {
    expect(issues("")).toEqual(["must not be empty"]);
    expect(issues(" \n")).toEqual(["must not be empty"]);
    expect(issues("\u200B \uFEFF\u200D")).toEqual([
      "must not be empty: it holds only invisible characters (U+200B, U+FEFF, U+200D): write the text",
    ]);
  });

  it("names a control character once, by code point and place, before anything else", () => {
    expect(issues(" a\u0000 ")).toEqual(["contains U+0000, a control character, at character 3: remove it"]);
  });
});

describe("look-alike names", () => {
  it("are alike once composed and without zero-width characters", () => {
    expect(lookAlikeKey("Le\u0301vel\u200B")).toBe(lookAlikeKey("L\u00e9vel"));
    expect(lookAlikeKey("Level")).not.toBe(lookAlikeKey("Levels"));
  });

  it("differ in the characters one has and the other lacks", () => {
    expect(differingCharacters("Le\u0301", "L\u00e9")).toEqual(["U+0065 U+0301", "U+00E9"]);
    expect(differingCharacters("a\u200Bb", "ab")).toEqual(["U+200B", "nothing"]);
  });
});
