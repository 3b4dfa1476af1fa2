/**
 * A crash of Ladder's own — a bug, not a problem of the data, the options or the documents —
 * said in one line, as every other failure is. Its stack trace is for whoever fixes the bug:
 * shown when the DEBUG variable asks for Ladder's, as the `debug` package that Astro and Vite
 * use reads it (`DEBUG=ladder`, or `DEBUG=*`). (No import of Astro here: the command line
 * reads this before it loads Astro, if it does.)
 */

/** Whether `DEBUG` names Ladder (`ladder`, `ladder:…`) or everything (`*`). */
export function debugging(env: Record<string, string | undefined> = process.env): boolean {
  return (env.DEBUG ?? "")
    .split(/[\s,]+/)
    .some((name) => name === "*" || name === "ladder" || name.startsWith("ladder:"));
}

/** What to do about a crash, after its one line. */
export const UNEXPECTED_HINT =
  "This is not a problem Ladder found in the data or the options: an error in Ladder, in another integration or in the site's own pages. Run again with DEBUG=ladder to see where it happened, and report it if it is Ladder's.";

/** `unexpected error: {the first line of its message}`. */
export function unexpectedErrorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${message.split("\n")[0]}`;
}
