import { buildHandbook, type Handbook } from "../handbook/buildHandbook";
import { checkHandbookRules } from "./checkHandbookRules";
import { checkTextLinks } from "./checkTextLinks";
import { checkPublishedIds, publishedIdsOfLock, type PublishedIds } from "../links/checkPublishedIds";
import { unlockedIds, type TrackId } from "../links/lockPublishedIds";
import { parseSources } from "./parseSources";
import { sortProblems, type Problem } from "./problems";
import { readDataDir } from "./readDataDir";
import { readPublishedIds } from "../links/readPublishedIds";
import { checkSplitFrom } from "../releases/checkSplitFrom";
import { lockReplacedProblem, publishedIdsOfReleases, unreleasedLockIds } from "../releases/publishedIds";
import { readReleases } from "../releases/readReleases";
import type { Release } from "../releases/release";

/** What {@link validateDataDir} found. */
export interface DataDirValidation {
  /** The handbook, only when there are no problems. */
  handbook?: Handbook;
  problems: Problem[];
  /** With the handbook: the releases, oldest first (each followed by the one made after it). */
  releases?: Release[];
  /**
   * With the handbook, for a data folder with the legacy lock (`published-ids.json`) and no
   * release yet: its ids that the lock does not list yet. With releases, changes not released
   * yet are the normal state of a framework being edited, so there are none.
   */
  unlockedIds?: TrackId[];
}

/**
 * Reads and checks the whole data folder: syntax, schemas, the cross-file rules, the releases
 * (see `readReleases`), then that every published id (any release's, or with no release yet the
 * legacy lock's) is still an id or alias and that `splitFrom` names a released id, and last, on
 * the whole handbook, that the texts' links into it lead somewhere. Returns every problem at
 * once (sorted by file), and the handbook and releases only when there are none.
 */
export async function validateDataDir(dataDir: string, root = process.cwd()): Promise<DataDirValidation> {
  const reading = await readDataDir(dataDir, root);
  const parsed = parseSources(reading.sources);
  const { releases, problems: releaseProblems } = readReleases(dataDir, root);
  const lock = readPublishedIds(dataDir, root);
  const lockExists = lock.lock !== undefined || lock.problems.length > 0;

  const lockProblems: Problem[] = [];
  let published: PublishedIds | undefined;
  if (releases.length > 0) {
    // The releases took the lock's place; ids it lists that no release holds are checked still.
    published = publishedIdsOfReleases(releases);
    if (lockExists) {
      const unreleased = lock.lock && unreleasedLockIds(lock.lock, releases);
      lockProblems.push(lockReplacedProblem(lock.file, unreleased));
      for (const [track, fromLock] of unreleased ? publishedIdsOfLock(unreleased, lock.file) : []) {
        const fromReleases = published.get(track);
        if (!fromReleases) published.set(track, fromLock);
        else for (const [id, record] of fromLock.ids) fromReleases.ids.set(id, record);
      }
    }
  } else {
    lockProblems.push(...lock.problems);
    if (lock.lock) published = publishedIdsOfLock(lock.lock, lock.file);
  }
  // A file that could not be read hides its ids; reporting them as vanished would mislead.
  const publishedProblems =
    published && reading.problems.length === 0 ? checkPublishedIds(published, parsed.partial) : [];

  const problems = sortProblems([
    ...reading.problems,
    ...parsed.problems,
    ...checkHandbookRules(parsed.partial),
    ...releaseProblems,
    ...lockProblems,
    ...publishedProblems,
    // As for ids: a release that could not be read hides the ids it released.
    ...(releaseProblems.length === 0 ? checkSplitFrom(parsed.partial, releases) : []),
  ]);
  if (problems.length > 0) return { problems };
  const handbook = buildHandbook(parsed.sources);
  const linkProblems = checkTextLinks(parsed.sources, handbook, releases);
  if (linkProblems.length > 0) return { problems: sortProblems(linkProblems) };
  return {
    handbook,
    problems,
    releases,
    unlockedIds: lock.lock && releases.length === 0 ? unlockedIds(handbook, lock.lock) : [],
  };
}
