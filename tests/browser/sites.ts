/** The sites the browser tests run against, each built from its own data and served on its own port. */
export const BROWSER_SITES = {
  /** The real handbook at the root: the build tests' `root` build, shared (tests/helpers/sites.ts). */
  real: { port: 4410, origin: "http://127.0.0.1:4410" },
  hostile: { port: 4411, origin: "http://127.0.0.1:4411" },
  /** A framework released three times, with a change not released yet, built as a preview. */
  releases: { port: 4412, origin: "http://127.0.0.1:4412" },
} as const;

/** One page of every type of the real handbook, for checks that must hold on all of them. */
export const PAGE_TYPES = {
  home: "/",
  track: "/support/",
  "track with shared expectations": "/product/",
  level: "/support/ic3/",
  "level with shared expectations": "/product/ic2/",
  "level not yet defined": "/support/ic6/",
  compare: "/support/compare/ic2/ic3/",
  "compare across levels": "/product/compare/ic2/ic5/",
  role: "/support/roles/team-lead/",
  "behavior index": "/behaviors/",
  "behavior index with results": "/behaviors/?q=git&track=support",
  roadmap: "/roadmap/?track=product&from=ic3&to=ic4",
  changes: "/changes/",
  "first release": "/changes/2026-12/",
  "not found": "/no-such-page/",
} as const;
