import { existsSync, linkSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { formatProblem } from "../lib/data/problems";
import { validateDataDir } from "../lib/data/validateDataDir";
import { PUBLISHED_IDS_FILE, readPublishedIds } from "../lib/links/readPublishedIds";
import { releasedIds } from "../lib/releases/publishedIds";
import {
  canonicalJson,
  makeRelease,
  RELEASES_FOLDER,
  releasedItems,
  snapshotTracks,
  type Release,
} from "../lib/releases/release";
import { releaseDateSchema, releaseNameSchema, type ReleasedTrackData } from "../lib/schemas";
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
  --json               print { release, file, date, previous, tracks, lock, written } as JSON
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
      throw new UsageError(
        `--date ${date} is before ${latest.date}, the date of the latest release (${latest.name}): a release is dated on or after the one before it`,
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
    const tracks = trackSummaries(latest, release);
    const lock = readPublishedIds(dir);
    const lockIds = Object.entries(lock.lock?.tracks ?? {}).flatMap(([track, ids]) =>
      Object.keys(ids).map((id) => ({ track, id })),
    );
    // Validation guarantees it; checked again, because removing the lock must lose nothing.
    const unreleased = lockIds.filter(({ track, id }) => !releasedIds([release], track).has(id));
    const dryRun = Boolean(values["dry-run"]);

    if (!dryRun && !(await writeNewJsonFile(file, data))) {
      console.error(`${file} was written by another process meanwhile: nothing was released; run again`);
      return EXIT.problems;
    }
    const removeLock = Boolean(lock.lock) && unreleased.length === 0;
    if (removeLock && !dryRun) rmSync(path.join(dir, PUBLISHED_IDS_FILE));

    if (values.json) {
      printJson({
        release: name,
        file,
        date,
        previous: latest?.name ?? null,
        tracks,
        lock: lock.lock
          ? { file: lock.file, ids: lockIds.length, removed: removeLock && !dryRun, unreleased }
          : null,
        written: !dryRun,
      });
    } else {
      const after = latest ? `, after ${latest.name} (${latest.date})` : ", the first release";
      console.log(`${dryRun ? "Would record" : "Recorded"} ${name}, dated ${date}${after}:`);
      for (const track of tracks) console.log(`  ${trackLine(track)}`);
      console.log(dryRun ? `Dry run: ${file} is not written.` : `Wrote ${file}.`);
      if (lock.lock && removeLock) {
        const ids = `its ${plural(lockIds.length, "id")} ${lockIds.length === 1 ? "is" : "are all"} in ${file}, which takes its place`;
        console.log(dryRun ? `Would remove ${lock.file}: ${ids}.` : `Removed ${lock.file}: ${ids}.`);
      } else if (lock.lock) {
        console.error(
          `Kept ${lock.file}: ${plural(unreleased.length, "id")} of it ${unreleased.length === 1 ? "is" : "are"} not in ${file} (${unreleased.map(({ track, id }) => `${track}/${id}`).join(", ")}): make each an id or alias again, then delete it`,
        );
      }
    }
    return lock.lock && !removeLock ? EXIT.problems : EXIT.ok;
  },
};

/** What a release records of one track, and how it differs from the release before. */
interface TrackSummary {
  track: string;
  behaviors: number;
  responsibilities: number;
  /** Against the release before; absent for the first release or a track new in this one. */
  changes?: { added: number; removed: number; reworded: number };
}

/** Per track: what `release` records, and ids added and removed and texts changed since `previous`. */
function trackSummaries(
  previous: Pick<Release, "tracks"> | undefined,
  release: Pick<Release, "tracks">,
): TrackSummary[] {
  const texts = (track: ReleasedTrackData | undefined) =>
    new Map(track ? releasedItems(track).map((item) => [item.id, item.text]) : []);
  return Object.entries(release.tracks).map(([track, content]) => {
    const summary: TrackSummary = {
      track,
      behaviors: content.behaviors.length,
      responsibilities: content.responsibilities.length,
    };
    const before = previous && Object.hasOwn(previous.tracks, track) ? previous.tracks[track] : undefined;
    if (!before) return summary;
    const [was, now] = [texts(before), texts(content)];
    summary.changes = {
      added: [...now.keys()].filter((id) => !was.has(id)).length,
      removed: [...was.keys()].filter((id) => !now.has(id)).length,
      reworded: [...now].filter(([id, text]) => was.has(id) && was.get(id) !== text).length,
    };
    return summary;
  });
}

function trackLine({ track, behaviors, responsibilities, changes }: TrackSummary): string {
  const counts = `${track}: ${plural(behaviors, "behavior")}, ${plural(responsibilities, "responsibility", "responsibilities")}`;
  if (!changes) return counts;
  const { added, removed, reworded } = changes;
  return added + removed + reworded === 0
    ? `${counts} (no id added or removed, no text changed)`
    : `${counts} (ids: ${added} added, ${removed} removed; ${plural(reworded, "text")} changed)`;
}

/**
 * Writes a JSON file whole, as `writeJsonFile` does, but never over an existing one: written
 * under a hidden name beside it first, then linked to its name, which fails if the name was
 * taken in the meantime (false then). Where a file system has no links, it is renamed into place.
 */
async function writeNewJsonFile(file: string, data: unknown): Promise<boolean> {
  const partial = path.join(path.dirname(file), `.${path.basename(file, ".json")}.${process.pid}.json`);
  try {
    await writeJsonFile(partial, data);
    try {
      linkSync(partial, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST" || existsSync(file)) return false;
      renameSync(partial, file);
    }
    return true;
  } finally {
    rmSync(partial, { force: true });
  }
}
