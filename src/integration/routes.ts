/**
 * Every page of the URL contract: the pattern below the handbook's path, and its file in
 * `src/routes/`. The integration injects them; nothing else makes pages.
 */
import { SEGMENTS } from "../lib/links/urls";

const { api, behaviors, changes, compare, growth, history, roadmap, roles, shortLink } = SEGMENTS;

export const ROUTES = [
  { pattern: "/", entrypoint: "index.astro" },
  { pattern: "/404", entrypoint: "404.astro" },
  { pattern: "/[track]", entrypoint: "[track]/index.astro" },
  { pattern: "/[track]/[level]", entrypoint: "[track]/[level].astro" },
  { pattern: `/[track]/${roles}/[role]`, entrypoint: "[track]/roles/[role].astro" },
  { pattern: `/[track]/${compare}/[from]/[to]`, entrypoint: "[track]/compare/[from]/[to].astro" },
  { pattern: `/[track]/${growth}`, entrypoint: "[track]/growth.astro" },
  { pattern: `/${shortLink}/[track]/[id]`, entrypoint: "b/[track]/[id].astro" },
  { pattern: `/${shortLink}/[track]/[id]/${history}`, entrypoint: "b/[track]/[id]/history.astro" },
  { pattern: `/${behaviors}`, entrypoint: "behaviors/index.astro" },
  { pattern: `/${behaviors}/search-index.json`, entrypoint: "behaviors/search-index.json.ts" },
  { pattern: `/${roadmap}`, entrypoint: "roadmap/index.astro" },
  { pattern: `/${changes}`, entrypoint: "changes/index.astro" },
  { pattern: `/${changes}/[release]`, entrypoint: "changes/[release].astro" },
  // A parameter that is always "feed": the feed is written only once there is a release.
  { pattern: `/${changes}/[feed].xml`, entrypoint: "changes/[feed].xml.ts" },
  { pattern: `/${api}/frameworks.json`, entrypoint: "api/frameworks.json.ts" },
  { pattern: `/${api}/behaviors.json`, entrypoint: "api/behaviors.json.ts" },
  {
    pattern: `/${api}/[track]/${compare}/[from]/[to].json`,
    entrypoint: "api/[track]/compare/[from]/[to].json.ts",
  },
  { pattern: `/${api}/[track]/threads.json`, entrypoint: "api/[track]/threads.json.ts" },
  { pattern: `/${api}/${changes}/[release].json`, entrypoint: "api/changes/[release].json.ts" },
] as const;
