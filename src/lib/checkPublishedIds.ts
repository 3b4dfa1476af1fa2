import path from "node:path";
import type { BehaviorData, BehaviorsByCategoryData, PublishedIdsData, ResponsibilityData } from "./schemas";
import type { PartialSources } from "./parseSources";
import { formatFieldPath, type Problem } from "./problems";
import type { DeepPartial } from "./salvage";
import { suggestIds } from "./suggestIds";

/** Where a current id of a track is written, to tell the reader where an alias goes. */
interface IdPlace {
  file: string;
  path: string;
}

/** The linkable ids of one track. */
interface TrackIds {
  /** The track's folder, as shown in messages. */
  folder: string;
  /** Current ids, with where each is written. */
  current: Map<string, IdPlace>;
  /** Current ids and aliases. */
  all: Set<string>;
}

/** Every current id and alias of each track in the sources, with where its behavior or responsibility is. */
function linkableIds(sources: PartialSources): Map<string, TrackIds> {
  const byTrack = new Map<string, TrackIds>();
  for (const track of sources.tracks) {
    byTrack.set(track.track, { folder: path.posix.dirname(track.file), current: new Map(), all: new Set() });
  }
  const add = (track: string, item: DeepPartial<BehaviorData | ResponsibilityData>, place: IdPlace) => {
    const ids = byTrack.get(track);
    if (!ids) return; // A folder without track.json is reported by readDataDir.
    if (item.id !== undefined) {
      ids.current.set(item.id, place);
      ids.all.add(item.id);
    }
    for (const alias of item.aliases ?? []) if (alias !== undefined) ids.all.add(alias);
  };
  const addGroups = (
    track: string,
    file: string,
    prefix: string[],
    groups: DeepPartial<BehaviorsByCategoryData> | undefined,
  ) => {
    for (const [category, list] of Object.entries(groups ?? {})) {
      list?.forEach((behavior, index) =>
        add(track, behavior, { file, path: formatFieldPath([...prefix, category, index]) }),
      );
    }
  };
  for (const track of sources.tracks) {
    const shared = track.data.sharedExpectations?.behaviors;
    addGroups(track.track, track.file, ["sharedExpectations", "behaviors"], shared);
  }
  for (const level of sources.levels) addGroups(level.track, level.file, ["behaviors"], level.data.behaviors);
  for (const role of sources.roles) {
    role.data.responsibilities?.forEach((responsibility, index) =>
      add(role.track, responsibility, {
        file: role.file,
        path: formatFieldPath(["responsibilities", index]),
      }),
    );
  }
  return byTrack;
}

/**
 * The lock's rule: every id ever published (so every short link ever handed out) is still a
 * current id or an alias in its track. Each problem says which alias to add where, naming the
 * closest current id as the likely successor; a published track that is gone is a problem too.
 */
export function checkPublishedIds(
  lock: PublishedIdsData,
  lockFile: string,
  sources: PartialSources,
): Problem[] {
  const problems: Problem[] = [];
  const tracks = linkableIds(sources);
  for (const [track, published] of Object.entries(lock.tracks)) {
    const ids = tracks.get(track);
    if (!ids) {
      if (published.length === 0) continue;
      problems.push({
        file: lockFile,
        path: formatFieldPath(["tracks", track]),
        message: `the track "${track}" was published (its short links such as /b/${track}/${published[0]}/ are out there), but the data has no folder "${track}": restore it, so its links keep working`,
      });
      continue;
    }
    published.forEach((id, index) => {
      if (ids.all.has(id)) return;
      const [successor] = suggestIds(id, [...ids.current.keys()], 1);
      const place = successor ? ids.current.get(successor) : undefined;
      const where = place
        ? `, probably "${successor}" (${place.file}: ${place.path})`
        : ` (in ${ids.folder}/)`;
      problems.push({
        file: lockFile,
        path: formatFieldPath(["tracks", track, index]),
        message: `"${id}" was published (/b/${track}/${id}/) but is no longer an id or alias in the track "${track}": add "${id}" to the "aliases" of the behavior or responsibility that took its place${where}, so its links keep working`,
      });
    });
  }
  return problems;
}
