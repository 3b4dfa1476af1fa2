import { describe, expect, it } from "vitest";
import { diffSide } from "../../../src/lib/compare/wordDiff";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { createUrls } from "../../../src/lib/links/urls";
import { CHANGE_KINDS, noChanges, type ItemChange } from "../../../src/lib/releases/changes";
import {
  changesIndexModel,
  countsTable,
  dateText,
  releasePageModel,
  releasePageNames,
  RELEASE_COMMAND,
  type ChangeEntry,
} from "../../../src/lib/releases/changesPageModel";
import { buildReleaseModel, UNRELEASED, type ReleaseModel } from "../../../src/lib/releases/model";
import { EXPECTED_CHANGES, THREE_RELEASES_DIR } from "../../fixtures/releases/threeReleases";

const urls = createUrls("/handbook/");
const { handbook, releases = [], problems } = await validateDataDir(THREE_RELEASES_DIR);
const released = buildReleaseModel(releases, handbook!, urls, { unreleased: false, today: "2027-01-02" });
// Without its last release, the data holds changes not released yet (v3's): a preview shows them.
const preview = buildReleaseModel(releases.slice(0, -1), handbook!, urls, {
  unreleased: true,
  today: "2027-01-02",
});
const nothing = buildReleaseModel([], handbook!, urls, { unreleased: false, today: "2027-01-02" });

/** Every entry of a release's page, by track. */
function entriesOf(model: ReleaseModel, release: string): Record<string, ChangeEntry[]> {
  const page = releasePageModel(model, release, handbook!, urls)!;
  return Object.fromEntries(
    page.tracks
      .filter((track) => track.groups.length > 0)
      .map((track) => [track.track, track.groups.flatMap((group) => group.entries)]),
  );
}

/** Every text an entry shows, each whole: the diff's two sides count as the texts they rebuild. */
function shownTexts(entry: ChangeEntry): string[] {
  const side = (which: "older" | "newer") =>
    diffSide(entry.diff!, which)
      .map((part) => part.value)
      .join("");
  return [
    ...(entry.diff ? [side("older"), side("newer")] : [entry.item.text]),
    ...(entry.leadsTo ? [entry.leadsTo.text] : []),
    ...(entry.splitInto ?? []).map((part) => part.text),
    ...(entry.mergedFrom ?? []).map((part) => part.text),
  ];
}

describe("the page of each release", () => {
  it("reads the fixture's releases", () => {
    expect(problems).toEqual([]);
    expect(releases.map((release) => release.name)).toEqual(["v1", "v2", "v3"]);
  });

  it("lists each change the fixture makes, as written by hand, under its anchor with its kinds", () => {
    for (const [release, byTrack] of Object.entries(EXPECTED_CHANGES)) {
      const entries = entriesOf(released, release);
      const expected = Object.fromEntries(
        Object.entries(byTrack).map(([track, lines]) => [
          track,
          lines.map((line) => {
            // "kinds: before ids → after ids": a removed behavior's entry is under its own id,
            // every other under the id after the change.
            const [, kinds, before, after] = /^(.+): (.*?) ?→ ?(.*)$/.exec(line)!;
            const id = kinds === "removed" ? before.split(", ")[0] : after.split(", ")[0];
            return `${kinds} #change--${track}--${id}`;
          }),
        ]),
      );
      expect(
        Object.fromEntries(
          Object.entries(entries).map(([track, list]) => [
            track,
            list.map((entry) => `${entry.kinds.join(", ")} #${entry.anchor}`),
          ]),
        ),
        release,
      ).toEqual(expected);
    }
  });

  it("shows every text of every change whole, as released", () => {
    let checked = 0;
    for (const changes of released.releases) {
      const entries = entriesOf(released, changes.release);
      for (const track of changes.tracks) {
        const listed = track.groups.flatMap((group) => group.changes);
        expect(entries[track.track] ?? []).toHaveLength(listed.length);
        listed.forEach((change: ItemChange, index) => {
          const entry = entries[track.track][index];
          const shown = shownTexts(entry);
          for (const { item } of [...change.before, ...change.after]) {
            expect(shown, `${changes.release} ${entry.anchor}`).toContain(item.text);
            checked++;
          }
          if (change.examples) expect(entry.examples).toEqual(change.examples);
        });
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("says where a removed behavior's links lead, with that behavior's short link", () => {
    const removed = entriesOf(released, "v2").eng.find((entry) => entry.kinds.includes("removed"))!;
    expect(removed.item).toMatchObject({ id: "runs-demos", text: "Runs demos." });
    expect(removed.leadsTo).toMatchObject({
      id: "shares-updates",
      text: "Shares updates in standup.",
      permalink: "/handbook/b/eng/shares-updates/",
    });
  });

  it("says where a behavior moved, and its old and new id when renamed", () => {
    const v2 = entriesOf(released, "v2").eng;
    expect(v2.find((entry) => entry.item.id === "asks-questions")!.moved).toEqual({
      from: "L1 · Engineer I, Teamwork",
      to: "L2 · Engineer II, Teamwork",
    });
    expect(v2.find((entry) => entry.item.id === "fixes-defects")!.renamed).toEqual({
      from: "fixes-bugs",
      to: "fixes-defects",
    });
    const both = entriesOf(released, "v3").eng.find((entry) => entry.item.id === "designs-architecture")!;
    expect([both.label, both.renamed]).toEqual([
      "Reworded, renamed",
      { from: "designs-systems", to: "designs-architecture" },
    ]);
  });

  it("shows a split's old text and its parts, and a merge's old texts and the new one", () => {
    const v3 = entriesOf(released, "v3").eng;
    const split = v3.find((entry) => entry.kinds.includes("split"))!;
    expect(split.item.text).toBe("Owns features end to end.");
    expect(split.splitInto!.map((part) => part.id)).toEqual(["owns-features", "supports-features"]);
    const merged = v3.find((entry) => entry.kinds.includes("merged"))!;
    expect(merged.item.id).toBe("supports-team");
    expect(merged.mergedFrom!.map((part) => part.id)).toEqual(["shares-updates", "mentors-peers"]);
  });

  it("links each behavior to its history page, when its id was ever released", () => {
    for (const model of [released, preview]) {
      const histories = new Set(model.histories.map((history) => `${history.track}/${history.id}`));
      for (const name of releasePageNames(model)) {
        for (const [track, entries] of Object.entries(entriesOf(model, name))) {
          for (const item of entries.flatMap((entry) => [
            entry.item,
            ...(entry.splitInto ?? []),
            ...(entry.mergedFrom ?? []),
          ])) {
            expect(item.history, `${name} ${track}/${item.id}`).toBe(
              histories.has(`${track}/${item.id}`) ? urls.history(track, item.id) : undefined,
            );
          }
        }
      }
    }
    // Not released yet in the preview: a part split off after the last release.
    const unreleased = entriesOf(preview, UNRELEASED).eng.find((entry) => entry.kinds.includes("split"))!;
    expect(unreleased.splitInto!.map((part) => [part.id, part.history])).toEqual([
      ["owns-features", urls.history("eng", "owns-features")],
      ["supports-features", undefined],
    ]);
  });

  it("links the releases before and after, and the unreleased changes after the last in a preview", () => {
    const links = (model: ReleaseModel) =>
      releasePageNames(model).map((name) => {
        const page = releasePageModel(model, name, handbook!, urls)!;
        return [name, page.previous?.href ?? null, page.next?.href ?? null];
      });
    expect(links(released)).toEqual([
      ["v1", null, "/handbook/changes/v2/"],
      ["v2", "/handbook/changes/v1/", "/handbook/changes/v3/"],
      ["v3", "/handbook/changes/v2/", null],
    ]);
    expect(links(preview)).toEqual([
      ["v1", null, "/handbook/changes/v2/"],
      ["v2", "/handbook/changes/v1/", "/handbook/changes/unreleased/"],
      [UNRELEASED, "/handbook/changes/v2/", null],
    ]);
  });

  it("sums the release up at the top: its date, its sentence, its counts", () => {
    const page = releasePageModel(released, "v2", handbook!, urls)!;
    const changes = released.releases[1];
    expect(page).toMatchObject({
      title: "Changes in v2",
      date: { datetime: "2026-06-30", text: "30 June 2026" },
      previousName: "v1",
      summary: changes.summary,
      api: "/handbook/api/changes/v2.json",
    });
    expect(page.counts).toEqual(countsTable(changes));
    expect(page.releaseCommand).toBeUndefined();
  });

  it("marks the unreleased changes as such, says how to release them, and offers no JSON", () => {
    const page = releasePageModel(preview, UNRELEASED, handbook!, urls)!;
    expect(page).toMatchObject({
      title: "Unreleased changes",
      unreleased: true,
      releaseCommand: RELEASE_COMMAND,
      date: { datetime: "2027-01-02" },
    });
    expect(page.api).toBeUndefined();
  });

  it("tells a new track by its count, and links a track's page only while the track exists", () => {
    const first = releasePageModel(released, "v1", handbook!, urls)!;
    expect(first.tracks).toEqual([
      expect.objectContaining({
        track: "eng",
        status: "added",
        statusText: "New track, with 14 behaviors and responsibilities.",
        href: "/handbook/eng/",
        groups: [],
      }),
    ]);
    const withoutOps = { tracks: handbook!.tracks.filter((track) => track.id !== "ops") };
    const v3 = releasePageModel(released, "v3", withoutOps, urls)!;
    expect(v3.tracks.map((track) => [track.track, track.href])).toEqual([
      ["eng", "/handbook/eng/"],
      ["ops", undefined],
    ]);
  });

  it("lists structure changes in words and groups changes under their level or role", () => {
    const eng = releasePageModel(released, "v3", handbook!, urls)!.tracks[0];
    expect(eng.structure).toEqual([
      "Category Teamwork renamed Collaboration",
      "Role Engineering Manager added",
    ]);
    expect(eng.groups.map((group) => group.heading)).toEqual([
      "L2 · Engineer II",
      "L3 · Senior Engineer",
      "Engineering Manager (role)",
    ]);
  });

  it("gives every entry on a page its own anchor", () => {
    for (const model of [released, preview]) {
      for (const name of releasePageNames(model)) {
        const anchors = Object.values(entriesOf(model, name)).flatMap((list) => list.map((e) => e.anchor));
        expect(new Set(anchors).size, name).toBe(anchors.length);
      }
    }
  });

  it("has no page for a name that is not a release", () => {
    expect(releasePageModel(released, UNRELEASED, handbook!, urls)).toBeUndefined();
    expect(releasePageModel(released, "v4", handbook!, urls)).toBeUndefined();
  });
});

describe("countsTable", () => {
  it("has a column per kind that happened and a row per track that changed, with totals over several", () => {
    for (const changes of released.releases) {
      const table = countsTable(changes)!;
      const kinds = CHANGE_KINDS.filter((kind) => changes.counts[kind] > 0);
      expect(table.columns.map((column) => column.kind)).toEqual(kinds);
      const tracks = changes.tracks.filter((track) => kinds.some((kind) => track.counts[kind] > 0));
      expect(table.rows.map((row) => [row.title, row.counts])).toEqual(
        tracks.map((track) => [track.title, kinds.map((kind) => track.counts[kind])]),
      );
      expect(table.totals).toEqual(tracks.length > 1 ? kinds.map((kind) => changes.counts[kind]) : undefined);
    }
  });

  it("notes a track new in the release", () => {
    expect(countsTable(released.releases[1])!.rows.map((row) => row.note)).toEqual([undefined, "new track"]);
  });

  it("is not there when nothing changed", () => {
    expect(countsTable({ ...released.releases[2], counts: noChanges() })).toBeUndefined();
  });
});

describe("the list of releases", () => {
  it("lists the releases newest first, each with its date, sentence and counts", () => {
    const index = changesIndexModel(released, urls);
    expect(
      index.entries.map((entry) => [entry.heading, entry.href, entry.date.text, entry.unreleased]),
    ).toEqual([
      ["v3", "/handbook/changes/v3/", "1 December 2026", false],
      ["v2", "/handbook/changes/v2/", "30 June 2026", false],
      ["v1", "/handbook/changes/v1/", "15 January 2026", false],
    ]);
    expect(index.entries.map((entry) => entry.summary)).toEqual(
      [...released.releases].reverse().map((changes) => changes.summary),
    );
    expect(index.feed).toBe("/handbook/changes/feed.xml");
    expect(index.noRelease).toBeUndefined();
  });

  it("puts the unreleased changes first in a preview", () => {
    const index = changesIndexModel(preview, urls);
    expect(index.entries.map((entry) => [entry.heading, entry.unreleased])).toEqual([
      ["Unreleased changes", true],
      ["v2", false],
      ["v1", false],
    ]);
  });

  it("says how to make the first release when there is none, and offers no feed", () => {
    const index = changesIndexModel(nothing, urls);
    expect(index).toMatchObject({ entries: [], noRelease: { command: "npx ladder release <name>" } });
    expect(index.feed).toBeUndefined();
    expect(releasePageNames(nothing)).toEqual([]);
  });
});

describe("dateText", () => {
  it.each([
    ["2026-01-15", "15 January 2026"],
    ["2026-12-01", "1 December 2026"],
    ["2027-02-28", "28 February 2027"],
  ])("reads %s as %s", (date, text) => {
    expect(dateText(date)).toBe(text);
  });
});
