/**
 * A level between two others (issue 14's "levels between levels"): any number is an order, so
 * 2.5 sits between 2 and 3 in the track, its pages' neighbours, its comparisons and the API,
 * and one order still belongs to one level.
 */
import { describe, expect, it } from "vitest";
import { adjacentPairs, comparePairs } from "../../../src/lib/compare/comparePairs";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { minimalData, writeDataDir } from "../../helpers/dataDir";

/** The demo data with a defined level `l2-5` of order 2.5, and level 3 defined too. */
function withLevelBetween(order: unknown = 2.5) {
  const files = minimalData();
  files["demo/levels/l2-5.json"] = {
    code: "L2.5",
    order,
    status: "defined",
    behaviors: { craft: [{ id: "reviews-git-history", text: "Reviews the history of a change in Git." }] },
  };
  files["demo/levels/l3.json"] = {
    code: "L3",
    order: 3,
    status: "defined",
    behaviors: { craft: [{ id: "teaches-git", text: "Teaches Git to others." }] },
  };
  return writeDataDir(files);
}

describe("a level between two others", () => {
  it("takes its place by its order, in the track, its neighbours and its comparisons", async () => {
    const { handbook, problems } = await validateDataDir(withLevelBetween());
    expect(problems).toEqual([]);
    const track = handbook!.tracks[0];
    expect(track.levels.map((level) => [level.id, level.order])).toEqual([
      ["l1", 1],
      ["l2", 2],
      ["l2-5", 2.5],
      ["l3", 3],
    ]);
    const { into, onward } = adjacentPairs(track, "l2-5");
    expect([into?.from.id, into?.to.id, onward?.from.id, onward?.to.id]).toEqual([
      "l2",
      "l2-5",
      "l2-5",
      "l3",
    ]);
    expect(comparePairs(track).map(({ from, to }) => `${from.id}→${to.id}`)).toContain("l2→l2-5");
  });

  it("still needs an order of its own, and a number", async () => {
    const same = await validateDataDir(withLevelBetween(2));
    expect(same.problems.map((problem) => problem.message)).toContainEqual(
      expect.stringMatching(/^order 2 is also the order of /),
    );
    const text = await validateDataDir(withLevelBetween("2.5"));
    expect(text.problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/demo\/levels\/l2-5\.json$/),
        path: "order",
        message: "must be a number, not a string",
      }),
    );
  });
});
