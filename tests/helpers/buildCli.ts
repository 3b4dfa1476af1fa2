import { execFileSync } from "node:child_process";

/** Vitest global setup: compiles the `ladder` command and the integration, so tests run what `npx ladder` runs. */
export default function buildCli(): void {
  execFileSync("node", ["scripts/build-package.mjs"], { stdio: "inherit" });
}
