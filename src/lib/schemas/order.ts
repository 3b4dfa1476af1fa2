import { z } from "astro/zod";

/** A position among siblings (tracks, levels of a track, prose pages of a track), lowest first. */
export const orderSchema = z.number({ invalid_type_error: "must be a number" }).int("must be a whole number");

/**
 * A level's position in its track, lowest first: any number, so a level can sit between two
 * others (3.5 between 3 and 4) without renumbering those above it.
 */
export const levelOrderSchema = z.number({ invalid_type_error: "must be a number" });
