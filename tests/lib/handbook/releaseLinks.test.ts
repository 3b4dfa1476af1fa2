import { describe, expect, it } from "vitest";
import { allBehaviors } from "../../../src/lib/handbook/allBehaviors";
import { itemReleaseLinks, levelChangedLink, releaseEntryHref } from "../../../src/lib/handbook/releaseLinks";
import { releaseDate } from "../../../src/lib/releases/changesPageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { changeEntryAnchor } from "../../../src/lib/releases/changes";
import type { ReleaseChanges } from "../../../src/lib/releases/changes";
import { itemReleases, levelLastChanged, UNRELEASED } from "../../../src/lib/releases/model";
import { editedState, fixtureModel } from "../../helpers/releaseModel";

const urls = createUrls("/");

/** Every entry's anchor on a release's page, as `/changes/{release}/#…`. */
function entryHrefs(changes: ReleaseChanges): Set<string> {
  return new Set(
    changes.tracks.flatMap((track) =>
      track.groups.flatMap((group) =>
        group.changes.map(
          (change) => `${urls.release(changes.release)}#${changeEntryAnchor(change, track.track)}`,
        ),
      ),
    ),
  );
}

describe("itemReleaseLinks on a framework released three times", async () => {
  const { handbook, model } = await fixtureModel(urls);
  const items = [
    ...allBehaviors(handbook),
    ...handbook.tracks.flatMap((track) => track.roles.flatMap((role) => role.responsibilities)),
  ];
  const links = (track: string, id: string) =>
    itemReleaseLinks(
      model,
      urls,
      items.find((item) => item.track === track && item.id === id)!,
    );

  it("links each item's last change to its entry on that release's page, or to the page when it has none", () => {
    for (const item of items) {
      const { changed } = itemReleaseLinks(model, urls, item);
      const release = itemReleases(model, item.track, item.id).lastChanged!;
      const changes = model.releases.find((candidate) => candidate.release === release)!;
      // A first release, or a track's first, brought the item rather than changed it.
      const brought =
        changes.previous === null ||
        changes.tracks.some((track) => track.track === item.track && track.status === "added");
      expect(changed?.text, item.id).toBe(`${brought ? "First released" : "Changed"} in ${release}`);
      // A first release and a track added whole list no entries.
      const page = urls.release(release);
      if (changed!.href !== page) expect(entryHrefs(changes), item.id).toContain(changed!.href);
    }
    expect(links("eng", "basic-git").changed).toEqual({
      text: "Changed in v2",
      href: "/changes/v2/#change--eng--basic-git",
    });
    // A part split off is told in the entry of the behavior it was split from.
    expect(links("eng", "supports-features").changed?.href).toBe("/changes/v3/#change--eng--owns-features");
    expect(links("eng", "supports-team").changed?.href).toBe("/changes/v3/#change--eng--supports-team");
    expect(links("eng", "writes-tests").changed).toEqual({
      text: "First released in v1",
      href: "/changes/v1/",
    });
    expect(links("ops", "reports-incidents").changed).toEqual({
      text: "First released in v2",
      href: "/changes/v2/",
    });
  });

  it("links every released item's history, and pins the ones worded as in the latest release", () => {
    for (const item of items) {
      const { history, pinned } = itemReleaseLinks(model, urls, item);
      expect(history, item.id).toBe(urls.history(item.track, item.id));
      const expected = itemReleases(model, item.track, item.id).pinned;
      expect(pinned, item.id).toEqual(
        expected && { release: expected, href: `/b/${item.track}/${item.id}/history/#${expected}` },
      );
      expect(model.histories.some((h) => h.track === item.track && h.id === item.id)).toBe(true);
    }
    expect(links("eng", "designs-architecture").pinned).toEqual({
      release: "v3",
      href: "/b/eng/designs-architecture/history/#v3",
    });
  });

  it("copies pinned links as absolute URLs when the site is configured", async () => {
    const onSite = createUrls("/handbook/", "https://example.com");
    const { handbook, model } = await fixtureModel(onSite);
    const gitBehavior = allBehaviors(handbook).find((behavior) => behavior.id === "basic-git")!;
    expect(itemReleaseLinks(model, onSite, gitBehavior)).toEqual({
      changed: { text: "Changed in v2", href: "/handbook/changes/v2/#change--eng--basic-git" },
      history: "/handbook/b/eng/basic-git/history/",
      pinned: { release: "v3", href: "https://example.com/handbook/b/eng/basic-git/history/#v3" },
    });
  });

  it("in a preview, links a change not released yet and pins nothing that reads otherwise now", async () => {
    const files = editedState("l1", ({ craft }) => ({
      craft: [
        ...craft.map((behavior) =>
          behavior.id === "reads-code"
            ? { ...behavior, text: "Reads code *closely* before changing it." }
            : behavior,
        ),
        { id: "reads-logs", text: "Reads logs." },
      ],
    }));
    const { handbook, model } = await fixtureModel(urls, { files, unreleased: true });
    const behavior = (id: string) => allBehaviors(handbook).find((candidate) => candidate.id === id)!;
    expect(itemReleaseLinks(model, urls, behavior("reads-code"))).toEqual({
      changed: {
        text: "Changed since the latest release",
        href: `/changes/${UNRELEASED}/#change--eng--reads-code`,
      },
      history: "/b/eng/reads-code/history/",
    });
    // Never released: no history to link, nothing to pin.
    expect(itemReleaseLinks(model, urls, behavior("reads-logs"))).toEqual({
      changed: {
        text: "Changed since the latest release",
        href: `/changes/${UNRELEASED}/#change--eng--reads-logs`,
      },
    });
    // Built without the preview, there is no page of unreleased changes, and no release holds
    // its wording now: no release is named as its last change, and nothing is pinned.
    const { model: published } = await fixtureModel(urls, { files });
    expect(itemReleaseLinks(published, urls, behavior("reads-code"))).toEqual({
      history: "/b/eng/reads-code/history/",
    });
  });

  it("links the history of an item renamed since the latest release under the id that was released", async () => {
    const files = editedState("l1", ({ craft }) => ({
      craft: craft.map((behavior) =>
        behavior.id === "reads-code"
          ? { ...behavior, id: "reads-source", aliases: ["reads-code"] }
          : behavior,
      ),
    }));
    const { handbook, model } = await fixtureModel(urls, { files, unreleased: true });
    const renamed = allBehaviors(handbook).find((candidate) => candidate.id === "reads-source")!;
    expect(itemReleaseLinks(model, urls, renamed).history).toBe("/b/eng/reads-code/history/");
  });
});

describe("levelChangedLink", async () => {
  const { handbook, model } = await fixtureModel(urls);

  it("links the release that last changed each level, with its date", () => {
    for (const track of handbook.tracks) {
      for (const level of track.levels) {
        const release = levelLastChanged(model, track.id, level.id)!;
        expect(levelChangedLink(model, urls, track.id, level.id), level.id).toEqual({
          text: `Last changed in ${release}`,
          href: `/changes/${release}/`,
          date: releaseDate(model.releases.find((changes) => changes.release === release)!.date),
        });
      }
    }
    expect(levelChangedLink(model, urls, "eng", "l4")).toEqual({
      text: "Last changed in v2",
      href: "/changes/v2/",
      date: { datetime: "2026-06-30", text: "30 June 2026" },
    });
  });

  it("says nothing of a level the releases do not know", () => {
    expect(levelChangedLink(model, urls, "eng", "l9")).toBeUndefined();
    expect(levelChangedLink(model, urls, "constructor", "toString")).toBeUndefined();
  });
});

describe("releaseEntryHref", async () => {
  const { model } = await fixtureModel(urls);

  it("takes the first id the release has an entry for", () => {
    expect(releaseEntryHref(model, urls, "v2", "eng", ["reads-code", "fixes-bugs"])).toBe(
      "/changes/v2/#change--eng--fixes-defects",
    );
    // A removed behavior has its own entry; the one its links lead to is not changed by it.
    expect(releaseEntryHref(model, urls, "v2", "eng", ["runs-demos"])).toBe(
      "/changes/v2/#change--eng--runs-demos",
    );
    expect(releaseEntryHref(model, urls, "v2", "eng", ["shares-updates"])).toBe("/changes/v2/");
    expect(releaseEntryHref(model, urls, "v1", "eng", ["basic-git"])).toBe("/changes/v1/");
  });
});

describe("levelChangedLink in a preview", () => {
  it("says a level changed since the latest release, with no date yet", async () => {
    const files = editedState("l1", ({ craft }) => ({
      craft: [...craft, { id: "reads-logs", text: "Reads logs." }],
    }));
    const { model } = await fixtureModel(urls, { files, unreleased: true });
    expect(levelChangedLink(model, urls, "eng", "l1")).toEqual({
      text: "Changed since the latest release",
      href: `/changes/${UNRELEASED}/`,
    });
    expect(levelChangedLink(model, urls, "eng", "l4")?.text).toBe("Last changed in v2");
  });
});
