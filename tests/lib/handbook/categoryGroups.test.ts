import { describe, expect, it } from "vitest";
import type { Category } from "../../../src/lib/handbook/buildHandbook";
import { groupCategories } from "../../../src/lib/handbook/categoryGroups";
import { syntheticTrack } from "../../helpers/syntheticTrack";

const category = (id: string, group?: string): Category => ({ id, title: id.toUpperCase(), group });

describe("groupCategories", () => {
  const grouped = [
    category("code", "Technical"),
    category("design", "Technical"),
    category("mentoring", "Leadership"),
    category("hiring", "Leadership"),
    category("planning", "Leadership"),
  ];

  it("splits categories into their groups, in order, each category once", () => {
    const runs = groupCategories(grouped);
    expect(runs.map((run) => [run.group, run.items.map((c) => c.id)])).toEqual([
      ["Technical", ["code", "design"]],
      ["Leadership", ["mentoring", "hiring", "planning"]],
    ]);
    expect(runs.flatMap((run) => run.items)).toEqual(grouped);
  });

  it("gives one run without a group for categories without groups, and none for no categories", () => {
    const plain = [category("craft"), category("team")];
    expect(groupCategories(plain)).toEqual([{ group: null, items: plain }]);
    expect(groupCategories([])).toEqual([]);
  });

  it("groups behaviors grouped by category by their category's group", () => {
    const track = syntheticTrack([{ craft: [["a", "A."]], team: [["b", "B."]] }]);
    const [level] = track.levels;
    level.groups[0].category = { ...level.groups[0].category!, group: "Doing" };
    level.groups[1].category = { ...level.groups[1].category!, group: "People" };
    expect(groupCategories(level.groups)).toEqual([
      { group: "Doing", items: [level.groups[0]] },
      { group: "People", items: [level.groups[1]] },
    ]);
  });

  it("groups other items by the group a function names, with no group as null", () => {
    const options = [
      { value: "a", group: "X" },
      { value: "b", group: "X" },
      { value: "c", group: undefined },
      { value: "d", group: "X" },
    ];
    expect(groupCategories(options, (option) => option.group).map((run) => run.group)).toEqual([
      "X",
      null,
      "X",
    ]);
  });
});
