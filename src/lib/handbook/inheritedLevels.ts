import type { Level, Track } from "./buildHandbook";

/**
 * The levels whose expectations still hold at `levelId`: on a cumulative track every level
 * below it that states behaviors, nearest first; on any other track, none.
 */
export function inheritedLevels(track: Track, levelId: string): Level[] {
  if (!track.cumulative) return [];
  const index = track.levels.findIndex((level) => level.id === levelId);
  if (index === -1) throw new Error(`No level "${levelId}" in track "${track.id}"`);
  return track.levels
    .slice(0, index)
    .filter((level) => level.groups.length > 0)
    .reverse();
}
