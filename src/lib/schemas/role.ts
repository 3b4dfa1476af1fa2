import { z } from "astro/zod";
import { idSchema } from "./ids";
import { markdownTextSchema } from "./markdownText";
import { textSchema } from "./text";

/** One responsibility of a role; linkable like a behavior, so its id shares their namespace. */
export const responsibilitySchema = z
  .object({
    id: idSchema,
    title: textSchema.optional(),
    text: markdownTextSchema,
    aliases: z.array(idSchema).optional(),
    /** For the changelog: the released id this responsibility was split from (see behaviors). */
    splitFrom: idSchema.optional(),
  })
  .strict();

/** `data/{track}/roles/{role}.json`: a role such as Team Lead; its id is its file name. */
export const roleSchema = z
  .object({
    title: textSchema,
    summary: markdownTextSchema,
    /** Further paragraphs, in order. */
    body: z.array(markdownTextSchema).optional(),
    responsibilities: z.array(responsibilitySchema).min(1, "must list at least one responsibility"),
  })
  .strict();

export type ResponsibilityData = z.infer<typeof responsibilitySchema>;
export type RoleData = z.infer<typeof roleSchema>;
