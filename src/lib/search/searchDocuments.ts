import { trackBehaviors } from "../handbook/allBehaviors";
import type { Handbook } from "../handbook/buildHandbook";
import type { Urls } from "../links/urls";

/** One searchable item: a behavior or a role responsibility, with the names to show and filter by. */
export interface SearchDocument {
  track: string;
  trackTitle: string;
  /** Level id; null for shared expectations and responsibilities. */
  level: string | null;
  /** Where it lives, as shown: a level code, the shared expectations' title, or a role's title. */
  place: string;
  /** The level's job title ("Senior Support Engineer"), when it has one: readers search by it. */
  levelTitle: string | null;
  /** Category id, or null for a responsibility. */
  category: string | null;
  /** As shown: the category's title, or "Responsibilities". */
  categoryTitle: string;
  id: string;
  text: string;
  /** A behavior's examples, searched with it; none for a responsibility. */
  examples: string[];
  /** Where it lives now, with its anchor. */
  url: string;
}

/** Every behavior and role responsibility of the handbook, in site order. */
export function searchDocuments(handbook: Handbook, urls: Urls): SearchDocument[] {
  return handbook.tracks.flatMap((track) => {
    const levels = new Map(track.levels.map((level) => [level.id, level]));
    const categoryTitle = new Map(track.categories.map((category) => [category.id, category.title]));
    const behaviors = trackBehaviors(track).map((behavior): SearchDocument => ({
      track: track.id,
      trackTitle: track.shortTitle,
      level: behavior.level,
      place: behavior.level === null ? (track.shared?.title ?? "") : levels.get(behavior.level)!.code,
      levelTitle: behavior.level === null ? null : (levels.get(behavior.level)!.title ?? null),
      category: behavior.category,
      categoryTitle: categoryTitle.get(behavior.category)!,
      id: behavior.id,
      text: behavior.text,
      examples: behavior.examples,
      url: urls.behavior(behavior),
    }));
    const responsibilities = track.roles.flatMap((role) =>
      role.responsibilities.map((responsibility): SearchDocument => ({
        track: track.id,
        trackTitle: track.shortTitle,
        level: null,
        place: role.title,
        levelTitle: null,
        category: null,
        categoryTitle: "Responsibilities",
        id: responsibility.id,
        text: responsibility.title ? `${responsibility.title}: ${responsibility.text}` : responsibility.text,
        examples: [],
        url: urls.responsibility(responsibility),
      })),
    );
    return [...behaviors, ...responsibilities];
  });
}
