#!/usr/bin/env node
// The `ladder` command: src/cli/ compiled to build/cli/index.mjs by `npm run build:package`,
// which `npm ci` and `npm pack` run (the "prepare" script).
import { existsSync } from "node:fs";

const cli = new URL("../build/cli/index.mjs", import.meta.url);
if (!existsSync(cli)) {
  console.error("ladder: the command is not compiled yet: run `npm run build:package` in Ladder's folder.");
  process.exit(1);
}
await import(cli.href);
