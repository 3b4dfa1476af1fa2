import type { Behavior, Responsibility } from "../handbook/buildHandbook";

/** The URL segments the site uses itself (see the URL contract in the design). */
export const SEGMENTS = {
  api: "api",
  shortLink: "b",
  behaviors: "behaviors",
  roadmap: "roadmap",
  roles: "roles",
  compare: "compare",
  /** Under a track: how each expectation grows across its levels (its threads). */
  growth: "growth",
  /** Releases and what changed in each. */
  changes: "changes",
  /** Below a short link: the wording of its behavior in every release. */
  history: "history",
  /** Images shown by prose; not kebab-case, so never a track's id. */
  proseImages: "_images",
} as const;

/**
 * The data folder's folder of releases (`{data}/releases/{name}.json`). It sits beside the track
 * folders, so no track may take its name.
 */
export const RELEASES_FOLDER = "releases";

/** Top-level URL segments the site uses itself, so no track may take them. */
export const RESERVED_TRACK_IDS = [
  SEGMENTS.api,
  SEGMENTS.shortLink,
  SEGMENTS.behaviors,
  SEGMENTS.roadmap,
  SEGMENTS.changes,
  SEGMENTS.proseImages,
  RELEASES_FOLDER,
  "404",
  "_astro",
] as const;

/** Segments under `/{track}/` the site uses itself, so no level may take them. */
export const RESERVED_LEVEL_IDS = [SEGMENTS.compare, SEGMENTS.roles, SEGMENTS.growth] as const;

/**
 * Ids of the page's own elements. Each holds `--`, which no id in the data can, so a behavior's
 * anchor never takes an element's place (a status message would overwrite the behavior, its
 * short link land on the search box).
 */
export const ELEMENT_IDS = {
  main: "ladder--main",
  status: "ladder--status",
  siteSearch: "ladder--site-search",
  searchQuery: "ladder--search-query",
  searchHelp: "ladder--search-help",
  behaviorIndex: "ladder--behavior-index",
  roadmapTitle: "ladder--roadmap-title",
  pickerFrom: "ladder--picker-from",
  pickerTo: "ladder--picker-to",
} as const;

/**
 * What the search's level filter offers besides levels, and the roadmap's group of shared
 * expectations and of the behaviors of a track without categories: with `--`, never a level or
 * category id.
 */
export const PLACES = { shared: "--shared", roles: "--roles", behaviors: "--behaviors" } as const;

/**
 * A page's own anchor for its section about a category: `category--delivery` on level and
 * compare pages, `shared--delivery` for a track's shared expectations. Ids in the data never
 * contain `--`, so these never collide with a behavior's anchor.
 */
export function sectionAnchor(section: "category" | "shared", category: string): string {
  return `${section}--${category}`;
}

/**
 * The anchor of a behavior's entry on a release's page (`change--support--basic-git`): with
 * `--`, never a data id; with the track, unique on a page that lists every track.
 */
export function changeAnchor(track: string, id: string): string {
  return `change--${track}--${id}`;
}

/** Every URL of the handbook (see the URL contract in the design), all prefixed with `base`. */
export interface Urls {
  base: string;
  home(): string;
  track(track: string): string;
  level(track: string, level: string): string;
  role(track: string, role: string): string;
  /** Two levels side by side, `from` below `to`. */
  compare(track: string, from: string, to: string): string;
  /** How each expectation of a track grows across its levels; each form has its behavior's id as anchor. */
  growth(track: string): string;
  /** A behavior's form in its thread on the growth page. */
  growthForm(behavior: Pick<Behavior, "track" | "id">): string;
  /** Where a behavior lives now: its level page, or the track page for shared expectations. */
  behavior(behavior: Pick<Behavior, "track" | "level" | "id">): string;
  /** Where a role responsibility lives now: its role page. */
  responsibility(responsibility: Pick<Responsibility, "track" | "role" | "id">): string;
  /** The permanent short link of a behavior or responsibility id (or alias). */
  permalink(track: string, id: string): string;
  /** What every short link of a track starts with: `permalink(track, id)` is this, the id and a slash. */
  permalinkBase(track: string): string;
  /** The behavior index, optionally with a search query. */
  behaviors(): string;
  /** The serialized search index the behavior index fetches. */
  searchIndex(): string;
  /** The roadmap builder. */
  roadmap(): string;
  frameworksApi(): string;
  behaviorsApi(): string;
  compareApi(track: string, from: string, to: string): string;
  /** The threads behind the growth page. */
  threadsApi(track: string): string;
  /** The releases, newest first. */
  changes(): string;
  /** What changed in a release (or "unreleased", in preview builds) since the one before. */
  release(name: string): string;
  /** The Atom feed of releases. */
  releaseFeed(): string;
  releaseApi(name: string): string;
  /** The wording of a released id's behavior or responsibility in every release. */
  history(track: string, id: string): string;
  /** The pinned link: an id's wording as it was in one release. */
  pinned(track: string, id: string, release: string): string;
  /** An image file that prose shows, by its name in the site. */
  proseImage(name: string): string;
  /** `path` on `site` when a site is configured, otherwise `path` unchanged. */
  absolute(path: string): string;
}

/** Makes sure a base path starts and ends with exactly one slash: `handbook` → `/handbook/`. */
export function normalizeBase(base = "/"): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/**
 * Builds the URL helpers for a deployment. Pages pass `import.meta.env.BASE_URL` and
 * `Astro.site`; scripts pass what they were configured with.
 */
export function createUrls(base = "/", site?: string | URL): Urls {
  const root = normalizeBase(base);
  const at = (...segments: string[]) => `${root}${segments.map((s) => `${encodeURIComponent(s)}/`).join("")}`;
  return {
    base: root,
    home: () => root,
    track: (track) => at(track),
    level: (track, level) => at(track, level),
    role: (track, role) => at(track, SEGMENTS.roles, role),
    compare: (track, from, to) => at(track, SEGMENTS.compare, from, to),
    growth: (track) => at(track, SEGMENTS.growth),
    growthForm: ({ track, id }) => `${at(track, SEGMENTS.growth)}#${id}`,
    behavior: ({ track, level, id }) => `${level === null ? at(track) : at(track, level)}#${id}`,
    responsibility: ({ track, role, id }) => `${at(track, SEGMENTS.roles, role)}#${id}`,
    permalink: (track, id) => at(SEGMENTS.shortLink, track, id),
    permalinkBase: (track) => at(SEGMENTS.shortLink, track),
    behaviors: () => at(SEGMENTS.behaviors),
    searchIndex: () => `${at(SEGMENTS.behaviors)}search-index.json`,
    roadmap: () => at(SEGMENTS.roadmap),
    frameworksApi: () => `${at(SEGMENTS.api)}frameworks.json`,
    behaviorsApi: () => `${at(SEGMENTS.api)}behaviors.json`,
    compareApi: (track, from, to) =>
      `${at(SEGMENTS.api, track, SEGMENTS.compare, from)}${encodeURIComponent(to)}.json`,
    threadsApi: (track) => `${at(SEGMENTS.api, track)}threads.json`,
    changes: () => at(SEGMENTS.changes),
    release: (name) => at(SEGMENTS.changes, name),
    releaseFeed: () => `${at(SEGMENTS.changes)}feed.xml`,
    releaseApi: (name) => `${at(SEGMENTS.api, SEGMENTS.changes)}${encodeURIComponent(name)}.json`,
    history: (track, id) => at(SEGMENTS.shortLink, track, id, SEGMENTS.history),
    pinned: (track, id, release) => `${at(SEGMENTS.shortLink, track, id, SEGMENTS.history)}#${release}`,
    proseImage: (name) => `${at(SEGMENTS.proseImages)}${encodeURIComponent(name)}`,
    absolute: (path) => (site ? new URL(path, site).href : path),
  };
}

/**
 * Where a handbook link written in the data leads ("/support/ic3/": a path from the handbook's
 * root), as an absolute URL when the site's address is known: for Markdown read away from the site.
 */
export function handbookPathUrl(urls: Urls, path: string): string {
  return urls.absolute(urls.base + path.replace(/^\//, ""));
}
