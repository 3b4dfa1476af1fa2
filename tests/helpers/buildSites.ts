import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { buildEnv, SITES } from "./sites";

/**
 * Vitest global setup: builds the real handbook once per variant, one after the other, the
 * way the README does (`npm run build`: validation, then Astro).
 */
export default function buildSites(): void {
  for (const site of Object.values(SITES)) {
    rmSync(site.outDir, { recursive: true, force: true });
    execFileSync("npm", ["run", "build", "--silent"], {
      env: { ...buildEnv(), LADDER_OUT_DIR: site.outDir, LADDER_BASE: site.base },
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
}
