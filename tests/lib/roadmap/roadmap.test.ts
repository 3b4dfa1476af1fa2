import { PLACES } from "../../../src/lib/links/urls";
import { describe, expect, it } from "vitest";
import { comparisonDocument } from "../../../src/lib/handbook/apiDocuments";
import { compareLevels } from "../../../src/lib/compare/compareLevels";
import { parseRoadmapFile } from "../../../src/lib/roadmap/parseRoadmapFile";
import {
  emptyRoadmap,
  progressOf,
  roadmapCategories,
  roadmapMismatch,
  roadmapStorageKey,
  statusOf,
  type ComparisonData,
} from "../../../src/lib/roadmap/roadmap";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { comparePairs } from "../../../src/lib/compare/comparePairs";
import { newerFormsAt } from "../../../src/lib/compare/inheritedExpectations";
import { trackBehaviors } from "../../../src/lib/handbook/allBehaviors";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { uncategorizedTrack } from "../../helpers/syntheticTrack";
import { roadmapMarkdown } from "../../../src/lib/roadmap/roadmapMarkdown";

describe("the roadmap model on the real data", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");
  const urls = createUrls("/");
  // As the page receives it: the comparison JSON of the two levels.
  const comparison: ComparisonData = JSON.parse(
    JSON.stringify(comparisonDocument(compareLevels(buildTrackEvolution(support), "ic2", "ic3"), urls)),
  );
  const categories = roadmapCategories(comparison);

  it("asks first what the target adds, then what still holds, per category", () => {
    for (const category of comparison.categories) {
      const roadmap = categories.find((c) => c.id === category.id)!;
      expect(roadmap.growInto.map((i) => i.id)).toEqual([
        ...category.changed.map((c) => c.to.id),
        ...category.added.map((b) => b.id),
      ]);
      expect(roadmap.keep.map((i) => i.id)).toEqual([
        ...category.unchanged.map((c) => c.to.id),
        ...category.carried.map((b) => b.id),
      ]);
    }
    const git = categories.flatMap((c) => c.growInto).find((i) => i.id === "full-professional-git");
    expect(git).toMatchObject({
      kind: "grown",
      before: "Has professional working proficiency of Git.",
      permalink: "/b/support/full-professional-git/",
    });
  });

  it("counts progress per list, not started unless marked", () => {
    const items = categories[0].growInto;
    const state = {
      ...emptyRoadmap("support", "ic2", "ic3"),
      statuses: { [items[0].id]: "demonstrated" as const, [items[1].id]: "working" as const },
    };
    expect(statusOf(state, items[2].id)).toBe("not-started");
    expect(progressOf(items, state)).toEqual({
      total: items.length,
      demonstrated: 1,
      working: 1,
      share: 1 / items.length,
    });
    expect(progressOf([], state)).toEqual({ total: 0, demonstrated: 0, working: 0, share: 0 });
  });

  it("ends with the track's shared expectations, when it has some", () => {
    const product = trackOf(handbook, "product");
    const productComparison: ComparisonData = JSON.parse(
      JSON.stringify(comparisonDocument(compareLevels(buildTrackEvolution(product), "ic2", "ic3"), urls)),
    );
    const last = roadmapCategories(productComparison, "All Levels").at(-1)!;
    expect(last).toMatchObject({ id: PLACES.shared, title: "All Levels", growInto: [] });
    expect(last.keep.map((i) => i.id)).toEqual(
      product.shared!.groups.flatMap((g) => g.behaviors.map((b) => b.id)),
    );
    expect(categories.some((c) => c.id === PLACES.shared)).toBe(false);
  });

  it.each(["support", "product"])(
    "keeps doing nothing a newer form supersedes at the target, which it asks to grow into instead (%s)",
    (trackId) => {
      const track = trackOf(handbook, trackId);
      const evolution = buildTrackEvolution(track);
      const behaviors = new Map(trackBehaviors(track).map((b) => [b.id, b]));
      for (const { from, to } of comparePairs(track)) {
        const roadmap = roadmapCategories(
          JSON.parse(JSON.stringify(comparisonDocument(compareLevels(evolution, from.id, to.id), urls))),
        ).filter((category) => category.id !== PLACES.shared);
        const kept = roadmap.flatMap((category) => category.keep.map((item) => item.id));
        const grown = roadmap.flatMap((category) => category.growInto.map((item) => item.id));
        for (const id of kept)
          expect(newerFormsAt(evolution, behaviors.get(id)!, to.id), `${from.id}→${to.id}: ${id}`).toEqual(
            [],
          );
        for (const behavior of from.groups.flatMap((group) => group.behaviors)) {
          const newest = newerFormsAt(evolution, behavior, to.id).at(-1);
          if (newest) expect(grown, `${from.id}→${to.id}: ${behavior.id}`).toContain(newest.id);
          else expect(kept, `${from.id}→${to.id}: ${behavior.id}`).toContain(behavior.id);
        }
      }
    },
  );

  it("keeps each category's group from the comparison, and gives categories without one none", () => {
    expect(categories.every((category) => !("group" in category))).toBe(true);
    const grouped = roadmapCategories({
      ...comparison,
      categories: comparison.categories.map((category) => ({
        ...category,
        group: `${category.title} group`,
      })),
    });
    expect(grouped.map((category) => category.group)).toEqual(
      comparison.categories.map((category) => `${category.title} group`),
    );
  });

  it("keeps one roadmap per track and pair of levels", () => {
    expect(roadmapStorageKey("support", "ic2", "ic3")).not.toBe(roadmapStorageKey("support", "ic2", "ic4"));
  });
});

describe("parseRoadmapFile", () => {
  const valid = {
    ...emptyRoadmap("support", "ic2", "ic3"),
    statuses: { "basic-git": "working" },
    notes: { "basic-git": "Reading the Pro Git book." },
  };

  it("reads a roadmap exported as JSON", () => {
    expect(parseRoadmapFile(JSON.stringify(valid))).toEqual({ roadmap: valid });
  });

  it("reads the release a roadmap was written against, and a roadmap that records none", () => {
    const written = { ...valid, release: "2026-h2" };
    expect(parseRoadmapFile(JSON.stringify(written))).toEqual({ roadmap: written });
    expect(parseRoadmapFile(JSON.stringify(valid))).toEqual({ roadmap: valid });
    const result = parseRoadmapFile(JSON.stringify({ ...valid, release: "unreleased" }), "roadmap.json");
    expect("error" in result && result.error).toMatch(/^roadmap.json: release: is taken by the site itself/);
  });

  it.each([
    ["text that is not JSON", "{ not json", /is not JSON/],
    [
      "another kind of file",
      JSON.stringify({ ...valid, format: "something-else" }),
      /format: must be "ladder-roadmap"/,
    ],
    [
      "an unknown status",
      JSON.stringify({ ...valid, statuses: { "basic-git": "done" } }),
      /statuses.basic-git: /,
    ],
    ["a missing field", JSON.stringify({ ...valid, notes: undefined }), /notes: is required but missing/],
  ])("refuses %s, saying what is wrong", (_name, text, message) => {
    const result = parseRoadmapFile(text, "roadmap.json");
    expect("error" in result && result.error).toMatch(message);
    expect("error" in result && result.error).toMatch(/^roadmap.json/);
  });
});

describe("importing a roadmap into this handbook", async () => {
  const handbook = await realHandbook();
  const tracks = handbook.tracks.map((track) => ({ id: track.id, levels: track.levels }));
  const support = trackOf(handbook, "support");
  const [lowest, next] = support.levels.map((level) => level.id);

  it("fits a roadmap up a track of this handbook", () => {
    expect(roadmapMismatch(tracks, { track: "support", from: lowest, to: next })).toBeUndefined();
  });

  it("names the tracks there are when the roadmap's track is not one", () => {
    expect(roadmapMismatch(tracks, { track: "sales", from: lowest, to: next })).toBe(
      `this handbook has no track sales; its tracks are ${handbook.tracks.map((t) => t.id).join(", ")}.`,
    );
  });

  it("names the track's levels when a level is not one of them", () => {
    expect(roadmapMismatch(tracks, { track: "support", from: "ic9", to: "m1" })).toBe(
      `the support track has no level ic9 or m1; its levels are ${support.levels.map((l) => l.id).join(", ")}.`,
    );
  });

  it("refuses a roadmap that does not go up", () => {
    expect(roadmapMismatch(tracks, { track: "support", from: next, to: lowest })).toMatch(
      /^this handbook has no support roadmap from .* a roadmap goes up/,
    );
    expect(roadmapMismatch(tracks, { track: "support", from: next, to: next })).toBeDefined();
  });
});

describe("the roadmap of a track without categories", () => {
  const track = uncategorizedTrack([
    [
      ["git-1", "Has a basic understanding of Git."],
      ["asks", "Asks questions in meetings."],
    ],
    [
      ["git-2", "Has a strong understanding of Git."],
      ["docs-2", "Writes customer-facing documentation."],
    ],
  ]);
  const comparison: ComparisonData = JSON.parse(
    JSON.stringify(
      comparisonDocument(compareLevels(buildTrackEvolution(track), "l1", "l2"), createUrls("/")),
    ),
  );
  const categories = roadmapCategories(comparison, track.shared!.title);

  it("has one section of the levels' behaviors, named as the site names them, then the shared expectations", () => {
    expect(categories.map(({ id, title }) => [id, title])).toEqual([
      [PLACES.behaviors, "Behaviors"],
      [PLACES.shared, "Every level"],
    ]);
    expect(categories[0].growInto.map((item) => [item.id, item.kind])).toEqual([
      ["git-2", "grown"],
      ["docs-2", "new"],
    ]);
    expect(categories[0].keep.map((item) => item.id)).toEqual(["asks"]);
  });

  it("exports that section under its name, never an empty heading", () => {
    const markdown = roadmapMarkdown(comparison, categories, emptyRoadmap("t", "l1", "l2"), track.title);
    expect(markdown.match(/^## .*$/gm)).toEqual(["## Behaviors", "## Every level"]);
  });
});
