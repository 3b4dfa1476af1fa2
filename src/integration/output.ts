/**
 * Where a build writes, and how its output replaces the last one. Astro writes into a staging
 * folder of the build's own; only a build that fully succeeded replaces the output folder, whole,
 * so a failed or killed build leaves the last good site in place and no file of another build
 * ever ships.
 */
import { createHash } from "node:crypto";
import { existsSync, promises as fs, lstatSync, readdirSync, realpathSync, rmSync, statSync } from "node:fs";
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
 * The staging folder of this build (process) into `outDir`: builds into different folders, or
 * into one at once, never share one. It must lie within the working directory: for an output
 * folder outside it, Astro bundles into `<cwd>/.astro/` and then copies that whole folder (the
 * content layer's files, a failed build's chunks) into the output.
 */
export function stagingFolder(
  folders: { cacheDir: string; cwd: string; outDir: string },
  pid = process.pid,
): string {
  const cache = isWithin(folders.cacheDir, folders.cwd)
    ? folders.cacheDir
    : path.join(folders.cwd, "node_modules", ".astro");
  const key = createHash("sha256").update(path.resolve(folders.outDir)).digest("hex").slice(0, 16);
  return path.join(cache, "ladder-output", `${key}-${pid}`);
}

/**
 * Removes the staging folders that builds no longer running left beside `staging` (a failed or
 * stopped build's), so they do not pile up in the cache; a running build's is left alone.
 */
export function removeStaleStaging(staging: string): void {
  const folder = path.dirname(staging);
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    const pid = Number(/-(\d+)$/.exec(name)?.[1]);
    if (path.join(folder, name) === staging || !Number.isInteger(pid) || isRunning(pid)) continue;
    rmSync(path.join(folder, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
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
 * place; its `.git` folder stays in it until then, and moves over by a rename beside it, so no
 * failure can leave `.git` in a folder that is deleted. Where a rename cannot work (another file
 * system, a mount point), the new site is copied beside the output folder first, or at worst
 * into it around `.git`. One build at a time swaps a folder (a lock beside it), and a swap that
 * was cut short is finished first.
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
  const beside = (suffix: string) => path.join(parent, `.${path.basename(target)}.ladder-${suffix}`);
  const [next, previous] = [beside("next"), beside("previous")];
  const unlock = await lock(beside("lock"));
  try {
    await recoverSwap(target, previous, fileSystem);
    await fs.rm(next, { recursive: true, force: true });
    const incoming = await moveNear(staging, next, fileSystem).catch(() => staging);

    if (!existsSync(target)) {
      if (!(await tryRename(incoming, target, fileSystem))) await copyAndRemove(incoming, target);
      return;
    }
    if (await tryRename(target, previous, fileSystem)) {
      if (await tryRename(incoming, target, fileSystem)) {
        await recoverSwap(target, previous, fileSystem);
        return;
      }
      await fileSystem.rename(previous, target);
    }
    // Not atomic, but whole: the folder cannot be swapped (a mount point, a parent not writable).
    for (const entry of readdirSync(target)) {
      if (entry !== KEPT) await fs.rm(path.join(target, entry), { recursive: true, force: true });
    }
    await copyAndRemove(incoming, target);
  } finally {
    await unlock();
  }
}

/**
 * Finishes a swap: the old site's `.git` moves into the new one, then the old site goes. With
 * no site in place (a build stopped between the two renames), the old one comes back.
 */
async function recoverSwap(target: string, previous: string, fileSystem: PublishFileSystem): Promise<void> {
  if (!existsSync(previous)) return;
  if (!existsSync(target)) {
    await fileSystem.rename(previous, target);
    return;
  }
  const kept = path.join(previous, KEPT);
  if (existsSync(kept) && !existsSync(path.join(target, KEPT))) {
    await fileSystem.rename(kept, path.join(target, KEPT));
  }
  // Whatever happens, never delete a `.git` folder: one left (both sites had one) stays aside.
  if (existsSync(kept)) return;
  await fs.rm(previous, { recursive: true, force: true });
}

/** Takes a lock (a folder) for one build's swap, waiting up to a minute for another's to end. */
async function lock(folder: string): Promise<() => Promise<void>> {
  for (let waited = 0; ; waited += 100) {
    try {
      await fs.mkdir(folder);
      return () => fs.rm(folder, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || waited > 60_000) {
        throw new Error(
          `Another build is replacing the output folder (${folder} exists): if none is running, remove that folder`,
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
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
