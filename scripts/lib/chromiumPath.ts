import { existsSync } from "node:fs";

/** The environment variable that names the Chromium to drive; Debian's is used when it is there. */
export const CHROMIUM_VARIABLE = "LADDER_CHROMIUM";

/**
 * The Chromium executable for browser tests and benchmarks: LADDER_CHROMIUM when set, else
 * Debian's /usr/bin/chromium when installed, else undefined so Playwright uses its own browser
 * (a developer's laptop after `npx playwright install chromium`).
 */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env[CHROMIUM_VARIABLE]) return env[CHROMIUM_VARIABLE];
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}
