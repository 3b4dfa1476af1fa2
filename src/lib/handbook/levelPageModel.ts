import { adjacentPairs } from "../compare/comparePairs";
import { sectionAnchor, type Urls } from "../links/urls";
import { countBehaviors } from "./allBehaviors";
import type { BehaviorGroup, Level, Track } from "./buildHandbook";
import { inheritedLevels } from "./inheritedLevels";
import { levelName } from "./levelName";
import { levelNeighbors } from "./levelNeighbors";
import type { PageLink } from "./pageLink";

/** A "What changes at IC4 (from IC3)" link to the comparison of two adjacent defined levels. */
export interface AdjacentComparisonLink extends PageLink {
  /** The level the comparison starts from, named after the link text. */
  fromCode: string;
}

/** A lower level whose expectations still hold at the page's level. */
export interface InheritedLevel extends PageLink {
  /** How many behaviors it states in all. */
  behaviors: number;
  /** A link to each of its categories on its own page, with how many behaviors each holds. */
  categories: PageLink[];
}

/** What the page of a level shows, every name, count and link worked out. */
export interface LevelPageModel {
  /** The page's title (the site name follows): "IC3 · Senior Support Engineer · Support". */
  title: string;
  /** Whether the level states its expectations yet: one that does not shows none, not even inherited ones. */
  defined: boolean;
  /** The comparisons into this level and onward from it, among the defined levels, those that exist. */
  comparisons: AdjacentComparisonLink[];
  /** The page's table of contents: each category the level states behaviors in, with how many. */
  categories: PageLink[];
  /** The nearest lower level whose expectations still hold here ("Builds on IC2"), if any. */
  buildsOn?: PageLink;
  /** The track's expectations of every level, when this level expects anything. */
  shared?: { summary: string; groups: BehaviorGroup[] };
  /** The lower levels whose expectations still hold here, nearest first. */
  inherited: InheritedLevel[];
  /** Whether the "Also expected" section has anything to show: shared or inherited expectations. */
  alsoExpected: boolean;
  previous?: PageLink;
  next?: PageLink;
}

/** A link to a category's section of a level page, named with how many behaviors it holds there. */
function categoryLink(group: BehaviorGroup, pageHref: string): PageLink {
  return {
    href: `${pageHref}#${sectionAnchor("category", group.category.id)}`,
    text: `${group.category.title} (${group.behaviors.length})`,
  };
}

/** The page of `level` in `track`: what it links to, what it inherits and how it names things. */
export function levelPageModel(track: Track, level: Level, urls: Urls): LevelPageModel {
  const { previous, next } = levelNeighbors(track, level.id);
  const { into, onward } = adjacentPairs(track, level.id);
  const defined = level.status === "defined";
  // A level that is not yet defined expects nothing yet, not even what the levels below expect.
  const inherited = defined ? inheritedLevels(track, level.id) : [];
  const shared = defined && track.shared ? track.shared : undefined;
  const pageOf = (other: Level): PageLink => ({
    href: urls.level(track.id, other.id),
    text: levelName(other),
  });

  return {
    title: `${levelName(level)} · ${track.shortTitle}`,
    defined,
    comparisons: [into, onward].flatMap((pair) =>
      pair
        ? [
            {
              href: urls.compare(track.id, pair.from.id, pair.to.id),
              text: `What changes at ${pair.to.code}`,
              fromCode: pair.from.code,
            },
          ]
        : [],
    ),
    // Same-page anchors: the sections are on this page.
    categories: level.groups.map((group) => categoryLink(group, "")),
    buildsOn: inherited[0] && { href: urls.level(track.id, inherited[0].id), text: inherited[0].code },
    shared: shared && {
      summary: `${shared.title} (${countBehaviors(shared.groups)} behaviors, expected at every level)`,
      groups: shared.groups,
    },
    inherited: inherited.map((below) => {
      const href = urls.level(track.id, below.id);
      return {
        href,
        text: `Everything at ${levelName(below)}`,
        behaviors: countBehaviors(below.groups),
        categories: below.groups.map((group) => categoryLink(group, href)),
      };
    }),
    alsoExpected: inherited.length > 0 || shared !== undefined,
    previous: previous && pageOf(previous),
    next: next && pageOf(next),
  };
}
