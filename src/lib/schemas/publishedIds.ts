import { z } from "astro/zod";
import { idSchema } from "./ids";
import { showableTextSchema } from "./text";

/**
 * What the lock remembers of a published id: where its behavior or responsibility was and its
 * text, when it was last locked. When the id later vanishes, this finds what took its place:
 * the behavior with the same text, or one on the same level or role.
 */
export const publishedPlaceSchema = z
  .object({
    /** The level's id; null for a shared expectation (such as "All Levels"). */
    level: idSchema.nullable().optional(),
    /** The role's id, for a responsibility. */
    role: idSchema.optional(),
    text: showableTextSchema.optional(),
  })
  .strict();

/**
 * `data/published-ids.json`: every behavior and responsibility id (and alias) ever published,
 * by track. Ids are only ever added (by `ladder lock`): each one has a short link that must keep
 * working, so validation fails when one is neither a current id nor an alias. Each id maps to
 * its place and text. A lock written before Ladder recorded them lists the ids alone; it stays
 * valid, read as ids with nothing recorded (`ladder lock` rewrites it with places and texts).
 */
export const publishedIdsSchema = z
  .object({
    tracks: z.record(
      idSchema,
      z.preprocess(
        (ids) => (Array.isArray(ids) ? Object.fromEntries(ids.map((id) => [id, {}])) : ids),
        z.record(idSchema, publishedPlaceSchema),
      ),
    ),
  })
  .strict();

export type PublishedPlace = z.infer<typeof publishedPlaceSchema>;
export type PublishedIdsData = z.infer<typeof publishedIdsSchema>;
