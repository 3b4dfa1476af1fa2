import { adjacentPairs } from "../compare/comparePairs";
import { inheritedExpectations } from "../compare/inheritedExpectations";
import { trackEvolutionOf, type TrackEvolution } from "../compare/trackEvolution";
import { sectionAnchor, type Urls } from "../links/urls";
import type { ReleaseModel } from "../releases/model";
import { countBehaviors } from "./allBehaviors";
import type { BehaviorGroup, Level, Track } from "./buildHandbook";
import { groupCategories, type GroupedCategories } from "./categoryGroups";
import { levelGrowth, type BehaviorGrowth } from "./levelGrowth";
import { levelName } from "./levelName";
import { levelNeighbors } from "./levelNeighbors";
import type { PageLink } from "./pageLink";
import type { ReleaseDate } from "../releases/changesPageModel";
import { levelChangedLink } from "./releaseLinks";

/** A "What changes at IC4 (from IC3)" link to the comparison of two adjacent defined levels. */
export interface AdjacentComparisonLink extends PageLink {
  /** The level the comparison starts from, named after the link text. */
  fromCode: string;
}

/** A behavior of a lower level that the page's level no longer asks in that form. */
export interface SupersededLink {
  /** Its text, as its level states it. */
  text: string;
  /** Its newest form at or below the page's level, and the code of the level that states it. */
  newer: PageLink & { code: string };
}

/** A lower level whose expectations still hold at the page's level, those a newer form replaces aside. */
export interface InheritedLevel extends PageLink {
  /** How many of its behaviors still hold here. */
  behaviors: number;
  /** "22 behaviors"; "8 of its 22 behaviors" or "none of its behaviors" when some are superseded here. */
  count: string;
  /** A link to each of its categories on its own page, with how many behaviors still hold there (none without categories). */
  categories: PageLink[];
  /** Its behaviors superseded here by a newer form, if any: "3 of its behaviors are …" and each one. */
  superseded?: { summary: string; behaviors: SupersededLink[] };
}

/** What the page of a level shows, every name, count and link worked out. */
export interface LevelPageModel {
  /** The page's title (the site name follows): "IC3 · Senior Support Engineer · Support". */
  title: string;
  /** Whether the level states its expectations yet: one that does not shows none, not even inherited ones. */
  defined: boolean;
  /** The comparisons into this level and onward from it, among the defined levels, those that exist. */
  comparisons: AdjacentComparisonLink[];
  /** The page's table of contents: each category the level states behaviors in, with how many, in their groups (none without categories). */
  categories: GroupedCategories<PageLink>[];
  /**
   * The nearest lower level whose expectations still hold here ("Builds on IC2"), if any, and
   * whether some expectations of the levels below hold here only in a newer form.
   */
  buildsOn?: PageLink & { grown: boolean };
  /**
   * For each behavior the level states, by id, how it grows: its next form and the words that
   * change, or where it stops rising, and its whole thread; none for a behavior alone in its thread.
   */
  growth: Map<string, BehaviorGrowth>;
  /** The track's expectations of every level, when this level expects anything. */
  shared?: { summary: string; groups: BehaviorGroup[] };
  /** The lower levels whose expectations still hold here, nearest first. */
  inherited: InheritedLevel[];
  /** Whether the "Also expected" section has anything to show: shared or inherited expectations. */
  alsoExpected: boolean;
  /** "Last changed in v3", to that release's page, with the release's date (none for unreleased changes); none before the first release. */
  lastChanged?: PageLink & { date?: ReleaseDate };
  previous?: PageLink;
  next?: PageLink;
}

/**
 * A link to each category's section of a level page, named with how many behaviors it holds
 * there; none on a track without categories, whose level pages have one list and no sections.
 */
function categoryLinks(groups: BehaviorGroup[], pageHref: string): PageLink[] {
  return groups.flatMap(({ category, behaviors }) =>
    category
      ? [
          {
            href: `${pageHref}#${sectionAnchor("category", category.id)}`,
            text: `${category.title} (${behaviors.length})`,
          },
        ]
      : [],
  );
}

/**
 * The page of `level` in `track`: what it links to, what it inherits and how it names things.
 * `evolution` is the track's (pass it when building every page, to compute it once per track);
 * `releases`, the releases' model, tells when the level last changed.
 */
export function levelPageModel(
  track: Track,
  level: Level,
  urls: Urls,
  evolution: TrackEvolution = trackEvolutionOf(track),
  releases?: ReleaseModel,
): LevelPageModel {
  const lastChanged = releases && levelChangedLink(releases, urls, track.id, level.id);
  const { previous, next } = levelNeighbors(track, level.id);
  const { into, onward } = adjacentPairs(track, level.id);
  const defined = level.status === "defined";
  // None for a level that is not yet defined: it expects nothing yet, not even what the levels below expect.
  const inherited = inheritedExpectations(evolution, level.id);
  const shared = defined && track.shared ? track.shared : undefined;
  const codeOf = (levelId: string | null) => track.levels.find((other) => other.id === levelId)?.code ?? "";
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
    categories: groupCategories(level.groups)
      .map(({ group, items }) => ({ group, items: categoryLinks(items, "") }))
      .filter((run) => run.items.length > 0),
    buildsOn: inherited[0] && {
      href: urls.level(track.id, inherited[0].level.id),
      text: inherited[0].level.code,
      grown: inherited.some((below) => below.superseded.length > 0),
    },
    growth: levelGrowth(evolution, level, urls),
    shared: shared && {
      summary: `${shared.title} (${countBehaviors(shared.groups)} behaviors, expected at every level)`,
      groups: shared.groups,
    },
    inherited: inherited.map(({ level: below, held, superseded }) => {
      const href = urls.level(track.id, below.id);
      const behaviors = countBehaviors(held);
      const stated = countBehaviors(below.groups);
      return {
        href,
        text: superseded.length
          ? `What still holds of ${levelName(below)}`
          : `Everything at ${levelName(below)}`,
        behaviors,
        count: !superseded.length
          ? `${stated} behaviors`
          : behaviors
            ? `${behaviors} of its ${stated} behaviors`
            : "none of its behaviors",
        categories: categoryLinks(held, href),
        ...(superseded.length > 0 && {
          superseded: {
            summary:
              superseded.length === 1
                ? "1 of its behaviors is superseded here by its newer form"
                : `${superseded.length} of its behaviors are superseded here by their newer form`,
            behaviors: superseded.map(({ behavior, newerForms }) => {
              const newer = newerForms[newerForms.length - 1];
              return {
                text: behavior.text,
                newer: { href: urls.behavior(newer), text: newer.text, code: codeOf(newer.level) },
              };
            }),
          },
        }),
      };
    }),
    alsoExpected: inherited.length > 0 || shared !== undefined,
    ...(lastChanged && { lastChanged }),
    previous: previous && pageOf(previous),
    next: next && pageOf(next),
  };
}
