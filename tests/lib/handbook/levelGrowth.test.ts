import { describe, expect, it } from "vitest";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { diffSide, type WordChange } from "../../../src/lib/compare/wordDiff";
import type { Track } from "../../../src/lib/handbook/buildHandbook";
import { levelGrowth } from "../../../src/lib/handbook/levelGrowth";
import { createUrls } from "../../../src/lib/links/urls";
import { plainText } from "../../../src/lib/text/inlineMarkdown";
import { syntheticTrack, uncategorizedTrack } from "../../helpers/syntheticTrack";

const urls = createUrls("/handbook/");
const sideText = (diff: WordChange[], side: "older" | "newer") =>
  diffSide(diff, side)
    .map((part) => part.value)
    .join("");

/** The growth of every level of a track, by level id. */
const growthOf = (track: Track) => {
  const evolution = buildTrackEvolution(track);
  return Object.fromEntries(track.levels.map((level) => [level.id, levelGrowth(evolution, level, urls)]));
};

describe("levelGrowth", () => {
  const track = syntheticTrack([
    {
      craft: [["basic-git", "Has a **basic understanding** of Git."]],
      team: [
        ["asks", "Asks questions."],
        ["shares", "Shares notes."],
      ],
    },
    {
      craft: [["pro-git", "Has **professional working proficiency** of Git.", "basic-git"]],
      team: [["shares-widely", "Shares notes with the whole team.", "shares"]],
    },
    { craft: [["expert-git", "Is an expert in Git.", "pro-git"]] },
    { craft: [["hiring", "Participates in hiring.", null]] },
  ]);
  const growth = growthOf(track);

  it("names a behavior's next form, links to it and gives the words that change, as a reader sees them", () => {
    const basic = growth.l1.get("basic-git")!;
    expect(basic.next).toMatchObject({
      summary: "Grows into its L2 form",
      link: { href: "/handbook/t/l2/#pro-git", text: "L2" },
      fromCode: "L1",
      showsOlder: true,
    });
    // Both texts rebuilt from the diff, Markdown aside (the diff is of the words shown).
    expect(sideText(basic.next!.diff, "older")).toBe(plainText("Has a **basic understanding** of Git."));
    expect(sideText(basic.next!.diff, "newer")).toBe(
      plainText("Has **professional working proficiency** of Git."),
    );
    expect(basic.stops).toBeUndefined();
    expect(growth.l2.get("pro-git")!.next?.summary).toBe("Grows into its L3 form");
  });

  it("links every form of a thread of two forms or more to the whole thread on the growth page, at its own id", () => {
    for (const [level, id] of [
      ["l1", "basic-git"],
      ["l2", "pro-git"],
      ["l3", "expert-git"],
    ])
      expect(growth[level].get(id)!.thread).toEqual({
        href: `/handbook/t/growth/#${id}`,
        text: "How it grows from L1 to L3",
      });
    expect(growth.l2.get("shares-widely")!.thread.text).toBe("How it grows from L1 to L2");
  });

  it("shows the older side only when words are removed: otherwise it is the behavior's own text", () => {
    const shares = growth.l1.get("shares")!.next!;
    expect(shares.showsOlder).toBe(false);
    expect(sideText(shares.diff, "older")).toBe("Shares notes.");
    expect(sideText(shares.diff, "newer")).toBe("Shares notes with the whole team.");
  });

  it("says where a thread stops rising on a cumulative track, and says nothing of a behavior alone in its thread", () => {
    expect(growth.l3.get("expert-git")).toMatchObject({ stops: "Stops rising at L3: still expected at L4" });
    expect(growth.l3.get("expert-git")!.next).toBeUndefined();
    expect(growth.l2.get("shares-widely")!.stops).toBe("Stops rising at L2: still expected at L3 and L4");
    // Alone in their threads: asked once (asks) or new at the top (hiring).
    expect(growth.l1.has("asks")).toBe(false);
    expect(growth.l4.size).toBe(0);
    expect([...growth.l1.keys()].sort()).toEqual(["basic-git", "shares"]);
  });

  it("says a thread is not listed above its last level on a track that is not cumulative, and nothing when it rises to the top", () => {
    const skipping = growthOf(
      uncategorizedTrack(
        [
          [["hosts-1", "Has limited proficiency with code hosts."]],
          [["hosts-2", "Has professional proficiency with code hosts.", "hosts-1"]],
          [["reviews", "Reviews code."]],
          [
            ["hosts-4", "Has full proficiency with code hosts.", "hosts-2"],
            ["reviews-more", "Reviews code across teams.", "reviews"],
          ],
        ],
        false,
      ),
    );
    // hosts-2 skips L3 on its way to L4: its next form is at L4.
    expect(skipping.l2.get("hosts-2")!.next?.summary).toBe("Grows into its L4 form");
    expect(skipping.l2.get("hosts-2")!.next?.link.href).toBe("/handbook/t/l4/#hosts-4");
    // At the top, a last form has its thread and no more.
    expect(skipping.l4.get("hosts-4")).toEqual({
      thread: { href: "/handbook/t/growth/#hosts-4", text: "How it grows from L1 to L4" },
    });
    const dropped = growthOf(
      syntheticTrack(
        [
          { craft: [["a", "Writes tests."]] },
          { craft: [["b", "Writes good tests.", "a"]] },
          { craft: [["c", "Designs systems.", null]] },
        ],
        false,
      ),
    );
    expect(dropped.l2.get("b")!.stops).toBe("Not listed above L2");
  });

  it("works the track's threads out once for all its levels, not once per level page", () => {
    const evolution = buildTrackEvolution(track);
    const [first, again] = [1, 2].map(() => levelGrowth(evolution, track.levels[0], urls));
    // The same diff, not an equal one computed again.
    expect(again.get("basic-git")!.next!.diff).toBe(first.get("basic-git")!.next!.diff);
    // Another evolution of the same track is worked out on its own.
    const other = levelGrowth(buildTrackEvolution(track), track.levels[0], urls);
    expect(other.get("basic-git")!.next!.diff).not.toBe(first.get("basic-git")!.next!.diff);
    expect(other.get("basic-git")!.next!.diff).toEqual(first.get("basic-git")!.next!.diff);
  });

  it("says a form restated word for word is restated, not grown", () => {
    const restated = growthOf(
      uncategorizedTrack(
        [
          [
            ["tests-1", "Writes tests."],
            ["docs-1", "Writes documentation."],
          ],
          [
            ["tests-2", "Writes tests."],
            ["plans-2", "Plans releases."],
          ],
        ],
        false,
      ),
    );
    expect(restated.l1.get("tests-1")!.next!.summary).toBe("Restated in the same words at L2");
    expect(restated.l1.get("tests-1")!.next!.showsOlder).toBe(false);
  });

  it("gives the next form's text as written when it is rewritten whole or restates this one by reference", () => {
    const rubric = growthOf(
      syntheticTrack([
        { craft: [["cell-1", "Understands networking concepts."]] },
        { craft: [["cell-2", "Same as L1."]] },
        { craft: [["cell-3", "Designs *resilient* protocols."]] },
      ]),
    );
    expect(rubric.l1.get("cell-1")!.next).toMatchObject({ text: "Same as L1.", showsOlder: false });
    expect(rubric.l2.get("cell-2")!.next).toMatchObject({ text: "Designs *resilient* protocols." });
    expect(rubric.l1.get("cell-1")!.next!.summary).toBe("Grows into its L2 form");
  });
});
