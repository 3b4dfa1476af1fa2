import { describe, expect, it } from "vitest";
import { allBehaviors } from "../../src/lib/handbook/allBehaviors";
import { generateSyntheticData, shapeFor } from "../../scripts/lib/syntheticData";
import { buildTrackEvolution } from "../../src/lib/compare/trackEvolution";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import { writeDataDir } from "../helpers/dataDir";

describe("generateSyntheticData", () => {
  const shape = { tracks: 2, levels: 4, categories: 3, behaviorsPerCategory: 5, seed: 7 };

  it("writes valid data of the asked shape", async () => {
    const dir = writeDataDir(generateSyntheticData(shape));
    const { handbook, problems } = await validateDataDir(dir, dir);
    expect(problems).toEqual([]);
    expect(handbook!.tracks).toHaveLength(2);
    expect(
      handbook!.tracks.every(
        (t) => t.levels.length === 4 && t.categories.length === 3 && t.roles.length === 1,
      ),
    ).toBe(true);
    expect(allBehaviors(handbook!)).toHaveLength(2 * 4 * 3 * 5);
  });

  it("writes realistic sentences, aliases and behaviors that evolve between levels", async () => {
    const dir = writeDataDir(generateSyntheticData({ ...shape, levels: 8, behaviorsPerCategory: 10 }));
    const { handbook } = await validateDataDir(dir, dir);
    const behaviors = allBehaviors(handbook!);
    const words = behaviors.map((b) => b.text.split(" ").length);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...words)).toBeLessThanOrEqual(25);
    expect(behaviors.some((b) => b.aliases.length > 0)).toBe(true);
    const evolution = buildTrackEvolution(handbook!.tracks[0]);
    expect(evolution.previous.size).toBeGreaterThan(behaviors.length / handbook!.tracks.length / 4);
  });

  it("is the same for the same seed and different for another", () => {
    expect(generateSyntheticData(shape)).toEqual(generateSyntheticData(shape));
    expect(generateSyntheticData({ ...shape, seed: 8 })).not.toEqual(generateSyntheticData(shape));
  });

  it("grows a handbook by tracks of eight levels with dozens of behaviors each", () => {
    for (const behaviors of [2_500, 10_000]) {
      const { tracks, levels, categories, behaviorsPerCategory } = shapeFor(behaviors);
      const perLevel = categories * behaviorsPerCategory;
      expect(levels).toBeGreaterThanOrEqual(8);
      expect(perLevel).toBeGreaterThanOrEqual(24);
      expect(perLevel).toBeLessThanOrEqual(60);
      // Within half a track of the asked size.
      expect(Math.abs(tracks * levels * perLevel - behaviors)).toBeLessThanOrEqual((levels * perLevel) / 2);
    }
  });
});
