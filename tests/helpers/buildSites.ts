import { ensureBuilt, HOSTILE_SITE, SITES } from "./sites";

/**
 * Vitest global setup: builds the real handbook once per variant (unless built already), and
 * the hostile site the browser tests serve, all at once: in `npm test` the browser tests then
 * find it built.
 */
export default async function buildSites(): Promise<void> {
  await Promise.all([...Object.values(SITES), HOSTILE_SITE].map(ensureBuilt));
}
