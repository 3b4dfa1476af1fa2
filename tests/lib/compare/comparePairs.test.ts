import { describe, expect, it } from "vitest";
import { adjacentPairs, comparePairs } from "../../../src/lib/compare/comparePairs";
import { realHandbook, trackOf } from "../../helpers/realHandbook";

describe("comparePairs on the real data", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");
  const ids = (pair?: { from: { id: string }; to: { id: string } }) =>
    pair && `${pair.from.id}-${pair.to.id}`;

  it("pairs every defined level with every higher one, leaving out levels not yet defined", () => {
    const pairs = comparePairs(support).map(ids);
    expect(pairs).toHaveLength(10);
    expect(pairs).toContain("ic1-ic5");
    expect(pairs.some((pair) => pair?.includes("ic6"))).toBe(false);
    expect(comparePairs(trackOf(handbook, "product"))).toHaveLength(6);
  });

  it("finds the comparisons next to a level", () => {
    expect([ids(adjacentPairs(support, "ic1").into), ids(adjacentPairs(support, "ic1").onward)]).toEqual([
      undefined,
      "ic1-ic2",
    ]);
    expect([ids(adjacentPairs(support, "ic3").into), ids(adjacentPairs(support, "ic3").onward)]).toEqual([
      "ic2-ic3",
      "ic3-ic4",
    ]);
    expect(ids(adjacentPairs(support, "ic5").onward)).toBeUndefined();
    expect(adjacentPairs(support, "ic6")).toEqual({});
  });
});
