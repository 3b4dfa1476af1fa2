import { z } from "astro/zod";
import { levelBehaviorsSchema } from "./behavior";
import { levelOrderSchema } from "./order";
import { markdownTextSchema } from "./markdownText";
import { codePoint, differingCharacters, lookAlikeKey, textSchema, ZERO_WIDTH } from "./text";

/** The statuses a level can have; a level that is `not yet defined` lists no behaviors. */
export const LEVEL_STATUSES = ["defined", "not yet defined"] as const;

/** A labelled fact about a level, such as "Years of experience" and "5+": plain text, shown as written. */
export const levelFactSchema = z.object({ label: textSchema, value: textSchema }).strict();

/**
 * A level's facts, in the order the source gives them. A label names one row of the track's
 * levels matrix, so it appears once per level; labels that look the same (see `lookAlikeKey`)
 * count as the same label.
 */
export const levelFactsSchema = z
  .array(levelFactSchema)
  .min(1, 'must list at least one fact: add a { "label", "value" } or remove facts')
  .superRefine((facts, context) => {
    const first = new Map<string, number>();
    facts.forEach((fact, index) => {
      if (typeof fact?.label !== "string") return;
      const key = lookAlikeKey(fact.label);
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, index);
      else {
        const other = facts[earlier].label;
        const [here, there] = differingCharacters(fact.label, other);
        const looksAlike =
          other === fact.label ? "" : ` (it looks the same, written with ${here} here, ${there} there)`;
        context.addIssue({
          code: "custom",
          path: [index, "label"],
          message: `label "${fact.label}" is already the label of facts[${earlier}]${looksAlike}: give each fact of a level its own label`,
        });
      }
    });
  });

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
    /** Labelled facts, such as years of experience or scope: rows of the track's levels matrix. */
    facts: levelFactsSchema.optional(),
    /** By category id; one array on a track without categories. */
    behaviors: levelBehaviorsSchema.optional(),
  })
  .strict();

export type LevelData = z.infer<typeof levelSchema>;
export type LevelFactData = z.infer<typeof levelFactSchema>;
