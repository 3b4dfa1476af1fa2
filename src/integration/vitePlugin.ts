/**
 * The virtual modules through which the integration hands its options and the data to pages
 * and components (as Starlight does with `virtual:starlight/user-config`), and the watcher
 * that reloads the page in `astro dev` when a data file changes.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { AstroError } from "astro/errors";
import type { Plugin, ViteDevServer } from "vite";
import { debugging, UNEXPECTED_HINT, unexpectedErrorLine } from "./unexpectedError";
import { dataProblemsMessage, loadSiteData, type SiteData } from "./siteData";
import { PROSE_IMAGE_TYPES } from "../lib/data/proseImages";
import { createUrls, SEGMENTS } from "../lib/links/urls";
import { buildReleaseModel } from "../lib/releases/model";

const CONFIG_ID = "virtual:ladder/config";
const DATA_ID = "virtual:ladder/data";
const RESOLVED = { [CONFIG_ID]: `\0${CONFIG_ID}`, [DATA_ID]: `\0${DATA_ID}` } as const;

/**
 * The data's problems, shown by `astro dev` in its error overlay: titled, with what to do, and
 * without a stack trace (the message says all there is to say; a stack would point into Ladder).
 */
export class LadderDataError extends AstroError {
  override name = "LadderDataError";
  /** The overlay's heading, in place of "An error occurred." */
  title = "The handbook's data has problems";

  constructor(message: string) {
    super(message, "Fix the data files named above: the page reloads by itself when you save one.");
    this.stack = "";
  }
}

/**
 * What the integration throws for `error`: its own messages (Astro errors, already worded and
 * without a stack trace) as they are, anything else as a crash in one line, whose stack trace
 * Astro prints only when `DEBUG` asks for it.
 */
export function integrationError(
  error: unknown,
  env: Record<string, string | undefined> = process.env,
): Error {
  if (error instanceof AstroError) return error;
  const crash = new AstroError(`ladder(): ${unexpectedErrorLine(error)}`, UNEXPECTED_HINT);
  crash.stack = debugging(env) && error instanceof Error ? (error.stack ?? "") : "";
  return crash;
}

/** `export default …` for a JSON value, parsed once at load (faster than a large object literal). */
export function jsonModule(exports: Record<string, unknown>): string {
  return Object.entries(exports)
    .map(([name, value]) => `export const ${name} = JSON.parse(${JSON.stringify(JSON.stringify(value))});`)
    .join("\n");
}

/** The last segments of a prose image's URL: its folder, and the name of its file. */
const IMAGE_PATH = new RegExp(`/${SEGMENTS.proseImages}/([^/]+)$`);

/** How a build shows releases: whether with the changes not released yet, and as of which day. */
export interface ReleaseView {
  /** In `astro dev` and preview builds: the changes since the latest release are shown too. */
  unreleased: boolean;
  /** The date the unreleased changes are shown under (UTC, `2026-12-05`). */
  today: string;
}

/** Today's date in UTC, as releases write dates. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The code of `virtual:ladder/data`: what pages read (the image files prose shows stay out),
 * with the releases' model computed once for every page that shows them. `base` is the
 * handbook's own base, for the URLs in the model.
 */
export function siteDataModule(
  { handbook, proseHtml, releases = [] }: SiteData,
  { base = "/", view = { unreleased: false, today: todayUtc() } }: { base?: string; view?: ReleaseView } = {},
): string {
  const releaseModel = buildReleaseModel(releases, handbook, createUrls(base), view);
  // The digests name each release for good, whatever its page's address (the feed's entry ids).
  const releaseDigests = Object.fromEntries(releases.map((release) => [release.name, release.digest]));
  return jsonModule({ handbook, proseHtml, releaseModel, releaseDigests });
}

/** `configModule` is the code of `virtual:ladder/config`; `dataDir` is as the options name it. */
export function ladderVitePlugin({
  configModule,
  dataDir: shownDataDir,
  root,
  base = "/",
  preloaded,
  unreleased = false,
}: {
  configModule: string;
  dataDir: string;
  root: string;
  /** The handbook's own base: the site's base and the handbook's path. */
  base?: string;
  /** The data as a build read it before starting; `astro dev` reads it anew after each change. */
  preloaded?: SiteData;
  /** Whether pages show the changes not released yet (`astro dev`, preview builds). */
  unreleased?: boolean;
}): Plugin {
  const dataDir = path.resolve(root, shownDataDir);
  // The image files of the prose as last read, by name, which `astro dev` serves (a build copies
  // them). Names hold a hash of the content, so a name is one image whatever URL asks for it.
  const imageFiles = new Map<string, string>();
  const remember = (data: SiteData) => {
    for (const [name, file] of Object.entries(data.proseImages)) imageFiles.set(name, file);
  };
  return {
    name: "ladder:virtual-modules",
    resolveId(id) {
      return Object.hasOwn(RESOLVED, id) ? RESOLVED[id as keyof typeof RESOLVED] : undefined;
    },
    async load(id) {
      if (id === RESOLVED[CONFIG_ID]) return configModule;
      if (id !== RESOLVED[DATA_ID]) return undefined;
      // Today as the module is made: `astro dev` makes it anew when the data changes.
      const view = { unreleased, today: todayUtc() };
      if (preloaded) return siteDataModule(preloaded, { base, view });
      const loaded = await loadSiteData(dataDir, root, base).catch((error: unknown) => {
        throw integrationError(error);
      });
      if (loaded.problems) throw new LadderDataError(dataProblemsMessage(shownDataDir, loaded.problems));
      remember(loaded.data);
      return siteDataModule(loaded.data, { base, view });
    },
    configureServer(server: ViteDevServer) {
      // At the URL the page gives it, whether Astro has taken the base off it or not (the files
      // may lie outside what Vite serves). An image asked for before its page was read (by
      // another instance of this plugin, as Astro may make) is found by reading the data.
      server.middlewares.use(async (request, response, next) => {
        const name = IMAGE_PATH.exec((request.url ?? "").split(/[?#]/)[0])?.[1];
        if (name === undefined) return next();
        if (!imageFiles.has(name)) {
          const loaded = await loadSiteData(dataDir, root, base).catch(() => undefined);
          if (loaded?.data) remember(loaded.data);
        }
        const file = imageFiles.get(name);
        if (file === undefined) return next();
        readFile(file).then((bytes) => {
          const extension = path.extname(name) as keyof typeof PROSE_IMAGE_TYPES;
          response.setHeader("Content-Type", PROSE_IMAGE_TYPES[extension]);
          response.end(bytes);
        }, next);
      });
      // Data files are not imported by any module, so Vite would not notice them changing.
      server.watcher.add(dataDir);
      const reload = (file: string) => {
        if (!path.resolve(file).startsWith(dataDir + path.sep)) return;
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(RESOLVED[DATA_ID]);
          if (module) environment.moduleGraph.invalidateModule(module);
        }
        server.ws.send({ type: "full-reload" });
      };
      server.watcher.on("add", reload).on("change", reload).on("unlink", reload);
    },
  };
}
