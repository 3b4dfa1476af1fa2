import path from "node:path";
import { lockPublishedIds, outdatedIds, unlockedIds } from "../lib/links/lockPublishedIds";
import { formatProblem } from "../lib/data/problems";
import { PUBLISHED_IDS_FILE, readPublishedIds } from "../lib/links/readPublishedIds";
import { validateDataDir } from "../lib/data/validateDataDir";
import { readReleases } from "../lib/releases/readReleases";
import { RELEASES_FOLDER } from "../lib/releases/release";
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

/** What every run of ladder lock ends with. */
const REPLACED = `ladder release replaces ladder lock: a release records every id with its text, and takes the place of ${PUBLISHED_IDS_FILE} (npx ladder release <name>).`;

export const lockCommand: Command = {
  name: "lock",
  summary: `(replaced by ladder release) add every id and alias to ${PUBLISHED_IDS_FILE}`,
  help: `Usage: ladder lock [--check] [--data-dir <folder>] [--json]

Replaced by ladder release, which records every id with its text in a release, and takes
the place of ${PUBLISHED_IDS_FILE} (removing it) the first time it is run. Once the data
folder has releases, ladder lock refuses to run. Until then, it works as it always did:

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
ids missing, 2 when called wrongly or when the data folder has releases.`,

  async run(args) {
    const { values } = parseCommandArgs(args, { check: { type: "boolean" } });
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    const dir = dataDirOption(values["data-dir"]);
    const releases = readReleases(dir);
    if (releases.releases.length > 0 || releases.problems.length > 0) {
      throw new UsageError(
        `${dir}/${RELEASES_FOLDER}/ holds releases, which keep their ids working: ladder lock is replaced by ladder release (npx ladder release <name>)`,
      );
    }
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
    if (!values.json) console.log(REPLACED);
    return values.check && added.length > 0 ? EXIT.problems : EXIT.ok;
  },
};
