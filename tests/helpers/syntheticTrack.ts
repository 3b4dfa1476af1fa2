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
