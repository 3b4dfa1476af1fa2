import type { Handbook } from "../handbook/buildHandbook";
import { compareText } from "../handbook/buildHandbook";
import { ownValue } from "../data/idRecords";
import { permalinkTargets } from "./permalinkTargets";
import type { PublishedIdsData, PublishedPlace } from "../schemas";
import { PUBLISHED_IDS_FILE } from "./readPublishedIds";
import { createUrls } from "./urls";

/** An id that has a short link, named with its track. */
export interface TrackId {
  track: string;
  id: string;
}

/**
 * Every id with a short link (current ids and aliases), in site order, with what the lock
 * records of it: its level (null when shared) or role, and its text.
 */
function linkedIds(handbook: Handbook): (TrackId & { place: PublishedPlace })[] {
  return permalinkTargets(handbook, createUrls()).map(({ track, id, level, role, text }) => ({
    track,
    id,
    place: role === undefined ? { level, text } : { role, text },
  }));
}

/** What the lock records of `id` in `track`, if it lists it: own keys only, as `constructor` is a valid id. */
function publishedPlace(
  lock: PublishedIdsData | undefined,
  track: string,
  id: string,
): PublishedPlace | undefined {
  const ids = lock && ownValue(lock.tracks, track);
  return ids && ownValue(ids, id);
}

/** Whether the lock lists `id` in `track`. */
export function isPublished(lock: PublishedIdsData | undefined, track: string, id: string): boolean {
  return publishedPlace(lock, track, id) !== undefined;
}

/** The handbook's ids (current ids and aliases) that the lock does not list yet, in site order. */
export function unlockedIds(handbook: Handbook, lock?: PublishedIdsData): TrackId[] {
  return linkedIds(handbook)
    .filter(({ track, id }) => !isPublished(lock, track, id))
    .map(({ track, id }) => ({ track, id }));
}

/**
 * The handbook's ids that the lock lists with another level, role or text than they have now
 * (or with none, in a lock written before they were recorded): `ladder lock` records them anew.
 */
export function outdatedIds(handbook: Handbook, lock?: PublishedIdsData): TrackId[] {
  const same = (a: PublishedPlace, b: PublishedPlace) =>
    a.level === b.level && a.role === b.role && a.text === b.text;
  return linkedIds(handbook)
    .filter(({ track, id, place }) => {
      const recorded = publishedPlace(lock, track, id);
      return recorded !== undefined && !same(recorded, place);
    })
    .map(({ track, id }) => ({ track, id }));
}

/**
 * The lock with every id of the handbook added, and the place and text of each id recorded as
 * they are now (so a lock written before places and texts were recorded gains them). Nothing
 * is ever removed: an id that was published keeps its short link, and its last record, even
 * when its track is gone. Tracks and ids are sorted, so the file changes only where ids are
 * added or their behaviors change, and merges cleanly.
 */
export function lockPublishedIds(handbook: Handbook, lock?: PublishedIdsData): PublishedIdsData {
  const tracks = new Map<string, Map<string, PublishedPlace>>(
    Object.entries(lock?.tracks ?? {}).map(([track, ids]) => [track, new Map(Object.entries(ids))]),
  );
  for (const { track, id, place } of linkedIds(handbook)) {
    if (!tracks.has(track)) tracks.set(track, new Map());
    tracks.get(track)!.set(id, place);
  }
  return {
    tracks: Object.fromEntries(
      [...tracks.keys()].sort(compareText).map((track) => {
        const ids = tracks.get(track)!;
        return [track, Object.fromEntries([...ids.keys()].sort(compareText).map((id) => [id, ids.get(id)!]))];
      }),
    ),
  };
}

/** How many unlocked ids the reminder names before it only counts the rest. */
const NAMED_IDS = 5;

/**
 * The reminder that the legacy lock is missing ids, ending with the one command that records
 * them: a release, which replaces the lock (with releases, there is no reminder: changes wait
 * for the next release).
 */
export function unlockedReminder(dir: string, ids: TrackId[]): string {
  const named = ids.slice(0, NAMED_IDS).map(({ track, id }) => `${track}/${id}`);
  const more = ids.length > NAMED_IDS ? ` and ${ids.length - NAMED_IDS} more` : "";
  // Names another data folder explicitly, so the command works whatever the environment.
  const command = `npx ladder release <name>${dir === "data" ? "" : ` --data-dir ${dir}`}`;
  return (
    `${ids.length === 1 ? "1 id is" : `${ids.length} ids are`} not in ${dir}/${PUBLISHED_IDS_FILE} yet (${named.join(", ")}${more}). ` +
    `Once published, their short links must keep working; record them in a release, which replaces ladder lock and ${PUBLISHED_IDS_FILE}: ${command}`
  );
}
