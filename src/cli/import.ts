import {
  type Stats,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { comparePlaces, formatPlace, type ImportInput } from "../lib/import/draft";
import { importSource, readInput, unknownFormat } from "../lib/import/importSource";
import { SHAPES } from "../lib/import/shapes";
import { RESERVED_TRACK_IDS } from "../lib/links/urls";
import { formatProblem } from "../lib/data/problems";
import { changeFromDraft, formatChange } from "../lib/import/sheets/changeFromDraft";
import { readWrittenTrack } from "../lib/import/sheets/readWrittenTrack";
import { readPublishedIds } from "../lib/links/readPublishedIds";
import { releasedIds } from "../lib/releases/publishedIds";
import { KEBAB_CASE } from "../lib/schemas";
import { readDataText } from "../lib/data/readDataText";
import { validateDataDir } from "../lib/data/validateDataDir";
import {
  dataDirOption,
  EXIT,
  parseCommandArgs,
  plural,
  printJson,
  UsageError,
  writeJsonFile,
  writeJsonFiles,
  type Command,
} from "./cli";

/**
 * One more than the highest `order` of the tracks in the data folder `dir`, so an imported
 * track comes last. Tracks whose track.json does not parse are left to validation.
 */
function nextTrackOrder(dir: string): number {
  const folders = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())
    : [];
  const orders = folders.flatMap((folder) => {
    try {
      const file = path.join(dir, folder.name, "track.json");
      const { order } = JSON.parse(readDataText(file, file, []) ?? "");
      return Number.isInteger(order) ? [order as number] : [];
    } catch {
      return [];
    }
  });
  return Math.max(0, ...orders) + 1;
}

/** Writes the imported files below `dir`: JSON formatted like the rest of the data, prose as it is. */
async function writeFilesBelow(dir: string, files: Record<string, unknown>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (typeof content === "string") {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    } else {
      await writeJsonFile(file, content);
    }
  }
}

export const importCommand: Command = {
  name: "import",
  summary: "turn a framework (Markdown, front-matter pages, YAML, HTML, CSV, TSV, XLSX) into a new track",
  help: `Usage: ladder import <file or folder> --track <id> [--format <shape>] [--dry-run]
                     [--accept-losses] [--data-dir <folder>] [--json]
       ladder import <sheet> --into <track> [--write] [--format <shape>] [--accept-losses]
                     [--data-dir <folder>] [--json]

Reads a career framework as it is published and writes it as a new track of the data folder:
{data folder}/{track}/track.json, levels/{level}.json and prose/{page}.mdx. Every text is kept
as written, inline Markdown included; ids are made from the text (review them: they become
permanent links once published); level names such as "IC3 · Senior Engineer" are split into
code and title; "cumulative" is proposed from the data.

Shapes read (detected, or chosen with --format):
${SHAPES.map((shape) => `  ${shape.name.padEnd(15)}${shape.label}`).join("\n")}
See the README ("Bring a framework in") for a short example of each.

Every item of the source (heading, list item, paragraph, cell, criterion, example) lands in
the data or is listed as file:line:column with why it was not taken. Any item not taken
makes the import fail with nothing written, unless --accept-losses is given. The files are
checked like all data before anything is written, and an existing track is never overwritten.

With --into, the source (an edited \`ladder export\`: csv, xlsx or md) is read as a change
to an existing track: rows keep their ids (a reworded row too), rows without an id are new
and get one, a row's level or category cell moves it. The change (added, reworded, moved,
removed) is printed, and written only with --write. Removing an id that was published (in
a release, or data/published-ids.json) is refused unless a row lists it in its "aliases" column.
Everything the sheet does not hold (summaries, roles, prose, hints) is kept as it is.

Options:
  --track <id>         the new track's id, kebab-case: its folder and its URL
  --into <track>       change this existing track instead
  --write              with --into: write the change (without it, only print it)
  --format <shape>     read the source as this shape only
  --dry-run            print where every item would go (track, level, category, id); write nothing
  --accept-losses      write the track even though the items listed were not taken
  --data-dir <folder>  the data folder (default: $LADDER_DATA_DIR, else data)
  --json               print { track, shape, tried, written, files, placements, losses, … } as JSON
  -h, --help           show this help

Exit code: 0 when the track was imported (or would be, with --dry-run), 1 when it cannot be
(nothing fits, items not taken, invalid data), 2 when called wrongly (a source that is not
there or cannot be read, an unknown --format, a track id the site uses itself).`,

  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        track: { type: "string" },
        format: { type: "string" },
        "dry-run": { type: "boolean" },
        "accept-losses": { type: "boolean" },
        into: { type: "string" },
        write: { type: "boolean" },
      },
      true,
    );
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError("name exactly one file or folder to import");
    const unknown = unknownFormat(values.format);
    if (unknown) throw new UsageError(unknown);
    const dataFolder = dataDirOption(values["data-dir"]);
    if (existsSync(dataFolder) && !statSync(dataFolder).isDirectory()) {
      throw new UsageError(
        `--data-dir ${dataFolder} is a file: name the data folder (the one that holds the tracks)`,
      );
    }
    if (values.into !== undefined) {
      if (values.track !== undefined)
        throw new UsageError("give --track (a new track) or --into (an existing one), not both");
      if (values["dry-run"]) throw new UsageError("--into never writes without --write: leave out --dry-run");
      return importInto(positionals[0], values.into, {
        dir: dataFolder,
        format: values.format,
        write: Boolean(values.write),
        acceptLosses: Boolean(values["accept-losses"]),
        json: Boolean(values.json),
      });
    }
    if (values.write)
      throw new UsageError("--write goes with --into: a new track (--track) is written unless --dry-run");
    const track = values.track;
    if (!track)
      throw new UsageError(
        "--track <id> is required: the new track's id, e.g. --track product (or --into <track> to change an existing one)",
      );
    if (!KEBAB_CASE.test(track))
      throw new UsageError(`--track must be kebab-case (it becomes a URL), not "${track}"`);
    if ((RESERVED_TRACK_IDS as readonly string[]).includes(track))
      throw new UsageError(`--track ${track} is a path the site uses itself (/${track}/): choose another id`);
    const [source] = positionals;
    const input = readSource(source);
    if (typeof input === "string") throw new UsageError(input);
    const dir = dataFolder;
    const target = path.join(dir, track);
    const dryRun = Boolean(values["dry-run"]);
    const acceptLosses = Boolean(values["accept-losses"]);
    if (existsSync(target)) {
      const message = `${target}/ exists already: import into a new track id, or remove the folder first`;
      if (values.json) printJson({ track, written: false, error: message });
      else console.error(message);
      return EXIT.problems;
    }

    const result = await importSource(input, { track, order: nextTrackOrder(dir), format: values.format });
    const blockedByLosses = result.losses.length > 0 && !acceptLosses;
    const problems = result.error || blockedByLosses ? [] : await validateStaged(result.files, dir);
    const valid = !result.error && !blockedByLosses && problems.length === 0;
    if (valid && !dryRun) await writeFiles(target, track, result.files);
    const names = Object.keys(result.files).map((name) => path.join(dir, name));

    if (values.json) {
      const { draft: _, ...report } = result;
      printJson({ track, ...report, written: valid && !dryRun, files: names, problems });
      return valid ? EXIT.ok : EXIT.problems;
    }
    if (result.error) {
      console.error(result.error);
      return EXIT.problems;
    }
    console.log(`Read ${source} as ${result.shape!.label}.`);
    if (dryRun) {
      const lines = [
        ...result.placements.map((placement) => ({
          at: placement.at,
          line: `${placement.as} → ${placement.path}`,
        })),
        ...result.held.map((held) => ({ at: held.at, line: `taken as ${held.as}` })),
      ].sort((a, b) => comparePlaces(a.at, b.at));
      for (const { at, line } of lines) console.log(`${formatPlace(at)}: ${line}`);
    }
    for (const warning of result.warnings)
      console.error(`${formatPlace(warning.at)}: warning: ${warning.message}`);
    for (const loss of result.losses) {
      console.error(
        `${formatPlace(loss.at)}: ${acceptLosses ? "left out" : "error"}: ${loss.what}: ${loss.why}`,
      );
    }
    for (const proposal of result.proposals) console.log(`Proposed ${proposal}.`);
    for (const problem of problems) console.error(problem);
    if (blockedByLosses) {
      console.error(
        `\n${plural(result.losses.length, "item")} of ${source} would not be imported (listed above): nothing was written. Change the source, choose a shape with --format, or pass --accept-losses to import without them.`,
      );
      return EXIT.problems;
    }
    if (!valid) {
      console.error(`\n${source} was not imported: nothing was written.`);
      return EXIT.problems;
    }
    const verb = dryRun ? "Would write" : "Wrote";
    console.log(`${verb} ${plural(names.length, "file")}:\n${names.map((name) => `  ${name}`).join("\n")}`);
    const validate = `npx ladder validate${dir === "data" ? "" : ` --data-dir ${dir}`}`;
    console.log(
      `Next: review the generated ids (they become permanent links once published), "cumulative", "shortTitle" and "order" in ${path.join(target, "track.json")}, then run: ${validate}`,
    );
    return EXIT.ok;
  },
};

/** The file or folder to import, or why it cannot be read (a usage error). */
function readSource(source: string): ImportInput | string {
  try {
    const stats = statSync(source);
    if (!stats.isFile() && !stats.isDirectory()) {
      return `${source}: is ${describeKind(stats)}, not a regular file or folder`;
    }
    return readInput(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? `${source}: no such file or folder` : `${source}: ${(error as Error).message}`;
  }
}

function describeKind(stats: Stats): string {
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}

/**
 * Validation problems of files to be written below the data folder `dir`, checked with the same
 * validation as all data in a folder of their own: with a copy of the data folder when they
 * change it (`withData`), alone when they are a new track. Shown where they would be written.
 */
async function validateStaged(
  files: Record<string, unknown>,
  dir: string,
  withData = false,
): Promise<string[]> {
  const staging = mkdtempSync(path.join(tmpdir(), "ladder-import-"));
  try {
    if (withData) cpSync(dir, staging, { recursive: true });
    await writeFilesBelow(staging, files);
    const validation = await validateDataDir(staging, staging);
    return validation.problems.map((problem) =>
      formatProblem({ ...problem, file: path.join(dir, problem.file) }),
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Writes the new track whole or not at all: into a folder beside its place, renamed into place
 * once every file is written, so a failure leaves no half-imported track.
 */
async function writeFiles(target: string, track: string, files: Record<string, unknown>): Promise<void> {
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(path.join(parent, `.${path.basename(target)}.importing-`));
  try {
    await writeFilesBelow(staging, files);
    renameSync(path.join(staging, track), target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

interface IntoOptions {
  dir: string;
  format?: string;
  write: boolean;
  acceptLosses: boolean;
  json: boolean;
}

/**
 * `ladder import <sheet> --into <track>`: reads an edited export (or any source) as a change to
 * an existing track, prints the change, and writes it only with --write, after the data folder
 * with the change validates as a whole. Published ids the sheet drops without an alias are
 * errors, as the lock requires.
 */
async function importInto(source: string, track: string, options: IntoOptions): Promise<number> {
  const { dir } = options;
  const input = readSource(source);
  if (typeof input === "string") throw new UsageError(input);
  const report = (lines: string[], json: Record<string, unknown>, code: number) => {
    if (options.json) printJson({ track, written: false, ...json });
    else for (const line of lines) console.error(line);
    return code;
  };
  const current = await validateDataDir(dir, process.cwd());
  if (current.problems.length > 0 || !current.handbook) {
    const problems = current.problems.map(formatProblem);
    return report(
      [...problems, `\nFix the data folder first: nothing was read.`],
      { problems },
      EXIT.problems,
    );
  }
  const existing = current.handbook.tracks.find((candidate) => candidate.id === track);
  if (!existing) {
    const known = current.handbook.tracks.map((candidate) => candidate.id).join(", ");
    return report([`--into ${track}: ${dir} has no track "${track}" (it has: ${known})`], {}, EXIT.problems);
  }
  const result = await importSource(input, { track, format: options.format, draftOnly: true });
  if (result.error || !result.draft)
    return report([result.error ?? ""], { error: result.error }, EXIT.problems);
  // Published ids: those of the releases, or with none yet those of the legacy lock.
  const locked = current.releases?.length
    ? releasedIds(current.releases, track)
    : new Set(Object.keys(readPublishedIds(dir, process.cwd()).lock?.tracks[track] ?? {}));
  const change = changeFromDraft(result.draft, existing, locked, readWrittenTrack(dir, track));
  const blockedByLosses = result.losses.length > 0 && !options.acceptLosses;
  const problems =
    change.errors.length === 0 && !blockedByLosses && Object.keys(change.files).length > 0
      ? await validateStaged(change.files, dir, true)
      : [];
  const valid = change.errors.length === 0 && !blockedByLosses && problems.length === 0;
  const write = valid && options.write && Object.keys(change.files).length > 0;
  if (write) {
    await writeJsonFiles(
      Object.fromEntries(Object.entries(change.files).map(([name, data]) => [path.join(dir, name), data])),
    );
  }
  if (options.json) {
    const { files, ...rest } = change;
    printJson({
      track,
      shape: result.shape,
      written: write,
      change: { ...rest, files: Object.keys(files).map((name) => path.join(dir, name)) },
      losses: result.losses,
      warnings: result.warnings,
      problems,
    });
    return valid ? EXIT.ok : EXIT.problems;
  }
  console.log(`Read ${source} as ${result.shape!.label}.`);
  for (const warning of result.warnings)
    console.error(`${formatPlace(warning.at)}: warning: ${warning.message}`);
  for (const loss of result.losses) {
    console.error(
      `${formatPlace(loss.at)}: ${options.acceptLosses ? "left out" : "error"}: ${loss.what}: ${loss.why}`,
    );
  }
  console.log(formatChange(change));
  for (const problem of problems) console.error(problem);
  if (blockedByLosses) {
    console.error(
      `\n${plural(result.losses.length, "item")} of ${source} would not be imported (listed above): nothing was written. Change the sheet, or pass --accept-losses to import without them.`,
    );
    return EXIT.problems;
  }
  if (!valid) {
    console.error(`\nThe change cannot be written (listed above): nothing was written.`);
    return EXIT.problems;
  }
  if (Object.keys(change.files).length === 0) return EXIT.ok;
  console.log(
    write
      ? `Wrote the change. Next: review it with git diff, then run: npx ladder validate${dir === "data" ? "" : ` --data-dir ${dir}`}`
      : `Nothing was written: run again with --write to write this change.`,
  );
  return EXIT.ok;
}
