import { describe, expect, it } from "vitest";
import { trackThreads, type Thread } from "../../../src/lib/compare/threads";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { compareLevels } from "../../../src/lib/compare/compareLevels";
import { comparePairs } from "../../../src/lib/compare/comparePairs";
import { plainText } from "../../../src/lib/text/inlineMarkdown";
import { realHandbook } from "../../helpers/realHandbook";
import { syntheticTrack, uncategorizedTrack } from "../../helpers/syntheticTrack";

const formsOf = (thread: Thread) => thread.forms.map((form) => `${form.level.code} ${form.behavior.id}`);

describe("trackThreads", () => {
  const track = syntheticTrack([
    { craft: [["basic-git", "Has a basic understanding of Git."]], team: [["asks", "Asks questions."]] },
    { craft: [["pro-git", "Has professional working proficiency of Git.", "basic-git"]] },
    {
      craft: [
        ["expert-git", "Is an expert in Git.", "pro-git"],
        ["hiring", "Participates in hiring."],
      ],
      team: [["mentors", "Mentors new hires.", null]],
    },
  ]);
  const [craft, team] = trackThreads(buildTrackEvolution(track));

  it("follows each expectation from the level that first states it, with the words changed at each step", () => {
    expect(craft.category?.id).toBe("craft");
    expect(craft.threads.map(formsOf)).toEqual([
      ["L1 basic-git", "L2 pro-git", "L3 expert-git"],
      ["L3 hiring"],
    ]);
    const [, second, third] = craft.threads[0].forms;
    expect(second.step?.source).toBe("hint");
    // The words a reader sees, rebuilt from the diff on both sides.
    const side = (keep: string) =>
      second
        .step!.diff.filter((c) => c.change === "same" || c.change === keep)
        .map((c) => c.value)
        .join("");
    expect(side("removed")).toBe("Has a basic understanding of Git.");
    expect(side("added")).toBe("Has professional working proficiency of Git.");
    expect(third.skipped).toEqual([]);
  });

  it("marks where a thread starts as new and where it stops rising", () => {
    const [git, hiring] = craft.threads;
    expect(git.startsNew).toBe(false);
    expect(hiring.startsNew).toBe(true);
    expect(git.lastRestated.code).toBe("L3");
    expect(git.after.levels).toEqual([]);
    const [asks, mentors] = team.threads;
    expect(asks.lastRestated.code).toBe("L1");
    expect(asks.after).toEqual({ levels: track.levels.slice(1), held: true });
    expect(mentors.startsNew).toBe(true);
  });

  it("says which levels a thread skips, and that a track that is not cumulative drops it above", () => {
    const skipping = uncategorizedTrack(
      [
        [["hosts-1", "Has limited proficiency with code hosts."]],
        [
          ["docs", "Writes documentation."],
          ["reviews", "Reviews code."],
        ],
        [["hosts-3", "Has full proficiency with all code hosts.", "hosts-1"]],
        [
          ["other", "Leads the team."],
          ["plans", "Plans releases."],
        ],
      ],
      false,
    );
    const [{ category, threads }] = trackThreads(buildTrackEvolution(skipping));
    expect(category).toBeNull();
    expect(threads.map(formsOf)).toEqual([
      ["L1 hosts-1", "L3 hosts-3"],
      ["L2 docs"],
      ["L2 reviews"],
      ["L4 other"],
      ["L4 plans"],
    ]);
    expect(threads[0].forms[1].skipped.map((level) => level.code)).toEqual(["L2"]);
    expect(threads[0].after).toEqual({ levels: [skipping.levels[3]], held: false });
  });
});

describe("the threads of the example data", async () => {
  const handbook = await realHandbook();

  for (const track of handbook.tracks) {
    const evolution = buildTrackEvolution(track);
    const threads = trackThreads(evolution);

    it(`put every behavior of ${track.id} in exactly one thread, in its category, level by level upwards`, () => {
      const stated = track.levels.flatMap((level) => level.groups.flatMap((group) => group.behaviors));
      const inThreads = threads.flatMap((c) => c.threads.flatMap((t) => t.forms.map((f) => f.behavior)));
      expect(inThreads.map((b) => b.id).sort()).toEqual(stated.map((b) => b.id).sort());
      for (const { category, threads: list } of threads) {
        for (const thread of list) {
          const orders = thread.forms.map((form) => form.level.order);
          expect(orders).toEqual([...orders].sort((a, b) => a - b));
          expect(new Set(orders).size).toBe(orders.length);
          for (const form of thread.forms) expect(form.behavior.category).toBe(category?.id ?? null);
        }
      }
    });

    it(`pair in ${track.id}'s threads exactly what its adjacent comparisons show as changed or unchanged`, () => {
      const steps = new Set(
        threads.flatMap((c) =>
          c.threads.flatMap((t) =>
            t.forms.slice(1).map((form, index) => `${t.forms[index].behavior.id} → ${form.behavior.id}`),
          ),
        ),
      );
      const defined = comparePairs(track).filter(
        ({ from, to }) =>
          to.order === Math.min(...track.levels.filter((l) => l.order > from.order).map((l) => l.order)),
      );
      for (const { from, to } of defined) {
        for (const category of compareLevels(evolution, from.id, to.id).categories) {
          for (const pair of [...category.changed, ...category.unchanged]) {
            expect(steps, `${from.id} → ${to.id}`).toContain(`${pair.from.id} → ${pair.to.id}`);
          }
        }
      }
    });

    it(`rebuild both texts of every step of ${track.id}'s threads from the diff`, () => {
      for (const thread of threads.flatMap((c) => c.threads)) {
        thread.forms.slice(1).forEach((form, index) => {
          const join = (keep: string) =>
            form
              .step!.diff.filter((c) => c.change === "same" || c.change === keep)
              .map((c) => c.value)
              .join("");
          expect(join("removed")).toBe(plainText(thread.forms[index].behavior.text));
          expect(join("added")).toBe(plainText(form.behavior.text));
        });
      }
    });
  }
});
