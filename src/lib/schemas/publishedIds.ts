import { z } from "astro/zod";
import { idSchema } from "./ids";

/**
 * `data/published-ids.json`: every behavior and responsibility id (and alias) ever published,
 * by track. Ids are only ever added (by `ladder lock`): each one has a short link that must keep
 * working, so validation fails when one is neither a current id nor an alias.
 */
export const publishedIdsSchema = z
  .object({
    tracks: z.record(idSchema, z.array(idSchema)),
  })
  .strict();

export type PublishedIdsData = z.infer<typeof publishedIdsSchema>;
