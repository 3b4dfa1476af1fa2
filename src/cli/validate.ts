import { formatProblem } from "../lib/data/problems";
import { unlockedReminder } from "../lib/links/lockPublishedIds";
import { summarizeHandbook } from "../lib/data/summarizeHandbook";
import { validateDataDir } from "../lib/data/validateDataDir";
import { dataDirOption, EXIT, parseCommandArgs, plural, printJson, type Command } from "./cli";

export const validateCommand: Command = {
  name: "validate",
  summary: "check every data file; what `npm run validate` (and so `npm run build`) does",
  help: `Usage: ladder validate [--data-dir <folder>] [--json]

Checks every data file against the schemas and the rules across files, the releases (each as
it was released, all in one chain), and that every id in a release (or, before the first
release, in published-ids.json) is still an id or an alias. Lists every problem at once, one
per line, as "file: path.to.field: what is wrong and what to do".

Options:
  --data-dir <folder>  the data folder (default: $LADDER_DATA_DIR, else data)
  --json               print the result as JSON: { valid, dataDir, summary, problems, unlockedIds }
                       (unlockedIds: ids published-ids.json does not list yet, without releases)
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
