import path from "node:path";
import { lockPublishedIds, outdatedIds, unlockedIds } from "../lib/links/lockPublishedIds";
import { formatProblem } from "../lib/data/problems";
import { PUBLISHED_IDS_FILE, readPublishedIds } from "../lib/links/readPublishedIds";
import { validateDataDir } from "../lib/data/validateDataDir";
import { dataDirOption, EXIT, parseCommandArgs, plural, printJson, writeJsonFile, type Command } from "./cli";

export const lockCommand: Command = {
  name: "lock",
  summary: `add every current id and alias to ${PUBLISHED_IDS_FILE}, so its short link is kept forever`,
  help: `Usage: ladder lock [--check] [--data-dir <folder>] [--json]

Adds every behavior and responsibility id of the data, and every alias, to
{data folder}/${PUBLISHED_IDS_FILE} (creating it if need be), with its level or role and its
text as they are now. Ids are never removed from it: from then on, validation fails if one of
them is neither an id nor an alias, because links to it are out in roadmaps and tickets, and
names the behavior that probably took its place (the one with its text, else one on its
level). Run it when you publish new or changed behaviors, and commit the file with them.

Options:
  --check              change nothing; exit 1 if ids are missing from the lock (for CI)
  --data-dir <folder>  the data folder (default: $LADDER_DATA_DIR, else data)
  --json               print { file, added: [{ track, id }], updated, written } as JSON
                       (updated: how many listed ids get a new level, role or text)
  -h, --help           show this help

Exit code: 0 when the lock is (now) complete, 1 when the data has problems or --check finds
ids missing, 2 when called wrongly.`,

  async run(args) {
    const { values } = parseCommandArgs(args, { check: { type: "boolean" } });
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    const dir = dataDirOption(values["data-dir"]);
    const { handbook, problems } = await validateDataDir(dir);
    if (!handbook) {
      for (const problem of problems) console.error(formatProblem(problem));
      console.error(
        `\nThe data in ${dir}/ has ${plural(problems.length, "problem")}: fix them, then lock its ids.`,
      );
      return EXIT.problems;
    }
    const { lock, file } = readPublishedIds(dir);
    const added = unlockedIds(handbook, lock);
    const updated = outdatedIds(handbook, lock);
    const write = added.length + updated.length > 0 && !values.check;
    if (write) await writeJsonFile(path.join(dir, PUBLISHED_IDS_FILE), lockPublishedIds(handbook, lock));

    if (values.json) {
      printJson({ file, added, updated: updated.length, written: write });
    } else {
      if (added.length === 0) console.log(`${file} already lists every id and alias of ${dir}/.`);
      else {
        const byTrack = new Map<string, string[]>();
        for (const { track, id } of added) byTrack.set(track, [...(byTrack.get(track) ?? []), id]);
        const verb = values.check ? "missing from" : "added to";
        console.log(`${plural(added.length, "id")} ${verb} ${file}:`);
        for (const [track, ids] of byTrack) console.log(`  ${track}: ${ids.join(", ")}`);
        if (values.check) console.log("Record them with: npx ladder lock");
      }
      if (updated.length > 0) {
        const verb = values.check ? "would record" : "recorded";
        console.log(
          `The lock ${verb} the current level or role and text of ${plural(updated.length, "id")}.`,
        );
      }
    }
    return values.check && added.length > 0 ? EXIT.problems : EXIT.ok;
  },
};
