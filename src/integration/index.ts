/**
 * `ladder()`: the Astro integration that publishes a career framework. It checks its options,
 * injects every route of the URL contract under the handbook's path, and hands the options and
 * the validated data to the pages through virtual modules (see `vitePlugin.ts`).
 *
 *     // astro.config.mjs
 *     import ladder from "ladder-handbook";
 *     export default defineConfig({ integrations: [ladder({ dataDir: "./frameworks", title: "Acme careers" })] });
 */
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AstroIntegration } from "astro";
import { AstroError } from "astro/errors";
import { parseLadderOptions, type LadderUserOptions } from "./options";
import { ROUTES } from "./routes";
import type { Problem } from "../lib/data/problems";
import { unlockedReminder } from "../lib/links/lockPublishedIds";
import { handbookBase, siteConfigModule } from "./siteConfig";
import { SEGMENTS } from "../lib/links/urls";
import { dataProblemsMessage, loadSiteData } from "./siteData";
import { integrationError, ladderVitePlugin } from "./vitePlugin";
import { baseProblems, outputFolderProblems } from "./deployment";
import { displayPath } from "../lib/data/displayPath";
import {
  outputOwnerProblems,
  publishOutput,
  removeStaleStaging,
  REPLACE_VARIABLE,
  stagingFolder,
} from "./output";
import { packageRoot } from "./packageRoot";

export type { LadderUserOptions } from "./options";

export default function ladder(userOptions: LadderUserOptions = {}): AstroIntegration {
  const parsed = parseLadderOptions(userOptions);
  // What a build copies into the site once it is written: the image files prose shows, by name,
  // and the handbook's folder in the site they go below.
  let images: { folder: string; files: Record<string, string> } | undefined;
  return {
    name: "ladder",
    hooks: {
      "astro:config:setup": withoutCrashes(async ({ command, config, injectRoute, logger, updateConfig }) => {
        if (parsed.problems) throw optionsError(parsed.problems);
        const { options } = parsed;
        if (options.site && config.site && new URL(options.site).href !== new URL(config.site).href) {
          throw optionsError([
            `ladder() option site: ${options.site} differs from Astro's site ${config.site}: set one of them`,
          ]);
        }
        // Every handbook link ends with "/": pages must be folders, and such URLs must work.
        if (config.build.format === "file" || config.trailingSlash === "never") {
          throw optionsError([
            `ladder() needs pages as folders: Astro's ${config.build.format === "file" ? 'build.format "file"' : 'trailingSlash "never"'} would break the handbook's links (they end with "/"): use the defaults`,
          ]);
        }
        const root = fileURLToPath(config.root);
        const outDir = fileURLToPath(config.outDir);
        const shownOutDir = displayPath(outDir, root);
        // A build replaces its output folder: never the data, the sources, the project, or a
        // folder Ladder did not build unless told to.
        const deployment = [
          ...baseProblems(config.base),
          ...(command === "build"
            ? [
                ...outputFolderProblems(
                  {
                    root,
                    srcDir: fileURLToPath(config.srcDir),
                    publicDir: fileURLToPath(config.publicDir),
                    dataDir: path.resolve(root, options.dataDir),
                    outDir,
                  },
                  { outDir: shownOutDir, dataDir: options.dataDir },
                ),
                ...outputOwnerProblems(outDir, shownOutDir, process.env[REPLACE_VARIABLE] === "1"),
              ]
            : []),
        ];
        if (deployment.length > 0) throw deploymentError(deployment);
        // A static site is built aside and replaces the output folder only once it is whole. (With
        // an adapter, Astro writes the server and the client into folders of their own.)
        if (command === "build" && config.output === "static" && !config.adapter) {
          const staging = stagingFolder({
            cacheDir: fileURLToPath(config.cacheDir),
            cwd: process.cwd(),
            outDir,
          });
          // Emptied here, not by Astro, whose emptying skips entries named ".", "g", "i" and "t".
          rmSync(staging, { recursive: true, force: true });
          removeStaleStaging(staging);
          updateConfig({
            outDir: pathToFileURL(`${staging}${path.sep}`),
            // Added last, so its hook runs after every other integration's `astro:build:done`.
            integrations: [outputPublisher(staging, outDir, shownOutDir)],
          });
        }
        const site = options.site ?? config.site;
        const configModule = siteConfigModule(options, { base: config.base, site, root });
        if (configModule.problems.length > 0) throw optionsError(configModule.problems);

        const routePrefix = options.path ? `/${options.path}` : "";
        for (const route of ROUTES) {
          // The site around a handbook in a sub-folder keeps its own "not found" page.
          if (route.pattern === "/404" && routePrefix) continue;
          injectRoute({
            pattern: route.pattern === "/" && routePrefix ? routePrefix : `${routePrefix}${route.pattern}`,
            entrypoint: new URL(`src/routes/${route.entrypoint}`, packageRoot),
            prerender: true,
          });
        }
        // A build reads the data before Vite starts, so broken data stops it at once and
        // nothing is bundled; `astro dev` reads it on each request, to show problems as they are fixed.
        const base = handbookBase(config.base, options.path);
        const preloaded =
          command === "build"
            ? await loadSiteData(path.resolve(root, options.dataDir), root, base)
            : undefined;
        if (preloaded?.problems) throw dataError(options.dataDir, preloaded.problems);
        if (preloaded)
          images = {
            folder: path.join(options.path, SEGMENTS.proseImages),
            files: preloaded.data.proseImages,
          };
        // As `ladder validate` does, for a legacy lock: ids it does not list yet are not protected.
        if (preloaded?.unlockedIds.length)
          logger.warn(unlockedReminder(options.dataDir, preloaded.unlockedIds));
        const userInlineLimit = config.vite?.build?.assetsInlineLimit;
        updateConfig({
          ...(options.site && !config.site && { site: options.site }),
          vite: {
            build: {
              // Scripts stay files of their own, never inlined, so the handbook works under a
              // Content-Security-Policy of script-src 'self' (Vite names only the output file
              // here, so this holds for the site's own scripts too); other assets are inlined
              // as the site's configuration says.
              assetsInlineLimit: (file: string, content: Buffer) =>
                file.endsWith(".js")
                  ? false
                  : typeof userInlineLimit === "function"
                    ? userInlineLimit(file, content)
                    : typeof userInlineLimit === "number"
                      ? content.length < userInlineLimit
                      : undefined,
            },
            plugins: [
              ladderVitePlugin({
                configModule: configModule.code,
                dataDir: options.dataDir,
                root,
                base,
                preloaded: preloaded?.data,
                // Unreleased changes are for the people editing the framework, not its readers.
                unreleased: command === "dev" || options.preview,
              }),
            ],
          },
        });
      }),
      "astro:build:done": withoutCrashes(async ({ dir }) => {
        for (const [name, file] of Object.entries(images?.files ?? {})) {
          const target = path.join(fileURLToPath(dir), images!.folder, name);
          mkdirSync(path.dirname(target), { recursive: true });
          copyFileSync(file, target);
        }
      }),
    },
  };
}

/** `hook`, throwing what it throws as `integrationError` words it: a crash in one line. */
function withoutCrashes<A extends unknown[]>(hook: (...args: A) => Promise<void>) {
  return async (...args: A): Promise<void> => {
    try {
      await hook(...args);
    } catch (error) {
      throw integrationError(error);
    }
  };
}

/** Moves the finished build into the output folder once every integration is done with it. */
function outputPublisher(staging: string, outDir: string, shownOutDir: string): AstroIntegration {
  return {
    name: "ladder:output",
    hooks: {
      "astro:build:done": withoutCrashes(async ({ logger }) => {
        await publishOutput(staging, outDir);
        logger.info(`The handbook is in ${shownOutDir}`);
      }),
    },
  };
}

function optionsError(problems: string[]): AstroError {
  return withoutStack(
    new AstroError(
      problems.join("\n"),
      'Fix the options passed to ladder() in astro.config.mjs; the README lists them ("Options").',
    ),
  );
}

function deploymentError(problems: string[]): AstroError {
  return withoutStack(
    new AstroError(
      problems.join("\n"),
      "Change them in astro.config.mjs (or with ladder build --out-dir and --base): nothing was built or deleted.",
    ),
  );
}

function dataError(dataDir: string, problems: Problem[]): AstroError {
  return withoutStack(new AstroError(dataProblemsMessage(dataDir, problems)));
}

/** The user's mistake is the whole message: a stack trace would only point into Ladder. */
function withoutStack<T extends Error>(error: T): T {
  error.stack = "";
  return error;
}
