import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { formatProblem } from "../lib/data/problems";
import { validateDataDir } from "../lib/data/validateDataDir";
import { exportRows, exportTrack, type ExportFormat } from "../lib/import/sheets/exportTrack";
import {
  dataDirOption,
  EXIT,
  parseCommandArgs,
  plural,
  printJson,
  UsageError,
  writeFileAtomically,
  type Command,
} from "./cli";

const FORMATS: ExportFormat[] = ["csv", "xlsx", "md"];

/** The byte-order mark that makes spreadsheet programs (Excel) read a CSV file as UTF-8. */
const UTF8_BOM = "\uFEFF";

export const exportCommand: Command = {
  name: "export",
  summary: "write a track as a spreadsheet (csv, xlsx) or a Markdown page, with a column of ids",
  help: `Usage: ladder export --track <id> --format csv|xlsx|md [--out <file>] [--force]
                    [--data-dir <folder>] [--json]

Writes a track for people who read and edit it outside Ladder (HR, reviewers):

  csv, xlsx   one row per behavior, the shared expectations first, then each level in order,
              each by category in the track's order, under the header row
                id | level | category | text | example 1 | example 2 | …
              (level: the level's code, or the shared section's title such as "All Levels";
              category: its title, empty on a track without categories). Texts are verbatim,
              inline Markdown included. Edit texts, move rows, add rows without an id, then
              bring the sheet back with: ladder import <sheet> --into <track>
  md          a Markdown page: "# {track}", "## {code} · {title}" per level,
              "### {category}" per category, "- {text} {#id}" per behavior, examples nested.

Without --out, csv and md are printed; an xlsx workbook needs --out. An existing file is not
overwritten without --force; a file is written whole or not at all. A csv file starts with a
byte-order mark, so spreadsheet programs read it as UTF-8.

Options:
  --track <id>         the track to export
  --format <format>    csv, xlsx or md
  --out <file>         the file to write
  --force              overwrite --out if it exists
  --data-dir <folder>  the data folder (default: $LADDER_DATA_DIR, else data)
  --json               print { track, format, file, behaviors } as JSON (needs --out)
  -h, --help           show this help

Exit code: 0 when exported, 1 when the data has problems or the file exists, 2 when called
wrongly.`,

  async run(args) {
    const { values } = parseCommandArgs(args, {
      track: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
    });
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    const trackId = values.track;
    if (!trackId) throw new UsageError("--track <id> is required: the track to export");
    const format = values.format as ExportFormat | undefined;
    if (!format || !FORMATS.includes(format))
      throw new UsageError(
        `--format must be one of ${FORMATS.join(", ")}${format ? `, not "${format}"` : ""}`,
      );
    const out = values.out;
    if (!out && format === "xlsx")
      throw new UsageError("an xlsx workbook is not text: name its file with --out");
    if (!out && values.json) throw new UsageError("--json prints what was written: name the file with --out");

    const dir = dataDirOption(values["data-dir"]);
    const { handbook, problems } = await validateDataDir(dir);
    if (!handbook) {
      for (const problem of problems) console.error(formatProblem(problem));
      console.error(
        `\nThe data in ${dir}/ has ${plural(problems.length, "problem")}: fix them, then export.`,
      );
      return EXIT.problems;
    }
    const track = handbook.tracks.find((candidate) => candidate.id === trackId);
    if (!track) {
      const ids = handbook.tracks.map((candidate) => candidate.id).join(", ");
      console.error(`ladder export: ${dir}/ has no track "${trackId}" (its tracks: ${ids || "none"}).`);
      return EXIT.problems;
    }
    if (out && existsSync(out) && statSync(out).isDirectory()) {
      console.error(
        `ladder export: ${out} is a folder: name the file to write, e.g. ${path.join(out, `${trackId}.${format}`)}`,
      );
      return EXIT.problems;
    }
    if (out && existsSync(out) && !values.force) {
      console.error(
        `ladder export: ${out} exists already: pass --force to overwrite it, or name another file.`,
      );
      return EXIT.problems;
    }

    const exported = await exportTrack(track, format);
    const behaviors = exportRows(track).length;
    if (!out) {
      // Printed as console.log prints (its newline ends the text), so it can be captured alike.
      console.log((exported as string).replace(/\n$/, ""));
      return EXIT.ok;
    }
    writeFileAtomically(out, format === "csv" ? `${UTF8_BOM}${exported as string}` : exported);
    if (values.json) printJson({ track: track.id, format, file: out, behaviors });
    else console.log(`Wrote ${out}: ${plural(behaviors, "behavior")} of ${track.id}.`);
    return EXIT.ok;
  },
};
