/**
 * Which ids are linkable: every behavior's and responsibility's own id, and each of their
 * aliases, all in one namespace per track, because each gets a permanent short link
 * `/b/{track}/{id}/`. Validation (unique ids, the published-id lock) asks this function; the
 * site's short links follow the same rule on the model (`permalinkTargets`).
 */
import type { PartialSources } from "../data/parseSources";
import { formatFieldPath } from "../data/problems";
import type { DeepPartial } from "../data/salvage";
import {
  behaviorLists,
  type BehaviorData,
  type LevelBehaviorsData,
  type ResponsibilityData,
} from "../schemas";

/** One id a short link can name, where it is written, and what it names. */
export interface LinkableId {
  track: string;
  id: string;
  /** What the id is, as messages name it. */
  kind: "behavior id" | "responsibility id" | "alias";
  /** The id of the behavior or responsibility it names (itself, unless an alias), when known. */
  currentId?: string;
  file: string;
  /** Where the id or alias itself is written: `behaviors.craft[0].aliases[1]` (`behaviors[0]…` without categories). */
  path: string;
  /** Where its behavior or responsibility is written: `behaviors.craft[0]`. */
  itemPath: string;
  /** A behavior's level, null for a shared expectation; undefined for a responsibility. */
  level?: string | null;
  role?: string;
  /** The text of its behavior or responsibility, when valid. */
  text?: string;
  /** The released id its behavior or responsibility says it was split from, if any. */
  splitFrom?: string;
}

/**
 * Every linkable id of the sources, in site order within each track (shared expectations,
 * then levels as given, then roles), ids before their aliases. Sources that failed their
 * schema take part with whatever of them is valid.
 */
export function linkableIds(sources: PartialSources): LinkableId[] {
  const found: LinkableId[] = [];
  const add = (
    item: DeepPartial<BehaviorData | ResponsibilityData>,
    at: Pick<LinkableId, "track" | "file" | "level" | "role"> & { itemPath: (string | number)[] },
    kind: "behavior id" | "responsibility id",
  ) => {
    const place = {
      track: at.track,
      file: at.file,
      itemPath: formatFieldPath(at.itemPath),
      ...(at.level !== undefined && { level: at.level }),
      ...(at.role !== undefined && { role: at.role }),
      ...(item.id !== undefined && { currentId: item.id }),
      ...(item.text !== undefined && { text: item.text }),
      ...(item.splitFrom !== undefined && { splitFrom: item.splitFrom }),
    };
    if (item.id !== undefined) {
      found.push({ ...place, id: item.id, kind, path: formatFieldPath([...at.itemPath, "id"]) });
    }
    item.aliases?.forEach((alias, index) => {
      if (alias !== undefined) {
        found.push({
          ...place,
          id: alias,
          kind: "alias",
          path: formatFieldPath([...at.itemPath, "aliases", index]),
        });
      }
    });
  };
  const addGroups = (
    track: string,
    level: string | null,
    file: string,
    prefix: string[],
    groups: DeepPartial<LevelBehaviorsData> | undefined,
  ) => {
    for (const { path, behaviors } of behaviorLists(groups)) {
      behaviors.forEach((behavior, index) =>
        add(behavior ?? {}, { track, file, level, itemPath: [...prefix, ...path, index] }, "behavior id"),
      );
    }
  };
  for (const track of sources.tracks) {
    const shared = track.data.sharedExpectations?.behaviors;
    addGroups(track.track, null, track.file, ["sharedExpectations", "behaviors"], shared);
    for (const level of sources.levels.filter((candidate) => candidate.track === track.track)) {
      addGroups(track.track, level.id, level.file, ["behaviors"], level.data.behaviors);
    }
    for (const role of sources.roles.filter((candidate) => candidate.track === track.track)) {
      role.data.responsibilities?.forEach((responsibility, index) =>
        add(
          responsibility ?? {},
          { track: track.track, file: role.file, role: role.id, itemPath: ["responsibilities", index] },
          "responsibility id",
        ),
      );
    }
  }
  return found;
}
