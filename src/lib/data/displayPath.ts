import path from "node:path";

/**
 * How a file is named in messages: relative to the project `root`, so it can be opened from
 * there, with `/` on every platform; a file outside the project by its absolute path.
 */
export function displayPath(file: string, root: string): string {
  const shown = path.relative(root, file);
  return (shown.startsWith("..") || path.isAbsolute(shown) ? path.resolve(file) : shown)
    .split(path.sep)
    .join("/");
}
