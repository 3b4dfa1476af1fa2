import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { WrittenTrack } from "./changeFromDraft";

/**
 * The files of a track in a data folder as written (`track.json` and every level's file),
 * parsed with their keys in the order written, for `changeFromDraft` to rewrite only what a
 * sheet changes. Read after the data folder validated, so each file is JSON.
 */
export function readWrittenTrack(dataDir: string, track: string): WrittenTrack {
  const folder = path.join(dataDir, track);
  const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const levelsFolder = path.join(folder, "levels");
  const levelFiles = readdirSync(levelsFolder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => entry.name);
  return {
    track: read(path.join(folder, "track.json")),
    levels: Object.fromEntries(
      levelFiles.map((name) => [name.slice(0, -".json".length), read(path.join(levelsFolder, name))]),
    ),
  };
}
