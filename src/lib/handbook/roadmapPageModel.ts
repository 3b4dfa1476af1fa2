import { comparePairs, definedLevels } from "../compare/comparePairs";
import type { Urls } from "../links/urls";
import type { Handbook } from "./buildHandbook";
import type { PageLink } from "./pageLink";

/** A level the roadmap builder offers. */
export interface LevelChoice {
  id: string;
  code: string;
  title: string | null;
}

/** A track the roadmap builder offers: its defined levels, in order (two or more). */
export interface TrackChoice {
  id: string;
  title: string;
  shortTitle: string;
  /** The title of the track's shared expectations, if it has any. */
  sharedTitle: string | null;
  levels: LevelChoice[];
}

/** What the roadmap page shows. */
export interface RoadmapPageModel {
  /**
   * The tracks a roadmap can be built for: those with two defined levels or more, since a
   * roadmap goes from one level to a higher one. None means the page has no builder to offer.
   */
  tracks: TrackChoice[];
  /**
   * Each track's first comparison, for readers without JavaScript (the builder needs it): what
   * each level asks beyond the one before. A track with fewer than two defined levels has none.
   */
  firstComparisons: PageLink[];
}

/** The roadmap page of `handbook`. */
export function roadmapPageModel(handbook: Handbook, urls: Urls): RoadmapPageModel {
  const tracks = handbook.tracks
    .map((track) => ({
      id: track.id,
      title: track.title,
      shortTitle: track.shortTitle,
      sharedTitle: track.shared?.title ?? null,
      levels: definedLevels(track).map((level) => ({
        id: level.id,
        code: level.code,
        title: level.title ?? null,
      })),
    }))
    .filter((track) => track.levels.length > 1);
  return {
    tracks,
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
