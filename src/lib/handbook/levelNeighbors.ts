import type { Level, Track } from "./buildHandbook";

/** The levels just below and just above `levelId` in its track, for previous/next links. */
export function levelNeighbors(track: Track, levelId: string): { previous?: Level; next?: Level } {
  const index = track.levels.findIndex((level) => level.id === levelId);
  if (index === -1) throw new Error(`No level "${levelId}" in track "${track.id}"`);
  return { previous: track.levels[index - 1], next: track.levels[index + 1] };
}
