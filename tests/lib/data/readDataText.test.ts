import { execFileSync } from "node:child_process";
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Problem } from "../../../src/lib/data/problems";
import { decodeDataText, formatSize, MAX_FILE_BYTES, readDataText } from "../../../src/lib/data/readDataText";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? utf8(part) : Buffer.from(part))));

const folder = () => mkdtempSync(path.join(tmpdir(), "ladder-read-"));

/** What readDataText gives for `file`: its text, or the one problem it adds (named by `file`). */
function read(file: string, options?: Parameters<typeof readDataText>[3]) {
  const problems: Problem[] = [];
  const text = readDataText(file, file, problems, options);
  if (text !== undefined) {
    expect(problems).toEqual([]);
    return { text };
  }
  expect(problems).toHaveLength(1);
  const [{ file: shown, path: field, message, ...place }] = problems;
  expect([shown, field]).toEqual([file, ""]);
  return { problem: message, ...place };
}

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

describe("readDataText", () => {
  it("reads a regular file verbatim, characters that straddle its chunks included", () => {
    // Enough three-byte characters that some are split between two reads.
    const text = `${"é€ ".repeat(40_000)}\r\nlast line without a newline`;
    const file = path.join(folder(), "plan.md");
    writeFileSync(file, text);
    expect(read(file)).toEqual({ text });
  });

  it("refuses a named pipe without opening it, so nothing waits for a writer", () => {
    const fifo = path.join(folder(), "plan.md");
    execFileSync("mkfifo", [fifo]);
    expect(read(fifo)).toEqual({
      problem: "is a named pipe (FIFO), not a regular file: Ladder reads only regular files",
    });
  });

  it("refuses a device such as /dev/zero, which never ends, and a folder", () => {
    expect(read("/dev/zero")).toEqual({
      problem: "is a character device, not a regular file: Ladder reads only regular files",
    });
    expect(read(folder())).toEqual({
      problem: "is a folder, not a regular file: Ladder reads only regular files",
    });
  });

  it("refuses a socket", async () => {
    const socket = path.join(folder(), "plan.md");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      expect(read(socket)).toEqual({
        problem: "is a socket, not a regular file: Ladder reads only regular files",
      });
    } finally {
      server.close();
    }
  });

  it("reads a file of exactly the limit and refuses a larger one, stating both sizes", () => {
    const file = path.join(folder(), "plan.md");
    writeFileSync(file, "x".repeat(1024));
    expect(read(file, { limit: 1024 })).toEqual({ text: "x".repeat(1024) });
    expect(read(file, { limit: 1023 })).toEqual({
      problem: "is 1 KB, more than the 1023 bytes Ladder reads from one file: split it into smaller files",
    });
  });

  it("refuses a file over the default limit by its size alone", () => {
    const file = path.join(folder(), "huge.md");
    // Sparse: as large as it says, without writing 50 MB.
    writeFileSync(file, "");
    truncateSync(file, 50 * 1024 * 1024);
    const reading = read(file);
    expect(reading).toEqual({
      problem: `is 50 MB, more than the ${formatSize(MAX_FILE_BYTES)} Ladder reads from one file: split it into smaller files`,
    });
  });

  it("says why a file cannot be read, and what to do as the caller words it", () => {
    const missing = path.join(folder(), "missing.md");
    expect(read(missing)).toEqual({ problem: "cannot be read (ENOENT): fix or remove the file" });
    expect(read(missing, { fix: "fix the file" })).toEqual({
      problem: "cannot be read (ENOENT): fix the file",
    });
  });

  it("drops a byte order mark and places a byte that is not UTF-8, after checking the file", () => {
    const file = path.join(folder(), "plan.md");
    writeFileSync(file, bytes([0xef, 0xbb, 0xbf], "# Plan\n"));
    expect(read(file)).toEqual({ text: "# Plan\n" });
    const before = "# Plan\nCaf";
    const latin1 = bytes(before, [0xe9], "\n");
    writeFileSync(file, latin1);
    expect(read(file)).toEqual({
      problem: `is not UTF-8 text: byte ${Buffer.byteLength(before)} of the file, 0xE9, is not UTF-8 (the file may be saved as Latin-1 or Windows-1252): save it as UTF-8`,
      line: 2,
      column: "Caf".length + 1,
    });
    // The size is checked first: a larger file is not read, whatever its bytes.
    expect(read(file, { limit: 4 })).toEqual({
      problem: `is ${latin1.length} bytes, more than the 4 bytes Ladder reads from one file: split it into smaller files`,
    });
  });
});

describe("formatSize", () => {
  it.each([
    [2 * 1024 * 1024, "2 MB"],
    [1.5 * 1024 * 1024, "1.5 MB"],
    [300 * 1024, "300 KB"],
    [1023, "1023 bytes"],
  ])("states %d bytes as %s", (bytes, text) => expect(formatSize(bytes)).toBe(text));
});
