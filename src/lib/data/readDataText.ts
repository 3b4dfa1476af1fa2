import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { positionAt } from "./parseJson";
import type { Problem } from "./problems";

/**
 * The largest file Ladder reads. Parsing Markdown takes about a hundred times a file's size in
 * memory, so this keeps a run well within a small machine's memory; a career roadmap or a data
 * file is a few kilobytes.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** How much is read at a time. */
const CHUNK_BYTES = 64 * 1024;

const REPLACEMENT_CHARACTER = "\uFFFD";

/** `2 MB`, `1.5 MB`, `300 KB`, `12 bytes`: a size as messages state it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "MB"] : [bytes / 1024, "KB"];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/**
 * The text of a data file's bytes, which must be UTF-8. A byte order mark at the start is
 * accepted and dropped (editors on Windows write one; it is not part of the text), so the text
 * is what follows it, verbatim. Bytes that are not UTF-8 (a file saved as Latin-1, say) are
 * never replaced by "�" silently: the first of them comes back with its place.
 */
export function decodeDataText(
  bytes: Uint8Array,
): { text: string } | { invalid: { line: number; column: number; offset: number; byte: number } } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // The decoder does not say where: decode leniently and find the first "�" that is not
    // written as one (EF BF BD), counting the bytes of every character before it.
    const lenient = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const bom = lenient.startsWith("\uFEFF") ? 1 : 0;
    let offset = 0;
    let index = 0;
    for (const char of lenient) {
      const genuine = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
      if (char === REPLACEMENT_CHARACTER && !genuine) {
        const text = lenient.slice(bom, index);
        return { invalid: { ...positionAt(text, text.length), offset, byte: bytes[offset] } };
      }
      offset += Buffer.byteLength(char);
      index += char.length;
    }
    throw new Error("TextDecoder refused text that it decodes without a replacement");
  }
}

/** What a file that is not a regular file is, for a message. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/** Why `stats` is not a file Ladder reads, or undefined when it is one. */
function refusal(stats: Stats, limit: number): string | undefined {
  if (!stats.isFile()) return `is ${kindOf(stats)}, not a regular file: Ladder reads only regular files`;
  if (stats.size > limit) {
    return `is ${formatSize(stats.size)}, more than the ${formatSize(limit)} Ladder reads from one file: split it into smaller files`;
  }
  return undefined;
}

/**
 * The bytes of a regular file of at most `limit` bytes, or why they were not read. Anything
 * else is refused by what `stat` says before it is opened: a named pipe would wait for a writer
 * forever, `/dev/zero` never ends, and a file larger than the limit is not read at all, so none
 * of them can hang a run or exhaust its memory. The file is opened without blocking and checked
 * again, in case it was replaced in between, and never more than `limit` bytes are read, in
 * case it grows.
 */
function readFileBytes(file: string, limit: number, fix: string): { bytes: Buffer } | { problem: string } {
  const unreadable = (error: unknown) => {
    const reason = (error as NodeJS.ErrnoException).code ?? String((error as Error).message).split("\n")[0];
    return { problem: `cannot be read (${reason}): ${fix}` };
  };
  let fd: number;
  try {
    const problem = refusal(statSync(file), limit);
    if (problem) return { problem };
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return unreadable(error);
  }
  try {
    const problem = refusal(fstatSync(fd), limit);
    if (problem) return { problem };
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let read: number;
    while ((read = readSync(fd, chunk, 0, CHUNK_BYTES, null)) > 0) {
      total += read;
      if (total > limit) {
        return {
          problem: `grew past the ${formatSize(limit)} Ladder reads from one file while it was read: run again once it is written`,
        };
      }
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return unreadable(error);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the text of a data file or a document, the one way Ladder reads any text file
 * (`ladder validate`, the build, the lock, `ladder import` and `ladder check-links` all read
 * through it): a regular file of at most `limit` bytes (see {@link MAX_FILE_BYTES}), decoded as
 * strict UTF-8 (see {@link decodeDataText}). Returns undefined and adds a problem when the file
 * cannot be read, is not a regular file, is too large or is not UTF-8 (at the first byte that
 * is not, by line and column). `shown` names the file in the problem, and `fix` says what to do
 * when it cannot be read.
 */
export function readDataText(
  file: string,
  shown: string,
  problems: Problem[],
  { fix = "fix or remove the file", limit = MAX_FILE_BYTES }: { fix?: string; limit?: number } = {},
): string | undefined {
  const read = readFileBytes(file, limit, fix);
  if ("problem" in read) {
    problems.push({ file: shown, path: "", message: read.problem });
    return undefined;
  }
  const decoded = decodeDataText(read.bytes);
  if ("text" in decoded) return decoded.text;
  const { line, column, offset, byte } = decoded.invalid;
  problems.push({
    file: shown,
    path: "",
    line,
    column,
    message: `is not UTF-8 text: byte ${offset} of the file, 0x${byte.toString(16).toUpperCase().padStart(2, "0")}, is not UTF-8 (the file may be saved as Latin-1 or Windows-1252): save it as UTF-8`,
  });
  return undefined;
}
