import type { Behavior, Responsibility } from "./buildHandbook";

/** Every URL of the handbook (see the URL contract in the design), all prefixed with `base`. */
export interface Urls {
  base: string;
  home(): string;
  track(track: string): string;
  level(track: string, level: string): string;
  role(track: string, role: string): string;
  /** Two levels side by side, `from` below `to`. */
  compare(track: string, from: string, to: string): string;
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
    role: (track, role) => at(track, "roles", role),
    compare: (track, from, to) => at(track, "compare", from, to),
    behavior: ({ track, level, id }) => `${level === null ? at(track) : at(track, level)}#${id}`,
    responsibility: ({ track, role, id }) => `${at(track, "roles", role)}#${id}`,
    permalink: (track, id) => at("b", track, id),
    permalinkBase: (track) => at("b", track),
    behaviors: () => at("behaviors"),
    searchIndex: () => `${at("behaviors")}search-index.json`,
    roadmap: () => at("roadmap"),
    frameworksApi: () => `${root}api/frameworks.json`,
    behaviorsApi: () => `${root}api/behaviors.json`,
    compareApi: (track, from, to) => `${at("api", track, "compare", from)}${encodeURIComponent(to)}.json`,
    absolute: (path) => (site ? new URL(path, site).href : path),
  };
}
