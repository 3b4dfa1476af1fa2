/**
 * The one way data enters the site: the data folder read and validated exactly as
 * `ladder validate` does it, then the prose rendered, with the image files it shows. The
 * integration's Vite plugin serves the result as `virtual:ladder/data`; with problems there is
 * no site, only their list.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Handbook } from "../lib/handbook/buildHandbook";
import type { TrackId } from "../lib/links/lockPublishedIds";
import type { Release } from "../lib/releases/release";
import { createUrls } from "../lib/links/urls";
import { formatProblem, type Problem } from "../lib/data/problems";
import { renderProse } from "../lib/handbook/renderProse";
import { proseImageFile } from "../lib/data/proseImages";
import { validateDataDir } from "../lib/data/validateDataDir";

/** What every page of the handbook is built from. */
export interface SiteData {
  handbook: Handbook;
  /** The HTML of each prose page, by `{track}/{prose id}`. */
  proseHtml: Record<string, string>;
  /**
   * The image files prose shows, by the name the site serves each under, in the handbook's
   * `SEGMENTS.proseImages` folder (the `src` in `proseHtml` ends with it): the build copies them
   * there, `astro dev` serves them from the data folder.
   */
  proseImages: Record<string, string>;
  /** The releases, oldest first: what the changelog and the histories of ids are computed from. */
  releases: Release[];
}

/**
 * Reads, validates and prepares the data folder for the site; every problem at once. `base` is
 * the handbook's own base (the site's base and the handbook's path), for the images' URLs.
 */
export async function loadSiteData(
  dataDir: string,
  root: string,
  base = "/",
): Promise<
  { data: SiteData; unlockedIds: TrackId[]; problems?: undefined } | { data?: undefined; problems: Problem[] }
> {
  const { handbook, problems, releases = [], unlockedIds = [] } = await validateDataDir(dataDir, root);
  if (!handbook) return { problems };
  const urls = createUrls(base);
  const proseHtml: Record<string, string> = {};
  const proseImages: Record<string, string> = {};
  for (const track of handbook.tracks) {
    for (const section of track.prose) {
      const page = path.join(dataDir, track.id, "prose", `${section.id}.mdx`);
      proseHtml[`${track.id}/${section.id}`] = renderProse(section.body, (url) => {
        const file = path.resolve(proseImageFile(page, url));
        // Named by content: a changed image is a new URL, so no browser shows the old one.
        const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 12);
        const extension = path.extname(file);
        const name = `${path.basename(file, extension)}-${hash}${extension}`;
        proseImages[name] = file;
        return urls.proseImage(name);
      });
    }
  }
  return { data: { handbook, proseHtml, proseImages, releases }, unlockedIds };
}

/** The data's problems as one message: a line per problem, then what to do. */
export function dataProblemsMessage(dataDir: string, problems: Problem[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  return `${problems.map(formatProblem).join("\n")}\n\n${count} in ${dataDir}/: fix ${problems.length === 1 ? "it" : "them"} and the handbook builds.`;
}
