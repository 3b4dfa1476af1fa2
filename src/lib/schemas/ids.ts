import { z } from "astro/zod";

/** Lowercase words joined by single hyphens: the form of every id in the data. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An id written by a person in the data (behavior, category, responsibility).
 * Ids never contain `--`, so the page's own anchors (which do) never collide with them.
 */
export const idSchema = z
  .string({ invalid_type_error: "must be a string id" })
  .regex(
    KEBAB_CASE,
    "must be kebab-case: lowercase letters and digits joined by single hyphens, e.g. basic-git",
  );
