import { describe, expect, it } from "vitest";
import { inheritedLevels } from "../../../src/lib/handbook/inheritedLevels";
import { levelNeighbors } from "../../../src/lib/handbook/levelNeighbors";
import { realHandbook, trackOf } from "../../helpers/realHandbook";

describe("level navigation on the real data", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");

  it("finds the previous and next level", () => {
    expect(levelNeighbors(support, "ic1")).toEqual({ previous: undefined, next: support.levels[1] });
    const { previous, next } = levelNeighbors(support, "ic3");
    expect([previous?.id, next?.id]).toEqual(["ic2", "ic4"]);
    expect(levelNeighbors(support, "ic6").next).toBeUndefined();
    expect(() => levelNeighbors(support, "ic9")).toThrow(/No level "ic9"/);
  });

  it("inherits every lower level with behaviors on a cumulative track, nearest first", () => {
    expect(inheritedLevels(support, "ic1")).toEqual([]);
    expect(inheritedLevels(support, "ic3").map((l) => l.id)).toEqual(["ic2", "ic1"]);
    expect(inheritedLevels(support, "ic6").map((l) => l.id)).toEqual(["ic5", "ic4", "ic3", "ic2", "ic1"]);
  });

  it("inherits nothing on a track that is not cumulative", () => {
    expect(inheritedLevels({ ...support, cumulative: false }, "ic3")).toEqual([]);
  });
});
