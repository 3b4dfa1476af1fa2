// Compiles what plain Node runs from Ladder's TypeScript: the `ladder` command (src/cli/) and
// the ladder() integration (src/integration/), into build/cli/ and build/integration/. `npm ci`
// and `npm pack` do it (the "prepare" script), and so do the npm scripts that run either here,
// so they never run stale code: a compilation stands while none of what it read has changed
// (compared by content, so a file saved during a compilation counts as changed). The installed
// command needs neither tsx nor a compiler, and Astro imports a compiled integration directly
// instead of starting Vite to load its configuration.
// The compiled files sit as deep as their sources, so paths relative to them (the routes,
// Ladder's own astro.config.mjs) hold in both. Dependencies stay imports of installed packages.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

const OUT_DIR = "build";
const ENTRY_POINTS = { "cli/index": "src/cli/index.ts", "integration/index": "src/integration/index.ts" };
/** What the last compilation read, with a hash of each as it read it: when none changed, it stands. */
const INPUTS = `${OUT_DIR}/inputs.json`;
/** Read by the compilation too, though esbuild does not list them. */
const SETTINGS = ["scripts/build-package.mjs", "tsconfig.json", "node_modules/esbuild/package.json"];

const digest = (contents) => createHash("sha256").update(contents).digest("hex");
const hash = (file) => digest(readFileSync(file));

function upToDate() {
  try {
    const inputs = JSON.parse(readFileSync(INPUTS, "utf8"));
    const compiled = Object.keys(ENTRY_POINTS).every((name) => existsSync(`${OUT_DIR}/${name}.mjs`));
    return compiled && Object.entries(inputs).every(([file, expected]) => hash(file) === expected);
  } catch {
    return false; // never compiled, or a source is gone
  }
}

/** Written beside, then renamed over: a command started meanwhile runs a whole file, old or new. */
function writeAtomically(file, contents) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/** Reads Ladder's sources for esbuild, keeping a hash of exactly what was compiled. */
function hashingSources(digests) {
  return {
    name: "hash-sources",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
        const contents = readFileSync(args.path);
        digests[path.relative(process.cwd(), args.path)] = digest(contents);
        return { contents, loader: /\.[cm]?ts$/.test(args.path) ? "ts" : "js" };
      });
    },
  };
}

if (!upToDate()) {
  const { build } = await import("esbuild");
  const digests = Object.fromEntries(SETTINGS.map((file) => [file, hash(file)]));
  const { outputFiles } = await build({
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
    write: false,
    plugins: [hashingSources(digests)],
  });
  for (const output of outputFiles) writeAtomically(output.path, output.contents);
  writeAtomically(INPUTS, `${JSON.stringify(digests, null, 2)}\n`);
}
