import { comparePairs } from "../compare/comparePairs";
import type { Urls } from "../links/urls";
import type { Handbook } from "./buildHandbook";
import type { PageLink } from "./pageLink";

/** What the roadmap page shows besides the builder. */
export interface RoadmapPageModel {
  /**
   * Each track's first comparison, for readers without JavaScript (the builder needs it): what
   * each level asks beyond the one before. A track with fewer than two defined levels has none.
   */
  firstComparisons: PageLink[];
}

/** The roadmap page of `handbook`. */
export function roadmapPageModel(handbook: Handbook, urls: Urls): RoadmapPageModel {
  return {
    firstComparisons: handbook.tracks.flatMap((track) => {
      const [pair] = comparePairs(track);
      return pair
        ? [
            {
              href: urls.compare(track.id, pair.from.id, pair.to.id),
              text: `${track.shortTitle}: what changes from ${pair.from.code} to ${pair.to.code}`,
            },
          ]
        : [];
    }),
  };
}
