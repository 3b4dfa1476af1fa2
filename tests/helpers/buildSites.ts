import { ensureBuilt, SITES } from "./sites";

/** Vitest global setup: builds the real handbook once per variant (unless built already). */
export default function buildSites(): void {
  for (const site of Object.values(SITES)) ensureBuilt(site);
}
