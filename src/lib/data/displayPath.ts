import path from "node:path";

/** Whether `inner` is the folder `outer` or lies inside it (by path, as given). */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return (
    relative === "" ||
    (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

/**
 * How a file is named in messages: relative to the project `root`, so it can be opened from
 * there, with `/` on every platform; a file outside the project by its absolute path.
 */
export function displayPath(file: string, root: string): string {
  const shown = isWithin(file, root) ? path.relative(root, file) : path.resolve(file);
  return shown.split(path.sep).join("/");
}
