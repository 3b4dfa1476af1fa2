import { describe, expect, it } from "vitest";
import { emptyRoadmap, type RoadmapCategory } from "../../../src/lib/roadmap/roadmap";
import {
  allItems,
  choiceAfterChange,
  choiceIds,
  choiceQuery,
  comparisonUrl,
  hasProgress,
  initialChoice,
  isSameRoadmap,
  levelLabel,
  levelOptions,
  progressText,
  resolveChoice,
  roadmapFileName,
  roadmapJson,
  withAbsoluteLinks,
  withNote,
  withStatus,
  type TrackChoice,
} from "../../../src/scripts/roadmap/state";

const level = (id: string, title: string | null = null) => ({ id, code: id.toUpperCase(), title });
const TRACKS: TrackChoice[] = [
  {
    id: "support",
    title: "Support Engineering",
    shortTitle: "Support",
    sharedTitle: null,
    levels: [level("ic1"), level("ic2"), level("ic3", "Senior"), level("ic4")],
  },
  {
    id: "product",
    title: "Product Engineering",
    shortTitle: "Product",
    sharedTitle: "All Levels",
    levels: [level("ic1"), level("ic2")],
  },
];

const ids = (asked: Parameters<typeof resolveChoice>[1]) => choiceIds(resolveChoice(TRACKS, asked));

describe("choosing a track and levels", () => {
  it("shows what was asked when it exists and goes up", () => {
    expect(ids({ track: "support", from: "ic2", to: "ic4" })).toEqual({
      track: "support",
      from: "ic2",
      to: "ic4",
    });
  });

  it("falls back to the first track, its first level and the next one", () => {
    expect(ids({})).toEqual({ track: "support", from: "ic1", to: "ic2" });
    expect(ids({ track: "nope", from: "ic3", to: "ic4" })).toEqual({
      track: "support",
      from: "ic3",
      to: "ic4",
    });
    expect(ids({ track: "product", from: "ic9", to: "ic9" })).toEqual({
      track: "product",
      from: "ic1",
      to: "ic2",
    });
  });

  it("never starts at the last level, and always aims above the start", () => {
    expect(ids({ track: "support", from: "ic4" })).toEqual({ track: "support", from: "ic3", to: "ic4" });
    expect(ids({ track: "support", from: "ic3", to: "ic2" })).toEqual({
      track: "support",
      from: "ic3",
      to: "ic4",
    });
    expect(ids({ track: "support", from: "ic2", to: "ic2" })).toEqual({
      track: "support",
      from: "ic2",
      to: "ic3",
    });
  });

  it("starts a new track at its first levels, and keeps the target of a new start while it is above", () => {
    expect(choiceAfterChange("track", { track: "product", from: "ic3", to: "ic4" })).toEqual({
      track: "product",
      from: "",
      to: "",
    });
    const selected = { track: "support", from: "ic3", to: "ic4" };
    expect(choiceAfterChange("from", selected)).toBe(selected);
    expect(ids(choiceAfterChange("from", { track: "support", from: "ic2", to: "ic4" }))).toEqual({
      track: "support",
      from: "ic2",
      to: "ic4",
    });
  });

  it("opens on the address's choice, else on the remembered one, name by name", () => {
    const last = { track: "product", from: "ic1", to: "ic2" };
    expect(initialChoice(new URLSearchParams("track=support&from=ic2&to=ic3"), last)).toEqual({
      track: "support",
      from: "ic2",
      to: "ic3",
    });
    expect(initialChoice(new URLSearchParams("from=ic2"), last)).toEqual({
      track: "product",
      from: "ic2",
      to: "ic2",
    });
    expect(initialChoice(new URLSearchParams(""), {})).toEqual({ track: "", from: "", to: "" });
  });

  it("offers as a start every level but the last, and as a target only the levels above the start", () => {
    const options = levelOptions(resolveChoice(TRACKS, { track: "support", from: "ic2", to: "ic3" }));
    expect(options.from.map((o) => [o.id, o.disabled])).toEqual([
      ["ic1", false],
      ["ic2", false],
      ["ic3", false],
      ["ic4", true],
    ]);
    expect(options.to.map((o) => [o.id, o.disabled])).toEqual([
      ["ic1", true],
      ["ic2", true],
      ["ic3", false],
      ["ic4", false],
    ]);
    expect(options.to.map((o) => o.label)).toEqual(["IC1", "IC2", "IC3 · Senior", "IC4"]);
    expect(levelLabel(level("ic5", "Staff"))).toBe("IC5 · Staff");
  });

  it("puts the choice in the address and in the comparison's URL", () => {
    const choice = { track: "support", from: "ic2", to: "ic3" };
    expect(choiceQuery(choice)).toBe("track=support&from=ic2&to=ic3");
    expect(comparisonUrl("/base/api/__track__/compare/__from__/__to__.json", choice)).toBe(
      "/base/api/support/compare/ic2/ic3.json",
    );
  });
});

describe("marking a roadmap", () => {
  const start = emptyRoadmap("support", "ic2", "ic3");

  it("sets and changes a status without touching the roadmap it started from", () => {
    const working = withStatus(start, "basic-git", "working");
    expect(working.statuses).toEqual({ "basic-git": "working" });
    expect(start.statuses).toEqual({});
    const both = withStatus(
      withStatus(working, "leads-reviews", "demonstrated"),
      "basic-git",
      "demonstrated",
    );
    // A changed status keeps its place: the exported JSON does not reorder.
    expect(Object.entries(both.statuses)).toEqual([
      ["basic-git", "demonstrated"],
      ["leads-reviews", "demonstrated"],
    ]);
  });

  it("keeps no status for not started", () => {
    const working = withStatus(start, "basic-git", "working");
    expect(withStatus(working, "basic-git", "not-started").statuses).toEqual({});
    expect(working.statuses).toEqual({ "basic-git": "working" });
  });

  it("keeps a note as typed, and removes a blank one", () => {
    const noted = withNote(start, "basic-git", "  Ran the workshop.\n");
    expect(noted.notes).toEqual({ "basic-git": "  Ran the workshop.\n" });
    expect(withNote(noted, "basic-git", " \n ").notes).toEqual({});
    expect(noted.notes).toEqual({ "basic-git": "  Ran the workshop.\n" });
  });

  it("knows whether a roadmap holds anything to lose", () => {
    expect(hasProgress(start)).toBe(false);
    expect(hasProgress(withStatus(start, "basic-git", "working"))).toBe(true);
    expect(hasProgress(withNote(start, "basic-git", "later"))).toBe(true);
  });

  it("tells roadmaps apart by track and levels only", () => {
    expect(isSameRoadmap(start, withStatus(start, "basic-git", "working"))).toBe(true);
    expect(isSameRoadmap(start, { track: "support", from: "ic2", to: "ic4" })).toBe(false);
  });
});

describe("what the builder shows and exports", () => {
  const item = (id: string, permalink: string) => ({
    id,
    text: id,
    examples: [],
    nodes: [{ type: "text" as const, value: id }],
    permalink,
    url: `/x/${id}/`,
    kind: "kept" as const,
  });
  const categories: RoadmapCategory[] = [
    {
      id: "a",
      title: "A",
      growInto: [item("one", "/b/support/one/")],
      keep: [item("two", "/b/support/two/")],
    },
    { id: "b", title: "B", growInto: [], keep: [item("three", "https://elsewhere.example/three")] },
  ];

  it("lists every behavior, category by category", () => {
    expect(allItems(categories).map((i) => i.id)).toEqual(["one", "two", "three"]);
  });

  it("makes permanent links absolute against the page, leaving the rest as it is", () => {
    const absolute = withAbsoluteLinks(categories, "https://ladder.example/handbook/roadmap/?track=support");
    expect(allItems(absolute).map((i) => i.permalink)).toEqual([
      "https://ladder.example/b/support/one/",
      "https://ladder.example/b/support/two/",
      "https://elsewhere.example/three",
    ]);
    expect(allItems(absolute).map((i) => i.url)).toEqual(allItems(categories).map((i) => i.url));
    expect(categories[0].growInto[0].permalink).toBe("/b/support/one/");
  });

  it("words progress and names the exported files", () => {
    expect(progressText({ total: 12, demonstrated: 3, working: 2, share: 0.25 })).toBe(
      "3 of 12 demonstrated, 2 in progress",
    );
    const roadmap = withStatus(emptyRoadmap("support", "ic2", "ic3"), "basic-git", "working");
    expect(roadmapFileName(roadmap)).toBe("roadmap-support-ic2-ic3");
    expect(roadmapJson(roadmap)).toBe(`${JSON.stringify(roadmap, null, 2)}\n`);
    expect(JSON.parse(roadmapJson(roadmap))).toEqual(roadmap);
  });
});
