import type { Urls } from "../links/urls";
import type { Handbook } from "./buildHandbook";

/** A track as the home page lists it: its page and a link to each of its levels. */
export interface TrackEntry {
  href: string;
  title: string;
  description: string;
  /** The name of its list of levels, for screen readers: "Levels of Support". */
  levelsLabel: string;
  levels: { href: string; code: string; title?: string }[];
}

/** What the home page shows: every track, in order. */
export interface HomePageModel {
  tracks: TrackEntry[];
}

/** The home page of `handbook`. */
export function homePageModel(handbook: Handbook, urls: Urls): HomePageModel {
  return {
    tracks: handbook.tracks.map((track) => ({
      href: urls.track(track.id),
      title: track.title,
      description: track.description,
      levelsLabel: `Levels of ${track.shortTitle}`,
      levels: track.levels.map((level) => ({
        href: urls.level(track.id, level.id),
        code: level.code,
        title: level.title,
      })),
    })),
  };
}
