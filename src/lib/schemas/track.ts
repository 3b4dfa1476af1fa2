import { z } from "astro/zod";
import { levelBehaviorsSchema } from "./behavior";
import { idSchema } from "./ids";
import { orderSchema } from "./order";
import { markdownTextSchema } from "./markdownText";
import { textSchema } from "./text";

/** A category of behaviors (a column of the source table). */
export const categorySchema = z
  .object({
    id: idSchema,
    title: textSchema,
    description: markdownTextSchema.optional(),
    /**
     * The heading the category is listed under, such as "Technical": categories of one group
     * are listed together, and either every category of a track has a group or none has.
     */
    group: textSchema.optional(),
  })
  .strict();

/** `data/{track}/track.json`: the track itself; its id is its folder name. */
export const trackSchema = z
  .object({
    title: textSchema,
    /** A short name for navigation, e.g. "Support". Defaults to the title. */
    shortTitle: textSchema.optional(),
    /** Position among the tracks (navigation, home page, search filters), lowest first; unique. */
    order: orderSchema,
    description: markdownTextSchema,
    /** Whether each level includes the expectations of the levels before it. */
    cumulative: z.boolean({ invalid_type_error: "must be true or false" }),
    /** Left out by a track whose levels list their behaviors without categories. */
    categories: z
      .array(categorySchema)
      .min(1, "lists no category: omit categories, or list at least one")
      .optional(),
    /** Behaviors expected at every level, such as "All Levels". */
    sharedExpectations: z.object({ title: textSchema, behaviors: levelBehaviorsSchema }).strict().optional(),
  })
  .strict();

export type CategoryData = z.infer<typeof categorySchema>;
export type TrackData = z.infer<typeof trackSchema>;
