import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareLevels } from "../../../src/lib/compare/compareLevels";
import { comparePairs } from "../../../src/lib/compare/comparePairs";
import {
  buildTrackEvolution,
  SIMILARITY_THRESHOLD,
  SKIPPING_THRESHOLD,
} from "../../../src/lib/compare/trackEvolution";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack as track, syntheticTrack } from "../../helpers/syntheticTrack";
import { createTextSimilarity } from "../../../src/lib/compare/textSimilarity";
import type { Track } from "../../../src/lib/handbook/buildHandbook";

interface Golden {
  adjacent: Record<string, [string, string][]>;
  unrelated: [string, string][];
}
const golden: Record<string, Golden> = Object.fromEntries(
  ["support", "product"].map((track) => [
    track,
    JSON.parse(readFileSync(`tests/fixtures/${track}-evolutions.json`, "utf8")),
  ]),
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
          craft: [
            ["hiring", "Participates in the hiring process."],
            ["docs", "Writes documentation."],
          ],
          team: [
            ["linux-mentor", "Mentors others on Linux administration."],
            ["retros", "Runs retrospectives."],
          ],
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
        {
          craft: [
            ["other", "Writes documentation."],
            ["retros", "Runs retrospectives."],
          ],
        },
        { craft: [["hosts-3", "Has full proficiency with all code hosts."]] },
      ]),
    );
    expect(pairsOf(evolution)).toEqual([["hosts-1", "hosts-3", "similarity"]]);
  });

  it("pairs exactly when the similarity reaches the threshold", () => {
    const pair = syntheticTrack([
      { craft: [["a", "Writes clear documentation."]] },
      {
        craft: [
          ["b", "Writes clear documentation for customers."],
          ["c", "Reviews code."],
        ],
      },
    ]);
    const texts = pair.levels.flatMap((level) =>
      level.groups.flatMap((group) => group.behaviors.map((b) => b.text)),
    );
    const score = createTextSimilarity(texts)(texts[0], texts[1]);
    expect(pairsOf(buildTrackEvolution(pair, score))).toEqual([["a", "b", "similarity"]]);
    expect(pairsOf(buildTrackEvolution(pair, score + 1e-9))).toEqual([]);
    expect(SIMILARITY_THRESHOLD).toBeLessThan(score);
  });
});

/** The track without any evolvesFrom hint: what text similarity finds on its own. */
function withoutHints(track: Track): Track {
  return {
    ...track,
    levels: track.levels.map((level) => ({
      ...level,
      groups: level.groups.map((group) => ({
        ...group,
        behaviors: group.behaviors.map(({ evolvesFrom: _hint, ...behavior }) => behavior),
      })),
    })),
  };
}

const changedPairs = (evolution: ReturnType<typeof buildTrackEvolution>, from: string, to: string) =>
  compareLevels(evolution, from, to).categories.flatMap((c) =>
    c.changed.map((change) => `${change.from.id} → ${change.to.id}`),
  );

describe.each(["support", "product"])("the matcher on the real %s track", async (trackId) => {
  const track = trackOf(await realHandbook(), trackId);
  const evolution = buildTrackEvolution(track);
  const expected = golden[trackId];

  it.each(Object.entries(expected.adjacent))(
    "finds exactly the hand-reviewed evolutions from %s",
    (pair, pairs) => {
      const [from, to] = pair.split("-");
      expect(changedPairs(evolution, from, to).sort()).toEqual(pairs.map(([a, b]) => `${a} → ${b}`).sort());
    },
  );

  it("pairs none of the look-alikes that are not evolutions, in any comparison", () => {
    const found = comparePairs(track).flatMap(({ from, to }) => changedPairs(evolution, from.id, to.id));
    for (const [from, to] of expected.unrelated) expect(found).not.toContain(`${from} → ${to}`);
  });

  it("needs hints only to correct or complete similarity: alone, it finds most evolutions and each mistake it makes has a hint", () => {
    const alone = buildTrackEvolution(withoutHints(track));
    const hinted = new Set(
      track.levels
        .flatMap((l) => l.groups.flatMap((g) => g.behaviors))
        .filter((b) => b.evolvesFrom !== undefined)
        .flatMap((b) => [b.id, b.evolvesFrom]),
    );
    let found = 0;
    let total = 0;
    for (const [pair, pairs] of Object.entries(expected.adjacent)) {
      const [from, to] = pair.split("-");
      const golden = new Set(pairs.map(([a, b]) => `${a} → ${b}`));
      const made = changedPairs(alone, from, to);
      for (const step of made) {
        if (golden.has(step)) found++;
        else
          expect(
            step.split(" → ").some((id) => hinted.has(id)),
            `${pair}: ${step} is wrong and no hint corrects it`,
          ).toBe(true);
      }
      total += golden.size;
    }
    expect(found / total).toBeGreaterThanOrEqual(0.5);
  });
});

describe("the matcher on the real support track", async () => {
  const support = trackOf(await realHandbook(), "support");
  const evolution = buildTrackEvolution(support);

  it("follows Git proficiency from IC1 to IC4 by similarity alone", () => {
    const chain = ["basic-git"];
    for (let step = evolution.next.get("basic-git"); step; step = evolution.next.get(step.to.id)) {
      expect(step.source).toBe("similarity");
      chain.push(step.to.id);
    }
    expect(chain).toEqual(["basic-git", "professional-git", "full-professional-git", "git-expert"]);
    const ic1ToIc4 = compareLevels(evolution, "ic1", "ic4").categories.flatMap((c) => c.changed);
    expect(ic1ToIc4.find((change) => change.to.id === "git-expert")?.from.id).toBe("basic-git");
  });
});

describe("buildTrackEvolution on rubrics, ambiguity and skipped levels", () => {
  it("follows the one behavior of a rubric category level by level, whatever its words, unless the data says it is new", () => {
    const evolution = buildTrackEvolution(
      track([
        { craft: [["adopts", "Adopts the tools the team uses."]], team: [["learns", "Learns from others."]] },
        {
          craft: [["specializes", "Is the go-to person in one area."]],
          team: [["supports", "Supports others."]],
        },
        {
          craft: [["evangelizes", "Introduces new technologies to the company.", null]],
          team: [["mentors", "Mentors others."]],
        },
      ]),
    );
    expect(pairsOf(evolution).sort()).toEqual([
      ["adopts", "specializes", "rubric"],
      ["learns", "supports", "rubric"],
      ["supports", "mentors", "rubric"],
    ]);
  });

  it("treats a category that states two behaviors at some level as a list, not a rubric", () => {
    const evolution = buildTrackEvolution(
      track([
        { craft: [["adopts", "Adopts the tools the team uses."]] },
        {
          craft: [
            ["specializes", "Is the go-to person in one area."],
            ["hires", "Interviews candidates."],
          ],
        },
      ]),
    );
    expect(pairsOf(evolution)).toEqual([]);
  });

  it("does not guess between two forms about as alike, and says nothing rather than pair the wrong one", () => {
    const ambiguous = track([
      {
        craft: [
          ["unit-tests", "Writes unit tests for services."],
          ["load-tests", "Writes load tests for services."],
        ],
      },
      {
        craft: [["tests", "Writes tests for services and libraries."]],
        team: [
          ["a", "A."],
          ["b", "B."],
        ],
      },
    ]);
    expect(pairsOf(buildTrackEvolution(ambiguous))).toEqual([]);
  });

  it("asks more of a step that skips a level than of adjacent forms, and never skips on a track that is not cumulative", () => {
    const levels = (cumulative: boolean) =>
      track(
        [
          {
            craft: [
              ["hosts-1", "Has limited proficiency with code hosts and their review tools."],
              ["docs-1", "Writes documentation."],
            ],
          },
          {
            craft: [
              ["planning", "Plans releases."],
              ["retros", "Runs retrospectives."],
            ],
          },
          {
            craft: [
              ["hosts-3", "Has full proficiency with code hosts and their review tools."],
              ["x", "Leads."],
            ],
          },
        ],
        cumulative,
      );
    const similarity = createTextSimilarity(
      levels(true).levels.flatMap((level) =>
        level.groups.flatMap((group) => group.behaviors.map((b) => b.text)),
      ),
    );
    const score = similarity(
      "Has limited proficiency with code hosts and their review tools.",
      "Has full proficiency with code hosts and their review tools.",
    );
    expect(score).toBeGreaterThanOrEqual(SKIPPING_THRESHOLD);
    expect(pairsOf(buildTrackEvolution(levels(true)))).toEqual([["hosts-1", "hosts-3", "similarity"]]);
    expect(pairsOf(buildTrackEvolution(levels(false)))).toEqual([]);
    // Alike above the bar for adjacent forms, below the bar for skipping: paired only when adjacent.
    const [weaker, stronger] = [
      "Has limited proficiency with code hosts.",
      "Reviews pull requests on code hosts and audits their permissions.",
    ];
    const alike = syntheticTrack([
      {
        craft: [
          ["a", weaker],
          ["d", "Writes documentation."],
        ],
      },
      {
        craft: [
          ["b", stronger],
          ["c", "Leads."],
        ],
      },
    ]);
    const texts = alike.levels.flatMap((level) =>
      level.groups.flatMap((group) => group.behaviors.map((b) => b.text)),
    );
    const between = createTextSimilarity(texts)(weaker, stronger);
    expect(between).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(between).toBeLessThan(SKIPPING_THRESHOLD);
    expect(pairsOf(buildTrackEvolution(alike))).toEqual([["a", "b", "similarity"]]);
    const skipping = syntheticTrack([
      {
        craft: [
          ["a", weaker],
          ["d", "Writes documentation."],
        ],
      },
      {
        craft: [
          ["p", "Plans releases."],
          ["r", "Runs retrospectives."],
        ],
      },
      {
        craft: [
          ["b", stronger],
          ["c", "Leads."],
        ],
      },
    ]);
    expect(pairsOf(buildTrackEvolution(skipping))).toEqual([]);
  });
});

describe("buildTrackEvolution, precision first", () => {
  it("pairs no weaker form in place of two that are about as alike", () => {
    const ledgers = track([
      {
        craft: [
          ["ledgers-a", "Designs database schemas for payment ledgers and refunds."],
          ["ledgers-b", "Designs database schemas for payment ledgers and invoices."],
          ["operates", "Operates payment ledgers."],
        ],
      },
      {
        craft: [
          ["schemas", "Designs database schemas for payment ledgers, refunds and invoices."],
          ["other", "Runs retrospectives."],
        ],
      },
    ]);
    // The weaker form is alike enough on its own: only its rivals keep it out.
    const texts = ledgers.levels.flatMap((level) =>
      level.groups.flatMap((g) => g.behaviors.map((b) => b.text)),
    );
    expect(createTextSimilarity(texts)(texts[2], texts[3])).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    const evolution = buildTrackEvolution(ledgers);
    expect(pairsOf(evolution)).toEqual([]);
  });

  it("reads a category that states one behavior at most levels as a rubric, where both levels state one", () => {
    const evolution = buildTrackEvolution(
      track([
        { craft: [["adopts", "Adopts Kubernetes."]] },
        { craft: [["specializes", "Specializes in cluster operations."]] },
        { craft: [["evangelizes", "Evangelizes platform practices."]] },
        {
          craft: [
            ["masters", "Masters kernel tuning."],
            ["hires", "Interviews platform engineers."],
          ],
        },
      ]),
    );
    expect(pairsOf(evolution).sort()).toEqual([
      ["adopts", "specializes", "rubric"],
      ["specializes", "evangelizes", "rubric"],
    ]);
  });

  it("never continues a rubric's cell across a defined level that states nothing there, on a track that is not cumulative", () => {
    const levels: Parameters<typeof track>[0] = [
      { craft: [["adopts", "Adopts Kubernetes."]], team: [["a", "A."]] },
      { team: [["b", "B."]] },
      { craft: [["evangelizes", "Evangelizes platform practices."]], team: [["c", "C."]] },
    ];
    const craftSteps = (cumulative: boolean) =>
      pairsOf(buildTrackEvolution(track(levels, cumulative))).filter(([from]) => from === "adopts");
    expect(craftSteps(true)).toEqual([["adopts", "evangelizes", "rubric"]]);
    expect(craftSteps(false)).toEqual([]);
  });
});
