/**
 * The one way data enters the site: the data folder read and validated exactly as
 * `ladder validate` does it, then the prose rendered, with the image files it shows. The integration's Vite plugin serves the
 * result as `virtual:ladder/data`; with problems there is no site, only their list.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type { Handbook } from "../lib/handbook/buildHandbook";
import type { TrackId } from "../lib/links/lockPublishedIds";
import { formatProblem, type Problem } from "../lib/data/problems";
import { renderProse } from "../lib/handbook/renderProse";
import { proseImageFile } from "../lib/data/proseImages";
import { validateDataDir } from "../lib/data/validateDataDir";

/** What every page of the handbook is built from. */
export interface SiteData {
  handbook: Handbook;
  /**
   * The HTML of each prose page, by `{track}/{prose id}`. Each image's `src` is a token (see
   * {@link PROSE_IMAGE_TOKEN}) to be replaced by the URL the build gives the image file.
   */
  proseHtml: Record<string, string>;
  /** The image file of each token in `proseHtml`, by token. */
  proseImages: Record<string, string>;
}

/**
 * What stands for an image's URL in `proseHtml` until the build knows it. Its middle part is a
 * hash of the page (its track, id and text), so no text can spell the token of its own page.
 */
export const PROSE_IMAGE_TOKEN = /ladder-image-[0-9a-f]{16}-\d+/g;

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
  const proseImages: Record<string, string> = {};
  for (const track of handbook.tracks) {
    for (const section of track.prose) {
      const key = `${track.id}/${section.id}`;
      const page = path.join(dataDir, track.id, "prose", `${section.id}.mdx`);
      const hash = createHash("sha256").update(`${key}\n${section.body}`).digest("hex").slice(0, 16);
      let count = 0;
      proseHtml[key] = renderProse(section.body, (url) => {
        const token = `ladder-image-${hash}-${count++}`;
        proseImages[token] = path.resolve(proseImageFile(page, url));
        return token;
      });
    }
  }
  return { data: { handbook, proseHtml, proseImages }, unlockedIds };
}

/** The data's problems as one message: a line per problem, then what to do. */
export function dataProblemsMessage(dataDir: string, problems: Problem[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  return `${problems.map(formatProblem).join("\n")}\n\n${count} in ${dataDir}/: fix ${problems.length === 1 ? "it" : "them"} and the handbook builds.`;
}
