import { ensureBuilt, HOSTILE_SITE, RELEASES_SITE, SITES } from "./sites";

/**
 * Vitest global setup: builds the real handbook once per variant (unless built already), and
 * the hostile and releases sites the browser tests serve, all at once: in `npm test` the browser
 * tests then find them built.
 */
export default async function buildSites(): Promise<void> {
  // Every build runs to its end (and releases its lock) before a failure stops the tests.
  const builds = await Promise.allSettled(
    [...Object.values(SITES), HOSTILE_SITE, RELEASES_SITE].map(ensureBuilt),
  );
  const failures = builds.flatMap((build) => (build.status === "rejected" ? [build.reason] : []));
  if (failures.length > 0) throw new Error(failures.map((error) => (error as Error).message).join("\n\n"));
}
