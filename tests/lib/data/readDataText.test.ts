import { describe, expect, it } from "vitest";
import { decodeDataText } from "../../../src/lib/data/readDataText";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? utf8(part) : Buffer.from(part))));

describe("decodeDataText", () => {
  it("gives UTF-8 text back verbatim, whatever its characters", () => {
    const text = "Café ✓ 𝄞 \uFFFD\r\nline two\u00a0";
    expect(decodeDataText(utf8(text))).toEqual({ text });
  });

  it("drops one byte order mark at the start, and keeps the text after it verbatim", () => {
    expect(decodeDataText(bytes([0xef, 0xbb, 0xbf], "{}\n"))).toEqual({ text: "{}\n" });
    expect(decodeDataText(bytes([0xef, 0xbb, 0xbf], "\uFEFFx"))).toEqual({ text: "\uFEFFx" });
  });

  it("places the first byte that is not UTF-8 by line and column, after characters of every width", () => {
    const before = "é✓𝄞\nab";
    const decoded = decodeDataText(bytes(before, [0xe9], "z \uFFFD", [0xff]));
    expect(decoded).toEqual({
      invalid: { line: 2, column: 3, offset: Buffer.byteLength(before), byte: 0xe9 },
    });
  });

  it("counts columns after a byte order mark as an editor shows them, and bytes as the file has them", () => {
    expect(decodeDataText(bytes([0xef, 0xbb, 0xbf], "ab", [0x80]))).toEqual({
      invalid: { line: 1, column: 3, offset: 5, byte: 0x80 },
    });
  });

  it("finds a character cut short at the end of the file", () => {
    const cut = utf8("✓").subarray(0, 2);
    expect(decodeDataText(bytes("ok ", [...cut]))).toEqual({
      invalid: { line: 1, column: 4, offset: 3, byte: cut[0] },
    });
  });
});
