import { z } from "astro/zod";
import { idSchema, MAX_ID_LENGTH } from "./ids";

/**
 * A release's name, chosen by the team (`2026-h2`, `v3`, `v3.1`): lowercase letters and digits
 * joined by single hyphens or dots. It names a file (`releases/{name}.json`), a page
 * (`/changes/{name}/`) and an anchor (`#{name}`) on every history page.
 */
export const RELEASE_NAME = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

/**
 * Names the site gives pages of its own below `/changes/`, so no release may take them
 * (`index.html` is the file of `/changes/` itself).
 */
export const RESERVED_RELEASE_NAMES = ["unreleased", "feed.xml", "index.html"] as const;

export const releaseNameSchema = z
  .string({ invalid_type_error: "must be a release name" })
  .regex(
    RELEASE_NAME,
    "must be lowercase letters and digits joined by single hyphens or dots, e.g. 2026-h2 or v3.1",
  )
  .max(MAX_ID_LENGTH, `may have at most ${MAX_ID_LENGTH} characters`)
  .refine((name) => !(RESERVED_RELEASE_NAMES as readonly string[]).includes(name), {
    message: `is taken by the site itself (${RESERVED_RELEASE_NAMES.join(", ")}): choose another name`,
  })
  // `ladder release v2.json` would write releases/v2.json.json: a name, not a file's.
  .refine((name) => !/\.(json|xml|html?|md)$/.test(name), {
    message: "ends like a file name (.json, .xml, .html, .md): give the release's name alone, e.g. v2",
  });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day, as `ladder release` writes it: `2026-12-05`. */
export const releaseDateSchema = z
  .string({ invalid_type_error: "must be a date such as 2026-12-05" })
  .regex(DATE, "must be a date such as 2026-12-05")
  // zod runs this after a failed regex too; `toISOString` throws on an invalid date ("soon", "2026-13-01").
  .refine(
    (date) => {
      if (!DATE.test(date)) return true;
      const day = new Date(`${date}T00:00:00Z`);
      return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
    },
    { message: "is not a day of the calendar" },
  );

/**
 * Texts in a release are kept as they were released, verbatim: they were checked as data when
 * they were released, and a later Ladder's rules must not make an old release invalid.
 */
const releasedText = z.string({ invalid_type_error: "must be a string" }).min(1, "must not be empty");

/** A behavior as released: where it was (level, null when shared; category, null without categories). */
export const releasedBehaviorSchema = z
  .object({
    id: idSchema,
    text: releasedText,
    level: idSchema.nullable(),
    category: idSchema.nullable(),
    aliases: z.array(idSchema).min(1).optional(),
    examples: z.array(releasedText).min(1).optional(),
    splitFrom: idSchema.optional(),
  })
  .strict();

/** A role's responsibility as released. */
export const releasedResponsibilitySchema = z
  .object({
    id: idSchema,
    text: releasedText,
    role: idSchema,
    aliases: z.array(idSchema).min(1).optional(),
    splitFrom: idSchema.optional(),
  })
  .strict();

/** One track as released: its names (to name what changed even after it is gone) and every linkable item. */
export const releasedTrackSchema = z
  .object({
    title: releasedText,
    /** In the track's order. */
    levels: z.array(z.object({ id: idSchema, code: releasedText, title: releasedText.optional() }).strict()),
    categories: z.array(z.object({ id: idSchema, title: releasedText }).strict()),
    roles: z.array(z.object({ id: idSchema, title: releasedText }).strict()),
    /** The title of the shared expectations ("All Levels"), when the track has them. */
    shared: releasedText.optional(),
    /** In site order: shared expectations first, then level by level, category by category. */
    behaviors: z.array(releasedBehaviorSchema),
    /** Role by role, in the order of the roles. */
    responsibilities: z.array(releasedResponsibilitySchema),
  })
  .strict();

/**
 * `{data}/releases/{name}.json`, written by `ladder release` and never changed after: the
 * framework as published under that name. `previous` names the release before it and its digest,
 * and `digest` is the SHA-256 of this release's content (everything but `digest`, as canonical
 * JSON), so an edited release, or one edited and re-digested under a later one, is found.
 */
export const releaseSchema = z
  .object({
    date: releaseDateSchema,
    previous: z.object({ name: releaseNameSchema, digest: z.string() }).strict().nullable(),
    tracks: z.record(idSchema, releasedTrackSchema),
    digest: z.string({ invalid_type_error: "must be a string" }),
  })
  .strict();

export type ReleasedBehaviorData = z.infer<typeof releasedBehaviorSchema>;
export type ReleasedResponsibilityData = z.infer<typeof releasedResponsibilitySchema>;
export type ReleasedTrackData = z.infer<typeof releasedTrackSchema>;
export type ReleaseData = z.infer<typeof releaseSchema>;
