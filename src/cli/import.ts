import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importFramework, type ImportNote } from "../lib/import/importFramework";
import { formatProblem, type Problem } from "../lib/data/problems";
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
  type Command,
} from "./cli";

function formatNote(file: string, note: ImportNote): string {
  return `${file}:${note.line}:${note.column}: ${note.severity}: ${note.message}`;
}

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
async function writeFiles(dir: string, files: Record<string, unknown>): Promise<void> {
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
  summary: "turn a Markdown framework page into a new track's data files, with generated ids",
  help: `Usage: ladder import <file.md> --track <id> [--data-dir <folder>] [--dry-run] [--json]

Reads a Markdown framework page shaped like the product framework's source:

  # Title
  A paragraph describing the framework.
  ## Any other section      (becomes a prose page; a list of "Category: description"
                            items gives the categories their descriptions)
  ## All Levels             (the expectations shared by every level)
  - Category
    - A behavior.
  ## IC2                    (one section per level, shaped like All Levels)

and writes {data folder}/{track}/: track.json, levels/{level}.json and prose/{page}.mdx, with
an id generated from the text of every behavior, category, level and page. The new track
comes after the others ("order" in track.json). The files are checked like all data before
anything is written, and an existing track is never overwritten.
Review the generated ids (they become permanent links once published), set "cumulative",
"shortTitle" and "order" in track.json, then run ladder validate.

Options:
  --track <id>         the new track's id, kebab-case: its folder and its URL
  --data-dir <folder>  the data folder (default: $LADDER_DATA_DIR, else data)
  --dry-run            check and report, but write nothing
  --json               print { track, files, notes } as JSON
  -h, --help           show this help

Exit code: 0 when the track was imported (warnings allowed), 1 when the page cannot be
imported, 2 when called wrongly.`,

  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { track: { type: "string" }, "dry-run": { type: "boolean" } },
      true,
    );
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError("name exactly one Markdown file to import");
    const track = values.track;
    if (!track) throw new UsageError("--track <id> is required: the new track's id, e.g. --track product");
    if (!KEBAB_CASE.test(track))
      throw new UsageError(`--track must be kebab-case (it becomes a URL), not "${track}"`);
    const [source] = positionals;
    const unreadable: Problem[] = [];
    const markdown = readDataText(source, source, unreadable);
    if (markdown === undefined) throw new UsageError(formatProblem(unreadable[0]));
    const dir = dataDirOption(values["data-dir"]);
    const target = path.join(dir, track);
    const dryRun = Boolean(values["dry-run"]);
    const { files, notes, problems, valid } = await importTrack(markdown, track, dir, dryRun);
    const names = Object.keys(files).map((name) => path.join(dir, name));
    const written = valid && !dryRun;

    if (values.json) {
      printJson({ track, written, files: names, notes, problems });
    } else {
      for (const note of notes) console.error(formatNote(source, note));
      for (const problem of problems) console.error(problem);
      if (!valid) {
        console.error(`\n${source} was not imported: nothing was written.`);
      } else {
        const verb = dryRun ? "Would write" : "Wrote";
        console.log(
          `${verb} ${plural(names.length, "file")}:\n${names.map((name) => `  ${name}`).join("\n")}`,
        );
        const validate = `npx ladder validate${dir === "data" ? "" : ` --data-dir ${dir}`}`;
        console.log(
          `Next: review the generated ids (they become permanent links once published), set "cumulative", "shortTitle" and "order" in ${path.join(target, "track.json")}, then run: ${validate}`,
        );
      }
    }
    return valid ? EXIT.ok : EXIT.problems;
  },
};

/**
 * Imports a document as the track `track` of the data folder `dir`. The files are validated in
 * a folder of their own first, with the same validation as all data, and copied into place only
 * when `valid` (and not a dry run). `problems` are validation problems and other reasons for
 * not writing, besides the errors among `notes`.
 */
async function importTrack(markdown: string, track: string, dir: string, dryRun: boolean) {
  const target = path.join(dir, track);
  if (existsSync(target)) {
    const problems = [`${target}/ exists already: import into a new track id, or remove the folder first`];
    return { files: {}, notes: [], problems, valid: false };
  }
  const { files, notes } = importFramework(markdown, track, nextTrackOrder(dir));
  if (notes.some((note) => note.severity === "error")) return { files, notes, problems: [], valid: false };
  const staging = mkdtempSync(path.join(tmpdir(), "ladder-import-"));
  try {
    await writeFiles(staging, files);
    const validation = await validateDataDir(staging, staging);
    // Shown where they would have been written.
    const problems = validation.problems.map((problem) =>
      formatProblem({ ...problem, file: path.join(dir, problem.file) }),
    );
    const valid = problems.length === 0;
    if (valid && !dryRun) cpSync(path.join(staging, track), target, { recursive: true });
    return { files, notes, problems, valid };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
