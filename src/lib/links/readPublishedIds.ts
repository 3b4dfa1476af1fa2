import { existsSync } from "node:fs";
import path from "node:path";
import { displayPath } from "../data/displayPath";
import { readJsonText } from "../data/parseJson";
import { readDataText } from "../data/readDataText";
import type { Problem } from "../data/problems";
import { schemaProblems } from "../data/schemaProblems";
import { publishedIdsSchema, type PublishedIdsData } from "../schemas";

/** The lock file's name in the data folder, beside the track folders. */
export const PUBLISHED_IDS_FILE = "published-ids.json";

/** What {@link readPublishedIds} found. */
export interface PublishedIdsReading {
  /** The lock file's path as shown in messages (relative to the project root). */
  file: string;
  /** The lock; undefined when the file does not exist (nothing published yet) or is invalid. */
  lock?: PublishedIdsData;
  problems: Problem[];
}

/**
 * Reads `{dataDir}/published-ids.json`, the list of every id ever published. A missing file is
 * not a problem: it means nothing has been published yet, and `ladder lock` creates it.
 */
export function readPublishedIds(dataDir: string, root = process.cwd()): PublishedIdsReading {
  const absolute = path.join(dataDir, PUBLISHED_IDS_FILE);
  const file = displayPath(absolute, root);
  if (!existsSync(absolute)) return { file, problems: [] };
  const problems: Problem[] = [];
  const text = readDataText(absolute, file, problems, { fix: "fix the file" });
  if (text === undefined) return { file, problems };
  const read = readJsonText(file, text, ", or restore the file from version control");
  if (read.problems.length > 0) return { file, problems: read.problems };
  const result = publishedIdsSchema.safeParse(read.data);
  if (!result.success)
    return { file, problems: schemaProblems(file, publishedIdsSchema, result.error.issues) };
  return { file, lock: result.data, problems: [] };
}
