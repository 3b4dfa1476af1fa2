import { describe, expect, it } from "vitest";
import { inheritedExpectations, newerFormsAt } from "../../../src/lib/compare/inheritedExpectations";
import { buildTrackEvolution, type TrackEvolution } from "../../../src/lib/compare/trackEvolution";
import type { Behavior } from "../../../src/lib/handbook/buildHandbook";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack } from "../../helpers/syntheticTrack";

/** Per lower level: the ids that still hold, and each superseded id with the ids of its newer forms. */
const summary = (evolution: TrackEvolution, levelId: string) =>
  inheritedExpectations(evolution, levelId).map(({ level, held, superseded }) => ({
    level: level.id,
    held: held.flatMap((group) => group.behaviors.map((b) => b.id)),
    superseded: superseded.map(({ behavior, newerForms }) => [behavior.id, newerForms.map((b) => b.id)]),
  }));

const behaviorOf = (evolution: TrackEvolution, id: string): Behavior =>
  evolution.track.levels.flatMap((l) => l.groups.flatMap((g) => g.behaviors)).find((b) => b.id === id)!;

// Texts chosen so the matcher pairs nothing the test does not name: only the Git behaviors
// share their words.
const levels: Parameters<typeof syntheticTrack>[0] = [
  {
    craft: [
      ["runbooks-1", "Writes runbooks for the services of the team."],
      ["git-1", "Has a basic understanding of Git."],
    ],
    team: [
      ["asks-1", "Asks questions in meetings."],
      ["candor-1", "Communicates with candor."],
    ],
  },
  {
    craft: [
      ["handbook-2", "Maintains the operations handbook.", "runbooks-1"],
      ["git-2", "Has a strong understanding of Git."],
    ],
    // A null hint says this is new, however alike its words: `asks-1` never evolves into it.
    team: [["asks-2", "Asks questions in meetings, often.", null]],
  },
  {
    craft: [["reliability-3", "Owns the reliability program.", "handbook-2"]],
    // New, as the data says: team states one behavior at most levels, so it reads as a rubric.
    team: [["hiring-3", "Interviews candidates.", null]],
  },
];

describe("inheritedExpectations on a cumulative track", () => {
  const evolution = buildTrackEvolution(syntheticTrack(levels));

  it("follows a chain of hints over three levels, no further than the level asked about", () => {
    expect(summary(evolution, "l2")).toEqual([
      {
        level: "l1",
        held: ["asks-1", "candor-1"],
        superseded: [
          ["runbooks-1", ["handbook-2"]],
          ["git-1", ["git-2"]],
        ],
      },
    ]);
    expect(summary(evolution, "l3")).toEqual([
      { level: "l2", held: ["git-2", "asks-2"], superseded: [["handbook-2", ["reliability-3"]]] },
      {
        level: "l1",
        held: ["asks-1", "candor-1"],
        superseded: [
          ["runbooks-1", ["handbook-2", "reliability-3"]],
          ["git-1", ["git-2"]],
        ],
      },
    ]);
  });

  it("supersedes a behavior the matcher pairs with its newer form, as the comparisons do", () => {
    expect(evolution.next.get("git-1")).toMatchObject({ source: "similarity", to: { id: "git-2" } });
    expect(newerFormsAt(evolution, behaviorOf(evolution, "git-1"), "l2").map((b) => b.id)).toEqual(["git-2"]);
  });

  it("never supersedes a behavior only because a later one is marked new with a null hint", () => {
    expect(evolution.next.has("asks-1")).toBe(false);
    expect(newerFormsAt(evolution, behaviorOf(evolution, "asks-1"), "l3")).toEqual([]);
  });

  it("supersedes nothing at the behavior's own level or below its newer form's level", () => {
    const runbooks = behaviorOf(evolution, "runbooks-1");
    expect(newerFormsAt(evolution, runbooks, "l1")).toEqual([]);
    expect(summary(evolution, "l1")).toEqual([]);
    expect(() => newerFormsAt(evolution, runbooks, "l9")).toThrow(/No level "l9"/);
  });

  it("inherits nothing at a level that is not yet defined, and skips one between", () => {
    const track = syntheticTrack([...levels.slice(0, 1), {}, ...levels.slice(1), {}]);
    track.levels[1] = { ...track.levels[1], status: "not yet defined" };
    track.levels[4] = { ...track.levels[4], status: "not yet defined" };
    const gapped = buildTrackEvolution(track);
    expect(summary(gapped, "l5")).toEqual([]);
    expect(summary(gapped, "l2")).toEqual([]);
    // The chain runs past the level that states nothing, to the forms two levels up.
    expect(summary(gapped, "l3").map((below) => below.level)).toEqual(["l1"]);
    expect(summary(gapped, "l3")[0].superseded).toEqual([
      ["runbooks-1", ["handbook-2"]],
      ["git-1", ["git-2"]],
    ]);
  });
});

describe("inheritedExpectations on a track that is not cumulative", () => {
  it("inherits nothing, so supersedes nothing", () => {
    const evolution = buildTrackEvolution(syntheticTrack(levels, false));
    expect(evolution.next.size).toBeGreaterThan(0);
    expect(summary(evolution, "l3")).toEqual([]);
  });
});

describe("inheritedExpectations on the real data", async () => {
  const support = trackOf(await realHandbook(), "support");
  const evolution = buildTrackEvolution(support);
  const highest = support.levels.filter((level) => level.status === "defined").at(-1)!;
  const lowest = support.levels[0];

  it("no longer expects at the highest defined level a first-level behavior that evolved, but its newest form", () => {
    const fromLowest = inheritedExpectations(evolution, highest.id).find((below) => below.level === lowest);
    const stated = lowest.groups.flatMap((group) => group.behaviors);
    // No level above the highest defined one states behaviors, so every next form is at or below it.
    const evolved = stated.filter((behavior) => evolution.next.has(behavior.id));
    expect(evolved.length).toBeGreaterThan(0);
    expect(fromLowest!.superseded.map(({ behavior }) => behavior)).toEqual(evolved);
    expect(fromLowest!.held.flatMap((group) => group.behaviors)).toEqual(
      stated.filter((behavior) => !evolution.next.has(behavior.id)),
    );
    for (const { newerForms } of fromLowest!.superseded) {
      // The chain ends at a form that evolves no further.
      expect(evolution.next.has(newerForms.at(-1)!.id)).toBe(false);
    }
  });

  it("supersedes, at the level just above, exactly the behaviors whose next form that level states", () => {
    const [, second] = support.levels;
    const [{ superseded }] = inheritedExpectations(evolution, second.id);
    expect(
      superseded.map(({ behavior, newerForms }) => [behavior.id, newerForms.map((b) => b.level)]),
    ).toEqual(
      lowest.groups
        .flatMap((group) => group.behaviors)
        .filter((behavior) => evolution.next.get(behavior.id)?.to.level === second.id)
        .map((behavior) => [behavior.id, [second.id]]),
    );
  });
});
