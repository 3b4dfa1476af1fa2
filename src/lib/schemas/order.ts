import { z } from "astro/zod";

/** A position among siblings (tracks, levels of a track, prose pages of a track), lowest first. */
export const orderSchema = z.number({ invalid_type_error: "must be a number" }).int("must be a whole number");
