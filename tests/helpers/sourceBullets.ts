import { readFileSync } from "node:fs";

/** One bullet of a source document: a behavior (with its level and category) or a responsibility. */
export interface SourceBullet {
  track: string;
  /** Level id; null for shared expectations ("All Levels"). */
  level?: string | null;
  /** Role id, for a responsibility. */
  role?: string;
  /** Category title, for a behavior. */
  category?: string;
  /** Responsibility title. */
  title?: string;
  text: string;
}

/**
 * Every bullet of both source documents, in source order. Kept in tests/, apart from data/,
 * so the data and the built pages are checked against the source rather than themselves.
 */
export const SOURCE_BULLETS: SourceBullet[] = JSON.parse(
  readFileSync("tests/fixtures/source-bullets.json", "utf8"),
);
