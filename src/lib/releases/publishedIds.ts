import type { PublishedIds } from "../links/checkPublishedIds";
import { formatFieldPath, type Problem } from "../data/problems";
import type { PublishedIdsData, PublishedPlace } from "../schemas";
import { isResponsibility, RELEASES_FOLDER, releasedItems, type Release, type ReleasedItem } from "./release";

/** Where a release records an item: `tracks.support.behaviors[3]`, `tracks.support.responsibilities[0]`. */
export function releasedItemPath(
  track: string,
  item: ReleasedItem,
  index: number,
  behaviors: number,
): string {
  return isResponsibility(item)
    ? formatFieldPath(["tracks", track, "responsibilities", index - behaviors])
    : formatFieldPath(["tracks", track, "behaviors", index]);
}

/** What a release records of an item's place and text, as the published-id check compares them. */
function publishedPlaceOf(item: ReleasedItem): PublishedPlace {
  return isResponsibility(item)
    ? { role: item.role, text: item.text }
    : { level: item.level, text: item.text };
}

/**
 * Every id and alias of every release (`releases` oldest first), by track: the ids whose short
 * links are out there. Each is reported against the latest release naming it, at the item that
 * holds it there; what it said and where it was are taken from the latest release where it was
 * an id itself (for one that was only ever an alias, from the item that held it), so a problem
 * can name the behavior that most probably took its place. Read newest first, each id is
 * recorded once however many releases hold it.
 */
export function publishedIdsOfReleases(releases: readonly Release[]): PublishedIds {
  const tracks: PublishedIds = new Map();
  /** By track and id: the place it had in the latest release where it was an id itself. */
  const asId = new Map<string, Map<string, PublishedPlace>>();
  for (const release of [...releases].reverse()) {
    const published = `released in ${release.name}`;
    for (const [track, content] of Object.entries(release.tracks)) {
      if (!tracks.has(track)) {
        tracks.set(track, {
          file: release.file,
          path: formatFieldPath(["tracks", track]),
          published,
          ids: new Map(),
        });
        asId.set(track, new Map());
      }
      const { ids } = tracks.get(track)!;
      const ownPlaces = asId.get(track)!;
      releasedItems(content).forEach((item, index) => {
        if (!ownPlaces.has(item.id)) ownPlaces.set(item.id, publishedPlaceOf(item));
        for (const id of [item.id, ...(item.aliases ?? [])]) {
          if (ids.has(id)) continue;
          const path = releasedItemPath(track, item, index, content.behaviors.length);
          ids.set(id, { file: release.file, path, published, place: publishedPlaceOf(item) });
        }
      });
    }
  }
  for (const [track, { ids }] of tracks) {
    const ownPlaces = asId.get(track)!;
    for (const [id, record] of ids) record.place = ownPlaces.get(id) ?? record.place;
  }
  return tracks;
}

/** Every id and alias a track has in any release: its ids that have been published. */
export function releasedIds(releases: readonly Release[], track: string): Set<string> {
  const ids = new Set<string>();
  for (const release of releases) {
    const content = Object.hasOwn(release.tracks, track) ? release.tracks[track] : undefined;
    for (const item of content ? releasedItems(content) : []) {
      ids.add(item.id);
      for (const alias of item.aliases ?? []) ids.add(alias);
    }
  }
  return ids;
}

/** How many ids a message names before it only counts the rest. */
const NAMED_IDS = 5;

/**
 * The legacy lock's ids that no release holds: with releases, the lock has no more say, but an
 * id it lists and no release holds was published still (a lock made on a branch, say), so it
 * is checked until the next release records it.
 */
export function unreleasedLockIds(lock: PublishedIdsData, releases: readonly Release[]): PublishedIdsData {
  return {
    tracks: Object.fromEntries(
      Object.entries(lock.tracks).flatMap(([track, ids]) => {
        const released = releasedIds(releases, track);
        const left = Object.entries(ids).filter(([id]) => !released.has(id));
        return left.length > 0 ? [[track, Object.fromEntries(left)]] : [];
      }),
    ),
  };
}

/**
 * The problem of a legacy lock beside releases: the releases took its place, so it is to be
 * deleted; `unreleased` (from {@link unreleasedLockIds}, when the lock could be read) are named,
 * so nothing it protected is dropped unseen.
 */
export function lockReplacedProblem(lockFile: string, unreleased?: PublishedIdsData): Problem {
  const ids = Object.entries(unreleased?.tracks ?? {}).flatMap(([track, list]) =>
    Object.keys(list).map((id) => `${track}/${id}`),
  );
  const named =
    ids.slice(0, NAMED_IDS).join(", ") +
    (ids.length > NAMED_IDS ? ` and ${ids.length - NAMED_IDS} more` : "");
  const one = ids.length === 1;
  // Unread, its ids are unknown: nothing is said of them.
  let detail = "";
  if (unreleased && ids.length === 0) detail = " (every id it lists is in a release)";
  else if (unreleased) {
    detail = ` (${one ? "1 of its ids is" : `${ids.length} of its ids are`} in no release yet, ${named}: ${one ? "it is still checked as an id or alias" : "they are still checked as ids or aliases"} until you delete it; then the next ladder release records ${one ? "it" : "them"})`;
  }
  return {
    file: lockFile,
    path: "",
    message: `is replaced by ${RELEASES_FOLDER}/: the ids of the releases are the published ids now, kept working as its ids were: delete it${detail}`,
  };
}
