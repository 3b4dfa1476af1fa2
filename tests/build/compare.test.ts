import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { comparisonDocument } from "../../src/lib/handbook/apiDocuments";
import { adjacentPairs, comparePairs } from "../../src/lib/compare/comparePairs";
import { compareLevels } from "../../src/lib/compare/compareLevels";
import { buildTrackEvolution } from "../../src/lib/compare/trackEvolution";
import { inWords } from "../../src/lib/handbook/threadWords";
import { createUrls } from "../../src/lib/links/urls";
import { BuiltSite } from "../helpers/builtSite";
import { realHandbook } from "../helpers/realHandbook";
import { SITES } from "../helpers/sites";

describe("the built comparisons", async () => {
  const site = new BuiltSite(SITES.root.outDir, SITES.root.base);
  const handbook = await realHandbook();
  const urls = createUrls("/");
  const cases = handbook.tracks.flatMap((track) => {
    const evolution = buildTrackEvolution(track);
    return comparePairs(track).map(({ from, to }) => ({
      track,
      comparison: compareLevels(evolution, from.id, to.id),
    }));
  });

  it("has a page and a JSON document for every pair of defined levels, and no others", () => {
    const pages = site.pagePaths().filter((path) => /^\/[^/]+\/compare\//.test(path));
    expect(pages.sort()).toEqual(
      cases
        .map(({ track, comparison }) => urls.compare(track.id, comparison.from.id, comparison.to.id))
        .sort(),
    );
    for (const { track, comparison } of cases) {
      expect(site.fileFor(urls.compareApi(track.id, comparison.from.id, comparison.to.id))).toBeDefined();
    }
  });

  it.each(cases.map((c) => [`${c.track.id} ${c.comparison.from.id}→${c.comparison.to.id}`, c] as const))(
    "%s: the page shows what its JSON says",
    (_name, { track, comparison }) => {
      const json = JSON.parse(
        readFileSync(site.fileFor(urls.compareApi(track.id, comparison.from.id, comparison.to.id))!, "utf8"),
      );
      expect(json).toEqual(JSON.parse(JSON.stringify(comparisonDocument(comparison, urls))));

      const $ = site.page(urls.compare(track.id, comparison.from.id, comparison.to.id));
      const total = $(".summary tfoot td")
        .map((_, td) => Number($(td).text()))
        .get();
      expect(total).toEqual([json.totals.changed, json.totals.added, json.totals.carried]);
      expect($(".change").length).toBe(json.totals.changed);
      $(".change").each((_, row) => {
        // Each changed row shows both forms with the differing words marked.
        expect($(row).find(".side").length).toBe(2);
        expect($(row).find(".side-from del, .side-to ins").length).toBeGreaterThan(0);
        expect($(row).find(".side-from ins, .side-to del").length).toBe(0);
      });
      for (const category of json.categories) {
        const section = $(`#category--${category.id}`).parent();
        expect(section.find(".change").length, category.id).toBe(category.changed.length);
        section.find(".change").each((index, row) => {
          const { from, to, diff } = category.changed[index];
          // Verbatim on both sides: the JSON's pieces and the page's text give each text back.
          const joined = (skip: string) =>
            diff
              .filter((part: { change: string }) => part.change !== skip)
              .map((part: { value: string }) => part.value)
              .join("");
          expect(joined("added")).toBe(from.text);
          expect(joined("removed")).toBe(to.text);
          expect($(row).find(".side-from p").text()).toBe(from.text);
          expect($(row).find(".side-to p").text()).toBe(to.text);
        });
      }
      if (track.shared)
        expect($("details summary").text()).toContain(
          `the same at ${comparison.from.code} and ${comparison.to.code}`,
        );
      // The picker works without JavaScript: a link to every pair of the track.
      expect($("level-picker .picker-links a").length).toBe(comparePairs(track).length);
    },
  );

  it("lists on each page exactly the new and still-expected behaviors of its JSON, under their headings", () => {
    for (const { track, comparison } of cases) {
      const $ = site.page(urls.compare(track.id, comparison.from.id, comparison.to.id));
      for (const category of comparison.categories) {
        const section = $(`#category--${category.category!.id}`).parent();
        const idsIn = (group: string) =>
          section
            .find(`.${group} li > a`)
            .map((_, a) => a.attribs.href.split("#")[1])
            .get();
        expect(idsIn("group-added")).toEqual(category.added.map((b) => b.id));
        expect(idsIn("group-carried")).toEqual(category.carried.map((b) => b.id));
        expect(
          section
            .find(".group-changed .side-to .side-label")
            .map((_, a) => a.attribs.href.split("#")[1])
            .get(),
        ).toEqual(category.changed.map((c) => c.to.id));
      }
    }
    // On a cumulative track what is not restated is still expected, never "removed".
    const $ = site.page("/support/compare/ic1/ic2/");
    expect($(".group-carried h3").first().text().trim()).toMatch(
      /^Still expected at IC2, stated at IC1 \(\d+\)$/,
    );
    expect($(".group-added h3").first().text().trim()).toMatch(/^New at IC2 /);
    expect(site.page("/support/compare/ic1/ic4/")(".group-added h3").first().text().trim()).toMatch(
      /^New since IC1 /,
    );
  });

  it("says under each pair grown through forms between which levels, in order, and links its thread", () => {
    let through = 0;
    for (const { track, comparison } of cases) {
      const page = urls.compare(track.id, comparison.from.id, comparison.to.id);
      const $ = site.page(page);
      const codes = new Map(track.levels.map((level) => [level.id, level.code]));
      for (const category of comparison.categories) {
        const rows = $(`#category--${category.category!.id}`).parent().find(".change");
        category.changed.forEach((pair, index) => {
          const line = rows.eq(index).find(".through");
          const name = `${page} ${pair.to.id}`;
          // A direct step says nothing more than its two sides.
          if (pair.via.length === 0) return expect(line.length, name).toBe(0);
          through++;
          expect(line.text().trim(), name).toBe(
            `Through ${inWords(pair.via.map((form) => ({ code: codes.get(form.level!)! })))} · How it grows`,
          );
          // The link lands on the newer form in its thread on the growth page, which holds the
          // pair's two ends and every form between, in order, one after the other.
          const href = line.find("a").attr("href")!;
          expect(href, name).toBe(`${urls.growth(track.id)}#${pair.to.id}`);
          const [growthPage, anchor] = href.split("#");
          const growth = site.page(growthPage);
          const target = growth(`[id="${anchor}"]`);
          expect(target.length, name).toBe(1);
          const forms = target
            .closest(".growth-forms")
            .children()
            .map((_, form) => form.attribs.id)
            .get();
          const chain = [pair.from, ...pair.via, pair.to].map((form) => form.id);
          const start = forms.indexOf(pair.from.id);
          expect(forms.slice(start, start + chain.length), name).toEqual(chain);
        });
      }
    }
    // The real data grows over several levels: far-apart comparisons go through forms between.
    expect(through).toBeGreaterThan(0);
    // The new user's case: Git from IC1 to IC4, through its IC2 and IC3 forms.
    const $ = site.page("/support/compare/ic1/ic4/");
    const git = $(".change").has('.side-to a[href$="#git-expert"]');
    expect(git.find(".through").text().trim()).toBe("Through IC2 and IC3 · How it grows");
  });

  it("links each level page to the comparisons next to it", () => {
    for (const track of handbook.tracks) {
      for (const level of track.levels) {
        const { into, onward } = adjacentPairs(track, level.id);
        const links = site
          .page(urls.level(track.id, level.id))(".compare-links a")
          .map((_, a) => a.attribs.href)
          .get();
        expect(links).toEqual(
          [into, onward].filter((p) => p).map((p) => urls.compare(track.id, p!.from.id, p!.to.id)),
        );
      }
    }
  });

  it("loads the picker's script from a file of its own", () => {
    const $ = site.page("/support/compare/ic2/ic3/");
    const sources = $("script")
      .map((_, el) => el.attribs.src)
      .get();
    expect(sources.some((src) => /^\/_astro\/LevelPicker\.astro_.+\.js$/.test(src))).toBe(true);
    $("script").each((_, el) => expect($(el).html()).toBe(""));
  });
});
