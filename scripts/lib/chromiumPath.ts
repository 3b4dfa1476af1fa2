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

/**
 * The features Playwright (1.65) disables in the Chromium it launches. Chromium reads only the
 * last --disable-features flag, so ours must repeat them (tests/browser/chromium.spec.ts checks
 * that none is lost after an upgrade).
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * The address bar's pop-ups, which the full browser that headless Chromium now is builds (two
 * WebUI pages) for every window: about 2 s of CPU for each new page, most of a browser test's
 * cost on a 2-core machine, for nothing a test sees.
 */
export const UNUSED_CHROMIUM_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/** Flags for a Chromium that only loads the handbook (the machines here have no network). */
export const CHROMIUM_ARGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_CHROMIUM_FEATURES].join(",")}`,
];
