import type { Behavior, Track } from "../handbook/buildHandbook";
import { compareText } from "../handbook/buildHandbook";
import { plainText } from "../text/inlineMarkdown";
import { createTextSimilarity } from "./textSimilarity";

/**
 * Below this similarity two behaviors are never paired. Chosen on the real data: every
 * hand-reviewed evolution of the support track scores above it and no unrelated pair does
 * (see tests/fixtures/support-evolutions.json); where similarity alone is wrong, the data
 * carries an `evolvesFrom` hint instead of a different threshold.
 */
export const SIMILARITY_THRESHOLD = 0.3;

/** One step of a behavior's history: `to` is the next form of `from` at a higher level. */
export interface Evolution {
  from: Behavior;
  to: Behavior;
  /** Whether the data said so (`evolvesFrom`) or the text similarity matcher found it. */
  source: "hint" | "similarity";
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
 * Links each behavior to the form it evolves from at a lower level of the same category.
 * Levels are taken in order; each behavior is matched against the latest form of every
 * earlier behavior (so a form can skip levels). `evolvesFrom` hints win; a `null` hint marks a
 * behavior as new. The rest are paired one to one, best similarity first, above `threshold`.
 */
export function buildTrackEvolution(track: Track, threshold = SIMILARITY_THRESHOLD): TrackEvolution {
  const levelBehaviors = track.levels.map((level) => level.groups.flatMap((group) => group.behaviors));
  // Behaviors are alike by the words a reader sees, whatever Markdown is around them.
  const similarity = createTextSimilarity(levelBehaviors.flat().map((behavior) => plainText(behavior.text)));
  const previous = new Map<string, Evolution>();
  const next = new Map<string, Evolution>();
  const link = (evolution: Evolution) => {
    previous.set(evolution.to.id, evolution);
    next.set(evolution.from.id, evolution);
  };
  const byId = new Map(levelBehaviors.flat().map((behavior) => [behavior.id, behavior]));
  // A behavior named by a hint waits for that hint: the matcher never gives it another next form.
  const reserved = new Set(levelBehaviors.flat().flatMap((behavior) => behavior.evolvesFrom ?? []));

  levelBehaviors.forEach((behaviors, index) => {
    const latestForms = levelBehaviors
      .slice(0, index)
      .flat()
      .filter((behavior) => !next.has(behavior.id) && !reserved.has(behavior.id));
    const candidates: Evolution[] = [];
    for (const to of behaviors) {
      if (typeof to.evolvesFrom === "string") {
        const from = byId.get(to.evolvesFrom);
        if (from)
          link({ from, to, source: "hint", score: similarity(plainText(from.text), plainText(to.text)) });
      } else if (to.evolvesFrom === undefined) {
        for (const from of latestForms) {
          if (from.category !== to.category) continue;
          const score = similarity(plainText(from.text), plainText(to.text));
          if (score >= threshold) candidates.push({ from, to, source: "similarity", score });
        }
      }
    }
    candidates.sort(
      (a, b) => b.score - a.score || compareText(a.to.id, b.to.id) || compareText(a.from.id, b.from.id),
    );
    for (const candidate of candidates) {
      if (!previous.has(candidate.to.id) && !next.has(candidate.from.id)) link(candidate);
    }
  });
  return { track, previous, next };
}
