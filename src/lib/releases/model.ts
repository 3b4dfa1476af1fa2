import type { Handbook } from "../handbook/buildHandbook";
import { idRecord, ownValue } from "../data/idRecords";
import type { Urls } from "../links/urls";
import { RESERVED_RELEASE_NAMES } from "../schemas";
import { releaseChanges, type PlacedItem, type ReleaseChanges } from "./changes";
import { idHistories, type IdHistory } from "./history";
import { examplesOf, placeKey, sameWording } from "./items";
import { canonicalJson, isResponsibility, releasedItems, snapshotTracks, type Release } from "./release";

/** The name under which preview builds show the changes not released yet (`/changes/unreleased/`). */
export const UNRELEASED: (typeof RESERVED_RELEASE_NAMES)[number] = "unreleased";

/** What the site knows of one current behavior or responsibility across releases. */
export interface ItemReleases {
  /** The release whose changes last touched it ({@link UNRELEASED} in a preview, when changed since). */
  lastChanged?: string;
  /** The latest release, when the item's wording there is its wording now: its pinned link's anchor. */
  pinned?: string;
}

/** Everything the pages about releases show, computed once per build. */
export interface ReleaseModel {
  /** Each release with what changed since the one before, oldest first. */
  releases: ReleaseChanges[];
  /** In a preview: what changed since the latest release, when anything did. */
  unreleased?: ReleaseChanges;
  /** The history of every id ever released. */
  histories: IdHistory[];
  /** By track, then current id (records without prototype: read them with {@link itemReleases}). */
  items: Record<string, Record<string, ItemReleases>>;
  /** By track, then level id: the release whose changes last touched the level. */
  levels: Record<string, Record<string, string>>;
}

/**
 * The releases as the site shows them: each release's changelog, the unreleased changes when
 * `unreleased` (local and preview builds), every released id's history, and for every current
 * item and level, when it last changed and the release its pinned link names.
 */
export function buildReleaseModel(
  releases: Release[],
  handbook: Handbook,
  urls: Urls,
  options: { unreleased: boolean; today: string },
): ReleaseModel {
  const changelogs = releases.map((release, index) => releaseChanges(releases[index - 1], release));
  const now = snapshotTracks(handbook);
  const latest = releases.at(-1);
  const unreleased =
    options.unreleased && (!latest || canonicalJson(latest.tracks) !== canonicalJson(now))
      ? releaseChanges(latest, { name: UNRELEASED, date: options.today, tracks: now })
      : undefined;

  const lastChanged = new Map<string, Map<string, string>>();
  const levels = new Map<string, Map<string, string>>();
  const touch = (map: Map<string, Map<string, string>>, track: string, id: string, release: string) => {
    if (!map.has(track)) map.set(track, new Map());
    map.get(track)!.set(id, release);
  };
  for (const changes of [...changelogs, ...(unreleased ? [unreleased] : [])]) {
    const tracks =
      changes.release === UNRELEASED ? now : releases.find((r) => r.name === changes.release)!.tracks;
    for (const track of changes.tracks) {
      // A track gone has no current items or levels to date (only invalid data loses one).
      if (track.status === "removed") continue;
      if (track.status === "added") {
        for (const item of releasedItems(tracks[track.track]))
          touch(lastChanged, track.track, item.id, changes.release);
        for (const level of tracks[track.track].levels) touch(levels, track.track, level.id, changes.release);
        continue;
      }
      // A level changed when one of its behaviors did, or one came or went (a move changes both levels).
      const touchLevel = ({ item }: PlacedItem) => {
        if (!isResponsibility(item) && item.level !== null)
          touch(levels, track.track, item.level, changes.release);
      };
      for (const change of track.groups.flatMap((group) => group.changes)) {
        change.before.forEach(touchLevel);
        // A removed behavior's links lead to one that did not change itself.
        if (change.kinds.includes("removed")) continue;
        change.after.forEach(touchLevel);
        for (const { item } of change.after) touch(lastChanged, track.track, item.id, changes.release);
      }
      const previous = releases.find((release) => release.name === changes.previous);
      const earlier = previous && ownValue(previous.tracks, track.track);
      for (const level of tracks[track.track].levels)
        if (!earlier?.levels.some((old) => old.id === level.id))
          touch(levels, track.track, level.id, changes.release);
    }
  }

  const items = idRecord(
    handbook.tracks.map((track) => {
      const released = latest && ownValue(latest.tracks, track.id);
      const releasedById = new Map((released ? releasedItems(released) : []).map((item) => [item.id, item]));
      const current = ownValue(now, track.id)!;
      return [
        track.id,
        idRecord(
          releasedItems(current).map((item): [string, ItemReleases] => {
            const then = releasedById.get(item.id);
            // Worded as released: its pinned link keeps today's wording.
            const same =
              then !== undefined &&
              sameWording({ ...then, examples: examplesOf(then) }, { ...item, examples: examplesOf(item) });
            const moved = then !== undefined && placeKey(then) !== placeKey(item);
            // Changed since the latest release and not shown as unreleased (a published build):
            // no release says what it is now, so none is named as its last change.
            const changed =
              options.unreleased || (same && !moved) || !latest
                ? lastChanged.get(track.id)?.get(item.id)
                : undefined;
            return [
              item.id,
              {
                ...(changed !== undefined && { lastChanged: changed }),
                ...(same && latest && { pinned: latest.name }),
              },
            ];
          }),
        ),
      ];
    }),
  );
  return {
    releases: changelogs,
    ...(unreleased && { unreleased }),
    histories: idHistories(releases, handbook, urls, changelogs),
    items,
    levels: idRecord([...levels].map(([track, byLevel]) => [track, idRecord(byLevel)])),
  };
}

/** What the model knows of a current item, read safely whatever its id (`constructor` is one). */
export function itemReleases(model: ReleaseModel, track: string, id: string): ItemReleases {
  const byId = ownValue(model.items, track);
  return (byId && ownValue(byId, id)) ?? {};
}

/** The release whose changes last touched a level, if any. */
export function levelLastChanged(model: ReleaseModel, track: string, level: string): string | undefined {
  const byLevel = ownValue(model.levels, track);
  return byLevel && ownValue(byLevel, level);
}
