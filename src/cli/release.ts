import { existsSync, linkSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { formatProblem } from "../lib/data/problems";
import { validateDataDir } from "../lib/data/validateDataDir";
import { PUBLISHED_IDS_FILE, readPublishedIds } from "../lib/links/readPublishedIds";
import { releasedIds } from "../lib/releases/publishedIds";
import { countsPhrase, releaseChanges, type TrackChanges } from "../lib/releases/changes";
import {
  canonicalJson,
  makeRelease,
  RELEASES_FOLDER,
  snapshotTracks,
  type Release,
} from "../lib/releases/release";
import { releaseDateSchema, releaseNameSchema } from "../lib/schemas";
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

export const releaseCommand: Command = {
  name: "release",
  summary: "record the framework as published under a name, in releases/{name}.json",
  help: `Usage: ladder release <name> [--date YYYY-MM-DD] [--dry-run] [--data-dir <folder>] [--json]

Records the framework as it is now as the release <name> (such as 2026-h2, v3 or v3.1:
lowercase letters and digits joined by single hyphens or dots): for every track, every
behavior and responsibility with its id, text, level or role, category and aliases, in
{data folder}/${RELEASES_FOLDER}/<name>.json. The handbook's changelog compares releases, and
every id in a release keeps its short link: from then on, validation fails if one of them is
neither an id nor an alias. A release never changes once written (validation finds an edited
one): commit the file with the data.

The data is validated first. The command refuses a name that is taken, a date before the
latest release's, and a framework that has not changed since the latest release. It prints
what the release records and never overwrites a file.

The first release takes the place of ${PUBLISHED_IDS_FILE} (from ladder lock): once every id it
lists is in the release, the command removes it.

Options:
  --date <YYYY-MM-DD>  the release's date (default: today, in UTC)
  --dry-run            print what would be recorded; write and remove nothing
  --data-dir <folder>  the data folder (default: $LADDER_DATA_DIR, else data)
  --json               print { release, file, date, previous, summary, counts, tracks, lock,
                       written } as JSON (tracks: what changed in each since the latest release)
  -h, --help           show this help

Exit code: 0 when released (or, with --dry-run, releasable), 1 when the data has problems or
nothing changed since the latest release, 2 when called wrongly (a name that is invalid or
taken, a date before the latest release's).`,

  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { date: { type: "string" }, "dry-run": { type: "boolean" } },
      true,
    );
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0
          ? "name the release, e.g. ladder release 2026-h2"
          : `name one release, not ${positionals.length}: ${positionals.join(", ")}`,
      );
    }
    const [name] = positionals;
    const validName = releaseNameSchema.safeParse(name);
    if (!validName.success) {
      throw new UsageError(`"${name}" is not a release name: it ${validName.error.issues[0].message}`);
    }
    const date = values.date ?? new Date().toISOString().slice(0, 10);
    const validDate = releaseDateSchema.safeParse(date);
    if (!validDate.success) throw new UsageError(`--date ${date} ${validDate.error.issues[0].message}`);

    const dir = dataDirOption(values["data-dir"]);
    const { handbook, problems, releases = [] } = await validateDataDir(dir);
    if (!handbook) {
      if (values.json) printJson({ release: name, written: false, problems });
      else {
        for (const problem of problems) console.error(formatProblem(problem));
        console.error(
          `\nThe data in ${dir}/ has ${plural(problems.length, "problem")}: fix them, then release it.`,
        );
      }
      return EXIT.problems;
    }

    const file = path.join(dir, RELEASES_FOLDER, `${name}.json`);
    if (existsSync(file) || releases.some((release) => release.name === name)) {
      throw new UsageError(`${file} exists already, and a release never changes: choose another name`);
    }
    const latest = releases.at(-1);
    if (latest && date < latest.date) {
      // Without --date the day is today's: say so, rather than name an option not given.
      const day = values.date === undefined ? `today, ${date},` : `--date ${date}`;
      throw new UsageError(
        `${day} is before ${latest.date}, the date of the latest release (${latest.name}): a release is dated on or after the one before it${values.date === undefined ? " (give --date)" : ""}`,
      );
    }
    if (latest && canonicalJson(snapshotTracks(handbook)) === canonicalJson(latest.tracks)) {
      const message = `nothing to release: the data in ${dir}/ is as ${latest.file} recorded it`;
      if (values.json) printJson({ release: name, written: false, latest: latest.name, message });
      else console.error(message);
      return EXIT.problems;
    }

    const data = makeRelease(handbook, { date, previous: latest ?? null });
    const release: Release = { ...data, name, file };
    const changes = releaseChanges(latest, release);
    const lock = readPublishedIds(dir);
    const lockIds = Object.entries(lock.lock?.tracks ?? {}).flatMap(([track, ids]) =>
      Object.keys(ids).map((id) => ({ track, id })),
    );
    // Validation guarantees it; checked again, because removing the lock must lose nothing.
    const unreleased = lockIds.filter(({ track, id }) => !releasedIds([release], track).has(id));
    const dryRun = Boolean(values["dry-run"]);

    // The lock is removed only once the release that takes its place is written.
    const failure = dryRun ? undefined : await writeNewJsonFile(file, data);
    if (failure) {
      const message = `${file} ${failure}: nothing was released${lock.lock ? `, and ${lock.file} is kept` : ""}`;
      if (values.json) printJson({ release: name, file, written: false, message });
      else console.error(message);
      return EXIT.problems;
    }
    const removeLock = Boolean(lock.lock) && unreleased.length === 0;
    let lockKept: string | undefined;
    if (removeLock && !dryRun) {
      try {
        rmSync(path.join(dir, PUBLISHED_IDS_FILE));
      } catch (error) {
        lockKept = `cannot be removed (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`;
      }
    }

    if (values.json) {
      printJson({
        release: name,
        file,
        date,
        previous: latest?.name ?? null,
        summary: changes.summary,
        counts: changes.counts,
        tracks: changes.tracks.map(({ groups: _, ...track }) => track),
        lock: lock.lock
          ? { file: lock.file, ids: lockIds.length, removed: removeLock && !dryRun && !lockKept, unreleased }
          : null,
        written: !dryRun,
      });
    } else {
      const after = latest ? `, after ${latest.name} (${latest.date})` : ", the first release";
      console.log(`${dryRun ? "Would record" : "Recorded"} ${name}, dated ${date}${after}:`);
      for (const track of changes.tracks) console.log(`  ${trackLine(track)}`);
      console.log(changes.summary);
      console.log(dryRun ? `Dry run: ${file} is not written.` : `Wrote ${file}.`);
      const ids = `its ${plural(lockIds.length, "id")} ${lockIds.length === 1 ? "is" : "are all"} in ${file}, which takes its place`;
      if (lock.lock && lockKept) console.error(`${lock.file} ${lockKept}: ${ids}: delete it`);
      else if (lock.lock && removeLock) {
        console.log(dryRun ? `Would remove ${lock.file}: ${ids}.` : `Removed ${lock.file}: ${ids}.`);
      } else if (lock.lock) {
        console.error(
          `Kept ${lock.file}: ${plural(unreleased.length, "id")} of it ${unreleased.length === 1 ? "is" : "are"} not in ${file} (${unreleased.map(({ track, id }) => `${track}/${id}`).join(", ")}): make each an id or alias again, then delete it`,
        );
      }
    }
    return lock.lock && (!removeLock || lockKept) ? EXIT.problems : EXIT.ok;
  },
};

/** One line per track of what a release changes, from `releaseChanges`. */
function trackLine({ track, status, items, counts, structure }: TrackChanges): string {
  const count = `${items} ${items === 1 ? "behavior or responsibility" : "behaviors and responsibilities"}`;
  if (status === "added") return `${track}: new track, ${count}`;
  if (status === "removed") return `${track}: track removed`;
  if (status === "unchanged") return `${track}: unchanged`;
  return `${track}: ${[countsPhrase(counts), ...structure].join("; ")}`;
}

/**
 * Writes a JSON file whole, as `writeJsonFile` does, but never over an existing one: written
 * under a hidden name beside it first, then linked to its name, which fails if the name was
 * taken in the meantime. Where a file system has no links, it is renamed into place. Returns
 * why the file was not written, if it was not.
 */
async function writeNewJsonFile(file: string, data: unknown): Promise<string | undefined> {
  const partial = path.join(path.dirname(file), `.${path.basename(file, ".json")}.${process.pid}.json`);
  try {
    await writeJsonFile(partial, data);
    try {
      linkSync(partial, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST" || existsSync(file)) {
        return "was written by another process meanwhile";
      }
      renameSync(partial, file);
    }
    return undefined;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String((error as Error).message).split("\n")[0];
    return `cannot be written (${reason})`;
  } finally {
    rmSync(partial, { force: true });
  }
}
