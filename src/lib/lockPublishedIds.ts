import type { Handbook } from "./buildHandbook";
import { compareText } from "./buildHandbook";
import { permalinkTargets } from "./permalinkTargets";
import type { PublishedIdsData } from "./schemas";
import { createUrls } from "./urls";

/** An id that has a short link, named with its track. */
export interface TrackId {
  track: string;
  id: string;
}

/** Every id with a short link (current ids and aliases), in site order. */
function linkedIds(handbook: Handbook): TrackId[] {
  return permalinkTargets(handbook, createUrls()).map(({ track, id }) => ({ track, id }));
}

/** The handbook's ids (current ids and aliases) that the lock does not list yet, in site order. */
export function unlockedIds(handbook: Handbook, lock?: PublishedIdsData): TrackId[] {
  return linkedIds(handbook).filter(({ track, id }) => !lock?.tracks[track]?.includes(id));
}

/**
 * The lock with every id of the handbook added. Nothing is ever removed: an id that was
 * published keeps its short link even when its track is gone. Tracks and ids are sorted, so
 * the file changes only where ids are added and merges cleanly.
 */
export function lockPublishedIds(handbook: Handbook, lock?: PublishedIdsData): PublishedIdsData {
  const tracks = new Map<string, Set<string>>(
    Object.entries(lock?.tracks ?? {}).map(([track, ids]) => [track, new Set(ids)]),
  );
  for (const { track, id } of linkedIds(handbook)) {
    if (!tracks.has(track)) tracks.set(track, new Set());
    tracks.get(track)!.add(id);
  }
  return {
    tracks: Object.fromEntries(
      [...tracks.keys()].sort(compareText).map((track) => [track, [...tracks.get(track)!].sort(compareText)]),
    ),
  };
}
