/**
 * The virtual modules through which the integration hands its options and the data to pages
 * and components (as Starlight does with `virtual:starlight/user-config`), and the watcher
 * that reloads the page in `astro dev` when a data file changes.
 */
import path from "node:path";
import { AstroError } from "astro/errors";
import type { Plugin, ViteDevServer } from "vite";
import { debugging, UNEXPECTED_HINT, unexpectedErrorLine } from "./unexpectedError";
import { dataProblemsMessage, loadSiteData, PROSE_IMAGE_TOKEN, type SiteData } from "./siteData";

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

/**
 * The code of `virtual:ladder/data`. Prose images are imported, so Vite publishes each file
 * with the site (as a file: inlined, it would be a `data:` URL, which a Content-Security-Policy
 * of `img-src 'self'` blocks) and gives its URL, which replaces its token in the prose's HTML.
 */
export function siteDataModule({ proseImages, ...data }: SiteData): string {
  const files = [...new Set(Object.values(proseImages))];
  const imports = files.map(
    (file, index) => `import image${index} from ${JSON.stringify(`${file}?no-inline`)};`,
  );
  const urls = Object.entries(proseImages)
    .map(([token, file]) => `${JSON.stringify(token)}: image${files.indexOf(file)}`)
    .join(", ");
  const replace = files.length
    ? `const imageUrls = { ${urls} };
const attribute = (url) => url.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
for (const key of Object.keys(proseHtml)) {
  proseHtml[key] = proseHtml[key].replace(${PROSE_IMAGE_TOKEN}, (token) => Object.hasOwn(imageUrls, token) ? attribute(imageUrls[token]) : token);
}`
    : "";
  return [...imports, jsonModule(data), replace].filter(Boolean).join("\n");
}

/** `configModule` is the code of `virtual:ladder/config`; `dataDir` is as the options name it. */
export function ladderVitePlugin({
  configModule,
  dataDir: shownDataDir,
  root,
  preloaded,
}: {
  configModule: string;
  dataDir: string;
  root: string;
  /** The data as a build read it before starting; `astro dev` reads it anew after each change. */
  preloaded?: SiteData;
}): Plugin {
  const dataDir = path.resolve(root, shownDataDir);
  return {
    name: "ladder:virtual-modules",
    resolveId(id) {
      return Object.hasOwn(RESOLVED, id) ? RESOLVED[id as keyof typeof RESOLVED] : undefined;
    },
    async load(id) {
      if (id === RESOLVED[CONFIG_ID]) return configModule;
      if (id !== RESOLVED[DATA_ID]) return undefined;
      if (preloaded) return siteDataModule(preloaded);
      const loaded = await loadSiteData(dataDir, root).catch((error: unknown) => {
        throw integrationError(error);
      });
      if (loaded.problems) throw new LadderDataError(dataProblemsMessage(shownDataDir, loaded.problems));
      return siteDataModule(loaded.data);
    },
    configureServer(server: ViteDevServer) {
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
