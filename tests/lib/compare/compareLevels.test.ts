import { describe, expect, it } from "vitest";
import { compareLevels, countComparison } from "../../../src/lib/compare/compareLevels";
import { comparePairs } from "../../../src/lib/compare/comparePairs";
import { newerFormsAt } from "../../../src/lib/compare/inheritedExpectations";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack, uncategorizedTrack } from "../../helpers/syntheticTrack";

const levels: Parameters<typeof syntheticTrack>[0] = [
  {
    craft: [
      ["git-1", "Has a basic understanding of Git."],
      ["linux-1", "Has a basic understanding of Linux."],
    ],
    team: [["asks", "Asks questions in meetings."]],
  },
  {
    craft: [
      ["git-2", "Has a strong understanding of Git."],
      ["docs-2", "Writes customer-facing documentation."],
    ],
  },
  {
    craft: [["git-3", "Has an expert understanding of Git."]],
    // Two behaviors: team is a list, not a rubric whose one behavior per level follows the one below.
    team: [
      ["hiring-3", "Participates in hiring interviews."],
      ["mentors-3", "Mentors new hires."],
    ],
  },
];

const ids = (list: { id: string }[]) => list.map((b) => b.id);

describe("compareLevels on a cumulative track", () => {
  const evolution = buildTrackEvolution(syntheticTrack(levels));

  it("sorts each expectation at `to` into changed or new, and what `from` states into carried", () => {
    const comparison = compareLevels(evolution, "l1", "l2");
    const craft = comparison.categories[0];
    expect(craft.changed.map((c) => [c.from.id, c.to.id])).toEqual([["git-1", "git-2"]]);
    expect(ids(craft.added)).toEqual(["docs-2"]);
    expect(ids(craft.carried)).toEqual(["linux-1"]);
    expect(ids(comparison.categories[1].carried)).toEqual(["asks"]);
    expect(comparison.totals).toEqual({ changed: 1, unchanged: 0, added: 1, carried: 2 });
  });

  it("compares across levels: the form at `from` against the form at `to`, new since any level between", () => {
    const comparison = compareLevels(evolution, "l1", "l3");
    const craft = comparison.categories[0];
    expect(craft.changed.map((c) => [c.from.id, c.to.id])).toEqual([["git-1", "git-3"]]);
    expect(ids(craft.added)).toEqual(["docs-2"]);
    expect(ids(comparison.categories[1].added)).toEqual(["hiring-3", "mentors-3"]);
  });

  it("counts nothing as carried that `from` inherited without stating it", () => {
    const comparison = compareLevels(evolution, "l2", "l3");
    expect(comparison.categories[0].changed.map((c) => c.from.id)).toEqual(["git-2"]);
    expect(ids(comparison.categories[0].carried)).toEqual(["docs-2"]);
    expect(comparison.categories[1].carried).toEqual([]);
  });

  it("marks the changed words", () => {
    const [change] = compareLevels(evolution, "l1", "l2").categories[0].changed;
    expect(change.diff.filter((part) => part.change !== "same")).toEqual([
      { value: "basic", change: "removed" },
      { value: "strong", change: "added" },
    ]);
  });

  it("refuses a `from` that is not below `to`", () => {
    expect(() => compareLevels(evolution, "l2", "l1")).toThrow(/from must be a level below to/);
    expect(() => compareLevels(evolution, "l1", "l9")).toThrow(/from must be a level below to/);
  });
});

describe("the forms a pair went through", () => {
  // Git grows at every level; Linux skips l2; the data's hints make the chains certain.
  const chain = buildTrackEvolution(
    syntheticTrack([
      {
        craft: [
          ["git-1", "Has a basic understanding of Git."],
          ["linux-1", "Has a basic understanding of Linux."],
        ],
      },
      { craft: [["git-2", "Has a strong understanding of Git.", "git-1"]] },
      {
        craft: [
          ["git-3", "Has a professional understanding of Git.", "git-2"],
          ["linux-3", "Has a strong understanding of Linux.", "linux-1"],
        ],
      },
      {
        craft: [
          ["git-4", "Has an expert understanding of Git.", "git-3"],
          ["linux-4", "Has an expert understanding of Linux.", "linux-3"],
        ],
      },
    ]),
  );
  const viaOf = (from: string, to: string) =>
    compareLevels(chain, from, to).categories[0].changed.map((c) => [c.from.id, ids(c.via), c.to.id]);

  it("lists the forms between the two ends, oldest first", () => {
    expect(viaOf("l1", "l4")).toEqual([
      ["git-1", ["git-2", "git-3"], "git-4"],
      ["linux-1", ["linux-3"], "linux-4"],
    ]);
    expect(viaOf("l2", "l4")).toEqual([
      ["git-2", ["git-3"], "git-4"],
      ["linux-1", ["linux-3"], "linux-4"],
    ]);
  });

  it("has none for a direct step, even over a level that does not restate it", () => {
    expect(viaOf("l1", "l2")).toEqual([["git-1", [], "git-2"]]);
    expect(viaOf("l2", "l3")).toEqual([
      ["git-2", [], "git-3"],
      ["linux-1", [], "linux-3"],
    ]);
  });

  it("gives a pair restated word for word the forms between too", () => {
    const restated = buildTrackEvolution(
      syntheticTrack(
        [
          { team: [["candor-1", "Communicates with candor."]] },
          { team: [["candor-2", "Communicates with *great* candor.", "candor-1"]] },
          { team: [["candor-3", "Communicates with candor.", "candor-2"]] },
        ],
        false,
      ),
    );
    const [team] = compareLevels(restated, "l1", "l3").categories.slice(1);
    expect(team.unchanged.map((pair) => [pair.from.id, ids(pair.via), pair.to.id])).toEqual([
      ["candor-1", ["candor-2"], "candor-3"],
    ]);
  });
});

describe("compareLevels on a track without categories", () => {
  // The same levels, each one list: craft's behaviors, then team's.
  const flat = levels.map((byCategory) => [...(byCategory.craft ?? []), ...(byCategory.team ?? [])]);

  it.each([true, false])(
    "compares all behaviors as one part with no category (cumulative: %s)",
    (cumulative) => {
      const withCategories = buildTrackEvolution(syntheticTrack(levels, cumulative));
      const without = buildTrackEvolution(uncategorizedTrack(flat, cumulative));
      for (const [from, to] of [
        ["l1", "l2"],
        ["l1", "l3"],
        ["l2", "l3"],
      ]) {
        const expected = compareLevels(withCategories, from, to);
        const comparison = compareLevels(without, from, to);
        expect(comparison.categories.map((c) => c.category)).toEqual([null]);
        const [all] = comparison.categories;
        const union = (pick: (c: (typeof expected.categories)[number]) => { id: string }[]) =>
          expected.categories
            .flatMap(pick)
            .map((b) => b.id)
            .sort();
        expect(all.changed.map((c) => c.to.id).sort()).toEqual(union((c) => c.changed.map((p) => p.to)));
        expect(ids(all.added).sort()).toEqual(union((c) => c.added));
        expect(ids(all.carried).sort()).toEqual(union((c) => c.carried));
        expect(comparison.totals).toEqual(expected.totals);
      }
    },
  );
});

describe("compareLevels on a track that is not cumulative", () => {
  const evolution = buildTrackEvolution(syntheticTrack(levels, false));

  it("shows a behavior restated word for word as the same, not as changed", () => {
    const restated = buildTrackEvolution(
      syntheticTrack(
        [
          { team: [["candor-1", "Communicates with candor."]] },
          { team: [["candor-2", "Communicates with candor."]] },
        ],
        false,
      ),
    );
    const [team] = compareLevels(restated, "l1", "l2").categories.slice(1);
    expect(team.changed).toEqual([]);
    expect(team.unchanged.map((pair) => [pair.from.id, pair.to.id])).toEqual([["candor-1", "candor-2"]]);
    expect(team.carried).toEqual([]);
  });

  it("compares only what each level states", () => {
    const comparison = compareLevels(evolution, "l1", "l3");
    const craft = comparison.categories[0];
    expect(craft.changed.map((c) => [c.from.id, c.to.id])).toEqual([["git-1", "git-3"]]);
    expect(ids(craft.added)).toEqual([]);
    expect(ids(craft.carried)).toEqual(["linux-1"]);
  });
});

describe("compareLevels on the real data", async () => {
  const handbook = await realHandbook();

  it.each(["support", "product"])("accounts for every expectation of every pair in %s", (trackId) => {
    const track = trackOf(handbook, trackId);
    const evolution = buildTrackEvolution(track);
    for (const { from, to } of comparePairs(track)) {
      const comparison = compareLevels(evolution, from.id, to.id);
      // Every behavior stated at `to` is changed or new (a cumulative level restates nothing).
      const statedAtTo = to.groups.flatMap((g) => g.behaviors).map((b) => b.id);
      const shownAtTo = comparison.categories.flatMap((c) => [
        ...c.changed.map((x) => x.to.id),
        ...ids(c.added),
      ]);
      for (const id of statedAtTo) expect(shownAtTo, `${from.id}→${to.id}: ${id}`).toContain(id);
      // Every behavior stated at `from` is either carried or the older side of a change.
      const statedAtFrom = from.groups.flatMap((g) => g.behaviors).map((b) => b.id);
      const shownAtFrom = comparison.categories.flatMap((c) => [
        ...c.changed.map((x) => x.from.id),
        ...ids(c.carried),
      ]);
      for (const id of statedAtFrom) expect(shownAtFrom, `${from.id}→${to.id}: ${id}`).toContain(id);
      // What a newer form supersedes by `to` is not still expected there: it is shown beside its newest form.
      const pairs = comparison.categories.flatMap((c) => [...c.changed, ...c.unchanged]);
      for (const behavior of from.groups.flatMap((g) => g.behaviors)) {
        const newer = newerFormsAt(evolution, behavior, to.id);
        const pair = pairs.find((p) => p.from.id === behavior.id);
        const carried = comparison.categories.some((c) => c.carried.includes(behavior));
        expect([carried, pair?.to.id], `${from.id}→${to.id}: ${behavior.id}`).toEqual(
          newer.length ? [false, newer.at(-1)!.id] : [true, undefined],
        );
      }
      expect(comparison.totals).toEqual(countComparison(comparison.categories));
      expect(comparison.shared).toEqual(track.shared?.groups ?? []);
    }
  });

  it.each(["support", "product"])(
    "makes every pair of %s a chain of steps: from, the forms between, to",
    (trackId) => {
      const track = trackOf(handbook, trackId);
      const evolution = buildTrackEvolution(track);
      const position = (levelId: string | null) => track.levels.findIndex((level) => level.id === levelId);
      let between = 0;
      for (const { from, to } of comparePairs(track)) {
        const comparison = compareLevels(evolution, from.id, to.id);
        for (const pair of comparison.categories.flatMap((c) => [...c.changed, ...c.unchanged])) {
          const forms = [pair.from, ...pair.via, pair.to];
          const name = `${from.id}→${to.id}: ${ids(forms).join(" → ")}`;
          // Each form is the one evolution.previous gives for the next.
          for (let i = 1; i < forms.length; i++)
            expect(evolution.previous.get(forms[i].id)?.from, name).toBe(forms[i - 1]);
          // The forms between are stated above `from` and below `to`: none was expected at `from`.
          for (const form of pair.via) {
            expect(position(form.level), name).toBeGreaterThan(position(from.id));
            expect(position(form.level), name).toBeLessThan(position(to.id));
          }
          between += pair.via.length;
        }
      }
      // The real tracks grow over several levels: comparisons far apart go through forms between.
      expect(between).toBeGreaterThan(0);
    },
  );
});
