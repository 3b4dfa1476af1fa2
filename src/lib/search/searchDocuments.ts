import { trackBehaviors } from "../handbook/allBehaviors";
import type { Handbook } from "../handbook/buildHandbook";
import type { Urls } from "../links/urls";
import { plainText } from "../text/inlineMarkdown";
import { RESPONSIBILITIES } from "./responsibilities";

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
  /** Category id, or null for a responsibility or a behavior of a track without categories. */
  category: string | null;
  /** As shown: the category's title, or `RESPONSIBILITIES`; null for a behavior of a track without categories. */
  categoryTitle: string | null;
  id: string;
  /** The words a reader sees (a responsibility's title before them): searched, and shown in results. */
  text: string;
  /** A behavior's examples, searched with it; none for a responsibility. */
  examples: string[];
  /** Where it lives now, with its anchor. */
  url: string;
}

/** A search document as the behavior index lists it: with its text as written, to render. */
export interface ListedDocument extends SearchDocument {
  /** The behavior's or responsibility's text as written, inline Markdown included. */
  markdown: string;
  /** A responsibility's title, shown before its text; null for a behavior or an untitled one. */
  title: string | null;
}

/** Every behavior and role responsibility of the handbook, in site order. */
export function searchDocuments(handbook: Handbook, urls: Urls): ListedDocument[] {
  return handbook.tracks.flatMap((track) => {
    const levels = new Map(track.levels.map((level) => [level.id, level]));
    const categoryTitle = new Map(track.categories.map((category) => [category.id, category.title]));
    const behaviors = trackBehaviors(track).map((behavior): ListedDocument => ({
      track: track.id,
      trackTitle: track.shortTitle,
      level: behavior.level,
      place: behavior.level === null ? (track.shared?.title ?? "") : levels.get(behavior.level)!.code,
      levelTitle: behavior.level === null ? null : (levels.get(behavior.level)!.title ?? null),
      category: behavior.category,
      categoryTitle: behavior.category === null ? null : categoryTitle.get(behavior.category)!,
      id: behavior.id,
      text: plainText(behavior.text),
      markdown: behavior.text,
      title: null,
      examples: behavior.examples.map(plainText),
      url: urls.behavior(behavior),
    }));
    const responsibilities = track.roles.flatMap((role) =>
      role.responsibilities.map((responsibility): ListedDocument => ({
        track: track.id,
        trackTitle: track.shortTitle,
        level: null,
        place: role.title,
        levelTitle: null,
        category: null,
        categoryTitle: RESPONSIBILITIES,
        id: responsibility.id,
        text: responsibility.title
          ? `${responsibility.title}: ${plainText(responsibility.text)}`
          : plainText(responsibility.text),
        markdown: responsibility.text,
        title: responsibility.title ?? null,
        examples: [],
        url: urls.responsibility(responsibility),
      })),
    );
    return [...behaviors, ...responsibilities];
  });
}
