import { describe, expect, it } from "vitest";
import { trackBehaviors } from "../../../src/lib/handbook/allBehaviors";
import type { Handbook } from "../../../src/lib/handbook/buildHandbook";
import { checkHandbookUrl } from "../../../src/lib/links/checkHandbookUrl";
import { comparePairs } from "../../../src/lib/compare/comparePairs";
import { permalinkTargets } from "../../../src/lib/links/permalinkTargets";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { releasedItems } from "../../../src/lib/releases/release";
import { buildReleaseModel, itemReleases } from "../../../src/lib/releases/model";
import { createUrls, type Urls } from "../../../src/lib/links/urls";
import { minimalData, writeDataDir } from "../../helpers/dataDir";
import { trackOf } from "../../helpers/realHandbook";

const deployment = { site: "https://h.example.com", base: "/handbook/" };

/**
 * What `Urls` holds besides routes: its base, a helper, the prefix of short links, which is no
 * page, and prose images, whose URLs change with the image (reported as broken, below).
 */
const NOT_ROUTES = ["absolute", "permalinkBase", "proseImage"] as const;
type Route = Exclude<keyof Urls, "base" | (typeof NOT_ROUTES)[number]>;

describe("checkHandbookUrl on the real handbook", async () => {
  const { handbook, releases } = (await validateDataDir("data")) as Required<
    Awaited<ReturnType<typeof validateDataDir>>
  >;
  const urls = createUrls(deployment.base, deployment.site);
  const check = (url: string) => checkHandbookUrl(url, handbook, deployment, releases);
  /** Every id and alias of every release, by track. */
  const releasedIds = releases.flatMap((release) =>
    Object.entries(release.tracks).flatMap(([track, data]) =>
      releasedItems(data).flatMap((item) =>
        [item.id, ...(item.aliases ?? [])].map((id) => ({ release: release.name, track, id })),
      ),
    ),
  );
  const releaseModel = buildReleaseModel(releases, handbook, urls, {
    unreleased: false,
    today: "2026-12-05",
  });

  /**
   * Every URL of every route of urls.ts for the real data, by route. Checked against urls.ts
   * below, so a route added there is tested here.
   */
  const byRoute: Record<Route, string[]> = {
    home: [urls.home()],
    track: handbook.tracks.map((track) => urls.track(track.id)),
    level: handbook.tracks.flatMap((track) => track.levels.map((level) => urls.level(track.id, level.id))),
    role: handbook.tracks.flatMap((track) => track.roles.map((role) => urls.role(track.id, role.id))),
    compare: handbook.tracks.flatMap((track) =>
      comparePairs(track).map(({ from, to }) => urls.compare(track.id, from.id, to.id)),
    ),
    growth: handbook.tracks.map((track) => urls.growth(track.id)),
    growthForm: handbook.tracks.flatMap((track) =>
      track.levels.flatMap((level) => level.groups.flatMap((group) => group.behaviors.map(urls.growthForm))),
    ),
    threadsApi: handbook.tracks.map((track) => urls.threadsApi(track.id)),
    behavior: handbook.tracks.flatMap((track) =>
      trackBehaviors(track).map((behavior) => urls.behavior(behavior)),
    ),
    responsibility: handbook.tracks.flatMap((track) =>
      track.roles.flatMap((role) => role.responsibilities.map((r) => urls.responsibility(r))),
    ),
    permalink: permalinkTargets(handbook, urls)
      .filter((target) => target.id === target.currentId)
      .map((target) => urls.permalink(target.track, target.id)),
    behaviors: [urls.behaviors()],
    searchIndex: [urls.searchIndex()],
    roadmap: [urls.roadmap()],
    frameworksApi: [urls.frameworksApi()],
    behaviorsApi: [urls.behaviorsApi()],
    compareApi: handbook.tracks.flatMap((track) =>
      comparePairs(track).map(({ from, to }) => urls.compareApi(track.id, from.id, to.id)),
    ),
    changes: [urls.changes()],
    release: releases.map((release) => urls.release(release.name)),
    releaseFeed: [urls.releaseFeed()],
    releaseApi: releases.map((release) => urls.releaseApi(release.name)),
    history: [...new Set(releasedIds.map(({ track, id }) => urls.history(track, id)))],
    // The pinned links the site offers: an item's id in the latest release that words it as today.
    pinned: permalinkTargets(handbook, urls).flatMap(({ track, id, currentId }) => {
      const { pinned } = itemReleases(releaseModel, track, currentId);
      return id === currentId && pinned ? [urls.pinned(track, id, pinned)] : [];
    }),
  };
  const published = Object.values(byRoute).flat();
  /** A published URL, with `query` before its anchor. */
  const withQuery = (url: string, query: string) => url.replace(/(#.*)?$/, `?${query}$1`);
  const notOk = (all: string[]) =>
    all.map((url) => ({ url, verdict: check(url) })).filter(({ verdict }) => verdict?.status !== "ok");

  it("knows every route of urls.ts", () => {
    const routes = Object.entries(urls)
      .filter(
        ([name, value]) => typeof value === "function" && !(NOT_ROUTES as readonly string[]).includes(name),
      )
      .map(([name]) => name);
    expect(Object.keys(byRoute).sort()).toEqual(routes.sort());
    for (const [route, all] of Object.entries(byRoute)) expect(all, route).not.toEqual([]);
  });

  it("accepts every URL of every route, root-relative and absolute, with a query string or not", () => {
    const all = [...published, ...published.map(urls.absolute)];
    expect(notOk(all)).toEqual([]);
    // A query is the page's own (the roadmap's track and levels, the index's search): not checked.
    expect(notOk(all.map((url) => withQuery(url, "track=support&from=ic2&to=ic3&q=git")))).toEqual([]);
    expect(check(withQuery(urls.roadmap(), "tracks=nothing"))?.status).toBe("ok");
  });

  it("reports a file written with a trailing slash as broken, and warns about a page written without", () => {
    for (const url of [...published, ...published.map(urls.absolute)]) {
      const [address, anchor = ""] = url.split(/(?=#)/);
      if (address.endsWith(".json") || address.endsWith("/feed.xml")) {
        expect(check(`${address}/`), url).toEqual({
          status: "broken",
          message: `${address.split("/").at(-1)} is a file, not a page: write ${address}, without the "/" after it (with it, hosts answer 404)`,
          suggestions: [address],
        });
      } else {
        expect(check(`${address.slice(0, -1)}${anchor}`), url).toEqual({
          status: "warning",
          message: `page URLs end with "/": write ${url} (without it, some hosts answer 404 or redirect)`,
          suggestions: [url],
        });
      }
    }
  });

  it("says what an ok link leads to", () => {
    expect(check("/handbook/b/support/basic-git/")).toEqual({
      status: "ok",
      message: 'the short link of "basic-git"',
      suggestions: [],
    });
  });

  it("suggests the closest ids for an unknown short link, written like the link", () => {
    expect(check("https://h.example.com/handbook/b/support/git-basics/")).toEqual({
      status: "broken",
      message: 'no behavior or responsibility "git-basics" in the track "support": did you mean "basic-git"?',
      suggestions: ["https://h.example.com/handbook/b/support/basic-git/"],
    });
  });

  it("suggests ids by the words of the behaviors' text too", () => {
    expect(check("/handbook/b/support/full-git-proficiency/")).toEqual({
      status: "broken",
      message:
        'no behavior or responsibility "full-git-proficiency" in the track "support": did you mean "full-professional-git"?',
      suggestions: ["/handbook/b/support/full-professional-git/"],
    });
    expect(check("/handbook/support/ic3/#git-proficiency")?.suggestions[0]).toBe(
      "/handbook/support/ic3/#full-professional-git",
    );
  });

  it("points to the track that has an id when the link names another", () => {
    const shared = trackOf(handbook, "product").shared!.groups[0].behaviors[0].id;
    expect(check(`/handbook/b/support/${shared}/`)).toMatchObject({
      status: "broken",
      suggestions: [`/handbook/b/product/${shared}/`],
    });
  });

  it("reports an anchor that is not on the page, and where the behavior is now", () => {
    const [ic1, ic2] = trackOf(handbook, "support").levels;
    const behavior = ic1.groups[0].behaviors[0];
    const verdict = check(`/handbook/support/${ic2.id}/#${behavior.id}`);
    expect(verdict?.status).toBe("broken");
    expect(verdict?.message).toContain(`it is at ${urls.behavior(behavior)}`);
    expect(verdict?.suggestions).toEqual([urls.permalink("support", behavior.id)]);
  });

  it("suggests the page's own behaviors for an unknown anchor", () => {
    const verdict = check("/handbook/support/ic1/#basic-gti");
    expect(verdict?.status).toBe("broken");
    expect(verdict?.message).toMatch(/^no behavior "#basic-gti" on IC1 of Support: did you mean "basic-git"/);
    expect(verdict?.suggestions[0]).toBe("/handbook/support/ic1/#basic-git");
  });

  it.each([
    [
      "/handbook/suport/",
      /^no track "suport" \(the tracks are "(product|support)" and "(product|support)"\): did you mean "support"\?$/,
    ],
    [
      "/handbook/support/ic9/",
      /^no level "ic9" in the track "support" \(its levels are "ic1", "ic2", "ic3", "ic4", "ic5" and "ic6"\)/,
    ],
    [
      "/handbook/support/compare/ic2/ic9/",
      /^no level "ic9" in the track "support" \(its levels are "ic1", .* and "ic6"\)/,
    ],
    [
      "/handbook/api/suport/compare/ic2/ic3.json",
      /^no track "suport" \(the tracks are "(product|support)" and "(product|support)"\): did you mean "support"\?$/,
    ],
    [
      "/handbook/support/roles/lead/",
      /^no role "lead" in the track "support" \(its roles are "team-lead"\): did you mean "team-lead"\?$/,
    ],
    ["/handbook/product/roles/lead/", /^no role "lead" in the track "product" \(it has no roles\)$/],
    ["/handbook/support/compare/ic3/ic2/", /^comparisons go from the lower level to the higher/],
    ["/handbook/support/compare/ic2/ic6/", /^IC6 is not yet defined/],
    ["/handbook/support/compare/ic2/ic2/", /^a level is not compared with itself/],
    ["/handbook/api/support/compare/ic3/ic2.json", /^comparisons go from the lower level/],
    ["/handbook/support/ic1/extra/", /^the handbook has no page \/support\/ic1\/extra\/$/],
    ["/handbook/b/support/", /^the handbook has no page/],
    ["/handbook/api/nothing.json", /^the handbook has no page/],
    ["/handbook/roadmap/support/", /^the handbook has no page \/roadmap\/support\/$/],
    [
      createUrls(deployment.base).proseImage("chart-0123456789ab.png"),
      /^chart-0123456789ab\.png is an image a prose page shows, and its URL changes whenever the image does: link to the page that shows it$/,
    ],
  ])("reports %s as broken", (url, message) => {
    const verdict = check(url);
    expect(verdict?.status).toBe("broken");
    expect(verdict?.message).toMatch(message);
  });

  it("warns about a section anchor and a page URL without its trailing slash, which work but may not last", () => {
    expect(check("/handbook/support/ic1/#category--delivery")?.status).toBe("warning");
    expect(check("/handbook/support/ic1")).toEqual({
      status: "warning",
      message: expect.stringMatching(/^page URLs end with "\/": write \/handbook\/support\/ic1\//),
      suggestions: ["/handbook/support/ic1/"],
    });
    expect(check("/handbook/api/behaviors.json")?.status).toBe("ok");
  });

  it("leaves URLs that are not the handbook's to others", () => {
    expect(check("https://example.org/b/support/basic-git/")).toBeUndefined();
    expect(check("/b/support/basic-git/")).toBeUndefined(); // Outside the base.
  });
});

describe("checkHandbookUrl and aliases", async () => {
  // The minimal data set's git-expert was published as expert-git before.
  const dir = writeDataDir(minimalData());
  const handbook = (await validateDataDir(dir, dir)).handbook as Handbook;

  it("accepts a short link through an alias with a warning that names the current id", () => {
    expect(checkHandbookUrl("/b/demo/expert-git/", handbook)).toEqual({
      status: "warning",
      message:
        '"expert-git" is an old id (an alias) of "git-expert": the link works; link /b/demo/git-expert/ to use the current id',
      suggestions: ["/b/demo/git-expert/"],
    });
  });

  it("rejects an alias as an anchor, since pages only carry current ids", () => {
    expect(checkHandbookUrl("/demo/l2/#expert-git", handbook)).toMatchObject({
      status: "broken",
      message: expect.stringMatching(
        /^"#expert-git" is an old id \(an alias\) of "git-expert": .* \/demo\/l2\/#git-expert$/,
      ),
      suggestions: ["/demo/l2/#git-expert"],
    });
    expect(checkHandbookUrl("/demo/l1/#expert-git", handbook)).toMatchObject({
      status: "broken",
      message: expect.stringContaining(
        '"expert-git" (now "git-expert") is not on L1 of Demo framework; it is at /demo/l2/#git-expert',
      ),
      suggestions: ["/b/demo/git-expert/"],
    });
  });
});
