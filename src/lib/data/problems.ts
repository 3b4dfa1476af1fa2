import type { ZodIssue } from "astro/zod";

/** One thing wrong with the data: which file, which field, what is wrong and what to do. */
export interface Problem {
  /** Path of the file, relative to the project root, e.g. `data/support/levels/ic1.json`. */
  file: string;
  /** Dotted path to the field, e.g. `behaviors.delivery[2].text`; empty for the whole file. */
  path: string;
  message: string;
  /** Where in the file, from 1, when the problem has a place there (a syntax error). */
  line?: number;
  column?: number;
}

/** Formats a field path the way it would be written in JavaScript: `a.b[2].c`. */
export function formatFieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    "",
  );
}

/**
 * `file: path: message`, or `file: message` when the problem is about the whole file;
 * `file:line:column: message` when it has a place in the file, as compilers write it, so
 * editors and terminals open the file there. Control characters that came from the data (in a
 * field's name, a quoted text) are written as escapes: the problem stays one line, and a
 * terminal shows it rather than obeying it.
 */
export function formatProblem(problem: Problem): string {
  const where =
    problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const line = problem.path
    ? `${where}: ${problem.path}: ${problem.message}`
    : `${where}: ${problem.message}`;
  return line.replace(/\p{Cc}|\p{Cs}/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function describeIssue(issue: ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined") return "is required but missing: add it";
      if (issue.received === "null") return `must be ${article(issue.expected)}, not null`;
      // zod words a fraction where a whole number belongs as type "float", which no data author says.
      if (issue.expected === "integer" && issue.received === "float") return "must be a whole number, e.g. 2";
      return `must be ${article(issue.expected)}, not ${article(issue.received)}`;
    case "unrecognized_keys":
      return ""; // Expanded per key by zodIssuesToProblems.
    default:
      return issue.message;
  }
}

/**
 * A field that may take one of several shapes (a union, such as behaviors as an array or a
 * record) is judged by the shape it has: the issues of the one branch whose type matched, as
 * if that were the only schema. When no branch's type matched, one issue names the shapes it
 * may take.
 */
function unionBranchIssues(issue: ZodIssue): ZodIssue[] {
  if (issue.code !== "invalid_union") return [issue];
  // Per branch, the issue saying the field itself has another type, if that is why it failed.
  const wrongTypes = issue.unionErrors.map((error) =>
    error.issues.find(
      (branch): branch is Extract<ZodIssue, { code: "invalid_type" }> =>
        branch.code === "invalid_type" && branch.path.length === issue.path.length,
    ),
  );
  const matching = issue.unionErrors.filter((_, index) => !wrongTypes[index]);
  if (matching.length === 1) return matching[0].issues.flatMap(unionBranchIssues);
  const types = wrongTypes.filter((branch) => branch !== undefined);
  if (types.length !== wrongTypes.length || types.length === 0) return [issue];
  const received = types[0].received;
  const expected = [...new Set(types.map((branch) => article(branch.expected)))].join(" or ");
  return [
    {
      code: "custom",
      path: issue.path,
      message:
        received === "undefined"
          ? "is required but missing: add it"
          : `must be ${expected}, not ${article(received)}`,
    },
  ];
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * Turns zod's issues for one file into problems, one per misplaced or missing field.
 * `unknownField` words the problem of a field the schema does not know (see `schemaProblems`,
 * which names the closest known one); without it, the message points to the README.
 */
export function zodIssuesToProblems(
  file: string,
  issues: readonly ZodIssue[],
  unknownField?: (path: (string | number)[], key: string) => string,
): Problem[] {
  return issues.flatMap(unionBranchIssues).flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file,
        path: formatFieldPath([...issue.path, key]),
        message:
          unknownField?.(issue.path, key) ??
          "is not a known field: check its spelling against the data reference in README.md",
      }));
    }
    return [{ file, path: formatFieldPath(issue.path), message: describeIssue(issue) }];
  });
}

/** Orders problems by file, then place, then field, so every report of the same data reads the same. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareStrings(a.path, b.path) ||
      compareStrings(a.message, b.message),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
