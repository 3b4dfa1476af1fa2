import path from "node:path";

/** Where the test builds of the real data go, by variant. */
export const SITES = {
  /** Built at the root of a site, as by default. */
  root: { outDir: path.resolve("test-output/root"), base: "/" },
  /** Built under a base path, to prove every link respects it. */
  base: { outDir: path.resolve("test-output/base"), base: "/handbook/" },
} as const;

/**
 * The environment for a test build: this process's, without what vitest adds to it
 * (BASE_URL, MODE, ...: a build that inherited BASE_URL would take it over the configured base).
 */
export function buildEnv(): Record<string, string | undefined> {
  return {
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !["BASE_URL", "MODE", "DEV", "PROD", "SSR"].includes(name),
      ),
    ),
    ASTRO_TELEMETRY_DISABLED: "1",
  };
}
