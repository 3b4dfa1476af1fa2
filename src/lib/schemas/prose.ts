import { z } from "astro/zod";
import { orderSchema } from "./order";
import { textSchema } from "./text";

/** Front matter of `data/{track}/prose/{page}.mdx`: a section of the track overview. */
export const proseSchema = z
  .object({
    title: textSchema,
    /** Position on the track overview, lowest first. */
    order: orderSchema,
  })
  .strict();

export type ProseData = z.infer<typeof proseSchema>;
