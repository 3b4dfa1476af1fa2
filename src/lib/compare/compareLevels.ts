import type { Behavior, BehaviorGroup, Category, Level } from "../handbook/buildHandbook";
import { newerFormsAt } from "./inheritedExpectations";
import type { Evolution, TrackEvolution } from "./trackEvolution";
import { plainText } from "../text/inlineMarkdown";
import { wordDiff, type WordChange } from "./wordDiff";

/** A behavior in force at `from` and its evolved form at `to`, with the words that changed. */
export interface ChangedBehavior {
  from: Behavior;
  to: Behavior;
  /** How the pairing was decided (over several steps, the strongest reason of any step; see `EvolutionSource`). */
  source: Evolution["source"];
  /**
   * The forms between `from` and `to`, oldest first: each the evolution of the one before
   * (`from` → via… → `to`), stated at levels between the two. Empty for a direct step. Two
   * ends far apart may share few words; these say how one became the other.
   */
  via: Behavior[];
  diff: WordChange[];
}

/** One category of a comparison; all the behaviors, with no category, on a track without categories. */
export interface CategoryComparison {
  category: Category | null;
  changed: ChangedBehavior[];
  /** Restated in the same words (formatting aside) under another id: the same expectation at both levels. */
  unchanged: ChangedBehavior[];
  /** Expected at `to` and at no level up to `from`. */
  added: Behavior[];
  /**
   * Stated at `from` and not restated up to `to`: on a cumulative track still expected at
   * `to` (a behavior superseded by `to` is the `from` of a changed or unchanged pair instead),
   * on one that is not, no longer listed.
   */
  carried: Behavior[];
}

/** Counts of a comparison, per category or in total. */
export interface ComparisonCounts {
  changed: number;
  unchanged: number;
  added: number;
  carried: number;
}

/** What changes from one level to a higher one in the same track. */
export interface LevelComparison {
  track: string;
  cumulative: boolean;
  from: Level;
  to: Level;
  /** Every category of the track, in track order, even when nothing changes in it; one without a category on a track without categories. */
  categories: CategoryComparison[];
  totals: ComparisonCounts;
  /** The track's shared expectations: the same on both sides. */
  shared: BehaviorGroup[];
}

/** Counts the changed, new and carried behaviors of a category (or of several, added up). */
export function countComparison(categories: CategoryComparison[]): ComparisonCounts {
  return categories.reduce(
    (sum, c) => ({
      changed: sum.changed + c.changed.length,
      unchanged: sum.unchanged + c.unchanged.length,
      added: sum.added + c.added.length,
      carried: sum.carried + c.carried.length,
    }),
    { changed: 0, unchanged: 0, added: 0, carried: 0 },
  );
}

/**
 * Compares two levels of a track (`fromId` below `toId`). On a cumulative track a level's
 * expectations are everything stated at it or below and not superseded there by a newer form
 * (`newerFormsAt`); on other tracks only what is stated at the level. Each expectation at `to`
 * that was not there at `from` is either the changed form of one that was (following its
 * evolution through any levels in between) or new.
 */
export function compareLevels(evolution: TrackEvolution, fromId: string, toId: string): LevelComparison {
  const { track } = evolution;
  const fromIndex = track.levels.findIndex((level) => level.id === fromId);
  const toIndex = track.levels.findIndex((level) => level.id === toId);
  if (fromIndex === -1 || toIndex === -1 || fromIndex >= toIndex) {
    throw new Error(
      `Cannot compare "${fromId}" with "${toId}" in track "${track.id}": from must be a level below to`,
    );
  }
  const stated = (index: number) => track.levels[index].groups.flatMap((group) => group.behaviors);
  const statedUpTo = (index: number) => track.levels.slice(0, index + 1).flatMap((_, i) => stated(i));
  // On a cumulative track, what a level or one below it states, less what is superseded there.
  const inForce = (index: number) =>
    track.cumulative
      ? statedUpTo(index).filter((b) => newerFormsAt(evolution, b, track.levels[index].id).length === 0)
      : stated(index);

  const atFrom = new Set(inForce(fromIndex).map((b) => b.id));
  const atTo = inForce(toIndex);
  const atToIds = new Set(atTo.map((b) => b.id));

  /**
   * The earliest form of `behavior` that was expected at `from`, walking back its history, and
   * the forms walked through on the way.
   */
  const formAtFrom = (
    behavior: Behavior,
  ): { form: Behavior; source: Evolution["source"]; via: Behavior[] } | undefined => {
    let step = evolution.previous.get(behavior.id);
    const sources = new Set<Evolution["source"]>();
    const walked: Behavior[] = [];
    while (step) {
      sources.add(step.source);
      // Over several steps, the strongest reason any step had: the data's word, then the rubric.
      const source = sources.has("hint") ? "hint" : sources.has("rubric") ? "rubric" : "similarity";
      if (atFrom.has(step.from.id)) return { form: step.from, source, via: walked.reverse() };
      walked.push(step.from);
      step = evolution.previous.get(step.from.id);
    }
    return undefined;
  };

  const sections = track.categories.length > 0 ? track.categories : [null];
  const categories = sections.map((category): CategoryComparison => {
    const inCategory = (behavior: Behavior) => behavior.category === (category?.id ?? null);
    const changed: ChangedBehavior[] = [];
    const unchanged: ChangedBehavior[] = [];
    const added: Behavior[] = [];
    for (const behavior of atTo) {
      if (!inCategory(behavior) || atFrom.has(behavior.id)) continue;
      const earlier = formAtFrom(behavior);
      if (earlier) {
        const pair = {
          from: earlier.form,
          to: behavior,
          source: earlier.source,
          via: earlier.via,
          // The words a reader sees: a change of formatting alone leaves the expectation unchanged.
          diff: wordDiff(plainText(earlier.form.text), plainText(behavior.text)),
        };
        (plainText(earlier.form.text) === plainText(behavior.text) ? unchanged : changed).push(pair);
      } else {
        added.push(behavior);
      }
    }
    const carried = stated(fromIndex).filter(
      (behavior) =>
        inCategory(behavior) &&
        (track.cumulative
          ? atToIds.has(behavior.id)
          : ![...changed, ...unchanged].some((c) => c.from.id === behavior.id)),
    );
    return { category, changed, unchanged, added, carried };
  });

  return {
    track: track.id,
    cumulative: track.cumulative,
    from: track.levels[fromIndex],
    to: track.levels[toIndex],
    categories,
    totals: countComparison(categories),
    shared: track.shared?.groups ?? [],
  };
}
