import { describe, expect, it } from "vitest";
import { levelPickerModel } from "../../../src/lib/handbook/levelPickerModel";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack } from "../../helpers/syntheticTrack";

const urls = createUrls("/handbook/");

describe("levelPickerModel on the real data", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");

  it("offers the defined levels, not one that is not yet defined", () => {
    const view = levelPickerModel(support, "ic2", "ic4", urls);
    expect(view.levels.map((level) => level.id)).toEqual(["ic1", "ic2", "ic3", "ic4", "ic5"]);
    expect(view.urlTemplate).toBe("/handbook/support/compare/__from__/__to__/");
  });

  it("links every pair, one row per lower level, and marks the page's own", () => {
    const { rows } = levelPickerModel(support, "ic2", "ic4", urls);
    expect(rows.map((row) => [row.fromCode, row.links.map((link) => link.text)])).toEqual([
      ["IC1", ["IC2", "IC3", "IC4", "IC5"]],
      ["IC2", ["IC3", "IC4", "IC5"]],
      ["IC3", ["IC4", "IC5"]],
      ["IC4", ["IC5"]],
    ]);
    expect(rows[1].links[1]).toEqual({
      href: "/handbook/support/compare/ic2/ic4/",
      text: "IC4",
      label: "IC2 to IC4",
      current: true,
    });
    expect(rows.flatMap((row) => row.links).filter((link) => link.current)).toHaveLength(1);
  });
});

describe("levelPickerModel on small tracks", () => {
  it("skips a level that is not yet defined in the pairs too", () => {
    const track = syntheticTrack([{ craft: [["a", "A."]] }, {}, { craft: [["c", "C."]] }]);
    track.levels[1] = { ...track.levels[1], status: "not yet defined" };
    const view = levelPickerModel(track, "l1", "l3", urls);
    expect(view.levels.map((level) => level.code)).toEqual(["L1", "L3"]);
    expect(view.rows).toEqual([
      {
        fromCode: "L1",
        links: [{ href: "/handbook/t/compare/l1/l3/", text: "L3", label: "L1 to L3", current: true }],
      },
    ]);
  });
});
