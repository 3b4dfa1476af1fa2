import type { Handbook, Level, Track } from "../handbook/buildHandbook";
import { broken, ok, withHint } from "./verdicts";
import type { Release } from "../releases/release";
import { handbookPath, type Deployment } from "./handbookPath";
import { permalinkTargets, type PermalinkTarget } from "./permalinkTargets";
import { changesVerdict, historyVerdict, releaseApiVerdict } from "./releaseLinks";
import { didYouMean, quotedList, suggestIds, type NameCandidate } from "./suggestIds";
import { createUrls, ELEMENT_IDS, RESERVED_LEVEL_IDS, SEGMENTS, type Urls } from "./urls";

/** `ok`: the page and anchor exist. `warning`: it works, but should be written otherwise. */
export type LinkStatus = "ok" | "warning" | "broken";

/** What a link into the handbook leads to, or why it does not. */
export interface LinkVerdict {
  status: LinkStatus;
  /** What the link leads to when ok; what is wrong and what to do otherwise. */
  message: string;
  /** URLs that would work instead, best first, written the way the link was (absolute or not). */
  suggestions: string[];
}

/** Anchors every page has, besides those of its behaviors: the skip link's target. */
const PAGE_ANCHORS = new Set<string>([ELEMENT_IDS.main]);

/**
 * Checks a URL against the handbook data and its releases, without a build: the page must exist
 * (a track, level, role, comparison, a track's growth page, short link, the behavior index, the
 * roadmap builder, an API document, the releases, a release's changes, or the history of a released id) and so must its
 * anchor (a behavior or responsibility on that page; on a history page, a release that held the
 * id: a pinned link, which warns when the wording it pins is not today's); a query string
 * is the page's own business and is not checked. Short links through an alias work but
 * are warnings that name the current id; so are links to a page's own sections (`#category--…`),
 * which are not part of the URL contract, and page URLs without their trailing slash. A file
 * (`….json`) written with a trailing slash is broken: hosts answer 404. So is an image a prose
 * page shows, whose URL is named by its content and changes with it.
 * Unknown ids, levels, roles and tracks get "did you mean" suggestions (ids by their spelling
 * and by the words of their text), and unknown levels, roles and tracks the list of those that
 * exist. Returns undefined for a URL that is not the handbook's (see {@link handbookPath}).
 */
export function checkHandbookUrl(
  url: string,
  handbook: Handbook,
  deployment: Deployment = {},
  releases: readonly Release[] = [],
): LinkVerdict | undefined {
  const location = handbookPath(url, deployment);
  if (!location) return undefined;
  const urls = createUrls(deployment.base, deployment.site);
  const written = (path: string) => (location.absolute ? urls.absolute(path) : path);
  const verdict = routeVerdict(location.segments, location.anchor, handbook, releases, urls);
  const suggestions = verdict.suggestions.map(written);
  const isFile = isFileUrl(location.segments);
  if (verdict.status !== "broken" && isFile && location.trailingSlash) {
    const file = written(urls.base + location.segments.map(encodeURIComponent).join("/"));
    return broken(
      `${location.segments.at(-1)} is a file, not a page: write ${file}, without the "/" after it (with it, hosts answer 404)`,
      [file],
    );
  }
  if (verdict.status !== "broken" && !isFile && !location.trailingSlash) {
    const canonical = urls.base + location.segments.map((s) => `${encodeURIComponent(s)}/`).join("");
    const withSlash = written(canonical + (location.anchor ? `#${location.anchor}` : ""));
    return {
      status: "warning",
      message: `page URLs end with "/": write ${withSlash} (without it, some hosts answer 404 or redirect)`,
      suggestions: [withSlash],
    };
  }
  return { ...verdict, suggestions };
}

/** Whether a URL names a file (JSON, the feed) rather than a page, which would end with "/". */
function isFileUrl(segments: string[]): boolean {
  const [first, ...rest] = segments;
  const last = segments.at(-1) ?? "";
  if (first === SEGMENTS.changes) return rest.length === 1 && last === "feed.xml";
  return last.endsWith(".json");
}

function routeVerdict(
  segments: string[],
  anchor: string | undefined,
  handbook: Handbook,
  releases: readonly Release[],
  urls: Urls,
): LinkVerdict {
  const [first, ...rest] = segments;
  if (first === undefined) return pageAnchor(anchor, { name: "the home page", url: urls.home() }, urls);
  if (first === SEGMENTS.behaviors) {
    if (rest.length === 0)
      return pageAnchor(anchor, { name: "the behavior index", url: urls.behaviors() }, urls);
    if (rest.length === 1 && rest[0] === "search-index.json") return ok("the search index");
    return noSuchPage(segments);
  }
  if (first === SEGMENTS.roadmap) {
    const page = { name: "the roadmap builder", url: urls.roadmap() };
    return rest.length === 0 ? pageAnchor(anchor, page, urls) : noSuchPage(segments);
  }
  if (first === SEGMENTS.proseImages) {
    // Named by their content (see loadSiteData), so not part of the URL contract.
    return broken(
      `${segments.at(-1)} is an image a prose page shows, and its URL changes whenever the image does: link to the page that shows it`,
    );
  }
  if (first === SEGMENTS.shortLink) return permalinkVerdict(rest, anchor, handbook, releases, urls);
  if (first === SEGMENTS.api) return apiVerdict(rest, handbook, releases, urls);
  if (first === SEGMENTS.changes) return changesVerdict(rest, anchor, releases, urls) ?? noSuchPage(segments);

  const track = handbook.tracks.find((candidate) => candidate.id === first);
  if (!track) return unknownTrack(first, handbook, (id) => urls.track(id));
  const [second, third, fourth, ...more] = rest;
  if (second === undefined) {
    const shared = (track.shared?.groups ?? []).flatMap((group) => group.behaviors);
    const page = {
      name: `the ${track.shortTitle} overview`,
      url: urls.track(track.id),
      track,
      items: shared,
    };
    return pageAnchor(anchor, page, urls);
  }
  if (second === SEGMENTS.roles && third !== undefined && fourth === undefined) {
    const role = track.roles.find((candidate) => candidate.id === third);
    if (!role) {
      const roles = track.roles.map((r) => r.id);
      const ids = suggestIds(third, roles);
      return broken(
        withHint(
          `no role "${third}" in the track "${track.id}" (${existing("its roles are", roles, "it has no roles")})`,
          didYouMean(ids),
        ),
        ids.map((id) => urls.role(track.id, id)),
      );
    }
    const items = role.responsibilities;
    return pageAnchor(
      anchor,
      { name: `the role "${role.title}"`, url: urls.role(track.id, role.id), track, items },
      urls,
    );
  }
  if (second === SEGMENTS.compare && third !== undefined && fourth !== undefined && more.length === 0) {
    const problem = comparisonProblem(track, third, fourth, (from, to) => urls.compare(track.id, from, to));
    const page = {
      name: `the comparison of ${third} and ${fourth}`,
      url: urls.compare(track.id, third, fourth),
      track,
    };
    return problem ?? pageAnchor(anchor, page, urls);
  }
  if (second === SEGMENTS.growth && third === undefined) {
    // Every behavior of the track's levels has its anchor there, as a form of its thread.
    const items = track.levels.flatMap((level) => level.groups.flatMap((group) => group.behaviors));
    const page = {
      name: `how ${track.shortTitle}'s expectations grow`,
      url: urls.growth(track.id),
      track,
      items,
    };
    return pageAnchor(anchor, page, urls);
  }
  if (third === undefined && !(RESERVED_LEVEL_IDS as readonly string[]).includes(second)) {
    const level = track.levels.find((candidate) => candidate.id === second);
    if (!level) return unknownLevel(track, second, (id) => urls.level(track.id, id));
    const page = {
      name: `${level.code} of ${track.shortTitle}`,
      url: urls.level(track.id, level.id),
      track,
      items: level.groups.flatMap((group) => group.behaviors),
    };
    return pageAnchor(anchor, page, urls);
  }
  return noSuchPage(segments);
}

function noSuchPage(segments: string[]): LinkVerdict {
  return broken(`the handbook has no page /${segments.join("/")}/`);
}

/** `its levels are "ic1" and "ic2"`, or `none` when there are none. */
function existing(phrase: string, ids: readonly string[], none: string): string {
  return ids.length > 0 ? `${phrase} ${quotedList(ids)}` : none;
}

function unknownTrack(id: string, handbook: Handbook, urlOf: (id: string) => string): LinkVerdict {
  const tracks = handbook.tracks.map((track) => track.id);
  const ids = suggestIds(id, tracks);
  const message = `no track "${id}" (${existing("the tracks are", tracks, "the handbook has no tracks")})`;
  return broken(withHint(message, didYouMean(ids)), ids.map(urlOf));
}

function unknownLevel(track: Track, id: string, urlOf: (id: string) => string): LinkVerdict {
  const levels = track.levels.map((level) => level.id);
  const ids = suggestIds(id, levels);
  const message = `no level "${id}" in the track "${track.id}" (${existing("its levels are", levels, "it has no levels")})`;
  return broken(withHint(message, didYouMean(ids)), ids.map(urlOf));
}

/** Why `/{track}/compare/{from}/{to}/` does not exist, or undefined when it does. */
function comparisonProblem(
  track: Track,
  fromId: string,
  toId: string,
  urlOf: (from: string, to: string) => string,
): LinkVerdict | undefined {
  const from = track.levels.find((level) => level.id === fromId);
  if (!from) return unknownLevel(track, fromId, (id) => urlOf(id, toId));
  const to = track.levels.find((level) => level.id === toId);
  if (!to) return unknownLevel(track, toId, (id) => urlOf(fromId, id));
  const undefinedLevel = [from, to].find((level: Level) => level.status !== "defined");
  if (undefinedLevel) {
    return broken(`${undefinedLevel.code} is not yet defined: only defined levels are compared`);
  }
  if (from.order === to.order) return broken(`a level is not compared with itself`);
  if (from.order > to.order) {
    return broken(`comparisons go from the lower level to the higher: swap ${from.id} and ${to.id}`, [
      urlOf(to.id, from.id),
    ]);
  }
  return undefined;
}

function permalinkVerdict(
  rest: string[],
  anchor: string | undefined,
  handbook: Handbook,
  releases: readonly Release[],
  urls: Urls,
): LinkVerdict {
  const [trackId, id, ...more] = rest;
  const history = more.length === 1 && more[0] === SEGMENTS.history;
  if (trackId === undefined || id === undefined || (more.length > 0 && !history))
    return noSuchPage([SEGMENTS.shortLink, ...rest]);
  const track = handbook.tracks.find((candidate) => candidate.id === trackId);
  const urlOf = history
    ? (other: string) => urls.history(other, id)
    : (other: string) => urls.permalink(other, id);
  if (!track) return unknownTrack(trackId, handbook, urlOf);
  const targets = permalinkTargets({ tracks: [track] }, urls);
  const target = targets.find((candidate) => candidate.id === id);
  if (history) return historyVerdict(track, id, anchor, releases, target, urls);
  if (target && target.currentId === id) return ok(`the short link of "${id}"`);
  if (target) {
    const current = urls.permalink(track.id, target.currentId);
    return {
      status: "warning",
      message: `"${id}" is an old id (an alias) of "${target.currentId}": the link works; link ${current} to use the current id`,
      suggestions: [current],
    };
  }
  return unknownId(id, track, targets, handbook, urls);
}

/** A behavior or responsibility id the track does not have: the closest ones, and other tracks that have it. */
function unknownId(
  id: string,
  track: Track,
  targets: PermalinkTarget[],
  handbook: Handbook,
  urls: Urls,
): LinkVerdict {
  const current = targets.filter((target) => target.id === target.currentId);
  const elsewhere = handbook.tracks.filter(
    (other) => other.id !== track.id && permalinkTargets({ tracks: [other] }, urls).some((t) => t.id === id),
  );
  if (elsewhere.length > 0) {
    const places = elsewhere.map((other) => urls.permalink(other.id, id));
    return broken(
      `no behavior or responsibility "${id}" in the track "${track.id}", but ${places.join(" and ")} exists`,
      places,
    );
  }
  const ids = suggestIds(id, current);
  return broken(
    withHint(`no behavior or responsibility "${id}" in the track "${track.id}"`, didYouMean(ids)),
    ids.map((suggestion) => urls.permalink(track.id, suggestion)),
  );
}

function apiVerdict(
  rest: string[],
  handbook: Handbook,
  releases: readonly Release[],
  urls: Urls,
): LinkVerdict {
  if (rest.length === 1 && (rest[0] === "frameworks.json" || rest[0] === "behaviors.json")) {
    return ok(`the API document ${rest[0]}`);
  }
  if (rest.length === 2 && rest[0] === SEGMENTS.changes && rest[1].endsWith(".json"))
    return releaseApiVerdict(rest[1], releases, urls);
  if (rest.length === 2 && rest[1] === "threads.json") {
    const track = handbook.tracks.find((candidate) => candidate.id === rest[0]);
    if (!track) return unknownTrack(rest[0], handbook, (id) => urls.threadsApi(id));
    return ok(`how ${track.shortTitle}'s expectations grow, as JSON`);
  }
  const [trackId, compare, from, toFile, ...more] = rest;
  if (compare === SEGMENTS.compare && from !== undefined && toFile?.endsWith(".json") && more.length === 0) {
    const track = handbook.tracks.find((candidate) => candidate.id === trackId);
    const apiUrl = (t: string, f: string, to: string) => urls.compareApi(t, f, to);
    if (!track) return unknownTrack(trackId, handbook, (id) => apiUrl(id, from, toFile.slice(0, -5)));
    const to = toFile.slice(0, -".json".length);
    return (
      comparisonProblem(track, from, to, (f, t) => apiUrl(track.id, f, t)) ??
      ok(`the comparison of ${from} and ${to} as JSON`)
    );
  }
  return noSuchPage([SEGMENTS.api, ...rest]);
}

/** A page that exists, with the behaviors or responsibilities that have their anchor on it. */
interface Page {
  name: string;
  url: string;
  track?: Track;
  items?: NameCandidate[];
}

/** Checks the anchor of a page that exists: one of the page's ids, one of its sections, or none. */
function pageAnchor(anchor: string | undefined, page: Page, urls: Urls): LinkVerdict {
  const ids = (page.items ?? []).map((item) => item.id);
  const { name, track } = page;
  if (!anchor || PAGE_ANCHORS.has(anchor)) return ok(name);
  if (ids.includes(anchor)) return ok(`"${anchor}" on ${name}`);
  // Ids in the data never contain "--", the page's own section anchors always do.
  if (anchor.includes("--")) {
    return {
      status: "warning",
      message: `"#${anchor}" is a section of ${name}, not a behavior: sections are not part of the URL contract and may change; link a behavior's short link or the page instead`,
      suggestions: [],
    };
  }
  if (track) {
    const target = permalinkTargets({ tracks: [track] }, urls).find((candidate) => candidate.id === anchor);
    if (target && ids.includes(target.currentId)) {
      const current = `${page.url}#${target.currentId}`;
      return broken(
        `"#${anchor}" is an old id (an alias) of "${target.currentId}": anchors are current ids only; write ${current}`,
        [current],
      );
    }
    if (target) {
      const permalink = urls.permalink(track.id, target.currentId);
      const renamed = target.currentId === anchor ? "" : ` (now "${target.currentId}")`;
      return broken(
        `"${anchor}"${renamed} is not on ${name}; it is at ${target.target}: link its short link ${permalink}, which follows it wherever it moves`,
        [permalink],
      );
    }
  }
  const suggestions = suggestIds(anchor, page.items ?? []);
  return broken(
    withHint(`no behavior "#${anchor}" on ${name}`, didYouMean(suggestions)),
    suggestions.map((id) => `${page.url}#${id}`),
  );
}
