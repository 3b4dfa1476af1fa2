import { wordDiff, type WordChange } from "../compare/wordDiff";
import { levelName } from "../handbook/levelName";
import { changeAnchor } from "../links/urls";
import { plainText } from "../text/inlineMarkdown";
import { plural } from "../text/plural";
import type { ReleasedTrackData } from "../schemas";
import {
  examplesOf,
  isResponsibility,
  placeKey,
  releasedItems,
  sameExamples,
  sameWording,
  type ReleasedItem,
} from "./items";
import type { Release } from "./release";

/** What can happen to a behavior between two releases, in the order the changelog names them. */
export const CHANGE_KINDS = ["added", "removed", "reworded", "moved", "renamed", "split", "merged"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A released item and where it was, in words ("IC3 · Senior Engineer, Delivery"). */
export interface PlacedItem {
  item: ReleasedItem;
  where: string;
}

/**
 * One entry of the changelog. `before` holds items of the earlier release, `after` of the later:
 * added, [] → [new]; removed, [old] → [the item its links now lead to]; reworded, moved and
 * renamed (any of them together), [old] → [new]; split, [old] → [its parts]; merged, [olds] → [new].
 */
export interface ItemChange {
  /** Every kind that applies, in {@link CHANGE_KINDS} order; never empty. */
  kinds: ChangeKind[];
  before: PlacedItem[];
  after: PlacedItem[];
  /** When the text was reworded: the word diff of the words a reader sees (`plainText`), whose pieces joined give both back. */
  textDiff?: WordChange[];
  /** When the examples changed: both lists, in order. */
  examples?: { before: string[]; after: string[] };
}

/** Where a change is listed: at a level (null for the shared expectations) or a role. */
export type ChangePlace = { level: string | null } | { role: string };

/** The changes listed under one level, the shared expectations or one role. */
export interface ChangeGroup {
  place: ChangePlace;
  heading: string;
  changes: ItemChange[];
}

/** What changed in one track. */
export interface TrackChanges {
  track: string;
  /** As in the later release (the earlier, for a track that is gone). */
  title: string;
  /** `added`: new in this release (its items are counted, not listed); `removed`: gone. */
  status: "added" | "removed" | "changed" | "unchanged";
  /** How many behaviors and responsibilities the track holds in the later release. */
  items: number;
  counts: Record<ChangeKind, number>;
  /** Levels, categories and roles added, removed or renamed, and a new title, in words. */
  structure: string[];
  /** Shared expectations first, then levels in order, then roles. */
  groups: ChangeGroup[];
}

/** What changed from one release to the next, track by track. */
export interface ReleaseChanges {
  release: string;
  date: string;
  /** The release it is compared with; null for the first. */
  previous: string | null;
  /** In the order of the later release, then tracks that are gone. */
  tracks: TrackChanges[];
  /** Over every track. */
  counts: Record<ChangeKind, number>;
  /** One sentence a reader takes in at a glance. */
  summary: string;
}

/** What a changelog entry is computed from: a release, or the data as it is now. */
export type ReleaseLike = Pick<Release, "name" | "date" | "tracks">;

/** Where a released item was, in words, from its own release's names. */
export function placeOf(item: ReleasedItem, track: ReleasedTrackData): string {
  if (isResponsibility(item)) {
    return `${track.roles.find((role) => role.id === item.role)?.title ?? item.role} (role)`;
  }
  const category =
    item.category === null
      ? undefined
      : (track.categories.find((c) => c.id === item.category)?.title ?? item.category);
  return category === undefined
    ? groupHeading({ level: item.level }, track)
    : `${groupHeading({ level: item.level }, track)}, ${category}`;
}

/** The heading of a group of changes: the level's name, the shared expectations' title, or the role's. */
function groupHeading(place: ChangePlace, track: ReleasedTrackData): string {
  if ("role" in place)
    return `${track.roles.find((role) => role.id === place.role)?.title ?? place.role} (role)`;
  if (place.level === null) return track.shared ?? "All levels";
  const level = track.levels.find((candidate) => candidate.id === place.level);
  return level ? levelName(level) : place.level;
}

function groupKey(place: ChangePlace): string {
  return "role" in place ? `role:${place.role}` : `level:${place.level}`;
}

function groupPlace(item: ReleasedItem): ChangePlace {
  return isResponsibility(item) ? { role: item.role } : { level: item.level };
}

/** No change of any kind, the start of every count. */
export function noChanges(): Record<ChangeKind, number> {
  return Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
}

/**
 * How one item changed into another that took its place (the same id, or one that holds the
 * old id as an alias): renamed, reworded (text or examples), moved (level, category or role).
 */
export function compareItems(
  before: ReleasedItem,
  after: ReleasedItem,
): Pick<ItemChange, "kinds" | "textDiff" | "examples"> {
  const kinds: ChangeKind[] = [];
  const textChanged = before.text !== after.text;
  const examplesChanged = !sameExamples(examplesOf(before), examplesOf(after));
  if (!sameWording(before, after)) kinds.push("reworded");
  if (placeKey(before) !== placeKey(after)) kinds.push("moved");
  if (before.id !== after.id) kinds.push("renamed");
  return {
    kinds,
    // On the words a reader sees, as comparisons of levels are: markup is not wording.
    ...(textChanged && { textDiff: wordDiff(plainText(before.text), plainText(after.text)) }),
    ...(examplesChanged && { examples: { before: examplesOf(before), after: examplesOf(after) } }),
  };
}

/** The changes of one track present in both releases. */
function trackChanges(track: string, earlier: ReleasedTrackData, later: ReleasedTrackData): TrackChanges {
  const olds = releasedItems(earlier);
  const news = releasedItems(later);
  const oldIds = new Set(olds.map((item) => item.id));
  // Ids and aliases are unique in a track: each old id leads to at most one item now.
  const byAnyId = new Map<string, ReleasedItem>();
  for (const item of news) for (const id of [item.id, ...(item.aliases ?? [])]) byAnyId.set(id, item);
  const predecessors = new Map<ReleasedItem, ReleasedItem[]>();
  const lost: ReleasedItem[] = [];
  for (const old of olds) {
    const successor = byAnyId.get(old.id);
    if (successor) predecessors.set(successor, [...(predecessors.get(successor) ?? []), old]);
    else lost.push(old);
  }
  // A part split off is new (it takes no old id) and names an id of the earlier release.
  const parts = new Map<string, ReleasedItem[]>();
  for (const item of news) {
    if (item.splitFrom !== undefined && !predecessors.has(item) && oldIds.has(item.splitFrom))
      parts.set(item.splitFrom, [...(parts.get(item.splitFrom) ?? []), item]);
  }
  const placed = (item: ReleasedItem, from: ReleasedTrackData): PlacedItem => ({
    item,
    where: placeOf(item, from),
  });

  // Each change with the item whose place lists it and its position there.
  const listed: { change: ItemChange; at: ReleasedItem; order: number }[] = [];
  const newOrder = new Map(news.map((item, index) => [item, index]));
  const oldOrder = new Map(olds.map((item, index) => [item, news.length + index]));
  for (const item of news) {
    const before = predecessors.get(item) ?? [];
    const at = { at: item, order: newOrder.get(item)! };
    if (before.length === 0) {
      if (!(item.splitFrom !== undefined && parts.get(item.splitFrom)?.includes(item)))
        listed.push({ change: { kinds: ["added"], before: [], after: [placed(item, later)] }, ...at });
      continue;
    }
    const same = before.find((old) => old.id === item.id);
    if (before.length > 1 && !same) {
      listed.push({
        change: {
          kinds: ["merged"],
          before: before.map((old) => placed(old, earlier)),
          after: [placed(item, later)],
        },
        ...at,
      });
      continue;
    }
    // The item kept its id and took others' links: they were removed, and lead here now.
    for (const old of same ? before.filter((candidate) => candidate !== same) : []) {
      listed.push({
        change: { kinds: ["removed"], before: [placed(old, earlier)], after: [placed(item, later)] },
        at: old,
        order: oldOrder.get(old)!,
      });
    }
    const old = same ?? before[0];
    const split = parts.get(old.id);
    if (split) {
      listed.push({
        change: {
          kinds: ["split"],
          before: [placed(old, earlier)],
          after: [item, ...split].map((part) => placed(part, later)),
        },
        ...at,
      });
      continue;
    }
    const compared = compareItems(old, item);
    if (compared.kinds.length > 0)
      listed.push({
        change: { ...compared, before: [placed(old, earlier)], after: [placed(item, later)] },
        ...at,
      });
  }
  // Only data that failed validation loses an id; shown rather than hidden.
  for (const old of lost) {
    const split = parts.get(old.id) ?? [];
    listed.push({
      change: {
        kinds: [split.length > 0 ? "split" : "removed"],
        before: [placed(old, earlier)],
        after: split.map((part) => placed(part, later)),
      },
      at: old,
      order: oldOrder.get(old)!,
    });
  }

  const groups = new Map<string, ChangeGroup & { order: number }>();
  const groupOrder = placeOrder(later, earlier);
  for (const { change, at, order } of listed.sort((a, b) => a.order - b.order)) {
    const place = groupPlace(at);
    const key = groupKey(place);
    const home = newOrder.has(at) ? later : earlier;
    if (!groups.has(key))
      groups.set(key, { place, heading: groupHeading(place, home), changes: [], order: groupOrder(key) });
    groups.get(key)!.changes.push(change);
  }
  const counts = noChanges();
  for (const { change } of listed) for (const kind of change.kinds) counts[kind]++;
  const structure = [...structureChanges(earlier, later), ...movedAliases(olds, byAnyId)];
  return {
    track,
    title: later.title,
    status: listed.length + structure.length > 0 ? "changed" : "unchanged",
    items: news.length,
    counts,
    structure,
    groups: [...groups.values()]
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...group }) => group),
  };
}

/** The position of a group: shared first, levels in the later release's order (then gone ones), roles last. */
function placeOrder(later: ReleasedTrackData, earlier: ReleasedTrackData): (key: string) => number {
  const keys = [
    groupKey({ level: null }),
    ...later.levels.map((level) => groupKey({ level: level.id })),
    ...earlier.levels.map((level) => groupKey({ level: level.id })),
    ...later.roles.map((role) => groupKey({ role: role.id })),
    ...earlier.roles.map((role) => groupKey({ role: role.id })),
  ];
  return (key) => {
    const index = keys.indexOf(key);
    return index === -1 ? keys.length : index;
  };
}

/** Levels, categories and roles added, removed or renamed, and the track's title, in words. */
function structureChanges(earlier: ReleasedTrackData, later: ReleasedTrackData): string[] {
  const lines: string[] = [];
  if (earlier.title !== later.title) lines.push(`Title changed from “${earlier.title}” to “${later.title}”`);
  const compareNamed = <T extends { id: string }>(
    kind: string,
    olds: T[],
    news: T[],
    name: (item: T) => string,
  ) => {
    const oldById = new Map(olds.map((item) => [item.id, item]));
    const newIds = new Set(news.map((item) => item.id));
    for (const item of news) {
      const old = oldById.get(item.id);
      if (!old) lines.push(`${kind} ${name(item)} added`);
      else if (name(old) !== name(item)) lines.push(`${kind} ${name(old)} renamed ${name(item)}`);
    }
    for (const old of olds) if (!newIds.has(old.id)) lines.push(`${kind} ${name(old)} removed`);
  };
  compareNamed("Level", earlier.levels, later.levels, levelName);
  compareNamed("Category", earlier.categories, later.categories, (category) => category.title);
  compareNamed("Role", earlier.roles, later.roles, (role) => role.title);
  if (earlier.shared !== later.shared) {
    if (earlier.shared === undefined) lines.push(`Shared expectations added (${later.shared})`);
    else if (later.shared === undefined) lines.push(`Shared expectations removed (${earlier.shared})`);
    else lines.push(`Shared expectations renamed from ${earlier.shared} to ${later.shared}`);
  }
  return lines;
}

/**
 * Old ids kept as aliases whose links now lead to another item than the one they led to (an
 * alias given to another behavior): no item changed, but links did, in words.
 */
function movedAliases(olds: ReleasedItem[], byAnyId: Map<string, ReleasedItem>): string[] {
  const lines: string[] = [];
  for (const old of olds) {
    const successor = byAnyId.get(old.id);
    for (const alias of old.aliases ?? []) {
      const holder = byAnyId.get(alias);
      if (holder && holder !== successor)
        lines.push(`Links to ${alias} now lead to ${holder.id}, no longer to ${successor?.id ?? old.id}`);
    }
  }
  return lines;
}

/**
 * The anchor of a change's entry on its release's page: the item it is about now, or the one
 * that went, for a removal (its links lead elsewhere, so its id names the entry).
 */
export function changeEntryAnchor(change: ItemChange, track: string): string {
  const { before, after, kinds } = change;
  const item = kinds.includes("removed") || after.length === 0 ? before[0] : after[0];
  return changeAnchor(track, item.item.id);
}

/** A track that one release has and the other not: its items are counted, not listed. */
function wholeTrack(track: string, data: ReleasedTrackData, status: "added" | "removed"): TrackChanges {
  const counts = noChanges();
  counts[status] = releasedItems(data).length;
  return {
    track,
    title: data.title,
    status,
    items: status === "added" ? releasedItems(data).length : 0,
    counts,
    structure: [],
    groups: [],
  };
}

/** "3 reworded, 1 added": the kinds that happened, with how often, in {@link CHANGE_KINDS} order. */
export function countsPhrase(counts: Record<ChangeKind, number>): string {
  const parts = CHANGE_KINDS.filter((kind) => counts[kind] > 0).map((kind) => `${counts[kind]} ${kind}`);
  return parts.length > 0 ? parts.join(", ") : "no change";
}

/**
 * What changed from `previous` to `next`, track by track and place by place. Without a
 * previous release, every track is added. Only the two releases are read, so a release's
 * changelog never changes once both are written.
 */
export function releaseChanges(previous: ReleaseLike | undefined, next: ReleaseLike): ReleaseChanges {
  const tracks: TrackChanges[] = [];
  for (const [track, later] of Object.entries(next.tracks)) {
    const earlier = previous && Object.hasOwn(previous.tracks, track) ? previous.tracks[track] : undefined;
    tracks.push(earlier ? trackChanges(track, earlier, later) : wholeTrack(track, later, "added"));
  }
  for (const [track, earlier] of Object.entries(previous?.tracks ?? {})) {
    if (!Object.hasOwn(next.tracks, track)) tracks.push(wholeTrack(track, earlier, "removed"));
  }
  const counts = noChanges();
  for (const changes of tracks) for (const kind of CHANGE_KINDS) counts[kind] += changes.counts[kind];
  let summary: string;
  if (!previous) {
    const items = tracks.reduce((sum, changes) => sum + changes.items, 0);
    summary = `First release: ${plural(tracks.length, "track")}, ${plural(items, "behavior or responsibility", "behaviors and responsibilities")}.`;
  } else {
    const changed = tracks.filter((changes) => changes.status !== "unchanged");
    summary =
      changed.length === 0
        ? "No behavior changed."
        : `${changed
            .map((changes) =>
              changes.status === "changed"
                ? `${changes.title}: ${countsPhrase(changes.counts)}${changes.structure.length > 0 ? ` (${plural(changes.structure.length, "change")} to its structure)` : ""}`
                : `${changes.title}: ${changes.status === "added" ? "new track" : "track removed"}`,
            )
            .join("; ")}.`;
  }
  return { release: next.name, date: next.date, previous: previous?.name ?? null, tracks, counts, summary };
}
