import { describe, expect, it } from "vitest";
import type { Track } from "../../../src/lib/handbook/buildHandbook";
import { levelPageModel } from "../../../src/lib/handbook/levelPageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack } from "../../helpers/syntheticTrack";

const urls = createUrls("/handbook/");

const levelOf = (track: Track, id: string) => track.levels.find((level) => level.id === id)!;

describe("levelPageModel on the real data", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");
  const product = trackOf(handbook, "product");

  it("titles the page with the level's name and the track's short title", () => {
    expect(levelPageModel(support, levelOf(support, "ic3"), urls).title).toBe(
      "IC3 · Senior Support Engineer · Support",
    );
    expect(levelPageModel(product, levelOf(product, "ic3"), urls).title).toBe("IC3 · Product");
  });

  it("links the comparisons into the level and onward from it", () => {
    expect(levelPageModel(support, levelOf(support, "ic3"), urls).comparisons).toEqual([
      { href: "/handbook/support/compare/ic2/ic3/", text: "What changes at IC3", fromCode: "IC2" },
      { href: "/handbook/support/compare/ic3/ic4/", text: "What changes at IC4", fromCode: "IC3" },
    ]);
    // The lowest level has nothing to compare into; the highest defined one nothing onward,
    // since IC6 is not yet defined.
    expect(levelPageModel(support, levelOf(support, "ic1"), urls).comparisons.map((c) => c.text)).toEqual([
      "What changes at IC2",
    ]);
    expect(levelPageModel(support, levelOf(support, "ic5"), urls).comparisons.map((c) => c.text)).toEqual([
      "What changes at IC5",
    ]);
    expect(levelPageModel(support, levelOf(support, "ic6"), urls).comparisons).toEqual([]);
  });

  it("lists the level's own categories as same-page anchors with their counts", () => {
    expect(levelPageModel(support, levelOf(support, "ic3"), urls).categories).toEqual([
      { href: "#category--non-technical-proficiency", text: "Non-Technical Proficiency (8)" },
      { href: "#category--technical-proficiency", text: "Technical Proficiency (5)" },
      { href: "#category--delivery", text: "Delivery (5)" },
      { href: "#category--teamwork", text: "Teamwork (6)" },
    ]);
  });

  it("inherits every lower level on a cumulative track, nearest first, counted per category", () => {
    const view = levelPageModel(support, levelOf(support, "ic3"), urls);
    expect(view.buildsOn).toEqual({ href: "/handbook/support/ic2/", text: "IC2" });
    expect(view.inherited.map(({ href, text, behaviors }) => ({ href, text, behaviors }))).toEqual([
      { href: "/handbook/support/ic2/", text: "Everything at IC2 · Support Engineer", behaviors: 22 },
      { href: "/handbook/support/ic1/", text: "Everything at IC1 · Entry Level", behaviors: 17 },
    ]);
    expect(view.inherited[1].categories).toEqual([
      {
        href: "/handbook/support/ic1/#category--non-technical-proficiency",
        text: "Non-Technical Proficiency (4)",
      },
      { href: "/handbook/support/ic1/#category--technical-proficiency", text: "Technical Proficiency (6)" },
      { href: "/handbook/support/ic1/#category--delivery", text: "Delivery (3)" },
      { href: "/handbook/support/ic1/#category--teamwork", text: "Teamwork (4)" },
    ]);
    expect(view.alsoExpected).toBe(true);
  });

  it("shows a lowest level without a track's shared expectations as expecting nothing more", () => {
    const view = levelPageModel(support, levelOf(support, "ic1"), urls);
    expect(view.buildsOn).toBeUndefined();
    expect(view.inherited).toEqual([]);
    expect(view.shared).toBeUndefined();
    expect(view.alsoExpected).toBe(false);
  });

  it("expects the track's shared expectations at every defined level, counted", () => {
    const view = levelPageModel(product, levelOf(product, "ic2"), urls);
    expect(view.shared?.summary).toBe("All Levels (17 behaviors, expected at every level)");
    expect(view.shared?.groups).toBe(product.shared!.groups);
    expect(view.inherited).toEqual([]);
    expect(view.alsoExpected).toBe(true);
  });

  it("expects nothing of a level that is not yet defined, not even what the levels below expect", () => {
    const view = levelPageModel(support, levelOf(support, "ic6"), urls);
    expect(view.defined).toBe(false);
    expect(view.buildsOn).toBeUndefined();
    expect(view.inherited).toEqual([]);
    expect(view.alsoExpected).toBe(false);
    expect(view.title).toBe("IC6 · Principal Support Engineer · Support");
  });

  it("links the previous and next level by name, undefined ones included", () => {
    const ic5 = levelPageModel(support, levelOf(support, "ic5"), urls);
    expect(ic5.previous).toEqual({ href: "/handbook/support/ic4/", text: "IC4 · Senior Support Engineer" });
    expect(ic5.next).toEqual({ href: "/handbook/support/ic6/", text: "IC6 · Principal Support Engineer" });
    const ic1 = levelPageModel(support, levelOf(support, "ic1"), urls);
    expect(ic1.previous).toBeUndefined();
    expect(ic1.next?.text).toBe("IC2 · Support Engineer");
  });
});

describe("levelPageModel on small tracks", () => {
  const levels: Parameters<typeof syntheticTrack>[0] = [
    { craft: [["a1", "A."]], team: [["b1", "B."]] },
    {},
    { craft: [["a3", "A again."]] },
  ];

  it("skips a lower level that states nothing when listing what still holds", () => {
    const track = syntheticTrack(levels);
    const view = levelPageModel(track, track.levels[2], urls);
    expect(view.buildsOn).toEqual({ href: "/handbook/t/l1/", text: "L1" });
    expect(view.inherited.map((level) => [level.text, level.behaviors])).toEqual([["Everything at L1", 2]]);
  });

  it("inherits nothing on a track that is not cumulative", () => {
    const track = syntheticTrack(levels, false);
    const view = levelPageModel(track, track.levels[2], urls);
    expect(view.buildsOn).toBeUndefined();
    expect(view.inherited).toEqual([]);
    expect(view.alsoExpected).toBe(false);
  });

  it("compares only with defined levels, across one that is not yet defined", () => {
    const track = syntheticTrack(levels);
    track.levels[1] = { ...track.levels[1], status: "not yet defined" };
    expect(levelPageModel(track, track.levels[2], urls).comparisons).toEqual([
      { href: "/handbook/t/compare/l1/l3/", text: "What changes at L3", fromCode: "L1" },
    ]);
    // Its neighbours are still the levels next to it, defined or not.
    expect(levelPageModel(track, track.levels[2], urls).previous).toEqual({
      href: "/handbook/t/l2/",
      text: "L2",
    });
  });
});
