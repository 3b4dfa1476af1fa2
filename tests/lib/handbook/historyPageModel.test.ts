import { describe, expect, it } from "vitest";
import {
  historyPageModel,
  historyPaths,
  nextVersionText,
  type HistoryPageModel,
} from "../../../src/lib/handbook/historyPageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { changeEntryAnchor } from "../../../src/lib/releases/changes";
import { placeOf } from "../../../src/lib/releases/changes";
import { UNRELEASED } from "../../../src/lib/releases/model";
import { releasedItems } from "../../../src/lib/releases/release";
import { fixtureReleases } from "../../fixtures/releases/threeReleases";
import { editedState, fixtureModel } from "../../helpers/releaseModel";

const urls = createUrls("/");

describe("historyPageModel on a framework released three times", async () => {
  const releases = fixtureReleases();
  const { handbook, model } = await fixtureModel(urls);
  const page = (track: string, id: string): HistoryPageModel =>
    historyPageModel(
      model.histories.find((history) => history.track === track && history.id === id)!,
      model,
      handbook,
      urls,
    );

  it("has a page for every id and alias of every release", () => {
    const paths = historyPaths(model);
    const released = releases.flatMap((release) =>
      Object.entries(release.tracks).flatMap(([track, data]) =>
        releasedItems(data).flatMap((item) =>
          [item.id, ...(item.aliases ?? [])].map((id) => `${track}/${id}`),
        ),
      ),
    );
    expect(paths.map(({ params }) => `${params.track}/${params.id}`).sort()).toEqual(
      [...new Set(released)].sort(),
    );
    for (const { params, props } of paths) expect(props.history).toMatchObject(params);
  });

  it("shows, in the section of each release an id was in, exactly what that release published", () => {
    for (const release of releases) {
      for (const [track, data] of Object.entries(release.tracks)) {
        for (const item of releasedItems(data)) {
          for (const id of [item.id, ...(item.aliases ?? [])]) {
            const sections = page(track, id).sections.filter((section) =>
              section.releases.some((candidate) => candidate.name === release.name),
            );
            expect(sections, `${release.name} ${track}/${id}`).toHaveLength(1);
            expect(sections[0].releases.find((r) => r.name === release.name)?.date.datetime).toBe(
              release.date,
            );
            // A section names places as the first release it spans did (a title renamed later is
            // no new wording).
            expect(sections[0].items.map(({ where: _where, ...shown }) => shown)).toContainEqual({
              id: item.id,
              text: item.text,
              examples: "role" in item ? [] : (item.examples ?? []),
            });
            if (sections[0].releases[0].name === release.name)
              expect(sections[0].items.map((shown) => shown.where)).toContain(placeOf(item, data));
          }
        }
      }
    }
  });

  it("heads each section with its releases, and anchors none of them twice", () => {
    expect(page("eng", "basic-git").sections.map((section) => section.heading)).toEqual(["v1", "v2 and v3"]);
    expect(page("eng", "reads-code").sections.map((section) => section.heading)).toEqual(["v1 to v3"]);
    for (const history of model.histories) {
      const { sections } = page(history.track, history.id);
      const names = sections.flatMap((section) => section.releases.map((release) => release.name));
      expect(new Set(names).size).toBe(names.length);
      expect(sections.map((section) => section.headingId)).toEqual(
        sections.map((section) => `version--${section.releases[0].name}`),
      );
    }
  });

  it("links the release that brought a wording to its changelog entry, and the ones that kept it to their page", () => {
    const anchors = new Set(
      model.releases.flatMap((changes) =>
        changes.tracks.flatMap((track) =>
          track.groups.flatMap((group) =>
            group.changes.map(
              (change) => `${urls.release(changes.release)}#${changeEntryAnchor(change, track.track)}`,
            ),
          ),
        ),
      ),
    );
    for (const history of model.histories) {
      for (const section of page(history.track, history.id).sections) {
        for (const release of section.releases.slice(1))
          expect(release.href).toBe(urls.release(release.name));
        for (const release of [section.releases[0], section.next?.release]) {
          if (release && release.href !== urls.release(release.name)) expect(anchors).toContain(release.href);
        }
      }
    }
    expect(page("eng", "fixes-bugs").sections.map((section) => section.releases.map((r) => r.href))).toEqual([
      ["/changes/v1/"],
      ["/changes/v2/#change--eng--fixes-defects", "/changes/v3/"],
    ]);
    // What the page's id stood for changed in v2 when another behavior's links were taken over.
    expect(page("eng", "supports-team").sections.map((section) => section.releases[0].href)).toEqual([
      "/changes/v1/",
      "/changes/v2/#change--eng--runs-demos",
      "/changes/v3/#change--eng--supports-team",
    ]);
  });

  it("says what several behaviors of one version are", () => {
    expect(page("eng", "supports-team").sections.map((section) => section.itemsNote)).toEqual([
      // In v2 one of the three was removed (its links led to another), in v3 the two merged.
      "3 behaviors",
      "2 behaviors, merged later",
      undefined,
    ]);
    expect(page("eng", "owns-features").sections.map((section) => section.itemsNote)).toEqual([
      undefined,
      "Split into 2 behaviors",
    ]);
  });

  it("says what changed to the next version, with the word diff of a rewording", () => {
    const [first, second] = page("eng", "designs-systems").sections;
    expect(first.next).toEqual({
      text: "Reworded and renamed in v3",
      release: {
        name: "v3",
        date: { datetime: "2026-12-01", text: "1 December 2026" },
        href: "/changes/v3/#change--eng--designs-architecture",
      },
      textDiff: { diff: expect.any(Array), older: "v2", newer: "v3" },
    });
    const diff = first.next!.textDiff!.diff;
    const side = (skip: string) =>
      diff
        .filter((part) => part.change !== skip)
        .map((part) => part.value)
        .join("");
    expect(side("added")).toBe(first.items[0].text);
    expect(side("removed")).toBe(second.items[0].text);
    expect(second.next).toBeUndefined();
    expect(page("eng", "owns-features").sections[0].next?.text).toBe("Split in v3");
    expect(page("eng", "owns-features").sections[0].next?.textDiff).toBeUndefined();
    // In v3 only its category's title changed: no new version.
    expect(page("eng", "asks-questions").sections.map((section) => section.next?.text)).toEqual([
      "Moved in v2",
      undefined,
    ]);
  });

  it("ends with where the id leads now and its short link", () => {
    expect(page("eng", "runs-demos")).toMatchObject({
      title: "History of runs-demos",
      // Titled by its own last wording: its links lead to another behavior now.
      text: "Runs demos.",
      id: "runs-demos",
      track: { href: "/eng/", text: "Engineering ladder" },
      pinned: "/b/eng/runs-demos/history/#v3",
      now: {
        id: "supports-team",
        text: "Supports the team by mentoring and sharing updates.",
        where: "L2 · Engineer II, Collaboration",
        href: "/eng/l2/#supports-team",
        permalink: { href: "/b/eng/supports-team/", text: "/b/eng/supports-team/" },
        otherId: true,
      },
    });
    expect(page("eng", "plans-sprints").now).toMatchObject({
      otherId: false,
      href: "/eng/roles/lead/#plans-sprints",
    });
    for (const history of model.histories)
      expect(page(history.track, history.id).now?.changed).toBeUndefined();
  });
});

describe("historyPageModel in a preview with a change not released yet", async () => {
  const files = editedState("l1", ({ craft }) => ({
    craft: craft.map((behavior) =>
      behavior.id === "reads-code"
        ? { ...behavior, text: "Reads code *closely* before changing it." }
        : behavior,
    ),
  }));
  const onSite = createUrls("/handbook/", "https://example.com");

  it("says the wording changed since the latest release, linking the preview's entry", async () => {
    const { handbook, model } = await fixtureModel(onSite, { files, unreleased: true });
    const history = model.histories.find((candidate) => candidate.id === "reads-code")!;
    const view = historyPageModel(history, model, handbook, onSite);
    expect(view.text).toBe("Reads code *closely* before changing it.");
    expect(view.now).toMatchObject({
      permalink: {
        href: "/handbook/b/eng/reads-code/",
        text: "https://example.com/handbook/b/eng/reads-code/",
      },
      changed: {
        text: "Changed since v3, the latest release",
        href: `/handbook/changes/${UNRELEASED}/#change--eng--reads-code`,
      },
    });
    // The released wordings are kept as released.
    expect(view.sections.map((section) => section.items.map((item) => item.text))).toEqual([
      ["Reads code before changing it."],
    ]);
  });

  it("says so without a link when the build shows no unreleased changes", async () => {
    const { handbook, model } = await fixtureModel(onSite, { files });
    const history = model.histories.find((candidate) => candidate.id === "reads-code")!;
    expect(historyPageModel(history, model, handbook, onSite).now?.changed).toEqual({
      text: "Changed since v3, the latest release",
    });
  });
});

describe("nextVersionText", () => {
  it("names every kind, in the order given", () => {
    expect(nextVersionText(["merged"], "2026-h2")).toBe("Merged in 2026-h2");
    expect(nextVersionText(["reworded", "moved", "renamed"], "v4")).toBe("Reworded, moved and renamed in v4");
  });
});
