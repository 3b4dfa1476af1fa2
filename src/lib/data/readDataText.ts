import { readFileSync } from "node:fs";
import { positionAt } from "./parseJson";
import type { Problem } from "./problems";

const REPLACEMENT_CHARACTER = "\uFFFD";

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

/**
 * Reads a data file's text (see {@link decodeDataText}), or returns undefined and adds a
 * problem when it cannot be read or is not UTF-8. `shown` names the file in the problem, and
 * `fix` says what to do when it cannot be read.
 */
export function readDataText(
  file: string,
  shown: string,
  problems: Problem[],
  fix = "fix or remove the file",
): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String((error as Error).message).split("\n")[0];
    problems.push({ file: shown, path: "", message: `cannot be read (${reason}): ${fix}` });
    return undefined;
  }
  const decoded = decodeDataText(bytes);
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
