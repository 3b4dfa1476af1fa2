import {
  countComparison,
  type CategoryComparison,
  type ChangedBehavior,
  type ComparisonCounts,
  type LevelComparison,
} from "../compare/compareLevels";
import type { WordChange } from "../compare/wordDiff";
import { sectionAnchor, type Urls } from "../links/urls";
import { countBehaviors } from "./allBehaviors";
import type { Behavior, BehaviorGroup, Track } from "./buildHandbook";
import { factLabels, factValues } from "./levelFacts";
import { levelName } from "./levelName";
import type { PageLink } from "./pageLink";
import { inWords } from "./threadWords";
import { UNCATEGORIZED_ANCHOR, UNCATEGORIZED_TITLE } from "./uncategorized";
import { plainText } from "../text/inlineMarkdown";

/** One side of a changed behavior: a link to it, shown as its level's code. */
export interface ChangeSide {
  href: string;
  /** The code of the level that states it. */
  code: string;
  /** What a screen reader announces instead of the code alone: the level and the behavior's text. */
  label: string;
}

/**
 * Under a pair that grew through forms at levels between its two ends: which levels, and the
 * whole chain on the growth page. Two ends far apart may share few words and read as unrelated.
 */
export interface ChangeThrough {
  /** "Through IC2 and IC3": the levels of the forms between, oldest first. */
  text: string;
  /** "How it grows": the growth page at the newer form, in its thread. */
  growth: PageLink & {
    /** What a screen reader announces, as every row has this link: the words, then the newer form's text. */
    label: string;
  };
}

/** A behavior at `from` and its changed form at `to`, with the words that changed. */
export interface ChangeModel {
  from: ChangeSide;
  to: ChangeSide;
  diff: WordChange[];
  /**
   * Only for a pair with forms between (`ChangedBehavior.via`). A direct step has none: its two
   * sides are the whole step, and on a comparison of adjacent levels, where every step is
   * direct, a line under every row would repeat what the level pages already link.
   */
  through?: ChangeThrough;
}

/** A behavior in one of a category's lists, linked to where it lives. */
export interface ListedBehavior extends PageLink {
  /** For a new behavior first asked for by a level between the two, that level's code. */
  at?: string;
}

/** The unchanged, new or still-expected behaviors of a category; only lists with behaviors are kept. */
export interface BehaviorList {
  kind: "unchanged" | "added" | "carried";
  title: string;
  behaviors: ListedBehavior[];
}

/** A category's section of the comparison. */
export interface CompareSection {
  anchor: string;
  title: string;
  /** The heading the category is listed under, null when the track does not group its categories. */
  group: string | null;
  /** Whether neither level states anything in this category. */
  empty: boolean;
  changed: ChangeModel[];
  lists: BehaviorList[];
}

/** What the comparison of two levels shows, every title, heading and link worked out. */
export interface ComparePageModel {
  /** The page's title (the site name follows): "IC2 to IC4 · Support". */
  title: string;
  /** "What changes from IC2 to IC4": the page's heading and its description. */
  heading: string;
  /** The page's own breadcrumb: its URL and "IC2 → IC4". */
  breadcrumb: PageLink;
  /** The two levels' pages, named. */
  from: PageLink;
  to: PageLink;
  /** What the page lists, which depends on whether the track is cumulative. */
  lead: string;
  /** The roadmap builder, opened on this pair of levels. */
  roadmap: PageLink;
  /** The facts either level states, each label once (see `factLabels`), with its value at each; null where a level lacks it. */
  facts: { label: string; from: string | null; to: string | null }[];
  summary: {
    /** "Summary by category"; "Summary" on a track without categories. */
    caption: string;
    /** The heading of the column naming each row: "Category", or "Behaviors" on a track without categories. */
    rowsHeading: string;
    /** The totals row's heading: "All categories", or "All behaviors" on a track without categories. */
    totalsTitle: string;
    /** Whether any behavior is restated word for word; without any, the table has no column for them. */
    unchangedColumn: boolean;
    /** The heading of the column of what `from` states and `to` does not restate. */
    carriedColumn: string;
    /** One per category; none on a track without categories, where the totals say it all. */
    rows: { href: string; title: string; counts: ComparisonCounts }[];
    totals: ComparisonCounts;
  };
  sections: CompareSection[];
  /** The track's shared expectations, the same at both levels. */
  shared?: { summary: string; groups: BehaviorGroup[] };
  /** This comparison as JSON. */
  api: string;
}

/** The comparison page of two levels of `track`. */
export function comparePageModel(track: Track, comparison: LevelComparison, urls: Urls): ComparePageModel {
  const { from, to, cumulative } = comparison;
  const codes = new Map(track.levels.map((level) => [level.id, level.code]));
  // A shared expectation has no level, so no code.
  const codeOf = (levelId: string | null) => (levelId === null ? "" : (codes.get(levelId) ?? ""));
  const adjacent = track.levels.indexOf(to) - track.levels.indexOf(from) === 1;
  const heading = `What changes from ${from.code} to ${to.code}`;
  const titles = {
    unchanged: "The same at both levels",
    added: adjacent ? `New at ${to.code}` : `New since ${from.code}`,
    carried: cumulative
      ? `Still expected at ${to.code}, stated at ${from.code}`
      : `Stated at ${from.code} only`,
  };

  const side = (behavior: Behavior): ChangeSide => ({
    href: urls.behavior(behavior),
    code: codeOf(behavior.level),
    label: `${codeOf(behavior.level)}: ${plainText(behavior.text)}`,
  });
  const through = ({ via, to }: ChangedBehavior): ChangeThrough | undefined => {
    if (via.length === 0) return undefined;
    // Each step rises a level or more (`Evolution`), so each form between has a level of its own.
    return {
      text: `Through ${inWords(via.map((form) => ({ code: codeOf(form.level) })))}`,
      growth: {
        href: urls.growthForm(to),
        text: "How it grows",
        label: `How it grows: ${plainText(to.text)}`,
      },
    };
  };
  const listed = (behavior: Behavior, kind: BehaviorList["kind"]): ListedBehavior => ({
    href: urls.behavior(behavior),
    text: behavior.text,
    // New behaviors name the level between the two that asks for them.
    ...(kind === "added" && behavior.level !== to.id && { at: codeOf(behavior.level) }),
  });
  const section = (c: CategoryComparison): CompareSection => {
    const lists = { unchanged: c.unchanged.map((pair) => pair.to), added: c.added, carried: c.carried };
    return {
      anchor: c.category ? sectionAnchor("category", c.category.id) : UNCATEGORIZED_ANCHOR,
      title: c.category?.title ?? UNCATEGORIZED_TITLE,
      group: c.category?.group ?? null,
      empty: c.changed.length + c.unchanged.length + c.added.length + c.carried.length === 0,
      changed: c.changed.map((change) => {
        const between = through(change);
        return {
          from: side(change.from),
          to: side(change.to),
          diff: change.diff,
          ...(between && { through: between }),
        };
      }),
      lists: (["unchanged", "added", "carried"] as const)
        .filter((kind) => lists[kind].length > 0)
        .map((kind) => ({
          kind,
          title: titles[kind],
          behaviors: lists[kind].map((behavior) => listed(behavior, kind)),
        })),
    };
  };

  const categorized = track.categories.length > 0;
  const below = categorized ? "Below, per category:" : "Below:";
  const labels = factLabels([from, to]);
  const valuesAt = { from: factValues(from, labels), to: factValues(to, labels) };

  return {
    title: `${from.code} to ${to.code} · ${track.shortTitle}`,
    heading,
    breadcrumb: { href: urls.compare(track.id, from.id, to.id), text: `${from.code} → ${to.code}` },
    from: { href: urls.level(track.id, from.id), text: levelName(from) },
    to: { href: urls.level(track.id, to.id), text: levelName(to) },
    lead: cumulative
      ? `Each level builds on the ones before it, so what ${from.code} expects still holds at ${to.code}, in its newer form where it grew. ${below} the behaviors whose wording grows (changed words marked), what ${to.code} adds, and what ${from.code} states that still holds at ${to.code} as written.`
      : `Each level lists all of its expectations. ${below} the behaviors whose wording changes (changed words marked), what ${to.code} adds, and what only ${from.code} states.`,
    roadmap: {
      // The roadmap builder reads the pair to open from these query parameters.
      href: `${urls.roadmap()}?track=${track.id}&from=${from.id}&to=${to.id}`,
      text: `Make a roadmap from ${from.code} to ${to.code}`,
    },
    facts: labels.map((label, index) => ({ label, from: valuesAt.from[index], to: valuesAt.to[index] })),
    summary: {
      caption: categorized ? "Summary by category" : "Summary",
      rowsHeading: categorized ? "Category" : UNCATEGORIZED_TITLE,
      totalsTitle: categorized ? "All categories" : "All behaviors",
      unchangedColumn: comparison.totals.unchanged > 0,
      carriedColumn: cumulative ? "Still expected" : `Only at ${from.code}`,
      rows: comparison.categories.flatMap((c) =>
        c.category
          ? [
              {
                href: `#${sectionAnchor("category", c.category.id)}`,
                title: c.category.title,
                counts: countComparison([c]),
              },
            ]
          : [],
      ),
      totals: comparison.totals,
    },
    sections: comparison.categories.map(section),
    shared:
      comparison.shared.length > 0 && track.shared
        ? {
            summary: `${track.shared.title} (${countBehaviors(comparison.shared)} behaviors, the same at ${from.code} and ${to.code})`,
            groups: comparison.shared,
          }
        : undefined,
    api: urls.compareApi(track.id, from.id, to.id),
  };
}
