import { describe, expect, it } from "vitest";
import type { Track } from "../../../src/lib/handbook/buildHandbook";
import { inheritedExpectations, newerFormsAt } from "../../../src/lib/compare/inheritedExpectations";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { levelName } from "../../../src/lib/handbook/levelName";
import { levelPageModel } from "../../../src/lib/handbook/levelPageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack, uncategorizedTrack } from "../../helpers/syntheticTrack";
import { fixtureModel } from "../../helpers/releaseModel";

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
      {
        group: null,
        items: [
          { href: "#category--non-technical-proficiency", text: "Non-Technical Proficiency (8)" },
          { href: "#category--technical-proficiency", text: "Technical Proficiency (5)" },
          { href: "#category--delivery", text: "Delivery (5)" },
          { href: "#category--teamwork", text: "Teamwork (6)" },
        ],
      },
    ]);
  });

  it("lists the categories in their groups when the track groups them", () => {
    const groupOf = (id: string) => (id.endsWith("proficiency") ? "Proficiency" : "Work");
    const grouped: Track = {
      ...support,
      levels: support.levels.map((level) => ({
        ...level,
        groups: level.groups.map((behaviors) => ({
          ...behaviors,
          category: { ...behaviors.category!, group: groupOf(behaviors.category!.id) },
        })),
      })),
    };
    const contents = levelPageModel(grouped, levelOf(grouped, "ic3"), urls).categories;
    expect(contents.map(({ group, items }) => [group, items.map((link) => link.href)])).toEqual([
      ["Proficiency", ["#category--non-technical-proficiency", "#category--technical-proficiency"]],
      ["Work", ["#category--delivery", "#category--teamwork"]],
    ]);
  });

  it("inherits every lower level on a cumulative track, nearest first, counted per category", () => {
    const view = levelPageModel(support, levelOf(support, "ic3"), urls);
    expect(view.buildsOn).toEqual({ href: "/handbook/support/ic2/", text: "IC2", grown: true });
    expect(view.inherited.map(({ href }) => href)).toEqual([
      "/handbook/support/ic2/",
      "/handbook/support/ic1/",
    ]);
    // Counted and linked from what still holds here: the behaviors no newer form supersedes.
    const expectations = inheritedExpectations(buildTrackEvolution(support), "ic3");
    view.inherited.forEach((below, index) => {
      const { level, held, superseded } = expectations[index];
      const stated = level.groups.flatMap((group) => group.behaviors).length;
      const holding = held.flatMap((group) => group.behaviors).length;
      expect(superseded.length).toBeGreaterThan(0);
      expect(below.text).toBe(`What still holds of ${levelName(level)}`);
      expect(below.behaviors).toBe(holding);
      expect(below.count).toBe(`${holding} of its ${stated} behaviors`);
      expect(below.categories).toEqual(
        held.map((group) => ({
          href: `/handbook/support/${level.id}/#category--${group.category!.id}`,
          text: `${group.category!.title} (${group.behaviors.length})`,
        })),
      );
    });
    expect(view.alsoExpected).toBe(true);
  });

  it("lists what is superseded at a level beside the newest form it states up to that level", () => {
    const evolution = buildTrackEvolution(support);
    const view = levelPageModel(support, levelOf(support, "ic3"), urls, evolution);
    const ic1 = view.inherited.find((below) => below.href === "/handbook/support/ic1/")!;
    const superseded = support.levels[0].groups
      .flatMap((group) => group.behaviors)
      .map((behavior) => ({ behavior, newer: newerFormsAt(evolution, behavior, "ic3").at(-1) }))
      .filter(({ newer }) => newer !== undefined);
    expect(ic1.superseded?.summary).toBe(
      `${superseded.length} of its behaviors are superseded here by their newer form`,
    );
    expect(ic1.superseded?.behaviors).toEqual(
      superseded.map(({ behavior, newer }) => ({
        text: behavior.text,
        newer: {
          href: `/handbook/support/${newer!.level}/#${newer!.id}`,
          text: newer!.text,
          code: newer!.level!.toUpperCase(),
        },
      })),
    );
    // Git's first form grew twice by IC3: the page names the newest form.
    expect(
      ic1.superseded?.behaviors.find((b) => b.text === "Has a basic understanding of Git.")?.newer.code,
    ).toBe("IC3");
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

  it("tells how each behavior of the level grows: its next form, where it stops rising, its thread", () => {
    const { growth } = levelPageModel(support, levelOf(support, "ic2"), urls);
    // Git grows IC1 → IC4, one level at a time.
    expect(growth.get("professional-git")).toMatchObject({
      next: {
        summary: "Grows into its IC3 form",
        link: { href: "/handbook/support/ic3/#full-professional-git", text: "IC3" },
        fromCode: "IC2",
      },
      thread: { href: "/handbook/support/growth/#professional-git", text: "How it grows from IC1 to IC4" },
    });
    // Feedback is last restated at IC2, and still expected above on this cumulative track.
    expect(growth.get("integrates-feedback")).toEqual({
      stops: "Stops rising at IC2: still expected at IC3, IC4 and IC5",
      thread: { href: "/handbook/support/growth/#integrates-feedback", text: "How it grows from IC1 to IC2" },
    });
    // Stated at IC2 only: nothing to say.
    expect(growth.has("keeps-tickets-up-to-date")).toBe(false);
    // Only the level's own behaviors.
    const own = new Set(levelOf(support, "ic2").groups.flatMap((group) => group.behaviors.map((b) => b.id)));
    expect([...growth.keys()].filter((id) => !own.has(id))).toEqual([]);
    expect(levelPageModel(support, levelOf(support, "ic6"), urls).growth.size).toBe(0);
  });
});

describe("levelPageModel on small tracks", () => {
  const levels: Parameters<typeof syntheticTrack>[0] = [
    // Lists, not rubrics (where the one behavior of a level follows the one below).
    {
      craft: [
        ["a1", "A."],
        ["c1", "C."],
      ],
      team: [["b1", "B."]],
    },
    {},
    { craft: [["a3", "A again."]] },
  ];

  it("skips a lower level that states nothing when listing what still holds", () => {
    const track = syntheticTrack(levels);
    const view = levelPageModel(track, track.levels[2], urls);
    expect(view.buildsOn).toEqual({ href: "/handbook/t/l1/", text: "L1", grown: false });
    expect(view.inherited.map((level) => [level.text, level.count, level.superseded])).toEqual([
      ["Everything at L1", "3 behaviors", undefined],
    ]);
  });

  it("names one superseded behavior in the singular, and a level none of whose behaviors still hold", () => {
    const track = syntheticTrack([
      { craft: [["git-1", "Has a basic understanding of Git."]] },
      { craft: [["git-2", "Has a strong understanding of Git."]] },
    ]);
    const [below] = levelPageModel(track, track.levels[1], urls).inherited;
    expect(below).toEqual({
      href: "/handbook/t/l1/",
      text: "What still holds of L1",
      behaviors: 0,
      count: "none of its behaviors",
      categories: [],
      superseded: {
        summary: "1 of its behaviors is superseded here by its newer form",
        behaviors: [
          {
            text: "Has a basic understanding of Git.",
            newer: { href: "/handbook/t/l2/#git-2", text: "Has a strong understanding of Git.", code: "L2" },
          },
        ],
      },
    });
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

describe("levelPageModel on a track without categories", () => {
  const track = uncategorizedTrack([
    [
      ["a1", "A."],
      ["b1", "B."],
    ],
    [["a2", "A again."]],
  ]);

  it("links no category sections, on the page or to the levels below, and still counts what holds", () => {
    const view = levelPageModel(track, track.levels[1], urls);
    expect(view.categories).toEqual([]);
    expect(view.inherited).toEqual([
      {
        href: "/handbook/t/l1/",
        text: "Everything at L1",
        behaviors: 2,
        count: "2 behaviors",
        categories: [],
      },
    ]);
    expect(view.shared?.groups).toEqual(track.shared?.groups);
  });
});

describe("levelPageModel with the releases' model", async () => {
  const plain = createUrls("/");
  const { handbook, model } = await fixtureModel(plain);
  const eng = trackOf(handbook, "eng");

  it("links the release that last changed the level, and says nothing without releases", () => {
    expect(levelPageModel(eng, levelOf(eng, "l4"), plain, undefined, model).lastChanged).toEqual({
      text: "Last changed in v2",
      href: "/changes/v2/",
      date: { datetime: "2026-06-30", text: "30 June 2026" },
    });
    expect(levelPageModel(eng, levelOf(eng, "l4"), plain).lastChanged).toBeUndefined();
  });
});
