import { describe, expect, it } from "vitest";
import { factLabels, factValues } from "../../../src/lib/handbook/levelFacts";
import { syntheticTrack } from "../../helpers/syntheticTrack";

describe("level facts in the levels matrix", () => {
  const track = syntheticTrack([{}, {}, {}]);
  const [one, two, three] = track.levels;
  one.facts = [{ label: "Scope", value: "Task" }];
  two.facts = [
    { label: "Years", value: "3+" },
    { label: "Scope", value: "Team" },
  ];
  three.facts = [{ label: "Band", value: "B" }];

  it("lists each label once, in order of first appearance: levels in order, facts in order", () => {
    expect(factLabels(track.levels)).toEqual(["Scope", "Years", "Band"]);
    expect(factLabels([])).toEqual([]);
  });

  it("gives each level's value per label, null where the level lacks the fact", () => {
    const labels = factLabels(track.levels);
    expect(track.levels.map((level) => factValues(level, labels))).toEqual([
      ["Task", null, null],
      ["Team", "3+", null],
      [null, null, "B"],
    ]);
  });
});
