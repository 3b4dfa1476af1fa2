/**
 * Where in the data folder each part of a framework is written, so a page can point at the
 * file to edit (see the `editLink` option).
 */

/** What a data file holds: a track's own file, one level, or one role. */
export type DataFileOf = { track: string; level?: string | null; role?: string };

/** The file's path inside the data folder, with `/`: `support/levels/ic3.json`. */
export function dataFile({ track, level, role }: DataFileOf): string {
  if (role !== undefined) return `${track}/roles/${role}.json`;
  return level ? `${track}/levels/${level}.json` : `${track}/track.json`;
}

/**
 * The "Edit" URL of a data file: `template` with `{file}` replaced by the file's path from the
 * project root (`dataDir` is that folder's path from the root), each segment URL-encoded.
 */
export function editUrl(template: string, dataDir: string, file: string): string {
  const segments = [...dataDir.split("/"), ...file.split("/")].filter(
    (segment) => segment && segment !== ".",
  );
  return template.replaceAll("{file}", segments.map(encodeURIComponent).join("/"));
}
