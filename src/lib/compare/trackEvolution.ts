import type { Behavior, Track } from "../handbook/buildHandbook";
import { compareText } from "../handbook/buildHandbook";
import { plainText } from "../text/inlineMarkdown";
import { createTextSimilarity } from "./textSimilarity";

/**
 * Below this similarity two behaviors are never paired. Chosen on the real data: every
 * hand-reviewed evolution of the support track scores above it and no unrelated pair does
 * (see tests/fixtures/support-evolutions.json, and the real frameworks' golden files in
 * tests/fixtures/frameworks/); where similarity alone is wrong, the data carries an
 * `evolvesFrom` hint instead of a different threshold.
 */
export const SIMILARITY_THRESHOLD = 0.3;

/**
 * How a step was decided: the data said so (`evolvesFrom`); the category is a rubric, stating
 * one behavior at most levels, so a level's one behavior follows the one below; or the text
 * similarity matcher found it.
 */
export type EvolutionSource = "hint" | "rubric" | "similarity";

/** One step of a behavior's history: `to` is the next form of `from` at a higher level. */
export interface Evolution {
  from: Behavior;
  to: Behavior;
  source: EvolutionSource;
  /** Text similarity of the two forms, 0 to 1. */
  score: number;
}

/** How every behavior of a track evolves level by level: a chain of forms per behavior. */
export interface TrackEvolution {
  track: Track;
  /** For each behavior id, the step that led to it from its previous form. */
  previous: Map<string, Evolution>;
  /** For each behavior id, the step that leads from it to its next form. */
  next: Map<string, Evolution>;
}

/**
 * The bar for a step that skips levels: a behavior not restated for a level or more, continued
 * above. Its texts must say more alike than adjacent forms, as nothing in between confirms the
 * thread (on the real frameworks, every such pair below it was unrelated; see
 * tests/fixtures/frameworks/).
 */
export const SKIPPING_THRESHOLD = 0.45;

/**
 * How far apart two candidates for the same behavior must score for the matcher to choose: when
 * a behavior is about as alike to two others, it does not guess (the data can say, with
 * `evolvesFrom`). Nothing unrelated paired comes first; a step missed shows as new.
 */
export const AMBIGUITY_MARGIN = 0.06;

/**
 * The candidates that clearly lead both their groups: the best for their `from` and the best
 * for their `to`, each by `AMBIGUITY_MARGIN` over the next. Where two score about as high
 * neither is taken, nor any weaker one in its place: that would pair the wrong one.
 */
function clearLeaders(candidates: Evolution[]): Evolution[] {
  const leaders = (key: (candidate: Evolution) => string) => {
    const best = new Map<string, { leader: Evolution; margin: number }>();
    for (const candidate of candidates) {
      const current = best.get(key(candidate));
      if (!current) best.set(key(candidate), { leader: candidate, margin: Infinity });
      else if (candidate.score > current.leader.score)
        best.set(key(candidate), { leader: candidate, margin: candidate.score - current.leader.score });
      else current.margin = Math.min(current.margin, current.leader.score - candidate.score);
    }
    return new Set(
      [...best.values()].filter(({ margin }) => margin >= AMBIGUITY_MARGIN).map(({ leader }) => leader),
    );
  };
  const byFrom = leaders((candidate) => candidate.from.id);
  const byTo = leaders((candidate) => candidate.to.id);
  return candidates.filter((candidate) => byFrom.has(candidate) && byTo.has(candidate));
}

/** Behaviors by their category (null on a track without categories), in order. */
function groupByCategory(behaviors: Behavior[]): Map<string | null, Behavior[]> {
  const groups = new Map<string | null, Behavior[]>();
  for (const behavior of behaviors) {
    const group = groups.get(behavior.category);
    if (group) group.push(behavior);
    else groups.set(behavior.category, [behavior]);
  }
  return groups;
}

/**
 * The categories laid out as a rubric: most levels that state anything in them (two in three, and
 * two levels at least) state exactly one behavior, a cell of a levels × categories table. A
 * category that lists several behaviors at most levels is a list, even where two neighbouring
 * levels happen to hold one each: there, the one need not continue the other (Monzo's
 * "Influence" holds one at its first two levels, about different things).
 */
function rubricCategories(levelBehaviors: Behavior[][]): Set<string | null> {
  const counts = new Map<string | null, number[]>();
  for (const behaviors of levelBehaviors) {
    for (const [category, stated] of groupByCategory(behaviors))
      counts.set(category, [...(counts.get(category) ?? []), stated.length]);
  }
  return new Set(
    [...counts]
      .filter(([, list]) => {
        const single = list.filter((count) => count === 1).length;
        return single >= 2 && single * 3 >= list.length * 2;
      })
      .map(([category]) => category),
  );
}

/**
 * Links each behavior to the form it evolves from at a lower level of the same category.
 * Levels are taken in order, and for each behavior:
 * 1. an `evolvesFrom` hint wins; a `null` hint marks it as new;
 * 2. in a rubric category (see `rubricCategories`), when it is its level's one behavior there,
 *    it follows the one behavior of the nearest lower level that states the category;
 * 3. otherwise it is paired by text similarity above `threshold`, one to one, best first,
 *    where no rival scores about as high (`AMBIGUITY_MARGIN`): with the forms of the nearest
 *    lower level that states its category, and only then, for those left and on a cumulative
 *    track, with older forms no level since has continued, above `SKIPPING_THRESHOLD` (a
 *    behavior not restated for a level or two), so a thread continues the nearest form first.
 */
export function buildTrackEvolution(track: Track, threshold = SIMILARITY_THRESHOLD): TrackEvolution {
  const levelBehaviors = track.levels.map((level) => level.groups.flatMap((group) => group.behaviors));
  // Behaviors are alike by the words a reader sees, whatever Markdown is around them.
  const similarity = createTextSimilarity(levelBehaviors.flat().map((behavior) => plainText(behavior.text)));
  const score = (from: Behavior, to: Behavior) => similarity(plainText(from.text), plainText(to.text));
  const previous = new Map<string, Evolution>();
  const next = new Map<string, Evolution>();
  const link = (evolution: Evolution) => {
    previous.set(evolution.to.id, evolution);
    next.set(evolution.from.id, evolution);
  };
  const byId = new Map(levelBehaviors.flat().map((behavior) => [behavior.id, behavior]));
  // A behavior named by a hint waits for that hint: no rule gives it another next form.
  const reserved = new Set(levelBehaviors.flat().flatMap((behavior) => behavior.evolvesFrom ?? []));
  const rubrics = rubricCategories(levelBehaviors);
  const isOpen = (behavior: Behavior) => !next.has(behavior.id) && !reserved.has(behavior.id);
  const defined = track.levels.map((level) => level.status === "defined");
  /** Each level's behaviors by category, and those of the levels below it, as levels are taken. */
  const inCategory = levelBehaviors.map((behaviors) => groupByCategory(behaviors));
  const earlier = new Map<string | null, Behavior[]>();
  /**
   * The behaviors a behavior of level `index` in `category` continues first: those of the
   * nearest lower level that states the category. On a track that is not cumulative, a level
   * that does not restate a behavior no longer expects it, so only the nearest defined level counts.
   */
  const nearestBelow = (index: number, category: string | null): Behavior[] => {
    for (let below = index - 1; below >= 0; below--) {
      const stated = inCategory[below].get(category) ?? [];
      if (stated.length > 0 || (!track.cumulative && defined[below])) return stated;
    }
    return [];
  };

  levelBehaviors.forEach((behaviors, index) => {
    const nearest = new Map<string | null, Behavior[]>();
    const nearestOf = (category: string | null) => {
      if (!nearest.has(category)) nearest.set(category, nearestBelow(index, category));
      return nearest.get(category)!;
    };
    const unpaired: Behavior[] = [];
    for (const to of behaviors) {
      if (typeof to.evolvesFrom === "string") {
        const from = byId.get(to.evolvesFrom);
        if (from) link({ from, to, source: "hint", score: score(from, to) });
      } else if (to.evolvesFrom === undefined) {
        // A rubric's cell follows the cell below where both levels state one behavior there.
        const below = rubrics.has(to.category) ? nearestOf(to.category) : [];
        const cell = inCategory[index].get(to.category)!.length === 1 && below.length === 1;
        const from = cell ? below[0] : undefined;
        if (from && isOpen(from)) link({ from, to, source: "rubric", score: score(from, to) });
        else unpaired.push(to);
      }
    }
    for (const adjacent of [true, false]) {
      // Older forms only on a cumulative track, where a behavior not restated still holds.
      if (!adjacent && !track.cumulative) break;
      const candidates: Evolution[] = [];
      for (const to of unpaired) {
        if (previous.has(to.id)) continue;
        const nearestForms = new Set(nearestOf(to.category));
        const forms = adjacent
          ? nearestForms
          : (earlier.get(to.category) ?? []).filter((from) => !nearestForms.has(from));
        for (const from of forms) {
          if (!isOpen(from)) continue;
          const similar = score(from, to);
          if (similar >= (adjacent ? threshold : SKIPPING_THRESHOLD))
            candidates.push({ from, to, source: "similarity", score: similar });
        }
      }
      const clear = clearLeaders(candidates);
      clear.sort(
        (a, b) => b.score - a.score || compareText(a.to.id, b.to.id) || compareText(a.from.id, b.from.id),
      );
      for (const candidate of clear) {
        if (!previous.has(candidate.to.id) && isOpen(candidate.from)) link(candidate);
      }
    }
    for (const [category, stated] of inCategory[index])
      earlier.set(category, [...(earlier.get(category) ?? []), ...stated]);
  });
  return { track, previous, next };
}

const evolutions = new WeakMap<Track, TrackEvolution>();

/**
 * The evolution of a track (`buildTrackEvolution` at the usual threshold), computed once per
 * track: a build's level pages, comparisons and growth page share it, and so pair alike.
 */
export function trackEvolutionOf(track: Track): TrackEvolution {
  let evolution = evolutions.get(track);
  if (!evolution) evolutions.set(track, (evolution = buildTrackEvolution(track)));
  return evolution;
}
