/**
 * Astro settings that would make a build destroy what it reads or load the site from another
 * host: checked before anything is built, since a build replaces the whole output folder.
 */
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { isWithin } from "../lib/data/displayPath";

/** The folders of a project a build must never replace, and where it writes. */
export interface ProjectFolders {
  root: string;
  srcDir: string;
  publicDir: string;
  dataDir: string;
  outDir: string;
}

/** The folder as the file system resolves it (a symbolic link to the data is the data). */
function real(folder: string): string {
  const absolute = path.resolve(folder);
  return existsSync(absolute) ? realpathSync.native(absolute) : absolute;
}

/**
 * What is wrong with where a build writes: an output folder that is, holds or lies inside the
 * data folder, the source or the public folder would have them replaced, and one that holds the
 * project would replace it all. Each problem is one line saying what to do; none means it is safe.
 */
export function outputFolderProblems(
  folders: ProjectFolders,
  shown: { outDir: string; dataDir: string },
): string[] {
  const outDir = real(folders.outDir);
  const hint = "set Astro's outDir (or ladder build --out-dir) to a folder of its own, such as dist";
  if (isWithin(real(folders.root), outDir)) {
    return [
      `Astro's outDir ${shown.outDir} holds the project: a build replaces its whole output folder; ${hint}`,
    ];
  }
  const guarded = [
    [folders.dataDir, `the data folder ${shown.dataDir}`],
    [folders.srcDir, "the project's src folder"],
    [folders.publicDir, "the project's public folder"],
  ] as const;
  return guarded.flatMap(([folder, name]) => {
    const guard = real(folder);
    const where =
      guard === outDir
        ? `is ${name}`
        : isWithin(outDir, guard)
          ? `is inside ${name}`
          : isWithin(guard, outDir)
            ? `holds ${name}`
            : "";
    return where
      ? [`Astro's outDir ${shown.outDir} ${where}, which a build would replace whole; ${hint}`]
      : [];
  });
}

/**
 * What is wrong with Astro's `base`: it must be a path of this site. `//host/` or a URL would
 * have every page load its scripts and styles from another host.
 */
export function baseProblems(base: string): string[] {
  return /^\/(?![/\\])/.test(base) && !/[\\:?#]/.test(base)
    ? []
    : [
        `Astro's base ${JSON.stringify(base)} must be a path of this site, such as / or /handbook/ (not a host or a URL)`,
      ];
}
