import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Handbook } from "../../../src/lib/handbook/buildHandbook";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { createUrls } from "../../../src/lib/links/urls";
import { idHistories, type IdHistory } from "../../../src/lib/releases/history";
import {
  buildReleaseModel,
  itemReleases,
  levelLastChanged,
  UNRELEASED,
} from "../../../src/lib/releases/model";
import { releaseChanges } from "../../../src/lib/releases/changes";
import { releasedItems, type Release } from "../../../src/lib/releases/release";
import type { ReleasedTrackData } from "../../../src/lib/schemas";
import {
  fixtureReleases,
  RELEASES,
  THREE_RELEASES_DIR,
  thirdState,
} from "../../fixtures/releases/threeReleases";
import { writeDataDir } from "../../helpers/dataDir";

const urls = createUrls("/");

/**
 * The handbook of `files` (path → JSON), validated as the build would: beside the fixture's
 * releases, since `splitFrom` must name a released id.
 */
async function handbookOf(files: Record<string, unknown>): Promise<Handbook> {
  const releases = Object.fromEntries(
    RELEASES.map(({ name }) => {
      const file = `releases/${name}.json`;
      return [file, readFileSync(path.join(THREE_RELEASES_DIR, file), "utf8")];
    }),
  );
  const { handbook, problems } = await validateDataDir(writeDataDir({ ...files, ...releases }));
  expect(problems).toEqual([]);
  return handbook!;
}

/** A history in short: per version, its releases and the ids it stood for. */
function outline(history: IdHistory): string[] {
  return history.versions.map(
    (version) =>
      `${version.releases.map((release) => release.name).join(" ")}: ${version.items.map(({ item }) => item.id).join(", ")}`,
  );
}

describe("idHistories on a framework released three times", async () => {
  const releases = fixtureReleases();
  const handbook = await handbookOf(thirdState());
  const histories = idHistories(releases, handbook, urls);
  const history = (track: string, id: string) =>
    histories.find((candidate) => candidate.track === track && candidate.id === id)!;

  it("has a history for every id and alias of every release, and for no other", () => {
    const released = new Set(
      releases.flatMap((release) =>
        Object.entries(release.tracks).flatMap(([track, data]) =>
          releasedItems(data).flatMap((item) =>
            [item.id, ...(item.aliases ?? [])].map((id) => `${track}/${id}`),
          ),
        ),
      ),
    );
    expect(histories.map(({ track, id }) => `${track}/${id}`).sort()).toEqual([...released].sort());
  });

  it("has, for every release an id or alias is in, one version anchored there holding what it named", () => {
    for (const release of releases) {
      for (const [track, data] of Object.entries(release.tracks)) {
        for (const item of releasedItems(data)) {
          for (const id of [item.id, ...(item.aliases ?? [])]) {
            const anchored = history(track, id).versions.filter((version) =>
              version.releases.some((candidate) => candidate.name === release.name),
            );
            expect(anchored, `${release.name} ${track}/${id}`).toHaveLength(1);
            // Worded and placed as released (aliases are not part of a version: they only add links).
            const { aliases: _aliases, ...released } = item;
            expect(
              anchored[0].items.map(({ item: { aliases: _ignored, ...shown } }) => shown),
            ).toContainEqual(released);
          }
        }
      }
    }
  });

  it("keeps releases in a row with the same wording in one version", () => {
    expect(outline(history("eng", "basic-git"))).toEqual(["v1: basic-git", "v2 v3: basic-git"]);
    expect(outline(history("eng", "reads-code"))).toEqual(["v1 v2 v3: reads-code"]);
  });

  it("follows a renamed id, forward from the old id and back from the new one", () => {
    expect(outline(history("eng", "fixes-bugs"))).toEqual(["v1: fixes-bugs", "v2 v3: fixes-defects"]);
    expect(outline(history("eng", "fixes-defects"))).toEqual(["v1: fixes-bugs", "v2 v3: fixes-defects"]);
    expect(history("eng", "fixes-bugs").versions[0].next).toEqual({ kinds: ["renamed"] });
  });

  it("shows the parts of a split and the behaviors of a merge", () => {
    expect(outline(history("eng", "owns-features"))).toEqual([
      "v1 v2: owns-features",
      "v3: owns-features, supports-features",
    ]);
    expect(history("eng", "owns-features").versions[0].next?.kinds).toEqual(["split"]);
    expect(outline(history("eng", "supports-team"))).toEqual([
      "v1: shares-updates, mentors-peers, runs-demos",
      "v2: shares-updates, mentors-peers",
      "v3: supports-team",
    ]);
    expect(outline(history("eng", "runs-demos"))).toEqual([
      "v1: runs-demos",
      "v2: shares-updates",
      "v3: supports-team",
    ]);
    // As the releases' changelogs tell it: removed (its links led to another) in v2, merged in v3.
    expect(history("eng", "runs-demos").versions.map((version) => version.next?.kinds)).toEqual([
      ["removed"],
      ["merged"],
      undefined,
    ]);
  });

  it("gives the word diff to the next version, whose pieces rebuild both wordings", () => {
    const diffs = histories.flatMap((candidate) =>
      candidate.versions.flatMap((version, index) =>
        version.next?.textDiff
          ? [{ diff: version.next.textDiff, from: version, to: candidate.versions[index + 1] }]
          : [],
      ),
    );
    expect(diffs.length).toBeGreaterThan(0);
    for (const { diff, from, to } of diffs) {
      expect(
        diff
          .filter((part) => part.change !== "added")
          .map((part) => part.value)
          .join(""),
      ).toBe(from.items[0].item.text);
      expect(
        diff
          .filter((part) => part.change !== "removed")
          .map((part) => part.value)
          .join(""),
      ).toBe(to.items[0].item.text);
    }
  });

  it("ends with where each id leads now, unchanged since the last release", () => {
    for (const candidate of histories) expect(candidate.now, candidate.id).toMatchObject({ changed: false });
    expect(history("eng", "runs-demos").now).toEqual({
      id: "supports-team",
      text: "Supports the team by mentoring and sharing updates.",
      where: "L2 · Engineer II, Collaboration",
      url: "/eng/l2/#supports-team",
      changed: false,
    });
    expect(history("eng", "plans-sprints").now?.url).toBe("/eng/roles/lead/#plans-sprints");
  });
});

describe("buildReleaseModel", async () => {
  const releases = fixtureReleases();
  const files = thirdState();
  const handbook = await handbookOf(files);
  const today = "2026-12-05";

  it("knows when each current item last changed, and pins the ones worded as in the latest release", () => {
    const model = buildReleaseModel(releases, handbook, urls, { unreleased: false, today });
    const lastChanged = (id: string) => itemReleases(model, "eng", id).lastChanged;
    expect(
      [
        "writes-tests",
        "reads-code",
        "basic-git",
        "asks-questions",
        "designs-architecture",
        "supports-features",
      ].map(lastChanged),
    ).toEqual(["v1", "v1", "v2", "v2", "v3", "v3"]);
    expect(itemReleases(model, "ops", "reports-incidents")).toEqual({ lastChanged: "v2", pinned: "v3" });
    for (const track of handbook.tracks)
      for (const item of releasedItems(releases[2].tracks[track.id]))
        expect(itemReleases(model, track.id, item.id).pinned).toBe("v3");
    expect(model.unreleased).toBeUndefined();
  });

  it("knows when each level last changed: a behavior of it changed, came or went", () => {
    const model = buildReleaseModel(releases, handbook, urls, { unreleased: false, today });
    expect(["l1", "l2", "l3", "l4"].map((level) => levelLastChanged(model, "eng", level))).toEqual([
      "v3",
      "v3",
      "v3",
      "v2",
    ]);
    expect(levelLastChanged(model, "ops", "o1")).toBe("v3");
  });

  it("shows the changes since the latest release in a preview, and only there", async () => {
    const l1 = files["eng/levels/l1.json"] as { behaviors: { craft: { id: string; text: string }[] } };
    const edited = await handbookOf({
      ...files,
      "eng/levels/l1.json": {
        ...l1,
        behaviors: {
          craft: l1.behaviors.craft.map((behavior) =>
            behavior.id === "reads-code"
              ? { ...behavior, text: "Reads code closely before changing it." }
              : behavior,
          ),
        },
      },
    });
    expect(
      buildReleaseModel(releases, edited, urls, { unreleased: false, today }).unreleased,
    ).toBeUndefined();
    const model = buildReleaseModel(releases, edited, urls, { unreleased: true, today });
    expect(model.unreleased).toMatchObject({ release: UNRELEASED, date: today, previous: "v3" });
    expect(model.unreleased!.counts.reworded).toBe(1);
    expect(itemReleases(model, "eng", "reads-code")).toEqual({ lastChanged: UNRELEASED });
    expect(model.histories.find((history) => history.id === "reads-code")!.now?.changed).toBe(true);
  });

  it("reads ids that name something on every object as any other", () => {
    const model = buildReleaseModel(releases, handbook, urls, { unreleased: false, today });
    expect(itemReleases(model, "eng", "constructor")).toEqual({});
    expect(itemReleases(model, "constructor", "toString")).toEqual({});
    expect(levelLastChanged(model, "eng", "constructor")).toBeUndefined();
  });
});

/** A release of one track `t` with one level `l1` holding `behaviors`, for cases too small for the fixture. */
function smallRelease(
  name: string,
  behaviors: { id: string; text: string; aliases?: string[] }[],
  extraTracks: Record<string, ReleasedTrackData> = {},
): Release {
  const tracks = {
    t: {
      title: "T",
      levels: [{ id: "l1", code: "L1" }],
      categories: [],
      roles: [],
      behaviors: behaviors.map((behavior) => ({ ...behavior, level: "l1", category: null })),
      responsibilities: [],
    },
    ...extraTracks,
  };
  return { name, file: `releases/${name}.json`, date: "2026-01-01", previous: null, tracks, digest: "" };
}

describe("histories and changelogs of small cases", () => {
  it("keeps a behavior's own step when another is removed into it, and tells the removed one's", () => {
    const releases = [
      smallRelease("v1", [
        { id: "a", text: "Does a." },
        { id: "b", text: "Does b." },
      ]),
      smallRelease("v2", [{ id: "a", text: "Does a well.", aliases: ["b"] }]),
    ];
    const histories = idHistories(releases, { tracks: [] }, urls);
    const a = histories.find((history) => history.id === "a")!;
    expect(a.versions.map((version) => version.items.map(({ item }) => item.id))).toEqual([["a"], ["a"]]);
    expect(a.versions[0].next?.kinds).toEqual(["reworded"]);
    expect(a.versions[0].next?.textDiff).toBeDefined();
    const b = histories.find((history) => history.id === "b")!;
    expect(b.versions.map((version) => version.items.map(({ item }) => item.id))).toEqual([["b"], ["a"]]);
    expect(b.versions[0].next).toEqual({ kinds: ["removed"] });
  });

  it("diffs the words a reader sees, not the markup", () => {
    const changes = releaseChanges(
      smallRelease("v1", [{ id: "a", text: "Keeps **metrics** in [docs](https://example.com/)." }]),
      smallRelease("v2", [{ id: "a", text: "Keeps **clear metrics** in [docs](https://example.com/)." }]),
    );
    const [change] = changes.tracks[0].groups[0].changes;
    expect(change.kinds).toEqual(["reworded"]);
    expect(change.textDiff).toEqual([
      { value: "Keeps ", change: "same" },
      { value: "clear ", change: "added" },
      { value: "metrics in docs.", change: "same" },
    ]);
  });

  it("says when an old id's links come to lead to another behavior", () => {
    const changes = releaseChanges(
      smallRelease("v1", [{ id: "x", text: "Does x.", aliases: ["p"] }]),
      smallRelease("v2", [
        { id: "x", text: "Does x." },
        { id: "q", text: "Does q.", aliases: ["p"] },
      ]),
    );
    expect(changes.tracks[0].structure).toEqual(["Links to p now lead to q, no longer to x"]);
  });

  it("does not stumble on a released track that is gone", () => {
    const empty: ReleasedTrackData = {
      title: "E",
      levels: [{ id: "e1", code: "E1" }],
      categories: [],
      roles: [],
      behaviors: [],
      responsibilities: [],
    };
    const releases = [
      smallRelease("v1", [{ id: "a", text: "Does a." }], { e: empty }),
      smallRelease("v2", [{ id: "a", text: "Does a." }]),
    ];
    const model = buildReleaseModel(releases, { tracks: [] }, urls, {
      unreleased: false,
      today: "2026-12-05",
    });
    expect(model.releases[1].tracks.map((track) => [track.track, track.status])).toEqual([
      ["t", "unchanged"],
      ["e", "removed"],
    ]);
  });
});
