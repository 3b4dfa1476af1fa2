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
import { isResponsibility, releasedItems, snapshotTracks, type Release, type ReleasedItem } from "./release";

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

/** The parts of an item a version is told apart by; aliases are not part of its wording. */
function versionKey(items: PlacedItem[]): string {
  return JSON.stringify(
    items.map(({ item, where }) => [
      item.id,
      item.text,
      where,
      isResponsibility(item) ? [] : (item.examples ?? []),
    ]),
  );
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
  const items = releasedItems(track);
  const index: TrackIndex = {
    track,
    byId: new Map(),
    byAlias: new Map(),
    bySplitFrom: new Map(),
    order: new Map(),
  };
  items.forEach((item, position) => {
    index.byId.set(item.id, item);
    for (const alias of item.aliases ?? []) index.byAlias.set(alias, item);
    if (item.splitFrom !== undefined)
      index.bySplitFrom.set(item.splitFrom, [...(index.bySplitFrom.get(item.splitFrom) ?? []), item]);
    index.order.set(item, position);
  });
  return index;
}

/**
 * How one version became the next, as the changelog of the release that brought it says: the
 * kinds of every change of that release the version's items took part in, and the word diff
 * when it was one item reworded. A history thus calls a removed behavior removed (its links
 * lead to another) and a merged one merged, as the release's page does.
 */
function nextStep(
  from: PlacedItem[],
  to: PlacedItem[],
  changes: ItemChange[] | undefined,
): NonNullable<HistoryVersion["next"]> {
  // By id: a version's items are those of the first release it spans, equal to the later ones'.
  const fromIds = new Set(from.map(({ item }) => item.id));
  const toIds = new Set(to.map(({ item }) => item.id));
  const involved = (changes ?? []).filter(
    (change) =>
      change.before.some(({ item }) => fromIds.has(item.id)) ||
      (change.before.length === 0 && change.after.some(({ item }) => toIds.has(item.id))),
  );
  const kinds = CHANGE_KINDS.filter((kind) => involved.some((change) => change.kinds.includes(kind)));
  const textDiff = involved.length === 1 ? involved[0].textDiff : undefined;
  return { kinds, ...(textDiff && { textDiff }) };
}

/**
 * The history of every id ever released (ids and aliases of every release), track by track,
 * ids in code-unit order. An id's history follows what it stood for: in each release, the item
 * with that id, the one holding it as an alias (it was renamed or merged), the items whose ids
 * are its aliases (what it replaced) and the parts split from it. Releases in a row that kept
 * the same wording share one version, so a page grows with changes, not with releases.
 * `changelogs` are the releases' changes, when already computed.
 */
export function idHistories(
  releases: Release[],
  handbook: Handbook,
  urls: Urls,
  changelogs: ReleaseChanges[] = releases.map((release, index) =>
    releaseChanges(releases[index - 1], release),
  ),
): IdHistory[] {
  const now = snapshotTracks(handbook);
  const histories: IdHistory[] = [];
  const trackIds = [...new Set(releases.flatMap((release) => Object.keys(release.tracks)))];
  for (const track of trackIds) {
    const indexes = releases
      .filter((release) => Object.hasOwn(release.tracks, track))
      .map((release) => ({ release, ...indexTrack(release.tracks[track]) }));
    const current = Object.hasOwn(now, track) ? indexTrack(now[track]) : undefined;
    // What each release changed in the track, by the release that made the change.
    const changesOf = new Map(
      changelogs.map((changes) => [
        changes.release,
        (changes.tracks.find((candidate) => candidate.track === track)?.groups ?? []).flatMap(
          (group) => group.changes,
        ),
      ]),
    );
    // Every alias an id was ever given: what it replaced.
    const aliasesOf = new Map<string, Set<string>>();
    const released = new Set<string>();
    for (const { byId } of indexes) {
      for (const [id, item] of byId) {
        released.add(id);
        for (const alias of item.aliases ?? []) released.add(alias);
        const aliases = aliasesOf.get(id) ?? new Set<string>();
        for (const alias of item.aliases ?? []) aliases.add(alias);
        aliasesOf.set(id, aliases);
      }
    }
    for (const id of [...released].sort()) {
      const replaced = new Set([id, ...(aliasesOf.get(id) ?? []), ...(current?.byId.get(id)?.aliases ?? [])]);
      const versions: HistoryVersion[] = [];
      let lastKey: string | undefined;
      for (const index of indexes) {
        const found = new Set<ReleasedItem>();
        for (const replacedId of replaced) {
          const item = index.byId.get(replacedId);
          if (item) found.add(item);
        }
        const successor = index.byAlias.get(id);
        if (successor) found.add(successor);
        for (const part of index.bySplitFrom.get(id) ?? []) found.add(part);
        if (found.size === 0) continue;
        const items = [...found]
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
      const item = current && (current.byId.get(id) ?? current.byAlias.get(id));
      const lastReleased = versions.at(-1)?.items.find((placed) => placed.item.id === item?.id);
      histories.push({
        track,
        id,
        versions,
        ...(item &&
          current && {
            now: {
              id: item.id,
              text: item.text,
              where: placeOf(item, current.track),
              url: isResponsibility(item)
                ? urls.responsibility({ track, role: item.role, id: item.id })
                : urls.behavior({ track, level: item.level, id: item.id }),
              changed:
                !lastReleased ||
                versionKey([lastReleased]) !== versionKey([{ item, where: placeOf(item, current.track) }]),
            },
          }),
      });
    }
  }
  return histories;
}
