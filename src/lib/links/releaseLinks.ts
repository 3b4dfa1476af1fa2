import { wordDiff } from "../compare/wordDiff";
import { broken, ok, withHint } from "./verdicts";
import { trackBehaviors } from "../handbook/allBehaviors";
import type { Track } from "../handbook/buildHandbook";
import { changeEntryAnchor, releaseChanges } from "../releases/changes";
import { historyVersions, type HistoryVersion } from "../releases/history";
import { examplesOf, sameWording } from "../releases/items";
import { UNRELEASED } from "../releases/model";
import type { Release } from "../releases/release";
import type { LinkVerdict } from "./checkHandbookUrl";
import type { PermalinkTarget } from "./permalinkTargets";
import { didYouMean, quotedList, suggestIds } from "./suggestIds";
import { changeAnchor, ELEMENT_IDS, type Urls } from "./urls";

/** What link checking asks of the releases, indexed once per list of releases. */
export interface ReleaseIndex {
  /** Oldest first. */
  names: string[];
  /** By track, then id or alias: its history's versions, whose releases are its page's anchors. */
  versions: Map<string, Map<string, HistoryVersion[]>>;
  /** By release: the anchors of its page's entries, as the page gives them (`changeEntryAnchor`). */
  entryAnchors: Map<string, Set<string>>;
}

const indexes = new WeakMap<readonly Release[], ReleaseIndex>();

/**
 * The releases as link checking reads them, computed once per list: a document holds many
 * links. The anchors are those the pages have, from the same functions: a history's versions,
 * and each release's changelog entries.
 */
export function releaseIndex(releases: readonly Release[]): ReleaseIndex {
  const known = indexes.get(releases);
  if (known) return known;
  const changelogs = releases.map((release, position) => releaseChanges(releases[position - 1], release));
  const index: ReleaseIndex = {
    names: releases.map((release) => release.name),
    versions: historyVersions(releases, changelogs),
    entryAnchors: new Map(
      changelogs.map((changes) => [
        changes.release,
        new Set(
          changes.tracks.flatMap((track) =>
            track.groups.flatMap((group) =>
              group.changes.map((change) => changeEntryAnchor(change, track.track)),
            ),
          ),
        ),
      ]),
    ),
  };
  indexes.set(releases, index);
  return index;
}

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
  const byId = index.versions.get(track.id);
  const versions = (byId && byId.get(id)) ?? [];
  if (versions.length === 0) {
    if (target) {
      const permalink = urls.permalink(track.id, id);
      return broken(
        `"${id}" is in no release yet, so it has no history page: link its short link ${permalink} (its history page appears once a release holds it)`,
        [permalink],
      );
    }
    const candidates = [...(byId?.entries() ?? [])].map(([candidate, its]) => ({
      id: candidate,
      text: its.at(-1)!.items[0].item.text,
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
  // The page's anchors: every release of every version.
  const pinnedVersion = versions.find((version) =>
    version.releases.some((release) => release.name === anchor),
  );
  if (!pinnedVersion) {
    const names = versions.flatMap((version) => version.releases.map((release) => release.name)).reverse();
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
  const then = pinnedVersion.items
    .map(({ item }) => item)
    .find((item) => item.id === id || (item.aliases ?? []).includes(id));
  if (!then) {
    return {
      status: "warning",
      message: `pinned to ${anchor}, before "${id}" was released: it shows the ${pinnedVersion.items.length === 1 ? "behavior" : "behaviors"} it took the place of; the link works, but what it points to may need a look`,
      suggestions: [],
    };
  }
  const now = releasedNow(track, target);
  const thenWording = { text: then.text, examples: examplesOf(then) };
  if (sameWording(thenWording, now)) return ok(`"${id}" as released in ${anchor}, worded as today`);
  const latest = index.names.at(-1)!;
  const latestVersion = byId!.get(target.currentId)?.at(-1);
  const latestItem = latestVersion?.releases.some((release) => release.name === latest)
    ? latestVersion.items.find(({ item }) => item.id === target.currentId)?.item
    : undefined;
  const repin =
    latestItem && sameWording({ text: latestItem.text, examples: examplesOf(latestItem) }, now)
      ? [urls.pinned(track.id, target.currentId, latest)]
      : [];
  const what =
    then.text !== now.text
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
