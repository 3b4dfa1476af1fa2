import { comparePairs, definedLevels } from "../compare/comparePairs";
import type { Urls } from "../links/urls";
import { RELEASE_PLACEHOLDER } from "../roadmap/roadmap";
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

/** What the roadmap builder knows of the handbook's releases: a roadmap records the one it was written against. */
export interface RoadmapReleases {
  /** Every release, oldest first; empty when the handbook has none. */
  names: string[];
  /** What changed in a release (`/api/changes/{release}.json`), with `__release__` for its name. */
  apiUrl: string;
  /** A release's page (`/changes/{release}/`), with `__release__` for its name. */
  pageUrl: string;
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
  /**
   * The releases, so the builder records the latest in a new roadmap and, opening one written
   * against an older release, fetches what changed in each release since (the API's changes,
   * which the changelog publishes anyway: the page carries no history of its own).
   */
  releases: RoadmapReleases;
}

/** The roadmap page of `handbook`, whose releases are `releaseNames`, oldest first. */
export function roadmapPageModel(
  handbook: Handbook,
  urls: Urls,
  releaseNames: readonly string[] = [],
): RoadmapPageModel {
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
    releases: {
      names: [...releaseNames],
      apiUrl: urls.releaseApi(RELEASE_PLACEHOLDER),
      pageUrl: urls.release(RELEASE_PLACEHOLDER),
    },
  };
}
