import type { Level } from "./buildHandbook";

/**
 * How pages name a level where its code alone is too terse (titles, links to it): the code and,
 * when the level has one, its job title, "IC3 · Senior Support Engineer".
 */
export function levelName(level: Pick<Level, "code" | "title">): string {
  return level.title ? `${level.code} · ${level.title}` : level.code;
}

/**
 * How a sentence names a level by its code: "IC3", or "level 3" for a code that is a bare
 * number ("Grows into its level 3 form", not "its 3 form").
 */
export function levelInText(level: Pick<Level, "code">): string {
  return /^\d+(\.\d+)?$/.test(level.code) ? `level ${level.code}` : level.code;
}
