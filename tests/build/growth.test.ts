/**
 * The growth pages and threads.json of the built sites: every behavior of every level on its
 * track's growth page exactly once, anchored by its id, its words rebuilt from the page (a
 * first form's text, a later form's newer side of its diff); every link of the page and of the
 * track overview's part about growth lands on a page and an anchor that exist; the JSON holds
 * every behavior once and its diffs rebuild both texts. Checked on the real data (at the root
 * and under a base path) and on the hostile site (hostile texts, grouped categories, a track
 * without categories).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import { trackThreads } from "../../src/lib/compare/threads";
import { buildTrackEvolution } from "../../src/lib/compare/trackEvolution";
import { threadsDocument } from "../../src/lib/handbook/apiDocuments";
import type { Behavior, Track } from "../../src/lib/handbook/buildHandbook";
import { createUrls } from "../../src/lib/links/urls";
import { showsDiff } from "../../src/lib/handbook/threadWords";
import { plainText } from "../../src/lib/text/inlineMarkdown";
import { BuiltSite } from "../helpers/builtSite";
import { HOSTILE_SITE, SITES, type TestSite } from "../helpers/sites";

const BUILDS: Record<string, TestSite> = { ...SITES, hostile: HOSTILE_SITE };

/** Every behavior a track's levels state (shared expectations aside: they do not grow). */
const statedBehaviors = (track: Track): Behavior[] =>
  track.levels.flatMap((level) => level.groups.flatMap((group) => group.behaviors));

describe.each(Object.entries(BUILDS))("the growth pages of the %s build", async (_name, build) => {
  const site = new BuiltSite(build.outDir, build.base);
  const urls = createUrls(build.base);
  // The hostile site's data is written by the global setup that builds it.
  const { handbook, problems } = await validateDataDir(build.dataDir);
  if (!handbook) throw new Error(`${build.dataDir} does not validate: ${JSON.stringify(problems)}`);
  const tracks = handbook.tracks;
  const json = (path: string) => JSON.parse(readFileSync(site.fileFor(path)!, "utf8"));

  /** Where a link of `from` leads, checked to be a page of this build with the anchor it names. */
  const expectLands = (from: string, href: string) => {
    const url = new URL(href, `http://site${from}`);
    expect(url.host, `${from} → ${href}`).toBe("site");
    expect(site.fileFor(url.pathname), `${from} → ${href}`).toBeDefined();
    if (url.hash) {
      const id = decodeURIComponent(url.hash.slice(1));
      expect(site.page(url.pathname)(`[id="${id}"]`).length, `${from} → ${href}`).toBe(1);
    }
    return url;
  };

  it("builds a growth page and threads.json for every track", () => {
    expect(tracks.length).toBeGreaterThan(1);
    for (const track of tracks) {
      expect(site.fileFor(urls.growth(track.id)), track.id).toBeDefined();
      expect(site.fileFor(urls.threadsApi(track.id)), track.id).toBeDefined();
    }
  });

  it.each(tracks.map((track) => [track.id, track] as const))(
    "%s: shows every behavior exactly once, anchored by its id, its words rebuilt from the page",
    (_id, track) => {
      const $ = site.page(urls.growth(track.id));
      const forms = $("main li.growth-form");
      const stated = statedBehaviors(track);
      expect(
        forms
          .map((_, li) => $(li).attr("id"))
          .get()
          .sort(),
      ).toEqual(stated.map((behavior) => behavior.id).sort());
      const byId = new Map(stated.map((behavior) => [behavior.id, behavior]));
      for (const behavior of stated) expect($(`[id="${behavior.id}"]`).length, behavior.id).toBe(1);

      forms.each((_, li) => {
        const behavior = byId.get($(li).attr("id")!)!;
        const level = track.levels.find((candidate) => candidate.id === behavior.level)!;
        // The label: the level's code, leading to the behavior on its level page.
        const label = $(li).children("a.growth-level");
        expect(label.text(), behavior.id).toBe(level.code);
        expect(label.attr("href"), behavior.id).toBe(urls.behavior(behavior));
        // The words: the first form's text, a later form's newer side (added words marked).
        const shown = $(li).find(".growth-text > p");
        expect(shown.length, behavior.id).toBe(1);
        expect(shown.text(), behavior.id).toBe(plainText(behavior.text));
        expect(shown.find("del").length, behavior.id).toBe(0);
      });

      // Each growing thread lists its forms level by level upwards; a later form's marked words
      // are added ones, and where it offers the words removed, they rebuild the form before.
      const threadForms = new Map(
        trackThreads(buildTrackEvolution(track)).flatMap(({ threads }) =>
          threads.flatMap((thread) => thread.forms.map((form) => [form.behavior.id, form] as const)),
        ),
      );
      $("main li.growth-thread").each((_, thread) => {
        const items = $(thread).find("ol.growth-forms > li.growth-form").get();
        expect(items.length).toBeGreaterThan(1);
        const behaviors = items.map((li) => byId.get($(li).attr("id")!)!);
        const orders = behaviors.map(
          (behavior) => track.levels.find((level) => level.id === behavior.level)!.order,
        );
        for (let index = 1; index < orders.length; index++) {
          expect(orders[index]).toBeGreaterThan(orders[index - 1]);
          const li = $(items[index]);
          // The words changed, unless the form is rewritten whole or restates one by reference.
          const form = threadForms.get(behaviors[index].id)!;
          expect(li.find(".growth-text > p.diff").length, behaviors[index].id).toBe(showsDiff(form) ? 1 : 0);
          const removed = li.find("details.growth-removed p.diff");
          if (removed.length > 0) {
            expect(removed.text(), behaviors[index].id).toBe(plainText(behaviors[index - 1].text));
            expect(removed.find("del").length, behaviors[index].id).toBeGreaterThan(0);
            expect(removed.find("ins").length, behaviors[index].id).toBe(0);
          }
        }
        expect($(items[0]).find(".growth-text > p.diff").length).toBe(0);
      });
    },
  );

  it.each(tracks.map((track) => [track.id, track] as const))(
    "%s: every link of the growth page lands on a page and an anchor that exist",
    (_id, track) => {
      const from = urls.growth(track.id);
      const $ = site.page(from);
      // A text's own links to other sites are the data's; every other link is the site's.
      const hrefs = $("main a[href]")
        .filter(
          (_, a) =>
            $(a).closest(".growth-text").length === 0 ||
            new URL($(a).attr("href")!, `http://site${from}`).host === "site",
        )
        .map((_, a) => $(a).attr("href"))
        .get();
      expect(hrefs.length).toBeGreaterThan(statedBehaviors(track).length);
      for (const href of hrefs) expectLands(from, href);
      // The table of contents names each category's section, in track order.
      const toc = $("nav.toc a")
        .map((_, a) => $(a).attr("href"))
        .get();
      expect(toc).toEqual(track.categories.map((category) => `#category--${category.id}`));
      expect($("main :header").filter((_, h) => $(h).text().trim() === "").length).toBe(0);
    },
  );

  it.each(tracks.map((track) => [track.id, track] as const))(
    "%s: threads.json is the track's threads, holds every behavior once, and its diffs rebuild both texts",
    (_id, track) => {
      const doc = json(urls.threadsApi(track.id));
      expect(doc).toEqual(
        JSON.parse(JSON.stringify(threadsDocument(track, trackThreads(buildTrackEvolution(track)), urls))),
      );
      const byId = new Map(statedBehaviors(track).map((behavior) => [behavior.id, behavior]));
      type Form = {
        id: string;
        level: string;
        text: string;
        step: { diff: { change: string; value: string }[] };
      };
      const threads: { forms: Form[] }[] = doc.categories.flatMap((c: { threads: unknown[] }) => c.threads);
      const ids = threads.flatMap((thread) => thread.forms.map((form) => form.id));
      expect(ids.sort()).toEqual([...byId.keys()].sort());
      for (const { forms } of threads) {
        forms.forEach((form, index) => {
          const behavior = byId.get(form.id)!;
          expect([form.level, form.text]).toEqual([behavior.level, behavior.text]);
          if (index === 0) return;
          const join = (without: string) =>
            form.step.diff
              .filter((part) => part.change !== without)
              .map((part) => part.value)
              .join("");
          expect(join("added"), form.id).toBe(plainText(byId.get(forms[index - 1].id)!.text));
          expect(join("removed"), form.id).toBe(plainText(behavior.text));
        });
      }
    },
  );

  it.each(tracks.map((track) => [track.id, track] as const))(
    "%s: the track overview links each category's section of the growth page, with its counts",
    (_id, track) => {
      const from = urls.track(track.id);
      const $ = site.page(from);
      expect($('nav.toc a[href="#section--growth"]').length).toBe(1);
      const items = $("#section--growth").parent().find("ul.growth-overview > li");
      const targets = items.map((_, li) => expectLands(from, $(li).children("a").attr("href")!)).get();
      const growth = site.page(urls.growth(track.id));
      if (track.categories.length > 0) {
        expect(targets.map((url) => url.hash)).toEqual(
          track.categories.map((category) => `#category--${category.id}`),
        );
      } else {
        expect(targets.map((url) => url.pathname + url.hash)).toEqual([urls.growth(track.id)]);
      }
      // The counts the overview gives are those the section of the growth page gives.
      items.each((index, li) => {
        const counts = $(li).children("span").text();
        const { hash } = targets[index];
        const section = hash
          ? growth(`[id="${decodeURIComponent(hash.slice(1))}"]`).parent()
          : growth("main section.growth-category");
        expect(`${counts}.`).toBe(section.children("p.growth-counts").text());
        // And they count what the section lists: the growing threads, then the single forms.
        const growing = section.find("li.growth-thread").length;
        const single = section.find(".growth-single li.growth-form").length;
        expect((counts.match(/\d+/g) ?? []).map(Number)).toEqual([growing, single].filter((n) => n > 0));
      });
    },
  );
});
