import { z } from "astro/zod";
import { idSchema } from "./ids";
import { textSchema } from "./text";

/** One expected behavior. Its `id` is chosen by hand and never derived from the text. */
export const behaviorSchema = z
  .object({
    id: idSchema,
    text: textSchema,
    aliases: z.array(idSchema).optional(),
    /** Examples or sub-points under the behavior, in the source's order. */
    examples: z
      .array(textSchema)
      .min(1, "must list at least one example: leave `examples` out when the behavior has none")
      .optional(),
    /**
     * For level comparison: the id of the behavior at a lower level that this one evolves from,
     * or `null` when it is new and must never be paired. Leave it out to let the matcher decide.
     */
    evolvesFrom: idSchema.nullable().optional(),
  })
  .strict();

/** Behaviors grouped by category id, in the order the source lists them. */
export const behaviorsByCategorySchema = z.record(idSchema, z.array(behaviorSchema));

export type BehaviorData = z.infer<typeof behaviorSchema>;
export type BehaviorsByCategoryData = z.infer<typeof behaviorsByCategorySchema>;
