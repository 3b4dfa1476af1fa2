/**
 * What every `ladder` subcommand shares: its shape, option parsing with usage errors, where
 * the data folder is, and writing files the way `npm run format` would.
 */
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { dataDir } from "../lib/data/dataDir";
import { debugging, UNEXPECTED_HINT, unexpectedErrorLine } from "../integration/unexpectedError";

/** The names Astro looks for its configuration under. */
export const ASTRO_CONFIG_NAMES = [
  "astro.config.mjs",
  "astro.config.js",
  "astro.config.ts",
  "astro.config.mts",
  "astro.config.cjs",
  "astro.config.cts",
];

/** Exit codes: 0 all good, 1 problems found, 2 the command was called wrongly. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** One `ladder` subcommand. */
export interface Command {
  name: string;
  /** One line for `ladder --help`. */
  summary: string;
  /** The whole `ladder {name} --help`. */
  help: string;
  /** Runs with the arguments after the subcommand's name; resolves with the exit code. */
  run(args: string[]): Promise<number>;
}

/** A mistake in how a command was called: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Options every subcommand takes. */
export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  "data-dir": { type: "string" },
} as const satisfies Options;

/** Parses a subcommand's arguments strictly: an unknown option or a missing value is a usage error. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The data folder: `--data-dir`, else LADDER_DATA_DIR, else `data`. */
export function dataDirOption(value: string | boolean | undefined): string {
  return typeof value === "string" ? value : dataDir();
}

/**
 * Writes a JSON file whole or not at all (through a temporary file). Where the project uses
 * Prettier, the file is formatted with its settings so `prettier --check` passes; Ladder does
 * not need it, and writes JSON indented by two spaces otherwise.
 */
export async function writeJsonFile(file: string, data: unknown): Promise<void> {
  writeFileAtomically(file, await jsonText(file, data));
}

/** A data file's JSON as Ladder writes it: formatted with the project's Prettier settings when it has Prettier. */
async function jsonText(file: string, data: unknown): Promise<string> {
  const text = `${JSON.stringify(data, null, 2)}\n`;
  const prettier = await import("prettier").catch(() => undefined);
  if (!prettier) return text;
  const config = (await prettier.resolveConfig(path.resolve(file))) ?? {};
  return prettier.format(text, { ...config, filepath: file });
}

/**
 * Writes several JSON files as one change: every file is formatted and written beside its
 * place first, and only then are they renamed into place, so a failure before the renames
 * (a full disk, a formatting error) changes no file.
 */
export async function writeJsonFiles(files: Record<string, unknown>): Promise<void> {
  const texts = await Promise.all(
    Object.entries(files).map(async ([file, data]) => [file, await jsonText(file, data)]),
  );
  const partials: [string, string][] = [];
  try {
    for (const [file, text] of texts) partials.push(writeBeside(file, text));
    for (const [partial, target] of partials) renameSync(partial, target);
  } finally {
    for (const [partial] of partials) rmSync(partial, { force: true });
  }
}

/**
 * Writes a file whole or not at all: a temporary file beside it, renamed over it. A link stays
 * a link: its target is what is rewritten.
 */
export function writeFileAtomically(file: string, contents: string | Uint8Array): void {
  let partial: string | undefined;
  try {
    const [written, target] = writeBeside(file, contents);
    partial = written;
    renameSync(written, target);
  } finally {
    if (partial) rmSync(partial, { force: true });
  }
}

/** Writes a file's contents beside it (beside a link's target), to be renamed over it: [partial, target]. */
function writeBeside(file: string, contents: string | Uint8Array): [string, string] {
  const target = existsSync(file) ? realpathSync(file) : file;
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  try {
    writeFileSync(partial, contents);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return [partial, target];
}

/** Prints a value as the command's JSON output. */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

export { plural } from "../lib/text/plural";

/** A crash of `ladder {command}` in one line and what to do; its stack trace only with DEBUG=ladder. */
export function printCrash(command: string, error: unknown): void {
  console.error(`ladder ${command}: ${unexpectedErrorLine(error)}\n${UNEXPECTED_HINT}`);
  if (debugging() && error instanceof Error && error.stack) console.error(error.stack);
}
