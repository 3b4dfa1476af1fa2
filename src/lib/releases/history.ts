import type { WordChange } from "../compare/wordDiff";
import type { Handbook } from "../handbook/buildHandbook";
import type { ReleasedTrackData } from "../schemas";
import type { Urls } from "../links/urls";
import {
  CHANGE_KINDS,
  placeOf,
  releaseChanges,
  type ChangeKind,
  type ItemChange,
  type PlacedItem,
  type ReleaseChanges,
} from "./changes";
import {
  examplesOf,
  isResponsibility,
  placeKey,
  releasedItems,
  sameWording,
  type ReleasedItem,
} from "./items";
import { snapshotTracks, type Release } from "./release";

/** One wording of a released id's behavior, and the releases in a row that kept it. */
export interface HistoryVersion {
  /** Oldest first; each is an anchor of the history page (`#{release}`), the target of a pinned link. */
  releases: { name: string; date: string }[];
  /** What the id stood for then: one item, or several (the behaviors later merged into it, the parts it was split into). */
  items: PlacedItem[];
  /** How the next version differs; absent on the last. */
  next?: { kinds: ChangeKind[]; textDiff?: WordChange[] };
}

/** Where a released id leads now, from the data as it is. */
export interface HistoryNow {
  id: string;
  text: string;
  where: string;
  /** Its place now: the level, track or role page, with its anchor. */
  url: string;
  /** Whether it differs from its last released version (an unreleased change). */
  changed: boolean;
}

/** Everything a history page `/b/{track}/{id}/history/` shows. */
export interface IdHistory {
  track: string;
  /** The id in the link: an id or an alias in some release. */
  id: string;
  /** Oldest first. */
  versions: HistoryVersion[];
  /** Undefined only for data that failed validation (a released id must still lead somewhere). */
  now?: HistoryNow;
}

/**
 * What tells versions apart: each item's id, wording and place by ids. Aliases are not part of
 * its wording, and a level or category renamed does not make a behavior another version.
 */
function versionKey(items: PlacedItem[]): string {
  return JSON.stringify(items.map(({ item }) => [item.id, item.text, examplesOf(item), placeKey(item)]));
}

/** What a release (or the data now) holds of a track, indexed for the questions a history asks. */
interface TrackIndex {
  track: ReleasedTrackData;
  byId: Map<string, ReleasedItem>;
  byAlias: Map<string, ReleasedItem>;
  bySplitFrom: Map<string, ReleasedItem[]>;
  order: Map<ReleasedItem, number>;
}

function indexTrack(track: ReleasedTrackData): TrackIndex {
  const index: TrackIndex = {
    track,
    byId: new Map(),
    byAlias: new Map(),
    bySplitFrom: new Map(),
    order: new Map(),
  };
  releasedItems(track).forEach((item, position) => {
    index.byId.set(item.id, item);
    for (const alias of item.aliases ?? []) index.byAlias.set(alias, item);
    if (item.splitFrom !== undefined)
      index.bySplitFrom.set(item.splitFrom, [...(index.bySplitFrom.get(item.splitFrom) ?? []), item]);
    index.order.set(item, position);
  });
  return index;
}

/** A release's changes to one track, by the ids of the items they are about (indexed once: ids are many). */
function changesById(changes: ItemChange[]): Map<string, ItemChange[]> {
  const byId = new Map<string, ItemChange[]>();
  const add = (id: string, change: ItemChange) => byId.set(id, [...(byId.get(id) ?? []), change]);
  for (const change of changes) {
    for (const { item } of change.before) add(item.id, change);
    // An added item has no item before it: it is found by its own id.
    if (change.before.length === 0) for (const { item } of change.after) add(item.id, change);
  }
  return byId;
}

/**
 * How one version became the next, as the changelog of the release that brought it says: the
 * kinds of the changes the version's items took part in, and the word diff when it was one
 * item reworded. A history thus calls a removed behavior removed (its links lead to another)
 * and a merged one merged, as the release's page does.
 */
function nextStep(
  from: PlacedItem[],
  to: PlacedItem[],
  changes: Map<string, ItemChange[]> | undefined,
): NonNullable<HistoryVersion["next"]> {
  const involved = new Set(
    [...from, ...to]
      .flatMap(({ item }) => changes?.get(item.id) ?? [])
      .filter(
        // A version's own items, or one that came with the next (a part split off, merged in).
        (change) =>
          change.before.some(({ item }) => from.some((placed) => placed.item.id === item.id)) ||
          change.before.length === 0,
      ),
  );
  const kinds = CHANGE_KINDS.filter((kind) => [...involved].some((change) => change.kinds.includes(kind)));
  const [only] = involved;
  const textDiff = involved.size === 1 ? only.textDiff : undefined;
  return { kinds, ...(textDiff && { textDiff }) };
}

/** What a released id stood for in one release: the item with that id, or the one holding it as an alias. */
function ownItem(index: TrackIndex, id: string): ReleasedItem | undefined {
  return index.byId.get(id) ?? index.byAlias.get(id);
}

/**
 * The versions of every id ever released (ids and aliases of every release), by track and id,
 * ids in code-unit order. An id's history follows what it stood for: in each release, the item
 * with that id or holding it as an alias (it was renamed, removed into another or merged), and
 * the parts split from it; before it was released, the items whose ids it holds as aliases (what
 * it replaced). Releases in a row that kept the same wording share one version, so a page grows
 * with changes, not with releases. `changelogs` are the releases' changes, when already computed.
 */
export function historyVersions(
  releases: readonly Release[],
  changelogs: ReleaseChanges[] = releases.map((release, index) =>
    releaseChanges(releases[index - 1], release),
  ),
): Map<string, Map<string, HistoryVersion[]>> {
  const byTrack = new Map<string, Map<string, HistoryVersion[]>>();
  const trackIds = [...new Set(releases.flatMap((release) => Object.keys(release.tracks)))];
  for (const track of trackIds) {
    const indexes = releases
      .filter((release) => Object.hasOwn(release.tracks, track))
      .map((release) => ({ release, ...indexTrack(release.tracks[track]) }));
    // What each release changed in the track, by the release that made the change.
    const changesOf = new Map(
      changelogs.map((changes) => [
        changes.release,
        changesById(
          (changes.tracks.find((candidate) => candidate.track === track)?.groups ?? []).flatMap(
            (group) => group.changes,
          ),
        ),
      ]),
    );
    // Every alias an id was ever given: what it replaced.
    const aliasesOf = new Map<string, Set<string>>();
    for (const { byId } of indexes) {
      for (const [id, item] of byId) {
        const aliases = aliasesOf.get(id) ?? new Set<string>();
        for (const alias of item.aliases ?? []) aliases.add(alias);
        aliasesOf.set(id, aliases);
      }
    }
    const released = [
      ...new Set([...aliasesOf.keys(), ...[...aliasesOf.values()].flatMap((aliases) => [...aliases])]),
    ].sort();
    const histories = new Map<string, HistoryVersion[]>();
    for (const id of released) {
      const versions: HistoryVersion[] = [];
      let lastKey: string | undefined;
      for (const index of indexes) {
        const own = ownItem(index, id);
        const found = own
          ? [own]
          : [...(aliasesOf.get(id) ?? [])].flatMap((alias) => index.byId.get(alias) ?? []);
        const parts = (index.bySplitFrom.get(id) ?? []).filter((part) => part !== own);
        if (found.length === 0) continue;
        const items = [...new Set([...found, ...parts])]
          .sort((a, b) => index.order.get(a)! - index.order.get(b)!)
          .map((item) => ({ item, where: placeOf(item, index.track) }));
        const key = versionKey(items);
        const release = { name: index.release.name, date: index.release.date };
        if (key === lastKey) versions.at(-1)!.releases.push(release);
        else versions.push({ releases: [release], items });
        lastKey = key;
      }
      for (let position = 0; position < versions.length - 1; position++) {
        const brought = versions[position + 1].releases[0].name;
        versions[position].next = nextStep(
          versions[position].items,
          versions[position + 1].items,
          changesOf.get(brought),
        );
      }
      histories.set(id, versions);
    }
    byTrack.set(track, histories);
  }
  return byTrack;
}

/**
 * The history of every id ever released, track by track, ids in code-unit order: its versions
 * (see {@link historyVersions}) and where it leads now, in the data as it is.
 */
export function idHistories(
  releases: readonly Release[],
  handbook: Handbook,
  urls: Urls,
  changelogs?: ReleaseChanges[],
): IdHistory[] {
  const now = snapshotTracks(handbook);
  return [...historyVersions(releases, changelogs)].flatMap(([track, byId]) => {
    const current = Object.hasOwn(now, track) ? indexTrack(now[track]) : undefined;
    return [...byId].map(([id, versions]): IdHistory => {
      const item = current && ownItem(current, id);
      if (!item || !current) return { track, id, versions };
      const released = versions.at(-1)?.items.find((placed) => placed.item.id === item.id)?.item;
      return {
        track,
        id,
        versions,
        now: {
          id: item.id,
          text: item.text,
          where: placeOf(item, current.track),
          url: isResponsibility(item)
            ? urls.responsibility({ track, role: item.role, id: item.id })
            : urls.behavior({ track, level: item.level, id: item.id }),
          changed:
            !released ||
            !sameWording(
              { ...released, examples: examplesOf(released) },
              { ...item, examples: examplesOf(item) },
            ) ||
            placeKey(released) !== placeKey(item),
        },
      };
    });
  });
}
