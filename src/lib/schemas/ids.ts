import { z } from "astro/zod";

/** Lowercase words joined by single hyphens: the form of every id in the data. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The longest id, in characters (bytes too: kebab-case is ASCII). Ids become folders and URL
 * segments (`{track}/{level}/`, `b/{track}/{id}/`, `{to}.json`), which file systems cap at 255
 * bytes each: well below that, every one fits with room to spare, and links stay readable.
 */
export const MAX_ID_LENGTH = 100;

/** Why an id may not be longer than {@link MAX_ID_LENGTH}, for a field and a file name alike. */
export const ID_TOO_LONG = `may have at most ${MAX_ID_LENGTH} characters (an id becomes a folder and a URL of the site)`;

/**
 * An id written by a person in the data (behavior, category, responsibility).
 * Ids never contain `--`, so the page's own anchors (which do) never collide with them.
 */
export const idSchema = z
  .string({ invalid_type_error: "must be a string id" })
  .regex(
    KEBAB_CASE,
    "must be kebab-case: lowercase letters and digits joined by single hyphens, e.g. basic-git",
  )
  .max(MAX_ID_LENGTH, `${ID_TOO_LONG}: shorten it`);
