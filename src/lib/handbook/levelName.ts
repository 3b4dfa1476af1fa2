import type { Level } from "./buildHandbook";

/**
 * How pages name a level where its code alone is too terse (titles, links to it): the code and,
 * when the level has one, its job title, "IC3 · Senior Support Engineer".
 */
export function levelName(level: Pick<Level, "code" | "title">): string {
  return level.title ? `${level.code} · ${level.title}` : level.code;
}
