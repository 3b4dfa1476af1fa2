import { describe, expect, it } from "vitest";
import { trackBehaviors } from "../../../src/lib/handbook/allBehaviors";
import type { Handbook } from "../../../src/lib/handbook/buildHandbook";
import { checkHandbookUrl } from "../../../src/lib/links/checkHandbookUrl";
import { comparePairs } from "../../../src/lib/compare/comparePairs";
import { permalinkTargets } from "../../../src/lib/links/permalinkTargets";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { createUrls } from "../../../src/lib/links/urls";
import { minimalData, writeDataDir } from "../../helpers/dataDir";
import { realHandbook, trackOf } from "../../helpers/realHandbook";

const deployment = { site: "https://h.example.com", base: "/handbook/" };

describe("checkHandbookUrl on the real handbook", async () => {
  const handbook = await realHandbook();
  const urls = createUrls(deployment.base, deployment.site);
  const check = (url: string) => checkHandbookUrl(url, handbook, deployment);

  it("accepts every URL the site publishes, root-relative and absolute", () => {
    const published = [
      urls.home(),
      urls.behaviors(),
      urls.searchIndex(),
      urls.frameworksApi(),
      urls.behaviorsApi(),
      ...handbook.tracks.flatMap((track) => [
        urls.track(track.id),
        ...track.levels.map((level) => urls.level(track.id, level.id)),
        ...track.roles.map((role) => urls.role(track.id, role.id)),
        ...comparePairs(track).flatMap(({ from, to }) => [
          urls.compare(track.id, from.id, to.id),
          urls.compareApi(track.id, from.id, to.id),
        ]),
        ...trackBehaviors(track).map((behavior) => urls.behavior(behavior)),
        ...track.roles.flatMap((role) => role.responsibilities.map((r) => urls.responsibility(r))),
      ]),
      ...permalinkTargets(handbook, urls)
        .filter((target) => target.id === target.currentId)
        .map((target) => urls.permalink(target.track, target.id)),
    ];
    const notOk = [...published, ...published.map(urls.absolute)]
      .map((url) => ({ url, verdict: check(url) }))
      .filter(({ verdict }) => verdict?.status !== "ok");
    expect(notOk).toEqual([]);
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
