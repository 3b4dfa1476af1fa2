import type { TrackId } from "../lib/links/lockPublishedIds";
import { formatProblem } from "../lib/data/problems";
import { PUBLISHED_IDS_FILE } from "../lib/links/readPublishedIds";
import { summarizeHandbook } from "../lib/data/summarizeHandbook";
import { validateDataDir } from "../lib/data/validateDataDir";
import { dataDirOption, EXIT, parseCommandArgs, plural, printJson, type Command } from "./cli";

/** How many unlocked ids the reminder names before it only counts the rest. */
const NAMED_IDS = 5;

/** The reminder that the lock is missing ids, ending with the one command that adds them. */
function unlockedReminder(dir: string, ids: TrackId[]): string {
  const named = ids.slice(0, NAMED_IDS).map(({ track, id }) => `${track}/${id}`);
  const more = ids.length > NAMED_IDS ? ` and ${ids.length - NAMED_IDS} more` : "";
  // Names another data folder explicitly, so the command works whatever the environment.
  const command = `npx ladder lock${dir === "data" ? "" : ` --data-dir ${dir}`}`;
  return (
    `${plural(ids.length, "id is", "ids are")} not in ${dir}/${PUBLISHED_IDS_FILE} yet (${named.join(", ")}${more}). ` +
    `Once published, their short links must keep working; record them with: ${command}`
  );
}

export const validateCommand: Command = {
  name: "validate",
  summary: "check every data file; what `npm run validate` (and so `npm run build`) does",
  help: `Usage: ladder validate [--data-dir <folder>] [--json]

Checks every data file against the schemas and the rules across files, and that every id
in published-ids.json is still an id or an alias. Lists every problem at once, one per line,
as "file: path.to.field: what is wrong and what to do".

Options:
  --data-dir <folder>  the data folder (default: $LADDER_DATA_DIR, else data)
  --json               print the result as JSON: { valid, dataDir, summary, problems, unlockedIds }
  -h, --help           show this help

Exit code: 0 when the data is valid, 1 when it has problems, 2 when called wrongly.`,

  async run(args) {
    const { values } = parseCommandArgs(args, {});
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    const dir = dataDirOption(values["data-dir"]);
    const { handbook, problems, unlockedIds = [] } = await validateDataDir(dir);
    const summary = handbook ? summarizeHandbook(handbook) : undefined;
    if (values.json) {
      printJson({ valid: Boolean(handbook), dataDir: dir, summary: summary ?? null, problems, unlockedIds });
    } else if (!handbook) {
      for (const problem of problems) console.error(formatProblem(problem));
      console.error(
        `\n${plural(problems.length, "problem")} in ${dir}/: fix ${problems.length === 1 ? "it" : "them"} and run again.`,
      );
    } else {
      console.log(`${dir}/ is valid: ${summary}.`);
      if (unlockedIds.length > 0) console.log(unlockedReminder(dir, unlockedIds));
    }
    return handbook ? EXIT.ok : EXIT.problems;
  },
};
