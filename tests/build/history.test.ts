/**
 * The history pages and the release links of the framework released three times (the releases
 * site: a preview, with one behavior reworded since its last release), read from the built HTML
 * and checked against the release files themselves.
 */
import type { CheerioAPI } from "cheerio";
import { describe, expect, it } from "vitest";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import { createUrls, type Urls } from "../../src/lib/links/urls";
import { placeOf } from "../../src/lib/releases/changes";
import { buildReleaseModel, levelLastChanged, UNRELEASED } from "../../src/lib/releases/model";
import { isResponsibility, releasedItems, snapshotTracks } from "../../src/lib/releases/release";
import { plainText } from "../../src/lib/text/inlineMarkdown";
import { BuiltSite } from "../helpers/builtSite";
import { RELEASES_SITE, UNRELEASED_REWORDING } from "../helpers/sites";

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();

/** The releases site's data as the build read it, and its releases' model as a preview shows it. */
async function releasesSite(urls: Urls) {
  const { handbook, releases, problems } = await validateDataDir(RELEASES_SITE.dataDir);
  expect(problems).toEqual([]);
  const model = buildReleaseModel(releases!, handbook!, urls, { unreleased: true, today: "2026-12-05" });
  return { handbook: handbook!, releases: releases!, model };
}

describe("the history pages of the releases site", async () => {
  const site = new BuiltSite(RELEASES_SITE.outDir, RELEASES_SITE.base);
  const urls = createUrls(RELEASES_SITE.base);
  const { handbook, releases, model } = await releasesSite(urls);
  const releasedIds = releases.flatMap((release) =>
    Object.entries(release.tracks).flatMap(([track, data]) =>
      releasedItems(data).flatMap((item) =>
        [item.id, ...(item.aliases ?? [])].map((id) => ({ release, track, data, item, id })),
      ),
    ),
  );
  const historyPages = site.pagePaths().filter((page) => page.endsWith("/history/"));

  /** The section of a history page that a pinned link to `release` lands in. */
  const sectionAt = ($: CheerioAPI, release: string) =>
    $(`[id="${release}"]`).closest("section.history-version");

  /** What a section shows of each item: its id, text, examples and place, as text. */
  const shownItems = ($: CheerioAPI, section: ReturnType<typeof sectionAt>) =>
    section
      .find(".history-item")
      .map((_, element) => {
        const item = $(element);
        return {
          id: item.find(".history-where code").text(),
          text: item.find(".history-text").text(),
          examples: item
            .find(".examples li")
            .map((_, example) => $(example).text())
            .get(),
          where: item.find(".history-where > span").first().text(),
        };
      })
      .get();

  it("has a history page for every id and alias of every release, and for no other", () => {
    const expected = new Set(releasedIds.map(({ track, id }) => urls.history(track, id)));
    expect(historyPages.sort()).toEqual([...expected].sort());
  });

  it("anchors, on each id's page, every release the id was in, in a section of its own", () => {
    for (const { release, track, id } of releasedIds) {
      const $ = site.page(urls.history(track, id));
      expect($(`[id="${release.name}"]`), `${track}/${id}#${release.name}`).toHaveLength(1);
      expect(sectionAt($, release.name), `${track}/${id}#${release.name}`).toHaveLength(1);
    }
  });

  it("shows, in the section of each release, exactly what that release published", () => {
    for (const { release, track, data, item, id } of releasedIds) {
      const $ = site.page(urls.history(track, id));
      const section = sectionAt($, release.name);
      const shown = shownItems($, section);
      expect(
        shown.map(({ where: _where, ...wording }) => wording),
        `${track}/${id}#${release.name}`,
      ).toContainEqual({
        id: item.id,
        text: plainText(item.text),
        examples: isResponsibility(item) ? [] : (item.examples ?? []).map(plainText),
      });
      // A section names the place as the release that brought the wording did (a title renamed
      // later is no new wording).
      if (section.find(".history-releases li").attr("id") === release.name)
        expect(
          shown.map(({ where }) => where),
          `${track}/${id}#${release.name}`,
        ).toContain(placeOf(item, data));
    }
    // The fixture's Markdown is shown as the site shows it, not as its source.
    const $ = site.page(urls.history("eng", "reviews-code"));
    expect($(".history-item .examples em").first().text()).toBe("actionable");
  });

  it("gives each rewording's word diff, whose sides are both wordings verbatim", () => {
    let diffs = 0;
    for (const history of model.histories) {
      const $ = site.page(urls.history(history.track, history.id));
      const sections = $("section.history-version");
      expect(sections, history.id).toHaveLength(history.versions.length);
      history.versions.forEach((version, index) => {
        const diff = sections.eq(index).find(".history-diff .diff");
        if (!version.next?.textDiff) return expect(diff, history.id).toHaveLength(0);
        diffs++;
        expect(diff.map((_, side) => $(side).text()).get(), history.id).toEqual([
          plainText(version.items[0].item.text),
          plainText(history.versions[index + 1].items[0].item.text),
        ]);
      });
    }
    expect(diffs).toBeGreaterThan(0);
  });

  it("links every release of a section, and each change to the next, to a changelog that tells it", () => {
    for (const page of historyPages) {
      const $ = site.page(page);
      const links = $(".history-releases a, .history-kept a, .history-next a")
        .map((_, a) => $(a).attr("href")!)
        .get();
      expect(links.length, page).toBeGreaterThan(0);
      for (const href of links) {
        expect(href, page).toMatch(/^\/changes\/[^/]+\/(#|$)/);
        expectPage(site, href, page);
      }
    }
  });

  it("ends with where the id leads now, and says so when that changed since the latest release", () => {
    for (const history of model.histories) {
      const page = urls.history(history.track, history.id);
      const $ = site.page(page);
      const links = $(".history-now a")
        .map((_, a) => $(a).attr("href")!)
        .get();
      expect(links.slice(0, 2), page).toEqual([
        history.now!.url,
        urls.permalink(history.track, history.now!.id),
      ]);
      for (const href of links) expectPage(site, href, page);
      expect(normalize($(".history-now a").first().text())).toBe(plainText(history.now!.text));
      const notice = $(".history-now .notice");
      if (history.now!.id !== UNRELEASED_REWORDING.id) expect(notice, page).toHaveLength(0);
    }
    const $ = site.page(urls.history("eng", UNRELEASED_REWORDING.id));
    expect(normalize($(".history-now .notice").text())).toBe(
      "Changed since v3, the latest release: its pinned links keep the wording released.",
    );
    expect($(".history-now .notice a").attr("href")).toBe(`/changes/${UNRELEASED}/#change--eng--reads-code`);
    expect(normalize($("h1").text())).toBe(`History of “${UNRELEASED_REWORDING.after}”`);
  });

  it("ships no script of its own", () => {
    const scripts = (page: string) =>
      site
        .page(page)("script")
        .map((_, script) => site.page(page)(script).attr("src"))
        .get()
        .sort();
    const home = scripts("/");
    for (const page of historyPages) expect(scripts(page), page).toEqual(home);
  });
});

describe("the release links of the releases site's pages", async () => {
  const site = new BuiltSite(RELEASES_SITE.outDir, RELEASES_SITE.base);
  const urls = createUrls(RELEASES_SITE.base);
  const { handbook, releases, model } = await releasesSite(urls);

  it("says on each level page when the level last changed, linking the release's page", () => {
    for (const track of handbook.tracks) {
      for (const level of track.levels) {
        const page = urls.level(track.id, level.id);
        const link = site.page(page)(".last-changed a");
        const release = levelLastChanged(model, track.id, level.id)!;
        expect(link.text(), page).toBe(
          release === UNRELEASED ? "Changed since the latest release" : `Last changed in ${release}`,
        );
        expect(link.attr("href"), page).toBe(urls.release(release));
        expectPage(site, link.attr("href")!, page);
      }
    }
  });

  it("gives each behavior's and responsibility's link menu its last change, its history and its pinned link", () => {
    const pages = site.pagePaths();
    let menus = 0;
    const seen = new Set<string>();
    for (const page of pages) {
      const $ = site.page(page);
      $("a.permalink").each((_, element) => {
        menus++;
        const link = $(element);
        const item = link.closest("[id]");
        const id = item.attr("id")!;
        seen.add(page);
        const text = item.find("[data-copy-text]").text();
        const { changed, changedHref, history, pinned, pinnedHref } = link.data() as Record<string, string>;
        expect(changed, `${page}#${id}`).toMatch(
          /^(Changed|First released) (in v\d|since the latest release)/,
        );
        expectPage(site, changedHref, `${page}#${id}`);
        // Every item of the site was released: each has a history.
        expectPage(site, history, `${page}#${id}`);
        if (id === UNRELEASED_REWORDING.id) {
          expect(pinned).toBeUndefined();
          return;
        }
        // The pinned link lands on a section that reads as the item does now.
        expect(pinned, `${page}#${id}`).toBe("v3");
        expect(pinnedHref).toBe(`${history}#v3`);
        const $history = site.page(history);
        const section = $history(`[id="v3"]`).closest("section.history-version");
        const texts = section
          .find(".history-item")
          .filter((_, shown) => $history(shown).find(".history-where code").text() === id)
          .find(".history-text")
          .map((_, shown) => $history(shown).text())
          .get();
        expect(texts, `${page}#${id}`).toEqual([text]);
      });
    }
    // Level pages, the track page's shared expectations and role pages alike.
    expect([...seen]).toEqual(
      expect.arrayContaining(["/eng/", "/eng/l2/", "/eng/roles/manager/", "/ops/o1/"]),
    );
    // One menu per behavior and responsibility of the data.
    const snapshot = Object.values(snapshotTracks(handbook));
    expect(menus).toBe(snapshot.reduce((sum, track) => sum + releasedItems(track).length, 0));
  });
});

/** That a link leads to a page of the site and, with a fragment, to an element of it. */
function expectPage(site: BuiltSite, href: string, from: string): void {
  const [path, fragment] = href.split("#");
  expect(site.fileFor(path), `${from} → ${href}`).toBeDefined();
  if (fragment !== undefined)
    expect(site.page(path)(`[id="${fragment}"]`), `${from} → ${href}`).toHaveLength(1);
}
