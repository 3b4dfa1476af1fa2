import { changeAnchor, type Urls } from "../links/urls";
import type { ReleaseChanges } from "../releases/changes";
import { changeEntryAnchor } from "../releases/changes";
import { releaseDate, type ReleaseDate } from "../releases/changesPageModel";
import { itemReleases, levelLastChanged, UNRELEASED, type ReleaseModel } from "../releases/model";
import type { PageLink } from "./pageLink";

/** Per track, every id a release's changes name, and the anchor of the entry that tells it. */
type EntryIndex = Map<string, Map<string, string>>;

const entryIndexes = new WeakMap<ReleaseChanges, EntryIndex>();

/**
 * Which entry of a release's page tells about each id, computed once per release: the entry an
 * id anchors comes first, then one that names it before or after the change (a removed
 * behavior's successor is not changed by the removal, so it is not indexed there).
 */
function entryIndex(changes: ReleaseChanges): EntryIndex {
  let index = entryIndexes.get(changes);
  if (index) return index;
  index = new Map();
  for (const track of changes.tracks) {
    const byId = new Map<string, string>();
    for (const change of track.groups.flatMap((group) => group.changes)) {
      const anchor = changeEntryAnchor(change, track.track);
      const named = [...change.before, ...(change.kinds.includes("removed") ? [] : change.after)];
      for (const { item } of named) {
        // The id the entry is anchored by is its own; another may be named by several entries.
        if (!byId.has(item.id) || anchor === changeAnchor(track.track, item.id)) byId.set(item.id, anchor);
      }
    }
    index.set(track.track, byId);
  }
  entryIndexes.set(changes, index);
  return index;
}

/** The changes of a release (or of the unreleased data, in a preview), if the model has them. */
function changesOf(model: ReleaseModel, release: string): ReleaseChanges | undefined {
  return release === UNRELEASED
    ? model.unreleased
    : model.releases.find((changes) => changes.release === release);
}

/**
 * Where a release's page tells about an id: the release page at the entry of the first of
 * `ids` it has one for, or the page itself (a first release, a track added whole, an unchanged
 * id), so the link always lands on a page that exists.
 */
export function releaseEntryHref(
  model: ReleaseModel,
  urls: Urls,
  release: string,
  track: string,
  ids: readonly string[],
): string {
  const page = urls.release(release);
  const changes = changesOf(model, release);
  const byId = changes && entryIndex(changes).get(track);
  const entry = ids.map((id) => byId?.get(id)).find((found) => found !== undefined);
  return entry === undefined ? page : `${page}#${entry}`;
}

/** What a behavior's or responsibility's link menu offers about its releases. */
export interface ItemReleaseLinks {
  /** "Changed in v3", to its entry on that release's page. */
  changed?: PageLink;
  /** Its history page, when an id of it was ever released. */
  history?: string;
  /** The latest release, when the item reads there as it does now, and its pinned link, absolute when the site is configured. */
  pinned?: { release: string; href: string };
}

/** The ids the model has a history of, per track, computed once per model. */
const historyIds = new WeakMap<ReleaseModel, Set<string>>();

function hasHistory(model: ReleaseModel, track: string, id: string): boolean {
  let ids = historyIds.get(model);
  if (!ids) {
    ids = new Set(model.histories.map((history) => `${history.track}/${history.id}`));
    historyIds.set(model, ids);
  }
  return ids.has(`${track}/${id}`);
}

/**
 * The release links of a current behavior or responsibility (by its id and aliases): when it
 * last changed, its history (under its id, or under an alias when only that was released),
 * and its pinned link when its wording now is the latest release's.
 */
export function itemReleaseLinks(
  model: ReleaseModel,
  urls: Urls,
  item: { track: string; id: string; aliases: readonly string[] },
): ItemReleaseLinks {
  const { lastChanged, pinned } = itemReleases(model, item.track, item.id);
  const historyId = [item.id, ...item.aliases].find((id) => hasHistory(model, item.track, id));
  const changes = lastChanged === undefined ? undefined : changesOf(model, lastChanged);
  // A first release, or a track's first, lists no item: it brought them, it did not change them.
  const first =
    changes !== undefined &&
    (changes.previous === null ||
      changes.tracks.some((track) => track.track === item.track && track.status === "added"));
  return {
    ...(lastChanged !== undefined &&
      changes && {
        changed: {
          text:
            lastChanged === UNRELEASED
              ? "Changed since the latest release"
              : `${first ? "First released" : "Changed"} in ${lastChanged}`,
          href: releaseEntryHref(model, urls, lastChanged, item.track, [item.id]),
        },
      }),
    ...(historyId !== undefined && { history: urls.history(item.track, historyId) }),
    ...(pinned !== undefined && {
      pinned: { release: pinned, href: urls.absolute(urls.pinned(item.track, item.id, pinned)) },
    }),
  };
}

/**
 * "Last changed in v3", to that release's page with its date, when the model knows the level's
 * last change; in a preview, "Changed since the latest release", which has no date yet.
 */
export function levelChangedLink(
  model: ReleaseModel,
  urls: Urls,
  track: string,
  level: string,
): (PageLink & { date?: ReleaseDate }) | undefined {
  const release = levelLastChanged(model, track, level);
  const changes = release === undefined ? undefined : changesOf(model, release);
  if (!changes) return undefined;
  const href = urls.release(changes.release);
  return changes.release === UNRELEASED
    ? { text: "Changed since the latest release", href }
    : { text: `Last changed in ${changes.release}`, href, date: releaseDate(changes.date) };
}
