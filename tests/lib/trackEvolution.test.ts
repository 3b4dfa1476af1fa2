import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareLevels } from "../../src/lib/compareLevels";
import { comparePairs } from "../../src/lib/comparePairs";
import { buildTrackEvolution, SIMILARITY_THRESHOLD } from "../../src/lib/trackEvolution";
import { realHandbook, trackOf } from "../helpers/realHandbook";
import { syntheticTrack as track } from "../helpers/syntheticTrack";

const golden: { adjacent: Record<string, [string, string][]>; unrelated: [string, string][] } = JSON.parse(
  readFileSync("tests/fixtures/support-evolutions.json", "utf8"),
);

const pairsOf = (evolution: ReturnType<typeof buildTrackEvolution>) =>
  [...evolution.previous.values()].map((step) => [step.from.id, step.to.id, step.source]);

describe("buildTrackEvolution", () => {
  it("pairs evolving behaviors of the same category one to one, best match first", () => {
    const evolution = buildTrackEvolution(
      track([
        {
          craft: [
            ["basic-git", "Has a basic understanding of Git."],
            ["basic-db", "Has a basic understanding of databases."],
          ],
        },
        {
          craft: [
            ["strong-db", "Has a strong understanding of databases."],
            ["strong-git", "Has a strong understanding of Git."],
          ],
        },
      ]),
    );
    expect(pairsOf(evolution).sort()).toEqual([
      ["basic-db", "strong-db", "similarity"],
      ["basic-git", "strong-git", "similarity"],
    ]);
  });

  it("never pairs unrelated behaviors, nor behaviors of different categories", () => {
    const evolution = buildTrackEvolution(
      track([
        {
          craft: [["linux", "Has a basic understanding of Linux."]],
          team: [["candor", "Communicates with candor."]],
        },
        {
          craft: [["hiring", "Participates in the hiring process."]],
          team: [["linux-mentor", "Mentors others on Linux administration."]],
        },
      ]),
    );
    expect(pairsOf(evolution)).toEqual([]);
  });

  it("follows a hint over similarity, and leaves a behavior hinted as new unpaired", () => {
    const evolution = buildTrackEvolution(
      track([
        {
          craft: [
            ["basic-git", "Has a basic understanding of Git."],
            ["code-hosts", "Has limited working proficiency with code hosts."],
          ],
        },
        {
          craft: [
            ["pro-git", "Has professional working proficiency of Git.", "basic-git"],
            ["new-hosts", "Has professional working proficiency with code hosts.", null],
          ],
        },
      ]),
    );
    expect(pairsOf(evolution)).toEqual([["basic-git", "pro-git", "hint"]]);
  });

  it("pairs a behavior with its latest form even when levels in between do not restate it", () => {
    const evolution = buildTrackEvolution(
      track([
        { craft: [["hosts-1", "Has limited proficiency with code hosts."]] },
        { craft: [["other", "Writes documentation."]] },
        { craft: [["hosts-3", "Has full proficiency with all code hosts."]] },
      ]),
    );
    expect(pairsOf(evolution)).toEqual([["hosts-1", "hosts-3", "similarity"]]);
  });

  it("uses one threshold for every pair", () => {
    expect(SIMILARITY_THRESHOLD).toBeGreaterThan(0);
    const pair = track([
      { craft: [["a", "Writes clear documentation."]] },
      { craft: [["b", "Writes clear documentation for customers."]] },
    ]);
    expect(pairsOf(buildTrackEvolution(pair, 0.99))).toEqual([]);
    expect(pairsOf(buildTrackEvolution(pair, 0.1))).toHaveLength(1);
  });
});

describe("the matcher on the real support track", async () => {
  const support = trackOf(await realHandbook(), "support");
  const evolution = buildTrackEvolution(support);

  it.each(Object.entries(golden.adjacent))(
    "finds exactly the hand-reviewed evolutions from %s",
    (pair, expected) => {
      const [from, to] = pair.split("-");
      const comparison = compareLevels(evolution, from, to);
      const found = comparison.categories.flatMap((c) =>
        c.changed.map((change) => [change.from.id, change.to.id]),
      );
      expect(found.sort()).toEqual([...expected].sort());
    },
  );

  it("follows Git proficiency from IC1 to IC4", () => {
    const chain = ["basic-git"];
    for (let step = evolution.next.get("basic-git"); step; step = evolution.next.get(step.to.id))
      chain.push(step.to.id);
    expect(chain).toEqual(["basic-git", "professional-git", "full-professional-git", "git-expert"]);
    const ic1ToIc4 = compareLevels(evolution, "ic1", "ic4").categories.flatMap((c) => c.changed);
    expect(ic1ToIc4.find((change) => change.to.id === "git-expert")?.from.id).toBe("basic-git");
  });

  it("pairs none of the look-alikes that are not evolutions, in any comparison", () => {
    const found = comparePairs(support).flatMap(({ from, to }) =>
      compareLevels(evolution, from.id, to.id).categories.flatMap((c) =>
        c.changed.map((change) => `${change.from.id} → ${change.to.id}`),
      ),
    );
    for (const [from, to] of golden.unrelated) expect(found).not.toContain(`${from} → ${to}`);
  });
});
