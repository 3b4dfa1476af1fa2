import { comparePairs, definedLevels } from "../compare/comparePairs";
import type { Urls } from "../links/urls";
import type { Level, Track } from "./buildHandbook";
import type { PageLink } from "./pageLink";

/** A link to one comparison, shown as the higher level's code. */
export interface PairLink extends PageLink {
  /** What a screen reader announces: both levels, "IC2 to IC4". */
  label: string;
  /** Whether it is the comparison the page shows. */
  current: boolean;
}

/** What the level picker offers on the comparison of `from` and `to`. */
export interface LevelPickerModel {
  /** The URL of any pair, its script filling in the two levels' ids. */
  urlTemplate: string;
  /** The levels its selects offer: every defined level. */
  levels: Level[];
  /** Every comparison, one row per lower level, in level order. */
  rows: { fromCode: string; links: PairLink[] }[];
}

/** The level picker of a comparison page: the pairs of defined levels of `track`, this one marked. */
export function levelPickerModel(track: Track, from: string, to: string, urls: Urls): LevelPickerModel {
  const pairs = comparePairs(track);
  const levels = definedLevels(track);
  return {
    // Ids are kebab-case, so the placeholders never clash with them.
    urlTemplate: urls.compare(track.id, "__from__", "__to__"),
    levels,
    rows: levels
      .map((low) => ({
        fromCode: low.code,
        links: pairs
          .filter((pair) => pair.from.id === low.id)
          .map((pair) => ({
            href: urls.compare(track.id, pair.from.id, pair.to.id),
            text: pair.to.code,
            label: `${pair.from.code} to ${pair.to.code}`,
            current: pair.from.id === from && pair.to.id === to,
          })),
      }))
      // The highest defined level is the lower one of no pair.
      .filter((row) => row.links.length > 0),
  };
}
