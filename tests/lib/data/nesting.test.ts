import type { Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import {
  isStackOverflow,
  MAX_NESTING_DEPTH,
  parseWithinNesting,
  tooDeepLineStart,
  tooDeepMessage,
  tooDeepNode,
} from "../../../src/lib/data/nesting";

const parse = (text: string) => unified().use(remarkParse).parse(text);

/** Quotes `depth` deep around a paragraph, built node by node (no parser involved). */
function quotes(depth: number): Root {
  let node: Root["children"][number] = { type: "paragraph", children: [{ type: "text", value: "x" }] };
  for (let level = 0; level < depth; level++) node = { type: "blockquote", children: [node] };
  return { type: "root", children: [node] };
}

describe("tooDeepNode", () => {
  it("counts each quote, list, emphasis, link and element one level, and nothing else", () => {
    // A list and its item are one level, a paragraph none.
    const nested = "> - *[**~~x~~**](/a)*";
    expect(tooDeepNode(unified().use(remarkParse).parse(nested))).toBeUndefined();
    expect(tooDeepNode(quotes(MAX_NESTING_DEPTH))).toBeUndefined();
    const lists = (depth: number) =>
      Array.from({ length: depth }, (_, index) => `${"  ".repeat(index)}- item`).join("\n");
    expect(tooDeepNode(parse(lists(MAX_NESTING_DEPTH)))).toBeUndefined();
    expect(tooDeepNode(parse(lists(MAX_NESTING_DEPTH + 1)))).toEqual({
      depth: MAX_NESTING_DEPTH + 1,
      line: MAX_NESTING_DEPTH + 1,
      column: 2 * MAX_NESTING_DEPTH + 1,
    });
  });

  it("finds the first node too deep however deep the tree, without recursion", () => {
    expect(tooDeepNode(quotes(MAX_NESTING_DEPTH + 1))).toEqual({ depth: MAX_NESTING_DEPTH + 1 });
    expect(tooDeepNode(quotes(100_000))).toEqual({ depth: MAX_NESTING_DEPTH + 1 });
  });
});

describe("tooDeepLineStart", () => {
  // The first line it refuses opens this many more quotes or lists than the parser is left.
  const refused = 10 * MAX_NESTING_DEPTH + 1;

  it("leaves lines that open a few hundred quotes or lists to the parser, which measures them exactly", () => {
    expect(tooDeepLineStart(">".repeat(refused - 1))).toBeUndefined();
    expect(tooDeepLineStart(`${"- ".repeat(refused - 1)}x`)).toBeUndefined();
  });

  it("refuses a line that opens more, at the marker one too deep, as the tree would place it", () => {
    expect(tooDeepLineStart(">".repeat(refused))).toEqual({
      depth: MAX_NESTING_DEPTH + 1,
      line: 1,
      column: MAX_NESTING_DEPTH + 1,
    });
    const line = `${"- ".repeat(10_000)}x`;
    expect(tooDeepLineStart(line)).toEqual(tooDeepNode(parse(`${"- ".repeat(refused - 1)}x`)));
  });

  it("reads markers of every kind with spaces between them, on any line", () => {
    // "> 1. * + 2) " opens five levels in twelve columns; the indent is the line's own.
    const markers = "> 1. * + 2) ";
    const line = `  ${markers.repeat(Math.ceil(refused / 5))}text`;
    const offsets = [">", "1.", "*", "+", "2)"].map((marker) => markers.indexOf(marker));
    const [groups, inGroup] = [Math.floor(MAX_NESTING_DEPTH / 5), MAX_NESTING_DEPTH % 5];
    expect(tooDeepLineStart(`first line\n\n${line}`)).toEqual({
      depth: MAX_NESTING_DEPTH + 1,
      line: 3,
      column: 3 + groups * markers.length + offsets[inGroup],
    });
  });

  it("counts only the markers a line starts with", () => {
    expect(tooDeepLineStart(`text ${">".repeat(10_000)}`)).toBeUndefined();
    expect(tooDeepLineStart("-".repeat(10_000))).toBeUndefined();
  });
});

describe("parseWithinNesting", () => {
  it("gives the tree of text nested as deep as it may be", () => {
    const text = `${">".repeat(MAX_NESTING_DEPTH)} x`;
    expect(parseWithinNesting(text, parse)).toEqual({ tree: parse(text) });
  });

  it("says where text nests too deep, before parsing a line of thousands of lists and after parsing others", () => {
    let parsed = 0;
    const counting = (text: string) => (parsed++, parse(text));
    expect(parseWithinNesting(`${"- ".repeat(10_000)}x`, counting)).toEqual({
      tooDeep: { depth: MAX_NESTING_DEPTH + 1, line: 1, column: 2 * MAX_NESTING_DEPTH + 1 },
    });
    expect(parsed).toBe(0);
    expect(parseWithinNesting(`x\n\n${"> ".repeat(MAX_NESTING_DEPTH + 1)}x`, counting)).toEqual({
      tooDeep: { depth: MAX_NESTING_DEPTH + 1, line: 3, column: 2 * MAX_NESTING_DEPTH + 1 },
    });
    expect(parsed).toBe(1);
  });

  it("turns the parser's stack overflowing into text too deep, and throws its other errors", () => {
    const overflow = () => {
      const recurse = (): number => recurse() + 1;
      return recurse() as never;
    };
    expect(parseWithinNesting("x", overflow)).toEqual({ tooDeep: {} });
    expect(() =>
      parseWithinNesting("x", () => {
        throw new Error("Unexpected character");
      }),
    ).toThrow("Unexpected character");
  });
});

describe("tooDeepMessage", () => {
  it("says how deep, or that the parser gave out, for prose and for documents", () => {
    expect(tooDeepMessage({ depth: 40 }, "prose")).toBe(
      `nests quotes, lists, emphasis or links 40 deep here, and prose may nest them at most ${MAX_NESTING_DEPTH} deep: nest them less`,
    );
    expect(tooDeepMessage({}, "document")).toBe(
      `nests quotes, lists, emphasis, links or elements too deep to be read, and Ladder reads documents nested at most ${MAX_NESTING_DEPTH} deep: nest them less`,
    );
  });
});

describe("isStackOverflow", () => {
  it("tells the stack overflowing from other errors", () => {
    const recurse = (): number => recurse() + 1;
    let overflow: unknown;
    try {
      recurse();
    } catch (error) {
      overflow = error;
    }
    expect(isStackOverflow(overflow)).toBe(true);
    expect(isStackOverflow(new RangeError("Invalid array length"))).toBe(false);
    expect(isStackOverflow(new Error("Maximum call stack size exceeded"))).toBe(false);
  });
});
