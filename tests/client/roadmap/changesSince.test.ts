import { describe, expect, it } from "vitest";
import {
  CHANGE_KINDS,
  releaseChanges,
  type PlacedItem,
  type ReleaseChanges,
} from "../../../src/lib/releases/changes";
import { isResponsibility } from "../../../src/lib/releases/release";
import {
  changesSince,
  type BehaviorChange,
  type ChangedItem,
  type ReleaseChangesDocument,
} from "../../../src/scripts/roadmap/changesSince";
import { fixtureReleases } from "../../fixtures/releases/threeReleases";
import { fixtureDocuments } from "./releaseDocuments";

const releases = fixtureReleases();
const documents = fixtureDocuments();

/** `kinds: before ids → after ids`, ids sorted, as the fixture lists expected changes. */
const line = (kinds: string[], before: string[], after: string[]) =>
  `${kinds.join(", ")}: ${[...before].sort().join(", ")} → ${[...after].sort().join(", ")}`;

/** The changelog entries the composed changes stand for. */
function asChangelog(changes: Iterable<BehaviorChange>): string[] {
  return [...changes].flatMap((change) => {
    const ids = (items: ChangedItem[]) => items.map((item) => item.id);
    const removed = change.removed.map((item) => line(["removed"], [item.id], [change.id]));
    const own = change.kinds.filter((kind) => kind !== "removed");
    if (change.splitFrom || own.length === 0) return removed;
    const after = change.splitInto ? [change.id, ...ids(change.splitInto)] : [change.id];
    return [...removed, line(own, ids(change.then), after)];
  });
}

describe("changesSince", () => {
  it.each([
    ["v1", "eng"],
    ["v1", "ops"],
    ["v2", "eng"],
    ["v2", "ops"],
  ])(
    "composes the releases after %s into what the changelog says from it to the latest (%s)",
    (since, track) => {
      const index = releases.findIndex((release) => release.name === since);
      const composed = changesSince(documents.slice(index + 1), track);
      const direct = releaseChanges(releases[index], releases.at(-1)!).tracks.find((t) => t.track === track)!;
      const expected = direct.groups
        .flatMap((group) => group.changes)
        .map((change) =>
          line(
            change.kinds,
            change.before.map(({ item }) => item.id),
            change.after.map(({ item }) => item.id),
          ),
        );
      expect(asChangelog(composed.behaviors.values()).sort()).toEqual(expected.sort());
    },
  );
});

/** The pieces of a diff joined, one side at a time: both texts back, character for character. */
const sides = (diff: { value: string; change: string }[]) => ({
  older: diff
    .filter((piece) => piece.change !== "added")
    .map((piece) => piece.value)
    .join(""),
  newer: diff
    .filter((piece) => piece.change !== "removed")
    .map((piece) => piece.value)
    .join(""),
});

describe("changesSince on the fixture's releases after v1", () => {
  const { behaviors, leadsTo } = changesSince(documents.slice(1), "eng");

  it("gives each reworded behavior the word diff from its wording then to its wording now, verbatim", () => {
    const git = behaviors.get("basic-git")!;
    expect(git.kinds).toEqual(["reworded"]);
    expect(sides(git.textDiff!)).toEqual({ older: git.then[0].textPlain, newer: git.now.textPlain });
    expect(git.then[0].text).toBe("Has a basic understanding of Git.");
    expect(git.now.text).toBe("Has a working understanding of Git.");
    for (const change of behaviors.values())
      if (change.textDiff)
        expect(sides(change.textDiff), change.id).toEqual({
          older: change.then[0].textPlain,
          newer: change.now.textPlain,
        });
  });

  it("follows an id through a rename, a removal and a merge", () => {
    expect(behaviors.get("fixes-defects")).toMatchObject({
      kinds: ["renamed"],
      then: [{ id: "fixes-bugs" }],
    });
    const merged = behaviors.get("supports-team")!;
    expect(merged.kinds).toEqual(["merged"]);
    expect(merged.then.map((item) => item.id).sort()).toEqual([
      "mentors-peers",
      "runs-demos",
      "shares-updates",
    ]);
    expect(Object.fromEntries(leadsTo)).toEqual({
      "fixes-bugs": "fixes-defects",
      "mentors-peers": "supports-team",
      "shares-updates": "supports-team",
      "runs-demos": "supports-team",
      "designs-systems": "designs-architecture",
    });
  });

  it("names the parts of a split, and what a part was split from", () => {
    expect(behaviors.get("owns-features")).toMatchObject({
      kinds: ["split"],
      splitInto: [{ id: "supports-features", text: "Supports their features in production." }],
    });
    expect(behaviors.get("supports-features")).toMatchObject({
      kinds: ["split"],
      splitFrom: { id: "owns-features", text: "Owns features end to end." },
    });
  });

  it("leaves what did not change unmarked", () => {
    expect(behaviors.has("reads-code")).toBe(false);
    expect(behaviors.has("writes-tests")).toBe(false);
  });
});

describe("changesSince across releases", () => {
  const item = (id: string, text: string, level = "l1", category = "craft"): ChangedItem => ({
    id,
    text,
    textPlain: text,
    where: `${level}, ${category}`,
    level,
    category,
    examples: [],
  });
  const release = (name: string, changes: ReleaseChangesDocument["tracks"][number]["changes"]) => ({
    release: name,
    tracks: [{ track: "t", status: "changed", changes }],
  });

  it("marks nothing for a behavior reworded and worded back, or moved and moved back", () => {
    const { behaviors } = changesSince(
      [
        release("v2", [
          { kinds: ["reworded"], before: [item("a", "Old.")], after: [item("a", "New.")] },
          { kinds: ["moved"], before: [item("b", "B.")], after: [item("b", "B.", "l2")] },
        ]),
        release("v3", [
          { kinds: ["reworded"], before: [item("a", "New.")], after: [item("a", "Old.")] },
          { kinds: ["moved"], before: [item("b", "B.", "l2")], after: [item("b", "B.")] },
        ]),
      ],
      "t",
    );
    expect(behaviors.size).toBe(0);
  });

  it("sums a rename in one release and a rewording in the next into one change, diffed from the first wording", () => {
    const { behaviors } = changesSince(
      [
        release("v2", [
          { kinds: ["renamed"], before: [item("a", "Reads code.")], after: [item("b", "Reads code.")] },
        ]),
        release("v3", [
          { kinds: ["reworded"], before: [item("b", "Reads code.")], after: [item("b", "Reads all code.")] },
        ]),
      ],
      "t",
    );
    const change = behaviors.get("b")!;
    expect(change.kinds).toEqual(["reworded", "renamed"]);
    expect(change.then).toEqual([item("a", "Reads code.")]);
    expect(sides(change.textDiff!)).toEqual({ older: "Reads code.", newer: "Reads all code." });
  });

  it("lists a behavior removed into one that stays, and marks one added since", () => {
    const { behaviors, leadsTo } = changesSince(
      [
        release("v2", [
          { kinds: ["removed"], before: [item("old", "Old.")], after: [item("kept", "Kept.")] },
        ]),
        release("v3", [{ kinds: ["added"], before: [], after: [item("fresh", "Fresh.")] }]),
      ],
      "t",
    );
    expect(behaviors.get("kept")).toMatchObject({
      kinds: ["removed"],
      then: [item("kept", "Kept.")],
      removed: [item("old", "Old.")],
    });
    expect(behaviors.get("fresh")).toMatchObject({ kinds: ["added"], then: [] });
    expect(leadsTo.get("old")).toBe("kept");
  });

  it("ignores a track new since, as the changelog counts it whole", () => {
    const added = { release: "v2", tracks: [{ track: "t", status: "added", changes: [] }] };
    const later = release("v3", [
      { kinds: ["reworded"], before: [item("a", "A.")], after: [item("a", "B.")] },
    ]);
    expect(changesSince([added, later], "t").behaviors.size).toBe(0);
  });

  it("names kinds in the changelog's order", () => {
    const { behaviors } = changesSince(
      [
        release("v2", [
          { kinds: ["removed"], before: [item("x", "X.")], after: [item("a", "B.", "l2")] },
          { kinds: ["reworded", "moved"], before: [item("a", "A.")], after: [item("a", "B.", "l2")] },
        ]),
      ],
      "t",
    );
    const kinds = behaviors.get("a")!.kinds;
    expect(kinds).toEqual(["removed", "reworded", "moved"]);
    expect(kinds).toEqual(CHANGE_KINDS.filter((kind) => kinds.includes(kind)));
  });
});
