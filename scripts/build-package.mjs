// Compiles what plain Node runs from Ladder's TypeScript: the `ladder` command (src/cli/) and
// the ladder() integration (src/integration/), into build/cli/ and build/integration/. `npm ci`
// and `npm pack` do it (the "prepare" script), and so do `npm run build`, `dev` and `validate`
// here, so they never run stale code: a compilation whose sources are all older than it is
// kept. The installed command needs neither tsx nor a compiler, and Astro imports a compiled
// integration directly instead of starting Vite to load its configuration.
// The compiled files sit as deep as their sources, so paths relative to them (the routes,
// Ladder's own astro.config.mjs) hold in both. Dependencies stay imports of installed packages.
import { readFileSync, statSync, writeFileSync } from "node:fs";

const OUT_DIR = "build";
const ENTRY_POINTS = { "cli/index": "src/cli/index.ts", "integration/index": "src/integration/index.ts" };
/** What the last compilation read, and this script: when none changed since, it stands. */
const INPUTS = `${OUT_DIR}/inputs.json`;

function upToDate() {
  try {
    const inputs = [...JSON.parse(readFileSync(INPUTS, "utf8")), "scripts/build-package.mjs"];
    const compiled = Math.min(
      ...Object.keys(ENTRY_POINTS).map((name) => statSync(`${OUT_DIR}/${name}.mjs`).mtimeMs),
    );
    return inputs.every((file) => statSync(file).mtimeMs < compiled);
  } catch {
    return false; // never compiled, or a source is gone
  }
}

if (!upToDate()) {
  const { build } = await import("esbuild");
  const { metafile } = await build({
    entryPoints: ENTRY_POINTS,
    outdir: OUT_DIR,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.3",
    packages: "external",
    logLevel: "warning",
    legalComments: "none",
    metafile: true,
  });
  writeFileSync(INPUTS, `${JSON.stringify(Object.keys(metafile.inputs))}\n`);
}
