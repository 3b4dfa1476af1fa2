// Compiles the `ladder` command (src/cli/, TypeScript) into build/cli.mjs, which plain Node
// runs: `npm ci` and `npm pack` do it (the "prepare" script), so the installed command needs
// neither tsx nor a compiler. Dependencies stay imports of the installed packages.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/index.ts"],
  outfile: "build/cli.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.3",
  packages: "external",
  logLevel: "warning",
  legalComments: "none",
});
