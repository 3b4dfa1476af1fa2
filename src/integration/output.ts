/**
 * Where a build writes, and how its output replaces the last one. Astro writes into a staging
 * folder of the build's own; only a build that fully succeeded replaces the output folder, whole,
 * so a failed or killed build leaves the last good site in place and no file of another build
 * ever ships.
 */
import { createHash } from "node:crypto";
import { existsSync, promises as fs, lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { isWithin } from "../lib/data/displayPath";

/**
 * The file that says a folder holds a site Ladder built: only such a folder (or an empty one) is
 * replaced without asking.
 */
export const OUTPUT_MARKER = ".ladder-site";

const MARKER_TEXT =
  "This folder holds a handbook built by Ladder (ladder-handbook). The next build replaces all of it.\n";

/** The variable (set by `ladder build --replace-out-dir`) that allows replacing any output folder. */
export const REPLACE_VARIABLE = "LADDER_REPLACE_OUT_DIR";

/** Git's folder in an output folder (a `gh-pages` worktree) survives builds, as Astro keeps it. */
const KEPT = ".git";

/**
 * The staging folder for a build into `outDir`: one per output folder, so builds into different
 * folders can run at once. It must lie within the working directory: for an output folder outside
 * it, Astro bundles into `<cwd>/.astro/` and then copies that whole folder (the content layer's
 * files, a failed build's chunks) into the output.
 */
export function stagingFolder(folders: { cacheDir: string; cwd: string; outDir: string }): string {
  const cache = isWithin(folders.cwd, folders.cacheDir)
    ? folders.cacheDir
    : path.join(folders.cwd, "node_modules", ".astro");
  const key = createHash("sha256").update(path.resolve(folders.outDir)).digest("hex").slice(0, 16);
  return path.join(cache, "ladder-output", key);
}

/**
 * What is wrong with replacing the output folder: a file, or a folder holding what Ladder did not
 * write (no marker), unless the user said to replace it. None means a build may replace it.
 */
export function outputOwnerProblems(outDir: string, shown: string, replace: boolean): string[] {
  if (!existsSync(outDir)) return [];
  if (!statSync(outDir).isDirectory()) {
    return [
      `Astro's outDir ${shown} is a file, not a folder: set Astro's outDir (or ladder build --out-dir) to a folder`,
    ];
  }
  const entries = readdirSync(outDir).filter((name) => name !== KEPT);
  if (replace || entries.length === 0 || entries.includes(OUTPUT_MARKER)) return [];
  return [
    `Astro's outDir ${shown} holds files that Ladder did not build (it has no ${OUTPUT_MARKER} file), and a build replaces the whole folder: build into a new or empty folder, or pass --replace-out-dir (${REPLACE_VARIABLE}=1) to replace what it holds`,
  ];
}

/** File system calls `publishOutput` makes that can fail in ways worth testing. */
export interface PublishFileSystem {
  rename: (from: string, to: string) => Promise<void>;
}

/**
 * Moves a finished build from `staging` into `outDir`, replacing what it held, and marks it as
 * Ladder's. The old folder is swapped out in one rename and removed only once the new one is in
 * place; a `.git` folder moves over. Where a rename cannot work (another file system, a mount
 * point), the new site is copied beside the output folder first, or at worst into it.
 */
export async function publishOutput(
  staging: string,
  outDir: string,
  fileSystem: PublishFileSystem = { rename: fs.rename },
): Promise<void> {
  await fs.writeFile(path.join(staging, OUTPUT_MARKER), MARKER_TEXT);
  // A link to the site's folder stays a link: its target is replaced.
  const target = existsSync(outDir) && lstatSync(outDir).isSymbolicLink() ? realpathSync(outDir) : outDir;
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const next = path.join(parent, `.${path.basename(target)}.ladder-next`);
  const previous = path.join(parent, `.${path.basename(target)}.ladder-previous`);
  await Promise.all([next, previous].map((leftover) => fs.rm(leftover, { recursive: true, force: true })));
  const incoming = await moveNear(staging, next, fileSystem).catch(() => staging);

  if (!existsSync(target)) {
    if (await tryRename(incoming, target, fileSystem)) return;
    await copyAndRemove(incoming, target);
    return;
  }
  if (existsSync(path.join(target, KEPT)))
    await fileSystem.rename(path.join(target, KEPT), path.join(incoming, KEPT));
  if (await tryRename(target, previous, fileSystem)) {
    if (await tryRename(incoming, target, fileSystem)) {
      await fs.rm(previous, { recursive: true, force: true });
      return;
    }
    await fileSystem.rename(previous, target);
  }
  // Not atomic, but whole: the folder cannot be swapped (a mount point, a parent not writable).
  for (const entry of readdirSync(target)) {
    if (entry !== KEPT) await fs.rm(path.join(target, entry), { recursive: true, force: true });
  }
  if (existsSync(path.join(incoming, KEPT))) {
    await fileSystem.rename(path.join(incoming, KEPT), path.join(target, KEPT));
  }
  await copyAndRemove(incoming, target);
}

/** Moves `from` to `near` by a rename, or by a copy when they lie on different file systems. */
async function moveNear(from: string, near: string, fileSystem: PublishFileSystem): Promise<string> {
  if (!(await tryRename(from, near, fileSystem))) await copyAndRemove(from, near);
  return near;
}

async function tryRename(from: string, to: string, fileSystem: PublishFileSystem): Promise<boolean> {
  return fileSystem.rename(from, to).then(
    () => true,
    () => false,
  );
}

async function copyAndRemove(from: string, to: string): Promise<void> {
  await fs.cp(from, to, { recursive: true, force: true, verbatimSymlinks: true });
  await fs.rm(from, { recursive: true, force: true });
}
