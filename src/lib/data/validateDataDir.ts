import { buildHandbook, type Handbook } from "../handbook/buildHandbook";
import { checkHandbookRules } from "./checkHandbookRules";
import { checkTextLinks } from "./checkTextLinks";
import { checkPublishedIds } from "../links/checkPublishedIds";
import { unlockedIds, type TrackId } from "../links/lockPublishedIds";
import { parseSources } from "./parseSources";
import { sortProblems, type Problem } from "./problems";
import { readDataDir } from "./readDataDir";
import { readPublishedIds } from "../links/readPublishedIds";

/** What {@link validateDataDir} found. */
export interface DataDirValidation {
  /** The handbook, only when there are no problems. */
  handbook?: Handbook;
  problems: Problem[];
  /** With the handbook: its ids that `published-ids.json` does not list yet (`ladder lock` adds them). */
  unlockedIds?: TrackId[];
}

/**
 * Reads and checks the whole data folder: syntax, schemas, the cross-file rules, then that
 * every id in `published-ids.json` is still an id or alias, and last, on the whole handbook,
 * that the texts' links into it lead somewhere. Returns every problem at once
 * (sorted by file), and the handbook only when there are none.
 */
export async function validateDataDir(dataDir: string, root = process.cwd()): Promise<DataDirValidation> {
  const reading = await readDataDir(dataDir, root);
  const parsed = parseSources(reading.sources);
  const published = readPublishedIds(dataDir, root);
  // A file that could not be read hides its ids; reporting them as vanished would mislead.
  const lockProblems =
    published.lock && reading.problems.length === 0
      ? checkPublishedIds(published.lock, published.file, parsed.partial)
      : [];
  const problems = sortProblems([
    ...reading.problems,
    ...parsed.problems,
    ...checkHandbookRules(parsed.partial),
    ...published.problems,
    ...lockProblems,
  ]);
  if (problems.length > 0) return { problems };
  const handbook = buildHandbook(parsed.sources);
  const linkProblems = checkTextLinks(parsed.sources, handbook);
  if (linkProblems.length > 0) return { problems: sortProblems(linkProblems) };
  return { handbook, problems, unlockedIds: unlockedIds(handbook, published.lock) };
}
