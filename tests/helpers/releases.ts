import { validateDataDir } from "../../src/lib/data/validateDataDir";
import { makeRelease } from "../../src/lib/releases/release";
import type { ReleaseData } from "../../src/lib/schemas";
import { writeDataDir } from "./dataDir";

/**
 * The release `ladder release` would make of the data folder `files` (as `writeDataDir` takes
 * them), on `date`, after `previous` (its name and content; none for a first release).
 */
export async function releaseOf(
  files: Record<string, unknown>,
  date: string,
  previous?: { name: string; release: ReleaseData },
): Promise<ReleaseData> {
  const dir = writeDataDir(files);
  const { handbook, problems } = await validateDataDir(dir, dir);
  if (!handbook) throw new Error(`the data of a release fixture has problems: ${JSON.stringify(problems)}`);
  return makeRelease(handbook, {
    date,
    previous: previous ? { name: previous.name, digest: previous.release.digest } : null,
  });
}

/** The data folder's file of the release `name`. */
export function releaseFile(name: string): string {
  return `releases/${name}.json`;
}
