/**
 * Playwright's web server for one test site: builds it unless the build tests built it from
 * the same code and data, then serves it as a static host would (`astro preview`).
 * Usage: tsx tests/browser/serveSite.ts <real|hostile|releases> <port>
 */
import { spawn } from "node:child_process";
import { buildEnv, ensureBuilt, HOSTILE_SITE, RELEASES_SITE, SITES, type TestSite } from "../helpers/sites";

const [name, port] = process.argv.slice(2);
const site: TestSite = name === "hostile" ? HOSTILE_SITE : name === "releases" ? RELEASES_SITE : SITES.root;
await ensureBuilt(site);
spawn("npx", ["astro", "preview", "--host", "127.0.0.1", "--port", port], {
  env: {
    ...buildEnv(),
    LADDER_DATA_DIR: site.dataDir,
    LADDER_OUT_DIR: site.outDir,
    LADDER_BASE: site.base,
    ...site.env,
  },
  stdio: "inherit",
});
