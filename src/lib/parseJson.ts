/** A place in a text: 1-based line and column, as editors and `file:line:column` show it. */
export interface TextPosition {
  line: number;
  /** Counted in UTF-16 code units, as JavaScript, TypeScript and most editors count. */
  column: number;
}

/** Why a text is not JSON, where, and what to do about it. */
export interface JsonSyntaxError {
  /** Where the parser stopped; undefined when the text is empty. */
  position?: TextPosition;
  /** What is wrong, e.g. `a comma after the last item`. */
  reason: string;
  /** What to do, e.g. `remove the comma`. */
  fix: string;
}

/**
 * The line and column of `offset` in `text`. A line ends at `\n`, `\r\n` or a lone `\r`, as
 * in editors; an offset past the end is placed at the end.
 */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < end; index++) {
    const char = text[index];
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** V8 names the offending character but not its offset when it shows a piece of the text instead. */
const UNEXPECTED_TOKEN = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/;
/** How many characters V8 shows on each side of the offending one, and from what length it cuts. */
const CONTEXT = 10;
const SHORTEST_CUT = 2 * CONTEXT + 1;

/**
 * The offset at which `JSON.parse(text)` failed with `message`, read from the message:
 * "… at position N" (Node 20; later versions add "(line L column C)"), or, for "Unexpected
 * token 'x', …"text"… is not valid JSON", from where the quoted piece of the text sits.
 * "Unexpected end of JSON input" is the end of the text. Undefined for a message of another form.
 */
export function jsonErrorOffset(text: string, message: string): number | undefined {
  const position = /\bat position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) return offsetAt(text, Number(lineColumn[1]), Number(lineColumn[2]));
  if (/^Unexpected end of JSON input/.test(message)) return text.length;
  const token = UNEXPECTED_TOKEN.exec(message);
  if (!token) return undefined;
  const [, char, before, piece, after] = token;
  if (!before && !after && text.length < SHORTEST_CUT) {
    // The whole (short) text is quoted: the first occurrence that fails with this very message.
    for (let index = text.indexOf(char); index !== -1; index = text.indexOf(char, index + 1)) {
      if (parseFailure(text.slice(0, index + 1))?.startsWith(`Unexpected token '${char}'`)) return index;
    }
    return undefined;
  }
  if (!before) return piece.length - CONTEXT;
  if (!after) return text.length - piece.length + CONTEXT;
  for (let start = text.indexOf(piece); start !== -1; start = text.indexOf(piece, start + 1)) {
    if (text[start + CONTEXT] === char) return start + CONTEXT;
  }
  return undefined;
}

function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next === -1) return text.length;
    offset += next + (text.startsWith("\r\n", offset + next) ? 2 : 1);
  }
  return offset + column - 1;
}

function parseFailure(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Parses JSON with `JSON.parse`, and when it fails says where (line and column, from the
 * offset the error reports) and what to do, naming the common mistakes plainly: a comma after
 * the last item, a string not closed on its line, a text that ends too early, an empty file,
 * a byte order mark. Duplicate keys are not detected: `JSON.parse` keeps the last one.
 */
export function parseJson(text: string): { data: unknown } | { error: JsonSyntaxError } {
  let message: string;
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    message = (error as Error).message;
  }
  if (text.trim() === "") {
    return { error: { reason: "the file is empty", fix: "write its JSON, or remove the file" } };
  }
  if (text.startsWith("\uFEFF")) {
    return {
      error: {
        position: { line: 1, column: 1 },
        reason: "the file starts with a byte order mark (BOM)",
        fix: "save it as UTF-8 without BOM",
      },
    };
  }
  const offset = jsonErrorOffset(text, message);
  if (offset === undefined) return { error: { reason: plainReason(message), fix: "fix the syntax" } };
  if (offset >= text.length) {
    // Where something is missing: just after the last thing written, not on an empty last line.
    const end = text.trimEnd().length;
    return {
      error: {
        position: positionAt(text, end),
        reason: "the file ends before its JSON does",
        fix: 'close every string, [ and { that is still open (a " or ] or } is missing)',
      },
    };
  }
  const position = positionAt(text, offset);
  const char = text[offset];
  const before = text.slice(0, offset).trimEnd();
  if ((char === "}" || char === "]") && before.endsWith(",")) {
    return {
      error: {
        // At the comma to remove, which may be lines above where the parser stopped.
        position: positionAt(text, before.length - 1),
        reason: `a comma before "${char}"`,
        fix: "remove the comma: JSON allows none after the last item",
      },
    };
  }
  if (char === "\n" || char === "\r") {
    return {
      error: {
        position,
        reason: "a string is not closed on its line",
        fix: 'add the closing " (or write a line break inside a string as \\n)',
      },
    };
  }
  return { error: { position, reason: plainReason(message), fix: "fix the syntax" } };
}

/** V8's message without the offset and the quoted text, which the position replaces. */
function plainReason(message: string): string {
  const reason = message
    .replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, "")
    .replace(/( in JSON)? at position \d+( \(line \d+ column \d+\))?$/, "")
    .replace(/ \(line \d+ column \d+\)$/, "");
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}
