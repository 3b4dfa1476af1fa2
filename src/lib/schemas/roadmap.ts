import { z } from "astro/zod";
import { idSchema } from "./ids";
import { releaseNameSchema } from "./release";

import { ROADMAP_STATUSES } from "../roadmap/roadmapStatuses";

/** A roadmap as it is kept in the browser and exported as JSON: one track, one pair of levels. */
/** The longest note a behavior may carry; the note box stops there, so no note is ever refused. */
export const NOTE_MAX_LENGTH = 10_000;

export const roadmapStateSchema = z
  .object({
    format: z.literal("ladder-roadmap", { errorMap: () => ({ message: 'must be "ladder-roadmap"' }) }),
    version: z.literal(1, { errorMap: () => ({ message: "must be 1" }) }),
    track: idSchema,
    from: idSchema,
    to: idSchema,
    /**
     * The handbook's latest release when the roadmap was made or last marked as reviewed, so a
     * later release can show what changed since. Absent in roadmaps made before releases were
     * recorded: written against an unknown release.
     */
    release: releaseNameSchema.optional(),
    /** Status per behavior id; a behavior not listed has not been started. */
    statuses: z.record(idSchema, z.enum(ROADMAP_STATUSES)),
    /** Free-text note per behavior id: evidence, links. */
    notes: z.record(
      idSchema,
      z.string().max(NOTE_MAX_LENGTH, `must be at most ${NOTE_MAX_LENGTH.toLocaleString("en")} characters`),
    ),
  })
  .strict();

export type RoadmapState = z.infer<typeof roadmapStateSchema>;
