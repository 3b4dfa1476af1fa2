#!/usr/bin/env node
// The `ladder` command. Its code is TypeScript shared with the site (src/lib/), so it runs
// through tsx, which the project installs: no build step, and `npx ladder` works after `npm ci`.
import { tsImport } from "tsx/esm/api";

await tsImport("../scripts/ladder.ts", import.meta.url);
