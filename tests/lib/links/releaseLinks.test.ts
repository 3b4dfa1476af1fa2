import { cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { wordDiff } from "../../../src/lib/compare/wordDiff";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import type { Handbook } from "../../../src/lib/handbook/buildHandbook";
import { checkDocumentLinks } from "../../../src/lib/links/checkDocumentLinks";
import { checkHandbookUrl } from "../../../src/lib/links/checkHandbookUrl";
import { wordingChange } from "../../../src/lib/links/releaseLinks";
import { changeEntryAnchor, releaseChanges } from "../../../src/lib/releases/changes";
import { idHistories } from "../../../src/lib/releases/history";
import { releasedItems, type Release } from "../../../src/lib/releases/release";
import { changeAnchor, createUrls } from "../../../src/lib/links/urls";
import { writeDataDir } from "../../helpers/dataDir";
import { THREE_RELEASES_DIR, fixtureReleases, thirdState } from "../../fixtures/releases/threeReleases";

/** The fixture framework as of its third release, v3, with its three releases. */
async function fixture(): Promise<{ handbook: Handbook; releases: Release[] }> {
  const { handbook, releases, problems } = await validateDataDir(THREE_RELEASES_DIR, THREE_RELEASES_DIR);
  if (!handbook || !releases) throw new Error(JSON.stringify(problems));
  return { handbook, releases };
}

describe("links to releases, their changes and released ids' histories", async () => {
  const { handbook, releases } = await fixture();
  const check = (url: string) => checkHandbookUrl(url, handbook, {}, releases);

  it("reads the releases validateDataDir reads", () => {
    expect(releases.map((release) => release.name)).toEqual(fixtureReleases().map((release) => release.name));
  });

  it("accepts the list of releases, the feed, each release's page and its JSON", () => {
    for (const url of [
      "/changes/",
      "/changes/feed.xml",
      "/changes/v1/",
      "/changes/v3/",
      "/api/changes/v2.json",
    ])
      expect(check(url), url).toMatchObject({ status: "ok" });
    expect(check("/changes/v2/")?.message).toBe("the changes of release v2");
    expect(check("/api/changes/v2.json")?.message).toBe("what changed in release v2, as JSON");
  });

  it("reports a release that does not exist, naming those that do", () => {
    expect(check("/changes/v33/")).toEqual({
      status: "broken",
      message: 'no release "v33" (the releases are "v1", "v2" and "v3"): did you mean "v3"?',
      suggestions: ["/changes/v3/"],
    });
    expect(check("/api/changes/2026-h2.json")).toEqual({
      status: "broken",
      message: 'no release "2026-h2" (the releases are "v1", "v2" and "v3")',
      suggestions: [],
    });
  });

  it("reports the unreleased changes as broken: only local and preview builds have them", () => {
    for (const [url, latest] of [
      ["/changes/unreleased/", "/changes/v3/"],
      ["/api/changes/unreleased.json", "/api/changes/v3.json"],
    ]) {
      expect(check(url)).toEqual({
        status: "broken",
        message: `"unreleased" lists changes not released yet, only in local and preview builds: a published handbook has no such page; link a release, such as ${latest}`,
        suggestions: [latest],
      });
    }
  });

  it("treats the feed and the JSON as files, release pages as pages", () => {
    expect(check("/changes/feed.xml/")).toMatchObject({
      status: "broken",
      suggestions: ["/changes/feed.xml"],
    });
    expect(check("/api/changes/v1.json/")).toMatchObject({
      status: "broken",
      suggestions: ["/api/changes/v1.json"],
    });
    expect(check("/changes/v1")).toMatchObject({ status: "warning", suggestions: ["/changes/v1/"] });
    expect(check("/changes/v1/extra/")?.message).toBe("the handbook has no page /changes/v1/extra/");
  });

  it("accepts an entry's anchor on a release's page, and warns about other sections", () => {
    expect(check("/changes/v3/#change--eng--supports-team")?.status).toBe("ok");
    // Removed in v2: its entry is named by its id of v1.
    expect(check("/changes/v2/#change--eng--runs-demos")?.status).toBe("ok");
    expect(check("/changes/v1/#change--eng--supports-team")?.status).toBe("warning");
    expect(check("/changes/v3/#summary")).toEqual({
      status: "broken",
      message: 'no "#summary" on the changes of release v3',
      suggestions: [],
    });
  });

  it("accepts the history of every id and alias of some release", () => {
    for (const [track, id] of [
      ["eng", "basic-git"],
      ["eng", "fixes-bugs"], // an id in v1, an alias since
      ["eng", "runs-demos"], // removed in v2: an alias of shares-updates
      ["eng", "supports-features"], // new in v3
      ["ops", "follows-runbooks"],
    ])
      expect(check(`/b/${track}/${id}/history/`), id).toEqual({
        status: "ok",
        message: `the history of "${id}"`,
        suggestions: [],
      });
  });

  it("reports the history of an id no release holds, with the closest released ids", () => {
    expect(check("/b/eng/basic-gti/history/")).toEqual({
      status: "broken",
      message:
        'no behavior or responsibility "basic-gti" in any release of the track "eng": did you mean "basic-git"?',
      suggestions: ["/b/eng/basic-git/history/"],
    });
    expect(check("/b/nope/basic-git/history/")).toMatchObject({
      status: "broken",
      message: expect.stringMatching(/^no track "nope"/),
    });
    expect(check("/b/eng/basic-git/history/more/")?.status).toBe("broken");
  });

  it("accepts a pinned link to a release that held the id, as its id or an alias, worded as today", () => {
    for (const url of [
      "/b/eng/basic-git/history/#v3",
      "/b/eng/basic-git/history/#v2",
      "/b/eng/fixes-bugs/history/#v1", // its id then; fixes-defects now, worded the same
      "/b/eng/fixes-bugs/history/#v3", // an alias of fixes-defects then
      "/b/eng/runs-one-on-ones/history/#v1", // moved to another role, worded the same
    ])
      expect(check(url), url).toMatchObject({ status: "ok" });
    expect(check("/b/eng/basic-git/history/#v3")?.message).toBe(
      '"basic-git" as released in v3, worded as today',
    );
  });

  it("reports a pinned link to a release that did not hold the id, with the releases that did", () => {
    expect(check("/b/eng/supports-features/history/#v1")).toEqual({
      status: "broken",
      message: '"supports-features" was not in release v1: did you mean "v3", the release it was in?',
      suggestions: ["/b/eng/supports-features/history/#v3"],
    });
    expect(check("/b/eng/basic-git/history/#v9")).toEqual({
      status: "broken",
      message:
        'no release "v9" (the releases are "v1", "v2" and "v3"): did you mean "v3", "v2" or "v1", the releases it was in?',
      suggestions: [
        "/b/eng/basic-git/history/#v3",
        "/b/eng/basic-git/history/#v2",
        "/b/eng/basic-git/history/#v1",
      ],
    });
    // Before the merge, the history of the id it made shows what it took the place of.
    expect(check("/b/eng/supports-team/history/#v2")).toEqual({
      status: "warning",
      message:
        'pinned to v2, before "supports-team" was released: it shows the behaviors it took the place of; the link works, but what it points to may need a look',
      suggestions: [],
    });
  });

  it("accepts a pinned link exactly when its history page has that release's anchor, and a release page's anchor when it has that entry", () => {
    const urls = createUrls("/");
    const histories = idHistories(releases, handbook, urls);
    for (const history of histories) {
      const anchors = new Set(
        history.versions.flatMap((version) => version.releases.map((release) => release.name)),
      );
      for (const release of releases) {
        const verdict = check(urls.pinned(history.track, history.id, release.name));
        expect(verdict?.status !== "broken", `${history.track}/${history.id}#${release.name}`).toBe(
          anchors.has(release.name),
        );
      }
    }
    releases.forEach((release, index) => {
      const entries = new Set(
        releaseChanges(releases[index - 1], release).tracks.flatMap((track) =>
          track.groups.flatMap((group) =>
            group.changes.map((change) => changeEntryAnchor(change, track.track)),
          ),
        ),
      );
      const ids = new Set(
        releases.flatMap((any) =>
          Object.entries(any.tracks).flatMap(([track, data]) =>
            releasedItems(data).map((item) => changeAnchor(track, item.id)),
          ),
        ),
      );
      for (const anchor of ids) {
        const verdict = check(`/changes/${release.name}/#${anchor}`);
        expect(verdict?.status === "ok", `${release.name}#${anchor}`).toBe(entries.has(anchor));
      }
    });
  });

  it("warns about a pinned link whose wording is not today's, showing both", () => {
    expect(check("/b/eng/basic-git/history/#v1")).toEqual({
      status: "warning",
      message:
        "pinned to v1, whose wording differs from today's: then “Has a basic understanding of Git.”, now “Has a working understanding of Git.”; the link works, but what it points to may need a look: /b/eng/basic-git/history/#v3 pins today's wording",
      suggestions: ["/b/eng/basic-git/history/#v3"],
    });
    // Renamed and reworded: the id leads to another now, whose wording is compared.
    expect(check("/b/eng/designs-systems/history/#v2")).toEqual({
      status: "warning",
      message:
        'pinned to v2, whose wording differs from today\'s: then “Designs systems across teams.”, now “Designs architecture across teams.” ("designs-systems" leads to "designs-architecture" now); the link works, but what it points to may need a look: /b/eng/designs-architecture/history/#v3 pins today\'s wording',
      suggestions: ["/b/eng/designs-architecture/history/#v3"],
    });
    // Merged into supports-team.
    expect(check("/b/eng/mentors-peers/history/#v1")).toMatchObject({
      status: "warning",
      message: expect.stringContaining(
        "then “Mentors peers.”, now “Supports the team by mentoring and sharing updates.”",
      ),
    });
    expect(check("/b/ops/follows-runbooks/history/#v2")?.status).toBe("warning");
  });

  it("warns about a pinned link whose examples are not today's", () => {
    expect(check("/b/eng/reviews-code/history/#v1")).toMatchObject({
      status: "warning",
      message: expect.stringMatching(/^pinned to v1, whose examples differ from today's; /),
      suggestions: ["/b/eng/reviews-code/history/#v3"],
    });
  });

  it("finds the pinned links of a document, with their warnings", () => {
    const doc = "Next: [Git](/b/eng/basic-git/history/#v1) and [docs](/b/eng/writes-docs/history/#v2).\n";
    const { checked } = checkDocumentLinks(doc, "markdown", handbook, {}, releases);
    expect(checked.map(({ url, status }) => [url, status])).toEqual([
      ["/b/eng/basic-git/history/#v1", "warning"],
      ["/b/eng/writes-docs/history/#v2", "ok"],
    ]);
  });

  it("without releases, release pages and histories are broken", () => {
    expect(checkHandbookUrl("/changes/v1/", handbook)?.message).toBe(
      'no release "v1" (the handbook has no release yet)',
    );
    expect(checkHandbookUrl("/b/eng/basic-git/history/", handbook)?.status).toBe("broken");
  });
});

describe("the history of an id not released yet", async () => {
  const files = thirdState() as Record<string, Record<string, any>>;
  files["eng/levels/l3.json"].behaviors.craft.push({ id: "leads-incidents", text: "Leads incidents." });
  const dir = writeDataDir(files);
  cpSync(path.join(THREE_RELEASES_DIR, "releases"), path.join(dir, "releases"), { recursive: true });
  const { handbook, releases, problems } = await validateDataDir(dir, dir);

  it("is broken, pointing to its short link", () => {
    expect(problems).toEqual([]);
    expect(checkHandbookUrl("/b/eng/leads-incidents/history/", handbook!, {}, releases)).toEqual({
      status: "broken",
      message:
        '"leads-incidents" is in no release yet, so it has no history page: link its short link /b/eng/leads-incidents/ (its history page appears once a release holds it)',
      suggestions: ["/b/eng/leads-incidents/"],
    });
  });
});

describe("wordingChange", () => {
  it("quotes short texts whole", () => {
    expect(wordingChange("Fixes bugs.", "Fixes small bugs.")).toBe(
      "then “Fixes bugs.”, now “Fixes small bugs.”",
    );
  });

  it("names the changed words of long texts, each run as written", () => {
    const then =
      "Explains complex technical topics to customers of every background, in writing and on calls, without jargon.";
    const now =
      "Explains complex technical topics to customers and partners of every background, in writing and on calls.";
    const said = wordingChange(then, now);
    expect(said).toBe("“and partners ” added; “, without jargon” removed");
    // Every run it names is a run of the word diff, verbatim.
    const runs = wordDiff(then, now)
      .filter((piece) => piece.change !== "same")
      .map((piece) => piece.value);
    expect([...said.matchAll(/“([^”]*)”/g)].map((match) => match[1])).toEqual(runs);
  });
});
