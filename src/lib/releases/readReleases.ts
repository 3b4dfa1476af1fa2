import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { displayPath } from "../data/displayPath";
import { readJsonText } from "../data/parseJson";
import type { Problem } from "../data/problems";
import { readDataText } from "../data/readDataText";
import { schemaProblems } from "../data/schemaProblems";
import { releaseNameSchema, releaseSchema } from "../schemas";
import { RELEASES_FOLDER, releaseDigest, type Release } from "./release";

/**
 * The largest release file Ladder reads. A release records every behavior of every track, so it
 * grows with the framework (a 10,000-behavior framework is a few megabytes); it is JSON, read
 * once per run, never parsed as Markdown, so it may be far larger than the other data files.
 */
export const MAX_RELEASE_BYTES = 64 * 1024 * 1024;

/** What {@link readReleases} found. */
export interface ReleasesReading {
  /**
   * Every release that could be read (its name valid and its content as the schema says), the
   * first first and each followed by the one naming it as `previous`: oldest first. With
   * problems in the chain, those off the chain follow by date.
   */
  releases: Release[];
  problems: Problem[];
}

/** What to do about a release whose content changed. */
const RESTORE = "restore it from version control (a release never changes; record changes in a new release)";

/** The whole-file problem of a release that is not what was released. */
export const EDITED_RELEASE = `was edited after it was released: ${RESTORE}`;

/**
 * Reads `{dataDir}/releases/*.json`, the framework as published under each name, and checks
 * what makes them releases: each file's schema, that its name is a release's, that its digest
 * matches its content (so an edited release is found), and that the releases form one chain
 * (one first release, each other naming the one before it with its digest, no two naming the
 * same, dates never going back). No folder means nothing is released yet: not a problem.
 */
export function readReleases(dataDir: string, root = process.cwd()): ReleasesReading {
  const folder = path.join(dataDir, RELEASES_FOLDER);
  // A file named `releases` is reported by readDataDir, as any unknown file beside the tracks.
  if (!existsSync(folder) || !isDirectory(folder)) return { releases: [], problems: [] };
  const shownFolder = displayPath(folder, root);
  const problems: Problem[] = [];
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((name) => !name.startsWith("."))
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    problems.push({
      file: shownFolder,
      path: "",
      message: `cannot be read (${code}): no release is checked; make the folder readable`,
    });
    return { releases: [], problems };
  }

  // The folder of a track named `releases` would be taken for the releases.
  if (names.includes("track.json")) {
    problems.push({
      file: shownFolder,
      path: "",
      message: `holds a track.json, but the folder ${RELEASES_FOLDER}/ holds the data folder's releases, so no track may be named "${RELEASES_FOLDER}": rename the track's folder (and move its files there)`,
    });
  }

  /** Every file named as a release, even one that cannot be read: a `previous` naming it is not missing. */
  const present = new Set<string>();
  const read: Release[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const shown = displayPath(file, root);
    if (name === "track.json") continue;
    if (!name.endsWith(".json") || isDirectory(file)) {
      problems.push({
        file: shown,
        path: "",
        message: `is not a release: ${RELEASES_FOLDER}/ holds only release files, {name}.json, written by ladder release: move it out of the data folder`,
      });
      continue;
    }
    const releaseName = name.slice(0, -".json".length);
    const validName = releaseNameSchema.safeParse(releaseName);
    if (!validName.success) {
      problems.push({
        file: shown,
        path: "",
        message: `file name "${releaseName}" is not a release name: it ${validName.error.issues[0].message}: rename the file (a release's name is its file's name)`,
      });
      continue;
    }
    present.add(releaseName);
    const text = readDataText(file, shown, problems, {
      fix: "make it readable, or restore it from version control",
      limit: MAX_RELEASE_BYTES,
    });
    if (text === undefined) continue;
    const data = parseRelease(shown, text, problems);
    if (data === undefined) continue;
    const result = releaseSchema.safeParse(data);
    if (!result.success) {
      problems.push(
        ...schemaProblems(shown, releaseSchema, result.error.issues).map((problem) => ({
          ...problem,
          message: `${problem.message} (a release is written by ladder release and never edited: if it was, restore it from version control)`,
        })),
      );
      continue;
    }
    if (result.data.digest !== releaseDigest(result.data)) {
      problems.push({ file: shown, path: "", message: EDITED_RELEASE });
    }
    read.push({ ...result.data, name: releaseName, file: shown });
  }

  const chain = chainReleases(read, present);
  return { releases: chain.releases, problems: [...problems, ...chain.problems] };
}

/**
 * A release's JSON. Releases are large (every behavior of every track, in every release) and
 * written by a program, so they are parsed by `JSON.parse`, a hundred times faster than the
 * reader of data files; that reader, which places a syntax error by line and column, reads only
 * a file `JSON.parse` refuses. A key written twice, which it would report, needs no check here:
 * the digest says whether the content read is what was released.
 */
function parseRelease(shown: string, text: string, problems: Problem[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const json = readJsonText(shown, text, ", or restore the file from version control");
    problems.push(...json.problems);
    return json.data;
  }
}

/**
 * Orders releases into their chain and reports every way they fail to form one: a second
 * first release, a `previous` that is missing or whose digest is not that release's (it was
 * edited, or edited and digested anew, after this one was made), two releases after the same
 * one (a fork, as two branches each releasing would make), releases whose `previous` lead
 * round in a circle, and a date before the previous release's.
 */
export function chainReleases(
  releases: readonly Release[],
  present: ReadonlySet<string> = new Set(releases.map((release) => release.name)),
): ReleasesReading {
  const problems: Problem[] = [];
  const byName = new Map(releases.map((release) => [release.name, release]));
  const byDate = [...releases].sort((a, b) => compare(a.date, b.date) || compare(a.name, b.name));

  const firsts = byDate.filter((release) => release.previous === null);
  for (const release of firsts.slice(1)) {
    problems.push({
      file: release.file,
      path: "previous",
      message: `is null, so this is a first release, but ${firsts[0].name} (${firsts[0].file}) is the first already: releases form one chain, each naming the one before it; keep the one that was published, and make the other's changes again with ladder release`,
    });
  }

  /** The releases naming each release as their previous. */
  const next = new Map<string, Release[]>();
  for (const release of byDate) {
    const previous = release.previous;
    if (previous === null) continue;
    const before = byName.get(previous.name);
    if (!before) {
      // One that exists but could not be read has its own problem.
      if (!present.has(previous.name)) {
        problems.push({
          file: release.file,
          path: "previous.name",
          message: `names the release "${previous.name}", but ${RELEASES_FOLDER}/${previous.name}.json does not exist: restore it from version control (each release names the one before it)`,
        });
      }
      continue;
    }
    if (before.digest !== previous.digest) {
      problems.push({
        file: release.file,
        path: "previous.digest",
        message: `is not the digest of ${before.file}: that release was changed after this one was made: restore ${before.file} from version control`,
      });
    }
    if (release.date < before.date) {
      problems.push({
        file: release.file,
        path: "date",
        message: `is ${release.date}, before ${before.date}, the date of the release before it (${before.name}): dates never go back from one release to the next: ${RESTORE}`,
      });
    }
    next.set(before.name, [...(next.get(before.name) ?? []), release]);
  }

  for (const [name, after] of next) {
    if (after.length < 2) continue;
    for (const release of after) {
      const others = after.filter((other) => other !== release).map((other) => other.file);
      problems.push({
        file: release.file,
        path: "previous.name",
        message: `names "${name}" as the release before it, as ${others.join(" and ")} ${others.length === 1 ? "does" : "do"}: releases form one chain, so only one release may follow each (two were made on separate branches?); keep the one that was published, and make the other's changes again with ladder release after it`,
      });
    }
  }

  // From the first release, one step at a time while exactly one release follows.
  const ordered: Release[] = [];
  const reached = new Set<string>();
  let current: Release | undefined = firsts[0];
  while (current && !reached.has(current.name)) {
    ordered.push(current);
    reached.add(current.name);
    const after: Release[] = next.get(current.name) ?? [];
    current = after.length === 1 ? after[0] : undefined;
  }

  // Releases whose previous exist, with no fork in the way, and still not reached: a circle.
  const forked = new Set([...next.values()].filter((after) => after.length > 1).flat());
  const circling = byDate.filter(
    (release) =>
      !reached.has(release.name) &&
      release.previous !== null &&
      !forked.has(release) &&
      leadsBackTo(release, byName),
  );
  for (const release of circling) {
    problems.push({
      file: release.file,
      path: "previous.name",
      message: `following each release's previous from here comes back to this release: releases form one chain from a first release (previous: null), each made after the one it names: ${RESTORE}`,
    });
  }
  return { releases: [...ordered, ...byDate.filter((release) => !reached.has(release.name))], problems };
}

/** Whether following `previous` from `release` comes back to it. */
function leadsBackTo(release: Release, byName: ReadonlyMap<string, Release>): boolean {
  const seen = new Set<string>();
  let current: Release | undefined = release;
  while (current?.previous && !seen.has(current.name)) {
    seen.add(current.name);
    current = byName.get(current.previous.name);
    if (current === release) return true;
  }
  return false;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `file` is a folder; false for anything unreadable, such as a broken link. */
function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
