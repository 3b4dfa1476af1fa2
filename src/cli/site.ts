/**
 * `ladder build` and `ladder dev`: Astro with the project's own `astro.config.*` when it has
 * one, else with Ladder's default configuration (the repository's `astro.config.mjs`), which
 * reads the data folder and the deployment from the options below.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ASTRO_CONFIG_NAMES, EXIT, parseCommandArgs, printCrash, UsageError, type Command } from "./cli";
import { packageRoot } from "../integration/packageRoot";
import { OUTPUT_MARKER, REPLACE_VARIABLE } from "../integration/output";

/** Ladder's own configuration, next to its package.json. */
const DEFAULT_CONFIG = fileURLToPath(new URL("astro.config.mjs", packageRoot));

const DEPLOYMENT_OPTIONS = {
  "out-dir": { type: "string" },
  base: { type: "string" },
  site: { type: "string" },
} as const;

const BUILD_OPTIONS = { ...DEPLOYMENT_OPTIONS, "replace-out-dir": { type: "boolean" } } as const;

const OPTIONS_HELP = `Options:
  --data-dir <folder>  the data folder (default: $LADDER_DATA_DIR, else data)
  --out-dir <folder>   where the site is written (default: $LADDER_OUT_DIR, else dist)
  --base <path>        the path the handbook is served under, e.g. /handbook/ (default: /)
  --site <url>         the site's public address, e.g. https://careers.example.com
  -h, --help           show this help

In a folder with its own astro.config.*, that configuration is used (with ladder() in its
integrations) and these options do not apply: set them there.`;

/**
 * The project's Astro configuration file, or Ladder's default one, from `root`: Astro joins
 * the two, so an absolute path would not do.
 */
function configFile(root: string): string {
  const own = ASTRO_CONFIG_NAMES.find((name) => existsSync(path.join(root, name)));
  return own ?? path.relative(root, DEFAULT_CONFIG);
}

/**
 * Puts the deployment options where Ladder's default configuration reads them. A project with
 * its own configuration sets them there: a flag it would ignore is a usage error, not a surprise.
 */
function applyOptions(values: Record<string, unknown>, root: string): void {
  const given = ["data-dir", "out-dir", "base", "site"].filter(
    (option) => typeof values[option] === "string",
  );
  const own = configFile(root);
  // Ladder's own repository builds with the default configuration, which reads them.
  if (given.length > 0 && path.resolve(root, own) !== DEFAULT_CONFIG) {
    throw new UsageError(
      `${given.map((option) => `--${option}`).join(", ")} cannot be used with this project's own ${own}: set the data folder in ladder({ dataDir }) and the rest in Astro's configuration there`,
    );
  }
  const variables: Record<string, string> = {
    "data-dir": "LADDER_DATA_DIR",
    "out-dir": "LADDER_OUT_DIR",
    base: "LADDER_BASE",
    site: "LADDER_SITE",
  };
  for (const [option, variable] of Object.entries(variables)) {
    const value = values[option];
    if (typeof value === "string") process.env[variable] = value;
  }
  if (typeof values.site === "string" && !URL.canParse(values.site)) {
    throw new UsageError(
      `--site must be an absolute URL such as https://careers.example.com, not "${values.site}"`,
    );
  }
}

/**
 * Astro's message for a failed build: ours (data, options) and Astro's own are worded whole,
 * and a stack trace never helps there; anything else is a crash (see `printCrash`).
 */
export function printFailure(command: string, error: unknown): void {
  const type = (error as { type?: unknown }).type;
  if (typeof type !== "string" || type === "InternalError") return printCrash(command, error);
  const message = (error as Error).message ?? String(error);
  const hint = (error as { hint?: string }).hint;
  console.error(`ladder ${command}: ${message.trim()}${hint ? `\n${hint}` : ""}`);
}

export const buildCommand: Command = {
  name: "build",
  summary: "validate the data and build the handbook into dist/ (Astro's build)",
  help: `Usage: ladder build [--data-dir <folder>] [--out-dir <folder>] [--base <path>] [--site <url>]

Validates the data folder (every problem at once, as "file: path: message") and builds the
handbook as a static site. The site is built aside and replaces the output folder only once it is
whole: a failed build leaves the last one in place. A folder holding files Ladder did not build
(no ${OUTPUT_MARKER} file in it) is not replaced unless you say so.

${OPTIONS_HELP.replace("  -h, --help", "  --replace-out-dir    replace the output folder even if Ladder did not build it\n  -h, --help")}

Exit code: 0 when the site is built, 1 when the data or the build has problems, 2 when called wrongly.`,

  async run(args) {
    const { values } = parseCommandArgs(args, BUILD_OPTIONS);
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    const root = process.cwd();
    applyOptions(values, root);
    // Not a setting of the site: a one-time permission, so it applies with any configuration.
    if (values["replace-out-dir"]) process.env[REPLACE_VARIABLE] = "1";
    process.env.ASTRO_TELEMETRY_DISABLED ??= "1";
    const { build } = await import("astro");
    try {
      await build({ root, configFile: configFile(root) });
    } catch (error) {
      printFailure("build", error);
      return EXIT.problems;
    }
    return EXIT.ok;
  },
};

export const devCommand: Command = {
  name: "dev",
  summary: "serve the handbook while you edit the data; pages reload when a file changes",
  help: `Usage: ladder dev [--data-dir <folder>] [--base <path>] [--site <url>] [--port <number>]

Serves the handbook at http://localhost:4321/ (or --port). Editing a data file reloads the
page; problems in the data are shown on the page, as "file: path: message", until fixed.

${OPTIONS_HELP.replace("  -h, --help", "  --port <number>      the port to serve on (default: 4321)\n  -h, --help")}`,

  async run(args) {
    const { values } = parseCommandArgs(args, { ...DEPLOYMENT_OPTIONS, port: { type: "string" } });
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
      throw new UsageError(`--port must be a number from 1 to 65535, not "${values.port}"`);
    }
    const root = process.cwd();
    applyOptions(values, root);
    process.env.ASTRO_TELEMETRY_DISABLED ??= "1";
    const { dev } = await import("astro");
    try {
      const server = await dev({ root, configFile: configFile(root), ...(port && { server: { port } }) });
      // Serves until stopped (Ctrl-C).
      await new Promise<void>((resolve, reject) =>
        process.once("SIGINT", () => void server.stop().then(resolve, reject)),
      );
    } catch (error) {
      printFailure("dev", error);
      return EXIT.problems;
    }
    return EXIT.ok;
  },
};
