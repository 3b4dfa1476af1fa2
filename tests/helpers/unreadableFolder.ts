import fs, { chmodSync, readdirSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";

/** Whether this process can list `folder`. */
function canList(folder: string): boolean {
  try {
    readdirSync(folder);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `run` while `folder` cannot be listed: by taking its permissions away, and where that
 * does not stop this process (root, as tests often run in CI containers) by making
 * `readdirSync` fail on it as the system would (EACCES), for every module of this process.
 * Resolves with what `run` resolves with and whether the permissions alone did it.
 */
export async function withUnreadableFolder<T>(
  folder: string,
  run: () => Promise<T>,
): Promise<{ result: T; byPermissions: boolean }> {
  chmodSync(folder, 0o000);
  const byPermissions = !canList(folder);
  const original = fs.readdirSync;
  if (!byPermissions) {
    const target = path.resolve(folder);
    fs.readdirSync = ((dir: fs.PathLike, ...options: unknown[]) => {
      if (path.resolve(String(dir)) === target) {
        throw Object.assign(new Error(`EACCES: permission denied, scandir '${dir}'`), {
          code: "EACCES",
          syscall: "scandir",
          path: String(dir),
        });
      }
      return (original as (...args: unknown[]) => unknown)(dir, ...options);
    }) as typeof fs.readdirSync;
    // Named imports of node:fs (`import { readdirSync }`) see the change too.
    syncBuiltinESMExports();
  }
  try {
    return { result: await run(), byPermissions };
  } finally {
    chmodSync(folder, 0o755);
    if (!byPermissions) {
      fs.readdirSync = original;
      syncBuiltinESMExports();
    }
  }
}
