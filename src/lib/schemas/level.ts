import { z } from "astro/zod";
import { levelBehaviorsSchema } from "./behavior";
import { levelOrderSchema } from "./order";
import { markdownTextSchema } from "./markdownText";
import { codePoint, textSchema, ZERO_WIDTH } from "./text";

/** The statuses a level can have; a level that is `not yet defined` lists no behaviors. */
export const LEVEL_STATUSES = ["defined", "not yet defined"] as const;

/** `data/{track}/levels/{level}.json`: one level; its id is its file name. */
export const levelSchema = z
  .object({
    /** Typed and searched, and shown as a level's name: nothing invisible may hide in it. */
    code: textSchema.superRefine((code, context) => {
      const invisible = code.match(ZERO_WIDTH);
      if (invisible) {
        context.addIssue({
          code: "custom",
          message: `contains ${codePoint(invisible[0])}, a zero-width character, which makes it look like a code it is not: remove it`,
        });
      }
    }),
    /** Job title, e.g. "Senior Support Engineer". */
    title: textSchema.optional(),
    summary: markdownTextSchema.optional(),
    order: levelOrderSchema,
    status: z.enum(LEVEL_STATUSES, {
      errorMap: () => ({ message: `must be one of: ${LEVEL_STATUSES.map((s) => `"${s}"`).join(", ")}` }),
    }),
    /** By category id; one array on a track without categories. */
    behaviors: levelBehaviorsSchema.optional(),
  })
  .strict();

export type LevelData = z.infer<typeof levelSchema>;
