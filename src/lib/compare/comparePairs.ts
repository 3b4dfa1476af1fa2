import type { Level, Track } from "../handbook/buildHandbook";

/** Two levels of a track to compare, `from` below `to`. */
export interface LevelPair {
  from: Level;
  to: Level;
}

/** The levels of a track that state their behaviors, in order: those comparisons, pickers and roadmaps offer. */
export function definedLevels(track: Pick<Track, "levels">): Level[] {
  return track.levels.filter((level) => level.status === "defined");
}

/** Every pair of defined levels of a track, `from` below `to`, in level order. */
export function comparePairs(track: Track): LevelPair[] {
  const defined = definedLevels(track);
  return defined.flatMap((from, index) => defined.slice(index + 1).map((to) => ({ from, to })));
}

/**
 * The comparisons next to a level among the defined levels: the step up to it (`into`) and the
 * step up from it (`onward`), for "What changes at IC4" links.
 */
export function adjacentPairs(track: Track, levelId: string): { into?: LevelPair; onward?: LevelPair } {
  const defined = definedLevels(track);
  const index = defined.findIndex((level) => level.id === levelId);
  if (index === -1) return {};
  return {
    into: index > 0 ? { from: defined[index - 1], to: defined[index] } : undefined,
    onward: index < defined.length - 1 ? { from: defined[index], to: defined[index + 1] } : undefined,
  };
}
