import { execFileSync } from "node:child_process";

/** Vitest global setup: compiles the `ladder` command, so tests run what `npx ladder` runs. */
export default function buildCli(): void {
  execFileSync("node", ["scripts/build-cli.mjs"], { stdio: "inherit" });
}
