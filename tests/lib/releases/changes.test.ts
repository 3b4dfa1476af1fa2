import { plainText } from "../../../src/lib/text/inlineMarkdown";
import { describe, expect, it } from "vitest";
import {
  CHANGE_KINDS,
  releaseChanges,
  type ItemChange,
  type ReleaseChanges,
} from "../../../src/lib/releases/changes";
import { releasedItems, releaseDigest } from "../../../src/lib/releases/release";
import { EXPECTED_CHANGES, fixtureReleases } from "../../fixtures/releases/threeReleases";

/** A change in one line: its kinds, and the ids before and after. */
function describeChange(change: ItemChange): string {
  const ids = (items: ItemChange["before"]) => items.map(({ item }) => item.id).join(", ");
  return `${change.kinds.join(", ")}: ${ids(change.before)} → ${ids(change.after)}`.replace(":  →", ": →");
}

function changesByTrack(changes: ReleaseChanges): Record<string, string[]> {
  return Object.fromEntries(
    changes.tracks
      .filter((track) => track.groups.length > 0)
      .map((track) => [track.track, track.groups.flatMap((group) => group.changes.map(describeChange))]),
  );
}

describe("releaseChanges on a framework released three times", () => {
  const releases = fixtureReleases();
  const changelogs = releases.map((release, index) => releaseChanges(releases[index - 1], release));

  it("reads releases whose digests are their content's", () => {
    for (const release of releases) expect(release.digest).toBe(releaseDigest(release));
  });

  it("finds every change each release makes, place by place, as written by hand", () => {
    expect(
      Object.fromEntries(changelogs.map((changes) => [changes.release, changesByTrack(changes)])),
    ).toEqual(EXPECTED_CHANGES);
  });

  it("makes every kind of change somewhere in the fixture", () => {
    const kinds = new Set(
      changelogs.flatMap((changes) =>
        changes.tracks.flatMap((track) => track.groups.flatMap((g) => g.changes.flatMap((c) => c.kinds))),
      ),
    );
    expect([...kinds].sort()).toEqual([...CHANGE_KINDS].sort());
  });

  it("counts the first release's items as added, and lists none of them", () => {
    const [first] = changelogs;
    expect(first.previous).toBeNull();
    expect(
      first.tracks.map((track) => [track.track, track.status, track.items, track.groups.length]),
    ).toEqual([["eng", "added", releasedItems(releases[0].tracks.eng).length, 0]]);
    expect(first.counts.added).toBe(releasedItems(releases[0].tracks.eng).length);
    expect(first.summary).toMatch(/^First release: 1 track, \d+ behaviors and responsibilities\.$/);
  });

  it("counts a track new in a release as added, without listing its items", () => {
    const ops = changelogs[1].tracks.find((track) => track.track === "ops")!;
    expect(ops).toMatchObject({
      status: "added",
      groups: [],
      items: releasedItems(releases[1].tracks.ops).length,
    });
  });

  it("counts each kind as often as the listed changes have it, per track and in total", () => {
    for (const changes of changelogs.slice(1)) {
      for (const track of changes.tracks.filter((candidate) => candidate.status === "changed")) {
        const listed = track.groups.flatMap((group) => group.changes);
        for (const kind of CHANGE_KINDS)
          expect(track.counts[kind], `${changes.release} ${track.track} ${kind}`).toBe(
            listed.filter((change) => change.kinds.includes(kind)).length,
          );
      }
      for (const kind of CHANGE_KINDS)
        expect(changes.counts[kind]).toBe(changes.tracks.reduce((sum, track) => sum + track.counts[kind], 0));
    }
  });

  it("gives word diffs whose pieces rebuild both texts, character for character", () => {
    const reworded = changelogs.flatMap((changes) =>
      changes.tracks.flatMap((track) =>
        track.groups.flatMap((group) => group.changes.filter((c) => c.textDiff)),
      ),
    );
    expect(reworded.length).toBeGreaterThan(0);
    for (const change of reworded) {
      const older = change
        .textDiff!.filter((part) => part.change !== "added")
        .map((part) => part.value)
        .join("");
      const newer = change
        .textDiff!.filter((part) => part.change !== "removed")
        .map((part) => part.value)
        .join("");
      // The words a reader sees: markup is not wording.
      expect(older).toBe(plainText(change.before[0].item.text));
      expect(newer).toBe(plainText(change.after[0].item.text));
    }
  });

  it("gives both lists of examples when only the examples changed", () => {
    const change = changelogs[1].tracks[0].groups
      .flatMap((g) => g.changes)
      .find((c) => c.after[0]?.item.id === "reviews-code")!;
    expect(change.kinds).toEqual(["reworded"]);
    expect(change.textDiff).toBeUndefined();
    expect(change.examples).toEqual({
      before: ["Leaves *actionable* comments."],
      after: ["Leaves *actionable* comments.", "Reviews within a day."],
    });
  });

  it("names where each item was, from its own release", () => {
    const moved = changelogs[1].tracks[0].groups
      .flatMap((g) => g.changes)
      .find((c) => c.after[0]?.item.id === "asks-questions")!;
    expect(moved.before[0].where).toBe("L1 · Engineer I, Teamwork");
    expect(moved.after[0].where).toBe("L2 · Engineer II, Teamwork");
    const role = changelogs[2].tracks[0].groups
      .flatMap((g) => g.changes)
      .find((c) => c.after[0]?.item.id === "runs-one-on-ones")!;
    expect([role.before[0].where, role.after[0].where]).toEqual([
      "Tech Lead (role)",
      "Engineering Manager (role)",
    ]);
  });

  it("lists changes under the shared expectations, each level in order, then roles", () => {
    expect(changelogs[1].tracks[0].groups.map((group) => group.heading)).toEqual([
      "L1 · Engineer I",
      "L2 · Engineer II",
      "L3 · Senior Engineer",
      "Tech Lead (role)",
    ]);
  });

  it("tells the structure's changes in words", () => {
    expect(changelogs[1].tracks[0].structure).toEqual(["Level L4 · Staff Engineer added"]);
    expect(changelogs[2].tracks[0].structure).toEqual([
      "Category Teamwork renamed Collaboration",
      "Role Engineering Manager added",
    ]);
  });

  it("sums a release up in one sentence", () => {
    expect(changelogs[2].summary).toBe(
      "Engineering ladder: 1 reworded, 1 moved, 1 renamed, 1 split, 1 merged (2 changes to its structure); Operations ladder: 1 reworded.",
    );
  });

  it("finds no change between a release and itself", () => {
    const changes = releaseChanges(releases[2], { ...releases[2], name: "again" });
    expect(changes.tracks.every((track) => track.status === "unchanged" && track.groups.length === 0)).toBe(
      true,
    );
    expect(changes.summary).toBe("No behavior changed.");
  });
});
