import { z } from "astro/zod";
import { idSchema } from "./ids";
import { markdownTextSchema } from "./markdownText";

/** One expected behavior. Its `id` is chosen by hand and never derived from the text. */
export const behaviorSchema = z
  .object({
    id: idSchema,
    text: markdownTextSchema,
    aliases: z.array(idSchema).optional(),
    /** Examples or sub-points under the behavior, in the source's order, each inline Markdown. */
    examples: z
      .array(markdownTextSchema)
      .min(1, "must list at least one example: leave `examples` out when the behavior has none")
      .optional(),
    /**
     * For the changelog: the released id this behavior was split from, when one behavior became
     * several. The old id's links lead to the part that keeps it as an id or alias.
     */
    splitFrom: idSchema.optional(),
    /**
     * For level comparison: the id of the behavior at a lower level that this one evolves from,
     * or `null` when it is new and must never be paired. Leave it out to let the matcher decide.
     */
    evolvesFrom: idSchema.nullable().optional(),
  })
  .strict();

/** Behaviors grouped by category id, in the order the source lists them. */
export const behaviorsByCategorySchema = z.record(idSchema, z.array(behaviorSchema));

/**
 * A level's (or the shared expectations') behaviors: a record by category id on a track with
 * categories, one array on a track without (which shape fits is checked with the track).
 */
export const levelBehaviorsSchema = z.union([z.array(behaviorSchema), behaviorsByCategorySchema]);

export type BehaviorData = z.infer<typeof behaviorSchema>;
export type BehaviorsByCategoryData = z.infer<typeof behaviorsByCategorySchema>;
export type LevelBehaviorsData = z.infer<typeof levelBehaviorsSchema>;

/** One list of behaviors as written: its category id (null in the array form) and where it is. */
export interface BehaviorList<T> {
  category: string | null;
  /** The list's path below `behaviors`: `[]` for the array, `["craft"]` for a category. */
  path: string[];
  behaviors: T[];
}

/**
 * The lists of behaviors of either form, in the order written: the array as one list without
 * a category, or each category's list of the record. Every reader of the raw data walks them
 * through here, so both forms get the same checks.
 */
export function behaviorLists<T>(
  behaviors: T[] | Partial<Record<string, T[]>> | undefined,
): BehaviorList<T>[] {
  if (behaviors === undefined) return [];
  if (Array.isArray(behaviors)) return [{ category: null, path: [], behaviors }];
  return Object.entries(behaviors).map(([category, list]) => ({
    category,
    path: [category],
    behaviors: list ?? [],
  }));
}
