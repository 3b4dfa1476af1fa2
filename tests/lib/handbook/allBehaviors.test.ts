import { describe, expect, it } from "vitest";
import { countBehaviors, trackBehaviors } from "../../../src/lib/handbook/allBehaviors";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack } from "../../helpers/syntheticTrack";

describe("countBehaviors", () => {
  it("adds up the behaviors of every group", () => {
    const [l1, l2] = syntheticTrack([
      { craft: [["a", "A."]], team: [["b", "B."]] },
      { craft: [["c", "C."]] },
    ]).levels;
    expect(countBehaviors(l1.groups)).toBe(2);
    expect(countBehaviors([...l1.groups, ...l2.groups])).toBe(3);
    expect(countBehaviors([])).toBe(0);
  });

  it("counts a real track's levels and shared expectations to its behaviors", async () => {
    const product = trackOf(await realHandbook(), "product");
    expect(countBehaviors(product.shared!.groups)).toBe(17);
    expect(
      countBehaviors([...product.shared!.groups, ...product.levels.flatMap((level) => level.groups)]),
    ).toBe(trackBehaviors(product).length);
  });
});
