import type { Behavior, Level, Track } from "../../src/lib/handbook/buildHandbook";

/** A small track: levels given as category → [id, text, evolvesFrom?] lists. */
export function syntheticTrack(
  levels: Record<string, [string, string, (string | null)?][]>[],
  cumulative = true,
): Track {
  const categories = [
    { id: "craft", title: "Craft" },
    { id: "team", title: "Team" },
  ];
  return {
    id: "t",
    title: "T",
    shortTitle: "T",
    order: 1,
    description: "",
    cumulative,
    categories,
    roles: [],
    prose: [],
    levels: levels.map((byCategory, index): Level => ({
      track: "t",
      id: `l${index + 1}`,
      code: `L${index + 1}`,
      order: index + 1,
      status: "defined",
      facts: [],
      groups: categories
        .filter((category) => byCategory[category.id])
        .map((category) => ({
          category,
          behaviors: byCategory[category.id].map(([id, text, evolvesFrom]): Behavior => ({
            id,
            text,
            aliases: [],
            examples: [],
            track: "t",
            level: `l${index + 1}`,
            category: category.id,
            ...(evolvesFrom !== undefined && { evolvesFrom }),
          })),
        })),
    })),
  };
}

/**
 * `syntheticTrack` without categories: each level's behaviors ([id, text, evolvesFrom?]) are
 * one list with no category, and the track has shared expectations and a role, as a track
 * without categories read from data has them.
 */
export function uncategorizedTrack(levels: [string, string, (string | null)?][][], cumulative = true): Track {
  const track = syntheticTrack(
    levels.map((behaviors) => ({ craft: behaviors })),
    cumulative,
  );
  const uncategorized = (behaviors: Behavior[]) => ({
    category: null,
    behaviors: behaviors.map((behavior) => ({ ...behavior, category: null })),
  });
  return {
    ...track,
    categories: [],
    shared: {
      title: "Every level",
      groups: [
        uncategorized([
          {
            id: "shows-up",
            text: "Shows up.",
            aliases: [],
            examples: [],
            track: "t",
            level: null,
            category: null,
          },
        ]),
      ],
    },
    levels: track.levels.map((level) => ({
      ...level,
      groups: level.groups.map((group) => uncategorized(group.behaviors)),
    })),
    roles: [
      {
        track: "t",
        id: "lead",
        title: "Lead",
        summary: "Leads.",
        body: [],
        responsibilities: [{ id: "mentor", text: "Mentors others.", aliases: [], track: "t", role: "lead" }],
      },
    ],
  };
}
