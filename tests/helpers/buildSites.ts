import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { SITES } from "./sites";

/**
 * Vitest global setup: builds the real handbook once per variant, one after the other, the
 * way the README does (`npm run build`: validation, then Astro).
 */
export default function buildSites(): void {
  // Vitest puts its own import.meta.env (BASE_URL, MODE, ...) into process.env; a build that
  // inherited them would take BASE_URL over the configured base.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !["BASE_URL", "MODE", "DEV", "PROD", "SSR"].includes(name),
    ),
  );
  for (const site of Object.values(SITES)) {
    rmSync(site.outDir, { recursive: true, force: true });
    execFileSync("npm", ["run", "build", "--silent"], {
      env: { ...env, LADDER_OUT_DIR: site.outDir, LADDER_BASE: site.base, ASTRO_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
}
