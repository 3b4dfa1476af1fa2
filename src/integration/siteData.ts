/**
 * The one way data enters the site: the data folder read and validated exactly as
 * `ladder validate` does it, then the prose rendered. The integration's Vite plugin serves the
 * result as `virtual:ladder/data`; with problems there is no site, only their list.
 */
import type { Handbook } from "../lib/handbook/buildHandbook";
import type { TrackId } from "../lib/links/lockPublishedIds";
import { formatProblem, type Problem } from "../lib/data/problems";
import { renderProse } from "../lib/handbook/renderProse";
import { validateDataDir } from "../lib/data/validateDataDir";

/** What every page of the handbook is built from. */
export interface SiteData {
  handbook: Handbook;
  /** The HTML of each prose page, by `{track}/{prose id}`. */
  proseHtml: Record<string, string>;
}

/** Reads, validates and prepares the data folder for the site; every problem at once. */
export async function loadSiteData(
  dataDir: string,
  root: string,
): Promise<
  { data: SiteData; unlockedIds: TrackId[]; problems?: undefined } | { data?: undefined; problems: Problem[] }
> {
  const { handbook, problems, unlockedIds = [] } = await validateDataDir(dataDir, root);
  if (!handbook) return { problems };
  const proseHtml: Record<string, string> = {};
  for (const track of handbook.tracks) {
    for (const section of track.prose) proseHtml[`${track.id}/${section.id}`] = renderProse(section.body);
  }
  return { data: { handbook, proseHtml }, unlockedIds };
}

/** The data's problems as one message: a line per problem, then what to do. */
export function dataProblemsMessage(dataDir: string, problems: Problem[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  return `${problems.map(formatProblem).join("\n")}\n\n${count} in ${dataDir}/: fix ${problems.length === 1 ? "it" : "them"} and the handbook builds.`;
}
