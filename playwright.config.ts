import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/lib/chromiumPath";
import { BROWSER_SITES } from "./tests/browser/sites";

/**
 * Browser tests drive Chromium against built sites served locally: the real handbook and one
 * built from hostile data. Debian's Chromium is used where it is installed (CI installs it),
 * LADDER_CHROMIUM overrides it, and elsewhere Playwright's own browser is used.
 */
export default defineConfig({
  testDir: "tests/browser",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 30_000,
  use: {
    baseURL: BROWSER_SITES.real.origin,
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: Object.entries(BROWSER_SITES).map(([name, site]) => ({
    // Built the README's way (or shared with the build tests), then served as a static host would.
    command: `npx tsx tests/browser/serveSite.ts ${name} ${site.port}`,
    url: `${site.origin}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  })),
});
