/** Where a reader stands on one behavior of their roadmap (kept apart from the schema so pages need no zod). */
export const ROADMAP_STATUSES = ["not-started", "working", "demonstrated"] as const;

export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];
