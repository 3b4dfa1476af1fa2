#!/usr/bin/env node
// The `ladder` command: src/cli/ compiled to build/cli.mjs by `npm run build:cli`, which
// `npm ci` and `npm pack` run (the "prepare" script).
import { existsSync } from "node:fs";

const cli = new URL("../build/cli.mjs", import.meta.url);
if (!existsSync(cli)) {
  console.error("ladder: the command is not compiled yet: run `npm run build:cli` in Ladder's folder.");
  process.exit(1);
}
await import(cli.href);
