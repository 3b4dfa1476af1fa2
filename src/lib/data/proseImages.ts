import { realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Definition, Image, ImageReference, Root } from "mdast";
import { visit } from "unist-util-visit";
import { displayPath, isWithin } from "./displayPath";

/**
 * The image files prose may show, by extension, with their media types: the raster formats
 * every browser displays. (Not SVG: opened on its own, an SVG file runs the scripts it holds,
 * in the site's origin.) They live in the track's `prose/` folder, beside the pages, and the
 * build publishes each one a page shows.
 */
export const PROSE_IMAGE_TYPES = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
} as const;

/** The extensions of {@link PROSE_IMAGE_TYPES}. */
export const PROSE_IMAGE_EXTENSIONS = Object.keys(PROSE_IMAGE_TYPES);

/** Whether a file name is that of an image prose may show. */
export function isProseImageName(name: string): boolean {
  return PROSE_IMAGE_EXTENSIONS.includes(path.extname(name));
}

/**
 * Calls `each` with every image of a prose syntax tree and the URL it shows: its own, or, for
 * `![alt][ref]`, the URL of the first definition of `ref`, given too (a reference to no
 * definition is text, not an image).
 */
export function eachProseImage(
  tree: Root,
  each: (image: Image | ImageReference, url: string, definition?: Definition) => void,
): void {
  const definitions = new Map<string, Definition>();
  visit(tree, "definition", (definition) => {
    if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition);
  });
  visit(tree, (node) => {
    if (node.type === "image") each(node, node.url);
    else if (node.type === "imageReference") {
      const definition = definitions.get(node.identifier);
      if (definition) each(node, definition.url, definition);
    }
  });
}

/** The file an image URL of a prose page names: a path relative to the page, %-escapes decoded. */
export function proseImageFile(proseFile: string, url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // A lone "%" is a character of the file's name.
  }
  return path.resolve(path.dirname(proseFile), decoded);
}

/** Up to 60 characters of a URL, to quote in a message (a `data:` URL can be megabytes long). */
function quoted(url: string): string {
  return JSON.stringify(url.length > 60 ? `${url.slice(0, 59)}…` : url);
}

const WRITE_A_PATH =
  "save the image in the prose/ folder beside this page and write its path, e.g. ./chart.png";

/**
 * What keeps the image at `url` of the prose page `proseFile` from being published, or
 * undefined. A page shows only image files of the data folder (which the build publishes with
 * the site): an image on another site would be a request to another origin, which the pages
 * never make and a Content-Security-Policy of `'self'` blocks. `root` is where files are named from.
 */
export function proseImageProblem(
  url: string,
  proseFile: string,
  dataDir: string,
  root: string,
): string | undefined {
  if (url.trim() === "") return `an image needs a file: ${WRITE_A_PATH}`;
  if (url.startsWith("//") || /^https?:/i.test(url)) {
    return `the image ${quoted(url)} is on another site, and pages load nothing from other sites (a Content-Security-Policy would block it): ${WRITE_A_PATH}`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return `the image ${quoted(url)} is not a file: ${WRITE_A_PATH}`;
  }
  if (url.startsWith("/") || url.startsWith("\\")) {
    return `the image ${quoted(url)} is a path of the site, not of the data: write the path of the image file from this page, e.g. ./chart.png`;
  }
  const file = proseImageFile(proseFile, url);
  const shown = displayPath(file, root);
  if (!isWithin(file, dataDir)) {
    return `the image ${quoted(url)} (${shown}) is outside the data folder: ${WRITE_A_PATH}`;
  }
  if (path.extname(file).toLowerCase() === ".svg") {
    return `the image ${quoted(url)} is an SVG file, which runs the scripts it may hold when it is opened on its own: export it as a .png or .webp file`;
  }
  if (!isProseImageName(file)) {
    return `the image ${quoted(url)} is not an image file the handbook publishes: use a ${PROSE_IMAGE_EXTENSIONS.join(", ")} file`;
  }
  // Beside the page, where the data folder's own checks (kebab-case names, known files) see it.
  if (path.dirname(file) !== path.dirname(proseFile) || path.basename(file).startsWith(".")) {
    return `the image ${quoted(url)} (${shown}) is not beside this page: ${WRITE_A_PATH}`;
  }
  let real: string;
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    real = realpathSync(file);
  } catch {
    return `the image ${quoted(url)} does not exist (there is no file ${shown}): save it there, or correct the path`;
  }
  if (!isWithin(real, realpathSync(dataDir))) {
    return `the image ${quoted(url)} is a link to a file outside the data folder: ${WRITE_A_PATH}`;
  }
  return undefined;
}
