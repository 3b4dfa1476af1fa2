import { z } from "astro/zod";
import { behaviorsByCategorySchema, textSchema } from "./behavior";
import { orderSchema } from "./order";

/** The statuses a level can have; a level that is `not yet defined` lists no behaviors. */
export const LEVEL_STATUSES = ["defined", "not yet defined"] as const;

/** `data/{track}/levels/{level}.json`: one level; its id is its file name. */
export const levelSchema = z
  .object({
    code: textSchema,
    /** Job title, e.g. "Senior Support Engineer". */
    title: textSchema.optional(),
    summary: textSchema.optional(),
    order: orderSchema,
    status: z.enum(LEVEL_STATUSES, {
      errorMap: () => ({ message: `must be one of: ${LEVEL_STATUSES.map((s) => `"${s}"`).join(", ")}` }),
    }),
    behaviors: behaviorsByCategorySchema.optional(),
  })
  .strict();

export type LevelData = z.infer<typeof levelSchema>;
