import {
  behaviorLists,
  type CategoryData,
  type LevelBehaviorsData,
  type LevelData,
  type LevelFactData,
} from "../schemas";
import type { HandbookSources } from "../data/sources";

/** A category of a track. */
export type Category = CategoryData;

/** A labelled fact about a level ("Years of experience": "5+"), plain text. */
export type LevelFact = LevelFactData;

/** One behavior, knowing where it lives: `level` is null for the track's shared expectations. */
export interface Behavior {
  id: string;
  text: string;
  aliases: string[];
  /** Examples or sub-points under it, in order; empty when it has none. */
  examples: string[];
  track: string;
  level: string | null;
  /** Its category's id; null on a track without categories. */
  category: string | null;
  /** The released id it was split from, for the changelog. */
  splitFrom?: string;
  /** Comparison hint: the id this behavior evolves from, `null` for "new", absent for "let the matcher decide". */
  evolvesFrom?: string | null;
}

/** The behaviors of one category, in source order; on a track without categories, all of them, with no category. */
export interface BehaviorGroup {
  category: Category | null;
  behaviors: Behavior[];
}

export interface Level {
  track: string;
  id: string;
  code: string;
  title?: string;
  summary?: string;
  order: number;
  status: LevelData["status"];
  /** In the order of the source; none when it gives none. */
  facts: LevelFact[];
  /** Only the categories that have behaviors at this level, in track order (one group without a category on a track without categories). */
  groups: BehaviorGroup[];
}

export interface Responsibility {
  id: string;
  title?: string;
  text: string;
  aliases: string[];
  /** The released id it was split from, for the changelog. */
  splitFrom?: string;
  track: string;
  role: string;
}

export interface Role {
  track: string;
  id: string;
  title: string;
  summary: string;
  body: string[];
  responsibilities: Responsibility[];
}

/** A prose page of a track; its rendered body comes from the content collection. */
export interface ProseSection {
  track: string;
  id: string;
  title: string;
  order: number;
  /** The page's MDX source, without front matter (rendering happens in the page). */
  body: string;
}

export interface Track {
  id: string;
  title: string;
  shortTitle: string;
  /** Position among the tracks, lowest first. */
  order: number;
  description: string;
  cumulative: boolean;
  /** Empty for a track without categories. */
  categories: Category[];
  shared?: { title: string; groups: BehaviorGroup[] };
  /** Sorted by `order`, lowest first. */
  levels: Level[];
  /** Sorted by title. */
  roles: Role[];
  /** Sorted by `order`. */
  prose: ProseSection[];
}

/** The whole handbook, every list in a defined order (collections come in no guaranteed order). */
export interface Handbook {
  /** Sorted by `order`. */
  tracks: Track[];
}

/** Compares strings by code point, so the order never depends on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Assembles validated sources into the handbook model that every page and script reads. */
export function buildHandbook(sources: HandbookSources): Handbook {
  const tracks = sources.tracks.map(({ track: id, data }): Track => {
    const categories = data.categories ?? [];
    const groupsOf = (level: string | null, written?: LevelBehaviorsData): BehaviorGroup[] => {
      // A Map, as a category id such as `constructor` names something on every plain object.
      const lists = new Map(behaviorLists(written).map((list) => [list.category, list.behaviors]));
      // Validation saw to it that the lists have the track's shape: by category, or one without.
      const order = data.categories ?? [null];
      return order
        .filter((category) => (lists.get(category?.id ?? null) ?? []).length > 0)
        .map((category) => ({
          category,
          behaviors: lists.get(category?.id ?? null)!.map((behavior): Behavior => ({
            id: behavior.id,
            text: behavior.text,
            aliases: behavior.aliases ?? [],
            examples: behavior.examples ?? [],
            track: id,
            level,
            category: category?.id ?? null,
            ...(behavior.splitFrom !== undefined && { splitFrom: behavior.splitFrom }),
            ...(behavior.evolvesFrom !== undefined && { evolvesFrom: behavior.evolvesFrom }),
          })),
        }));
    };

    const levels = sources.levels
      .filter((level) => level.track === id)
      .map(({ id: levelId, data: level }): Level => ({
        track: id,
        id: levelId,
        code: level.code,
        title: level.title,
        summary: level.summary,
        order: level.order,
        status: level.status,
        facts: level.facts ?? [],
        groups: groupsOf(levelId, level.behaviors),
      }))
      .sort((a, b) => a.order - b.order);

    const roles = sources.roles
      .filter((role) => role.track === id)
      .map(({ id: roleId, data: role }): Role => ({
        track: id,
        id: roleId,
        title: role.title,
        summary: role.summary,
        body: role.body ?? [],
        responsibilities: role.responsibilities.map((responsibility) => ({
          id: responsibility.id,
          title: responsibility.title,
          text: responsibility.text,
          aliases: responsibility.aliases ?? [],
          ...(responsibility.splitFrom !== undefined && { splitFrom: responsibility.splitFrom }),
          track: id,
          role: roleId,
        })),
      }))
      .sort((a, b) => compareText(a.title, b.title) || compareText(a.id, b.id));

    const prose = sources.prose
      .filter((page) => page.track === id)
      .map(({ id: proseId, data: page, body }) => ({
        track: id,
        id: proseId,
        title: page.title,
        order: page.order,
        body: body ?? "",
      }))
      .sort((a, b) => a.order - b.order || compareText(a.id, b.id));

    return {
      id,
      title: data.title,
      shortTitle: data.shortTitle ?? data.title,
      order: data.order,
      description: data.description,
      cumulative: data.cumulative,
      categories,
      shared: data.sharedExpectations && {
        title: data.sharedExpectations.title,
        groups: groupsOf(null, data.sharedExpectations.behaviors),
      },
      levels,
      roles,
      prose,
    };
  });
  return { tracks: tracks.sort((a, b) => a.order - b.order || compareText(a.id, b.id)) };
}
