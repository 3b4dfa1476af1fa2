import { z } from "astro/zod";
import { textSchema } from "./behavior";

/** Front matter of `data/{track}/prose/{page}.mdx`: a section of the track overview. */
export const proseSchema = z
  .object({
    title: textSchema,
    /** Position on the track overview, lowest first. */
    order: z.number({ invalid_type_error: "must be a number" }).int("must be a whole number"),
  })
  .strict();

export type ProseData = z.infer<typeof proseSchema>;
