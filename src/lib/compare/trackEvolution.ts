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
 * one behavior per level, so the one behavior of a level follows the one below; or the text
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
 * The candidates with no rival for the same `from` or the same `to` within `AMBIGUITY_MARGIN`
 * of their score: neighbours in each group sorted by score are the closest rivals.
 */
function withoutAmbiguity(candidates: Evolution[]): Evolution[] {
  const ambiguous = new Set<Evolution>();
  for (const key of [(c: Evolution) => c.from.id, (c: Evolution) => c.to.id]) {
    const groups = new Map<string, Evolution[]>();
    for (const candidate of candidates) {
      const group = groups.get(key(candidate));
      if (group) group.push(candidate);
      else groups.set(key(candidate), [candidate]);
    }
    for (const group of groups.values()) {
      group.sort((a, b) => a.score - b.score);
      for (let index = 1; index < group.length; index++) {
        if (group[index].score - group[index - 1].score < AMBIGUITY_MARGIN) {
          ambiguous.add(group[index]);
          ambiguous.add(group[index - 1]);
        }
      }
    }
  }
  return candidates.filter((candidate) => !ambiguous.has(candidate));
}

/**
 * The categories laid out as a rubric: each level that states anything in them states exactly
 * one behavior (a cell of a levels × categories table), at two levels or more. A category
 * listing several behaviors at some level is a list, even where a level happens to hold one:
 * its one behavior there need not continue the one below.
 */
function rubricCategories(levelBehaviors: Behavior[][]): Set<string | null> {
  const counts = new Map<string | null, number[]>();
  for (const behaviors of levelBehaviors) {
    const perCategory = new Map<string | null, number>();
    for (const { category } of behaviors) perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
    for (const [category, count] of perCategory)
      counts.set(category, [...(counts.get(category) ?? []), count]);
  }
  return new Set(
    [...counts].filter(([, list]) => list.length >= 2 && list.every((count) => count === 1)).map(([c]) => c),
  );
}

/**
 * Links each behavior to the form it evolves from at a lower level of the same category.
 * Levels are taken in order, and for each behavior:
 * 1. an `evolvesFrom` hint wins; a `null` hint marks it as new;
 * 2. in a rubric category (see `rubricCategories`), it follows the one behavior of the nearest
 *    lower level that states the category;
 * 3. otherwise it is paired by text similarity above `threshold`, one to one, best first,
 *    where no rival scores about as high (`AMBIGUITY_MARGIN`): with the forms of the nearest
 *    lower level that states its category, and only then, for those left, with older forms no
 *    level since has continued, above `SKIPPING_THRESHOLD` (a behavior not restated for a level
 *    or two, on a cumulative track), so a thread never skips the form in between.
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
  /** The behaviors of the nearest level below `index` that states anything in `category`. */
  const nearestBelow = (index: number, category: string | null) => {
    for (let below = index - 1; below >= 0; below--) {
      const stated = levelBehaviors[below].filter((behavior) => behavior.category === category);
      if (stated.length > 0) return stated;
    }
    return [];
  };

  levelBehaviors.forEach((behaviors, index) => {
    const unpaired: Behavior[] = [];
    for (const to of behaviors) {
      if (typeof to.evolvesFrom === "string") {
        const from = byId.get(to.evolvesFrom);
        if (from) link({ from, to, source: "hint", score: score(from, to) });
      } else if (to.evolvesFrom === undefined) {
        const [from] = rubrics.has(to.category) ? nearestBelow(index, to.category) : [];
        if (from && isOpen(from)) link({ from, to, source: "rubric", score: score(from, to) });
        else unpaired.push(to);
      }
    }
    const earlier = levelBehaviors.slice(0, index).flat();
    const nearest = new Map<string | null, Set<string>>();
    const nearestIds = (category: string | null) => {
      if (!nearest.has(category))
        nearest.set(category, new Set(nearestBelow(index, category).map((b) => b.id)));
      return nearest.get(category)!;
    };
    for (const adjacent of [true, false]) {
      const candidates: Evolution[] = [];
      for (const to of unpaired) {
        if (previous.has(to.id)) continue;
        for (const from of earlier) {
          if (from.category !== to.category || !isOpen(from)) continue;
          if (nearestIds(to.category).has(from.id) !== adjacent) continue;
          // On a track that is not cumulative, a level that does not restate a behavior no
          // longer expects it: a later level cannot continue it.
          if (!adjacent && !track.cumulative) continue;
          const similar = score(from, to);
          if (similar >= (adjacent ? threshold : SKIPPING_THRESHOLD))
            candidates.push({ from, to, source: "similarity", score: similar });
        }
      }
      const clear = withoutAmbiguity(candidates);
      clear.sort(
        (a, b) => b.score - a.score || compareText(a.to.id, b.to.id) || compareText(a.from.id, b.from.id),
      );
      for (const candidate of clear) {
        if (!previous.has(candidate.to.id) && isOpen(candidate.from)) link(candidate);
      }
    }
  });
  return { track, previous, next };
}
