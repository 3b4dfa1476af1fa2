import {
  createScanner,
  getLocation,
  getNodePath,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
  type ParseErrorCode,
} from "jsonc-parser";
import { formatFieldPath, type Problem } from "./problems";

/** A place in a text: 1-based line and column, as editors and `file:line:column` show it. */
export interface TextPosition {
  line: number;
  /** Counted in UTF-16 code units, as JavaScript, TypeScript and most editors count. */
  column: number;
}

/** Why a text is not JSON, where, and what to do about it. */
export interface JsonSyntaxError {
  /** Where the mistake is; undefined when the text is empty. */
  position?: TextPosition;
  /** What is wrong, e.g. `a comma after the last item`. */
  reason: string;
  /** What to do, e.g. `remove the comma`. */
  fix: string;
}

/** A key written twice in one object: `JSON.parse` would silently keep only the last value. */
export interface DuplicateKey {
  /** The path of the repeated key, e.g. `["behaviors", "delivery"]`. */
  path: (string | number)[];
  /** Where it is written again. */
  position: TextPosition;
  /** Where it is written first. */
  first: TextPosition;
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

/** The invisible characters most often pasted into data, by code point. */
const INVISIBLE_NAMES: Record<number, string> = {
  0x00a0: "no-break space",
  0x2009: "thin space",
  0x200b: "zero-width space",
  0x200c: "zero-width non-joiner",
  0x200d: "zero-width joiner",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x2028: "line separator",
  0x2029: "paragraph separator",
  0x202f: "narrow no-break space",
  0x2060: "word joiner",
  0x3000: "ideographic space",
  0xfeff: "byte order mark",
};

const A_COMMENT = { reason: "a comment", fix: "remove it: JSON has no comments" };

const WRITE_A_VALUE =
  'write a value: a "string" in double quotes, a number, true, false, null, [ … ] or { … }';

/** What each of jsonc-parser's error codes means to someone editing a data file, and what to do. */
/* Keyed by the codes' names: jsonc-parser's codes are an ambient const enum, which modules
   compiled one by one (as Astro and Vite compile them) cannot read. */
type ParseErrorName = keyof typeof ParseErrorCode;
const errorName = (error: ParseError) => printParseErrorCode(error.error) as ParseErrorName;

const REASONS: Record<ParseErrorName, (found: string) => Omit<JsonSyntaxError, "position">> = {
  InvalidSymbol: (found) => ({ reason: `"${found}" is not JSON`, fix: WRITE_A_VALUE }),
  InvalidNumberFormat: (found) => ({
    reason: `"${found}" is not a JSON number`,
    fix: "write a number as digits, e.g. 3, 3.5 or -2",
  }),
  PropertyNameExpected: () => ({
    reason: "a field name is expected here",
    fix: 'write it in double quotes: "name": value',
  }),
  ValueExpected: () => ({ reason: "a value is expected here", fix: WRITE_A_VALUE }),
  ColonExpected: () => ({
    reason: "a colon is missing after the field name",
    fix: 'write "name": value',
  }),
  CommaExpected: () => ({
    reason: "a comma is missing before this",
    fix: "add a comma between the two items",
  }),
  CloseBraceExpected: () => ({ reason: "a } is missing", fix: "close the object with }" }),
  CloseBracketExpected: () => ({ reason: "a ] is missing", fix: "close the list with ]" }),
  EndOfFileExpected: () => ({
    reason: "there is more after the end of the JSON",
    fix: "remove it, or keep everything inside the outermost { … }",
  }),
  InvalidCommentToken: () => A_COMMENT,
  UnexpectedEndOfComment: () => A_COMMENT,
  UnexpectedEndOfString: () => ({
    reason: "a string is not closed on its line",
    fix: 'add the closing " (or write a line break inside a string as \\n)',
  }),
  UnexpectedEndOfNumber: (found) => ({
    reason: `"${found}" is not a JSON number`,
    fix: "write digits after the point or exponent, e.g. 3.5",
  }),
  InvalidUnicode: () => ({
    reason: "a \\u escape without four hexadecimal digits",
    fix: "write it as \\u followed by four digits 0-9 or a-f, e.g. \\u00e9",
  }),
  InvalidEscapeCharacter: () => ({
    reason: "an escape JSON does not know",
    fix: 'write a backslash as \\\\; JSON knows \\n, \\t, \\", \\\\, \\/ and \\u',
  }),
  InvalidCharacter: () => ({
    reason: "a control character, such as a tab, inside a string",
    fix: "write it escaped, e.g. \\t for a tab",
  }),
};

/** The first syntax error of a text that is not JSON, worded for the person who will fix it. */
function describeError(text: string, error: ParseError): JsonSyntaxError {
  if (text.trim() === "") return { reason: "the file is empty", fix: "write its JSON, or remove the file" };
  if (text.startsWith("\uFEFF")) {
    return {
      position: { line: 1, column: 1 },
      reason: "the file starts with a byte order mark (BOM)",
      fix: "save it as UTF-8 without BOM",
    };
  }
  // An unclosed string is reported from its opening quote; the mistake is at the end of its line.
  const at = errorName(error) === "UnexpectedEndOfString" ? error.offset + error.length : error.offset;
  if (at >= text.length) {
    // Where something is missing: just after the last thing written, not on an empty last line.
    return {
      position: positionAt(text, text.trimEnd().length),
      reason: "the file ends before its JSON does",
      fix: 'close every string, [ and { that is still open (a " or ] or } is missing)',
    };
  }
  const char = text[error.offset];
  const before = text.slice(0, error.offset).trimEnd();
  if ((char === "}" || char === "]") && before.endsWith(",")) {
    return {
      // At the comma to remove, which may be lines above where the parser stopped.
      position: positionAt(text, before.length - 1),
      reason: `a comma before "${char}"`,
      fix: "remove the comma: JSON allows none after the last item",
    };
  }
  const found = text.slice(error.offset, error.offset + error.length);
  // A character that looks like a space or like nothing, often pasted in from a document (or a
  // control character, which a message must name rather than print).
  const invisible = /[\p{Z}\p{Cf}\p{Cc}]/u.exec(found);
  if (invisible && errorName(error) === "InvalidSymbol") {
    const code = invisible[0].codePointAt(0)!;
    const name = INVISIBLE_NAMES[code];
    return {
      position: positionAt(text, error.offset + invisible.index),
      reason: `an invisible character, U+${code.toString(16).toUpperCase().padStart(4, "0")}${name ? ` (${name})` : ""}`,
      fix: "delete it, or replace it with a plain space",
    };
  }
  // JSON reads "01" as the number 0, then stumbles on the 1.
  const leadingZero = /-?\b0$/.exec(text.slice(0, error.offset));
  if (leadingZero && /\d/.test(char) && errorName(error) === "CommaExpected") {
    return {
      position: positionAt(text, leadingZero.index),
      reason: "a number with a leading zero",
      fix: 'write it without the zero (e.g. 1), or in double quotes if the zero matters ("01")',
    };
  }
  if (errorName(error) === "InvalidSymbol" && getLocation(text, error.offset + 1).isAtPropertyKey) {
    // `title: …` or `'title': …`, as in JavaScript or YAML.
    const name = found.replace(/^'(.*)'$/, "$1");
    return {
      position: positionAt(text, at),
      reason: "a field name is not in double quotes",
      fix: `write ${found} as "${name}"`,
    };
  }
  return { position: positionAt(text, at), ...REASONS[errorName(error)](found) };
}

/** Every key written twice in one object of `tree`, in the order they appear. */
function duplicateKeys(text: string, tree: Node | undefined): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const walk = (node: Node) => {
    if (node.type === "object") {
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const [key] = property.children ?? [];
        const earlier = seen.get(key.value);
        if (earlier)
          duplicates.push({
            path: getNodePath(key),
            position: positionAt(text, key.offset),
            first: positionAt(text, earlier.offset),
          });
        else seen.set(key.value, key);
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  if (tree) walk(tree);
  return duplicates.sort(
    (a, b) => a.position.line - b.position.line || a.position.column - b.position.column,
  );
}

/** How deep objects and lists may nest in a data file; the deepest any schema needs is 6. */
export const MAX_JSON_DEPTH = 32;

/**
 * The offset of the first `{` or `[` of `text` that opens a level deeper than `max`, or
 * undefined. Counted token by token, without recursion, so any depth is safe to measure.
 */
function nestingBeyond(text: string, max: number): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  while (scanner.getPosition() < text.length) {
    scanner.scan();
    const offset = scanner.getTokenOffset();
    // A string token starts with its quote: a bracket here is punctuation.
    const char = text[offset];
    if (char === "{" || char === "[") {
      if (++depth > max) return offset;
    } else if (char === "}" || char === "]") depth--;
  }
  return undefined;
}

/**
 * Parses strict JSON. A syntax error comes back with where it is (line and column, from
 * jsonc-parser's offsets) and what to do, naming the common mistakes plainly: a comma after the
 * last item, a string not closed on its line, a file cut short, an empty file, a byte order
 * mark, a comment, objects and lists nested deeper than {@link MAX_JSON_DEPTH}. Valid JSON comes back with its data and the keys it writes twice, which
 * `JSON.parse` would silently resolve by dropping all but the last.
 */
export function parseJson(
  text: string,
): { data: unknown; duplicateKeys: DuplicateKey[] } | { error: JsonSyntaxError } {
  // Parsers (jsonc-parser's, zod's checks) recurse into each level: refuse absurd depths first.
  const tooDeep = nestingBeyond(text, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    return {
      error: {
        position: positionAt(text, tooDeep),
        reason: `objects and lists are nested more than ${MAX_JSON_DEPTH} deep`,
        fix: "no data file needs more than a few levels: look for a bracket that is not closed",
      },
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (errors.length > 0) return { error: describeError(text, errors[0]) };
  try {
    return { data: JSON.parse(text), duplicateKeys: duplicateKeys(text, tree) };
  } catch (error) {
    // jsonc-parser and JSON.parse agree on JSON; should they ever differ, JSON.parse decides.
    return { error: { reason: (error as Error).message, fix: "fix the syntax" } };
  }
}

/**
 * A data file's JSON, or the problems that keep it from being read as written: its syntax
 * error, or each key it writes twice (the data is still returned then, so the file's other
 * problems are reported in the same run).
 */
export function readJsonText(
  file: string,
  text: string,
  fixHint = "",
): { data?: unknown; problems: Problem[] } {
  const parsed = parseJson(text);
  if ("error" in parsed) {
    const { position, reason, fix } = parsed.error;
    return {
      problems: [{ file, path: "", message: `is not valid JSON: ${reason}: ${fix}${fixHint}`, ...position }],
    };
  }
  return {
    data: parsed.data,
    problems: parsed.duplicateKeys.map(({ path, position, first }) => ({
      file,
      path: formatFieldPath(path),
      message: `is written twice in one object (first at line ${first.line}, column ${first.column}): JSON keeps only the last, so the first is lost: merge the two or rename one`,
      ...position,
    })),
  };
}
