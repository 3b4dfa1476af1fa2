import type { WordChange } from "../compare/wordDiff";
import type { Handbook } from "../handbook/buildHandbook";
import type { PageLink } from "../handbook/pageLink";
import { changeAnchor, type Urls } from "../links/urls";
import { plural } from "../text/plural";
import {
  CHANGE_KINDS,
  changeEntryAnchor,
  type ChangeKind,
  type ItemChange,
  type PlacedItem,
  type ReleaseChanges,
  type TrackChanges,
} from "./changes";
import { UNRELEASED, type ReleaseModel } from "./model";

/** The command that records a release, as the pages tell it. */
export const RELEASE_COMMAND = "npx ladder release <name>";

/** How a page names each kind of change. */
export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  added: "Added",
  removed: "Removed",
  reworded: "Reworded",
  moved: "Moved",
  renamed: "Renamed",
  split: "Split",
  merged: "Merged",
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A release's date as a reader reads it ("1 December 2026"), the same on every machine. */
export function dateText(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A release's counts, a row per track that changed and a column per kind that happened. */
export interface CountsTable {
  /** "Changes in v3 by track". */
  caption: string;
  /** In {@link CHANGE_KINDS} order. */
  columns: { kind: ChangeKind; label: string }[];
  rows: {
    title: string;
    /** Said of a track new in the release or gone from it. */
    note?: string;
    counts: number[];
  }[];
  /** Over every track, when there are several rows. */
  totals?: number[];
}

/** The counts of `changes` as a table; undefined when nothing changed (the summary says so). */
export function countsTable(changes: ReleaseChanges): CountsTable | undefined {
  const kinds = CHANGE_KINDS.filter((kind) => changes.counts[kind] > 0);
  const tracks = changes.tracks.filter((track) => kinds.some((kind) => track.counts[kind] > 0));
  if (kinds.length === 0) return undefined;
  return {
    caption: `${releaseHeading(changes.release)} by track`,
    columns: kinds.map((kind) => ({ kind, label: CHANGE_KIND_LABELS[kind] })),
    rows: tracks.map((track) => {
      const note = trackNote(track);
      return { title: track.title, ...(note && { note }), counts: kinds.map((kind) => track.counts[kind]) };
    }),
    ...(tracks.length > 1 && { totals: kinds.map((kind) => changes.counts[kind]) }),
  };
}

function trackNote(track: TrackChanges): string | undefined {
  if (track.status === "added") return "new track";
  if (track.status === "removed") return "track removed";
  return undefined;
}

/** A release's heading, "Changes in v3", or "Unreleased changes". */
export function releaseHeading(release: string): string {
  return release === UNRELEASED ? "Unreleased changes" : `Changes in ${release}`;
}

/** A release's date, as recorded (for `<time datetime>`) and as a reader reads it. */
export interface ReleaseDate {
  /** `2026-12-01`. */
  datetime: string;
  /** "1 December 2026". */
  text: string;
}

/** How a page shows a release's date `2026-12-01` (for the unreleased changes, the day the site was built). */
export function releaseDate(date: string): ReleaseDate {
  return { datetime: date, text: dateText(date) };
}

/** A release as the list of releases shows it. */
export interface ReleaseListEntry {
  name: string;
  /** The release's name, or "Unreleased changes". */
  heading: string;
  href: string;
  unreleased: boolean;
  date: ReleaseDate;
  summary: string;
  counts?: CountsTable;
}

/** What `/changes/` shows. */
export interface ChangesIndexModel {
  title: string;
  /** The unreleased changes first (in a preview), then the releases, newest first. */
  entries: ReleaseListEntry[];
  /** With no release yet: how to make one. */
  noRelease?: { command: string };
  /** The feed of releases, when there is one to follow. */
  feed?: string;
}

function listEntry(changes: ReleaseChanges, urls: Urls): ReleaseListEntry {
  const unreleased = changes.release === UNRELEASED;
  const counts = countsTable(changes);
  return {
    name: changes.release,
    heading: unreleased ? "Unreleased changes" : changes.release,
    href: urls.release(changes.release),
    unreleased,
    date: releaseDate(changes.date),
    summary: changes.summary,
    ...(counts && { counts }),
  };
}

/** The list of releases: what each changed, newest first, after the changes not released yet. */
export function changesIndexModel(model: ReleaseModel, urls: Urls): ChangesIndexModel {
  return {
    title: "Changes",
    entries: [...(model.unreleased ? [model.unreleased] : []), ...[...model.releases].reverse()].map(
      (changes) => listEntry(changes, urls),
    ),
    ...(model.releases.length === 0
      ? { noRelease: { command: RELEASE_COMMAND } }
      : { feed: urls.releaseFeed() }),
  };
}

/** A behavior or responsibility in a change, as the page shows it. */
export interface EntryItem {
  id: string;
  /** Verbatim, inline Markdown. */
  text: string;
  where: string;
  /** Its history page, for an id that was ever released. */
  history?: string;
}

/**
 * One change on a release's page. `item` is what it is about: the behavior as it is after the
 * change, or, removed or split, as it was. Each other field is there when it applies.
 */
export interface ChangeEntry {
  /** `change--{track}--{id}`: of the later item, of the earlier for one removed or split. */
  anchor: string;
  kinds: ChangeKind[];
  /** "Reworded, renamed". */
  label: string;
  item: EntryItem;
  /** Reworded: the word diff, whose pieces give both texts. */
  diff?: WordChange[];
  /** Its examples before and after, when they changed. */
  examples?: { before: string[]; after: string[] };
  moved?: { from: string; to: string };
  renamed?: { from: string; to: string };
  /** Removed: the behavior its links lead to now, and its short link. */
  leadsTo?: EntryItem & { permalink: string };
  /** Split: the behaviors it became, in order. */
  splitInto?: EntryItem[];
  /** Merged: the behaviors it took the place of, in order. */
  mergedFrom?: EntryItem[];
}

/** A level, the shared expectations or a role, with what changed there. */
export interface EntryGroup {
  heading: string;
  entries: ChangeEntry[];
}

/** What changed in one track, on a release's page. */
export interface TrackSection {
  track: string;
  /** Its heading's anchor. */
  anchor: string;
  title: string;
  /** Its page, when the track is still in the handbook. */
  href?: string;
  status: TrackChanges["status"];
  /** Said instead of a list, for a track new in the release, gone, or unchanged. */
  statusText?: string;
  /** Levels, categories and roles that changed, in words. */
  structure: string[];
  groups: EntryGroup[];
}

/** What `/changes/{release}/` shows. */
export interface ReleasePageModel {
  /** The page's title: "Changes in v3". */
  title: string;
  heading: string;
  unreleased: boolean;
  /** For the unreleased changes: how to release them. */
  releaseCommand?: string;
  date: ReleaseDate;
  /** The release compared with, by name; null for the first. */
  previousName: string | null;
  summary: string;
  counts?: CountsTable;
  previous?: PageLink;
  next?: PageLink;
  tracks: TrackSection[];
  /** This release's changes as JSON (not for the unreleased ones, which change until released). */
  api?: string;
  /** Every release. */
  changes: string;
}

/** The anchor of a track's section on a release's page: with `--`, never a change's or a data id. */
export function trackAnchor(track: string): string {
  return `track--${track}`;
}

/** Builds the items of changes, with a history link for ids that were ever released. */
function itemFactory(model: ReleaseModel, track: string, urls: Urls): (placed: PlacedItem) => EntryItem {
  const released = new Set(
    model.histories.filter((history) => history.track === track).map((history) => history.id),
  );
  return ({ item, where }) => ({
    id: item.id,
    text: item.text,
    where,
    ...(released.has(item.id) && { history: urls.history(track, item.id) }),
  });
}

/** One change as a page entry: what it is about, and each of its kinds' details. */
function changeEntry(
  change: ItemChange,
  track: string,
  entryItem: (placed: PlacedItem) => EntryItem,
  urls: Urls,
): ChangeEntry {
  const { kinds, before, after } = change;
  const has = (kind: ChangeKind) => kinds.includes(kind);
  // A removed or split behavior is told by what it was; any other by what it is now.
  const subject = has("removed") || has("split") || after.length === 0 ? before[0] : after[0];
  const successor = has("removed") ? after[0] : undefined;
  return {
    anchor: changeEntryAnchor(change, track),
    kinds,
    label: kinds.map((kind, index) => (index === 0 ? CHANGE_KIND_LABELS[kind] : kind)).join(", "),
    item: entryItem(subject),
    ...(change.textDiff && { diff: change.textDiff }),
    ...(change.examples && { examples: change.examples }),
    ...(has("moved") && { moved: { from: before[0].where, to: after[0].where } }),
    ...(has("renamed") && { renamed: { from: before[0].item.id, to: after[0].item.id } }),
    ...(successor && {
      leadsTo: { ...entryItem(successor), permalink: urls.permalink(track, successor.item.id) },
    }),
    ...(has("split") && { splitInto: after.map(entryItem) }),
    ...(has("merged") && { mergedFrom: before.map(entryItem) }),
  };
}

function statusText(track: TrackChanges): string | undefined {
  const items = (count: number) =>
    plural(count, "behavior or responsibility", "behaviors and responsibilities");
  switch (track.status) {
    case "added":
      return `New track, with ${items(track.items)}.`;
    case "removed":
      return `Track removed, with its ${items(track.counts.removed)}.`;
    case "unchanged":
      return "No change.";
    default:
      return track.groups.length === 0 ? "No behavior or responsibility changed." : undefined;
  }
}

/**
 * The page of a release (or of the changes not released yet): the summary, then per track and
 * per level, shared expectations or role each change with its details. Undefined for a name
 * the model does not have.
 */
export function releasePageModel(
  model: ReleaseModel,
  name: string,
  handbook: Pick<Handbook, "tracks">,
  urls: Urls,
): ReleasePageModel | undefined {
  const sequence = [...model.releases, ...(model.unreleased ? [model.unreleased] : [])];
  const index = sequence.findIndex((changes) => changes.release === name);
  if (index === -1) return undefined;
  const changes = sequence[index];
  const unreleased = name === UNRELEASED;
  const link = (other: ReleaseChanges | undefined): PageLink | undefined =>
    other && {
      href: urls.release(other.release),
      text: other.release === UNRELEASED ? "Unreleased changes" : other.release,
    };
  const current = new Set(handbook.tracks.map((track) => track.id));
  const counts = countsTable(changes);
  const previous = link(sequence[index - 1]);
  const next = link(sequence[index + 1]);
  return {
    title: releaseHeading(name),
    heading: releaseHeading(name),
    unreleased,
    ...(unreleased && { releaseCommand: RELEASE_COMMAND }),
    date: releaseDate(changes.date),
    previousName: changes.previous,
    summary: changes.summary,
    ...(counts && { counts }),
    ...(previous && { previous }),
    ...(next && { next }),
    tracks: changes.tracks.map((track) => {
      const entryItem = itemFactory(model, track.track, urls);
      const text = statusText(track);
      return {
        track: track.track,
        anchor: trackAnchor(track.track),
        title: track.title,
        ...(current.has(track.track) && { href: urls.track(track.track) }),
        status: track.status,
        ...(text !== undefined && { statusText: text }),
        structure: track.structure,
        groups: track.groups.map((group) => ({
          heading: group.heading,
          entries: group.changes.map((change) => changeEntry(change, track.track, entryItem, urls)),
        })),
      };
    }),
    ...(!unreleased && { api: urls.releaseApi(name) }),
    changes: urls.changes(),
  };
}

/** The names of the pages below `/changes/`: every release, and the unreleased changes when shown. */
export function releasePageNames(model: ReleaseModel): string[] {
  return [...model.releases, ...(model.unreleased ? [model.unreleased] : [])].map(
    (changes) => changes.release,
  );
}
