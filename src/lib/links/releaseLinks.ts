import { wordDiff } from "../compare/wordDiff";
import { trackBehaviors } from "../handbook/allBehaviors";
import type { Track } from "../handbook/buildHandbook";
import { isResponsibility, releasedItems, type Release, type ReleasedItem } from "../releases/release";
import type { LinkVerdict } from "./checkHandbookUrl";
import type { PermalinkTarget } from "./permalinkTargets";
import { didYouMean, quotedList, suggestIds } from "./suggestIds";
import { changeAnchor, ELEMENT_IDS, type Urls } from "./urls";

/** The page a release's name in a link stands for that a published handbook does not have. */
const UNRELEASED = "unreleased";

/** A release an id was in, and the item that held it there (as its id or as an alias). */
export interface ReleasedId {
  release: string;
  item: ReleasedItem;
}

/** What link checking asks of the releases, indexed once per list of releases. */
export interface ReleaseIndex {
  /** Oldest first. */
  names: string[];
  /** By track, then id or alias: the releases it was in, oldest first. */
  ids: Map<string, Map<string, ReleasedId[]>>;
  /** By release: the anchors of its page's entries (see `changeAnchor`), over every id its entries could name. */
  entryAnchors: Map<string, Set<string>>;
}

const indexes = new WeakMap<readonly Release[], ReleaseIndex>();

/**
 * The releases as link checking reads them, computed once per list: a document holds many
 * links, and every pinned link asks which releases held its id.
 */
export function releaseIndex(releases: readonly Release[]): ReleaseIndex {
  const known = indexes.get(releases);
  if (known) return known;
  const index: ReleaseIndex = { names: releases.map((r) => r.name), ids: new Map(), entryAnchors: new Map() };
  releases.forEach((release, position) => {
    const anchors = new Set<string>();
    const previous = releases[position - 1];
    for (const [track, data] of Object.entries(release.tracks)) {
      if (!index.ids.has(track)) index.ids.set(track, new Map());
      const byId = index.ids.get(track)!;
      for (const item of releasedItems(data)) {
        for (const id of [item.id, ...(item.aliases ?? [])]) {
          if (!byId.has(id)) byId.set(id, []);
          byId.get(id)!.push({ release: release.name, item });
          anchors.add(changeAnchor(track, id));
        }
      }
    }
    // An entry of a removed item or a gone track is named by an id of the release before.
    for (const [track, data] of Object.entries(previous?.tracks ?? {}))
      for (const item of releasedItems(data)) anchors.add(changeAnchor(track, item.id));
    index.entryAnchors.set(release.name, anchors);
  });
  indexes.set(releases, index);
  return index;
}

const ok = (message: string): LinkVerdict => ({ status: "ok", message, suggestions: [] });
const broken = (message: string, suggestions: string[] = []): LinkVerdict => ({
  status: "broken",
  message,
  suggestions,
});
const withHint = (message: string, hint: string) => (hint ? `${message}: ${hint}` : message);

/** `the releases are "v1" and "v2"`, or that there is none yet. */
function releasesList(names: readonly string[]): string {
  return names.length > 0 ? `the releases are ${quotedList(names)}` : "the handbook has no release yet";
}

/**
 * A release named in a link (`/changes/{release}/`, `/api/changes/{release}.json`): undefined
 * when it exists; else why not, with the closest releases. `unreleased` is a page of local and
 * preview builds only, so a link meant to last must not name it.
 */
function unknownRelease(
  name: string,
  index: ReleaseIndex,
  urlOf: (name: string) => string,
): LinkVerdict | undefined {
  if (index.names.includes(name)) return undefined;
  const latest = index.names.at(-1);
  if (name === UNRELEASED) {
    return broken(
      `"${UNRELEASED}" lists changes not released yet, only in local and preview builds: a published handbook has no such page; ` +
        (latest ? `link a release, such as ${urlOf(latest)}` : "the handbook has no release yet"),
      latest ? [urlOf(latest)] : [],
    );
  }
  const names = suggestIds(name, index.names);
  return broken(
    withHint(`no release "${name}" (${releasesList(index.names)})`, didYouMean(names)),
    names.map(urlOf),
  );
}

/**
 * `/changes/…`: the list of releases, the feed, and a release's page, whose anchors are its
 * entries' (`#change--{track}--{id}`) or the page's own.
 */
export function changesVerdict(
  rest: string[],
  anchor: string | undefined,
  releases: readonly Release[],
  urls: Urls,
): LinkVerdict | undefined {
  const index = releaseIndex(releases);
  if (rest.length === 0)
    return anchored(anchor, "the list of releases") ?? sectionOf(anchor!, "the list of releases");
  if (rest.length > 1) return undefined;
  const [name] = rest;
  if (name === "feed.xml") return ok("the feed of releases");
  const unknown = unknownRelease(name, index, (other) => urls.release(other));
  if (unknown) return unknown;
  const page = `the changes of release ${name}`;
  if (!anchor || anchor === ELEMENT_IDS.main) return ok(page);
  if (index.entryAnchors.get(name)!.has(anchor)) return ok(`"#${anchor}" on ${page}`);
  return sectionOf(anchor, page);
}

/** Ok for a page without an anchor or with the skip link's; undefined otherwise. */
function anchored(anchor: string | undefined, page: string): LinkVerdict | undefined {
  return !anchor || anchor === ELEMENT_IDS.main ? ok(page) : undefined;
}

/** An anchor a page about releases does not give to an entry: one of its sections, or nothing. */
function sectionOf(anchor: string, page: string): LinkVerdict {
  // The page's own anchors hold "--", which no id does.
  if (anchor.includes("--")) {
    return {
      status: "warning",
      message: `"#${anchor}" is a section of ${page}, not an entry: sections are not part of the URL contract and may change; link the page instead`,
      suggestions: [],
    };
  }
  return broken(`no "#${anchor}" on ${page}`);
}

/** `/api/changes/{release}.json`: what changed in a release, as JSON. */
export function releaseApiVerdict(file: string, releases: readonly Release[], urls: Urls): LinkVerdict {
  const name = file.slice(0, -".json".length);
  return (
    unknownRelease(name, releaseIndex(releases), (other) => urls.releaseApi(other)) ??
    ok(`what changed in release ${name}, as JSON`)
  );
}

/** A text as a message quotes it: verbatim, in quotation marks. */
const quoted = (text: string) => `“${text}”`;

/** Texts up to this long are quoted whole in a warning; longer ones by their changed words. */
const SHORT_TEXT = 100;

/**
 * How a wording differs from today's, briefly: both texts when short, else the changed words
 * (each run verbatim) in reading order.
 */
export function wordingChange(then: string, now: string): string {
  if (then.length <= SHORT_TEXT && now.length <= SHORT_TEXT)
    return `then ${quoted(then)}, now ${quoted(now)}`;
  const changes: string[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed && added) changes.push(`${quoted(removed)} became ${quoted(added)}`);
    else if (removed) changes.push(`${quoted(removed)} removed`);
    else if (added) changes.push(`${quoted(added)} added`);
    removed = added = "";
  };
  for (const piece of wordDiff(then, now)) {
    if (piece.change === "removed") removed += piece.value;
    else if (piece.change === "added") added += piece.value;
    else flush();
  }
  flush();
  return changes.join("; ");
}

function examplesOf(item: ReleasedItem): string[] {
  return isResponsibility(item) ? [] : (item.examples ?? []);
}

/**
 * `/b/{track}/{id}/history/`, for an id of some release of the track (its id or an alias),
 * and the pinned link `…/history/#{release}`, for a release that held the id. A pinned link
 * works whatever became of the id, but when the wording it pins differs from the wording of the
 * item the id leads to now, a roadmap that links it may need a look: a warning says how.
 */
export function historyVerdict(
  track: Track,
  id: string,
  anchor: string | undefined,
  releases: readonly Release[],
  target: PermalinkTarget | undefined,
  urls: Urls,
): LinkVerdict {
  const index = releaseIndex(releases);
  const byId = index.ids.get(track.id);
  const held = (byId && byId.get(id)) ?? [];
  if (held.length === 0) {
    if (target) {
      const permalink = urls.permalink(track.id, id);
      return broken(
        `"${id}" is in no release yet, so it has no history page: link its short link ${permalink} (its history page appears once a release holds it)`,
        [permalink],
      );
    }
    const candidates = [...(byId?.entries() ?? [])].map(([candidate, ids]) => ({
      id: candidate,
      text: ids.at(-1)!.item.text,
    }));
    const ids = suggestIds(id, candidates);
    return broken(
      withHint(
        `no behavior or responsibility "${id}" in any release of the track "${track.id}"`,
        didYouMean(ids),
      ),
      ids.map((suggestion) => urls.history(track.id, suggestion)),
    );
  }
  const page = `the history of "${id}"`;
  if (!anchor || anchor === ELEMENT_IDS.main) return ok(page);
  const pinned = held.find((released) => released.release === anchor);
  if (!pinned) {
    // The releases that held the id are what the link meant, the latest first.
    const names = held.map((released) => released.release).reverse();
    const why = index.names.includes(anchor)
      ? `"${id}" was not in release ${anchor}`
      : `no release "${anchor}" (${releasesList(index.names)})`;
    return broken(
      `${why}: did you mean ${quotedList(names, "or")}, the ${names.length === 1 ? "release" : "releases"} it was in?`,
      names.map((name) => urls.pinned(track.id, id, name)),
    );
  }
  // Validation makes every released id lead somewhere now; without a target there is nothing to compare.
  if (!target) return ok(`"${id}" as released in ${anchor}`);
  const now = releasedNow(track, target);
  const then = pinned.item;
  const textChanged = then.text !== now.text;
  const examplesChanged = JSON.stringify(examplesOf(then)) !== JSON.stringify(now.examples);
  if (!textChanged && !examplesChanged) return ok(`"${id}" as released in ${anchor}, worded as today`);
  const latest = index.names.at(-1)!;
  const latestHeld = byId!.get(target.currentId)?.find((released) => released.release === latest);
  const repin =
    latestHeld &&
    latestHeld.item.text === now.text &&
    JSON.stringify(examplesOf(latestHeld.item)) === JSON.stringify(now.examples)
      ? [urls.pinned(track.id, target.currentId, latest)]
      : [];
  const what = textChanged
    ? `wording differs from today's: ${wordingChange(then.text, now.text)}`
    : "examples differ from today's";
  const leads = target.currentId === then.id ? "" : ` ("${id}" leads to "${target.currentId}" now)`;
  return {
    status: "warning",
    message: `pinned to ${anchor}, whose ${what}${leads}; the link works, but what it points to may need a look${repin.length > 0 ? `: ${repin[0]} pins today's wording` : ""}`,
    suggestions: repin,
  };
}

/** The text and examples of the item a short link leads to now. */
function releasedNow(track: Track, target: PermalinkTarget): { text: string; examples: string[] } {
  if (target.role !== undefined) return { text: target.text, examples: [] };
  const behavior = trackBehaviors(track).find((candidate) => candidate.id === target.currentId);
  return { text: target.text, examples: behavior?.examples ?? [] };
}
