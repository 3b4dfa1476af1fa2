/**
 * The hostile site's track without categories (tests/fixtures/hostile/plain): its pages show
 * each level's behaviors as the one list the data has, verbatim and in order, with no category
 * heading, no empty one and no table of categories; the JSON says it has no categories.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { BuiltSite } from "../helpers/builtSite";
import { HOSTILE_SITE } from "../helpers/sites";

interface SourceBehavior {
  id: string;
  text: string;
  evolvesFrom?: string | null;
}
interface SourceLevel {
  id: string;
  code: string;
  status: string;
  behaviors?: SourceBehavior[];
}

const FIXTURE = "tests/fixtures/hostile/plain";
const readJson = (file: string) => JSON.parse(readFileSync(path.join(FIXTURE, file), "utf8"));
const track = readJson("track.json") as {
  categories?: unknown;
  sharedExpectations: { title: string; behaviors: SourceBehavior[] };
};
const levels: SourceLevel[] = ["l1", "l2", "l3"].map((id) => ({ id, ...readJson(`levels/${id}.json`) }));
const defined = levels.filter((level) => level.status === "defined");

describe("a track without categories, built", () => {
  const site = new BuiltSite(HOSTILE_SITE.outDir, HOSTILE_SITE.base);
  const json = (url: string) => JSON.parse(readFileSync(site.fileFor(url)!, "utf8"));

  it("is a track without categories whose levels list arrays", () => {
    expect(track.categories).toBeUndefined();
    expect(defined.length).toBeGreaterThan(1);
    for (const level of defined) expect(Array.isArray(level.behaviors), level.id).toBe(true);
  });

  it("lists each level's behaviors as written, in order, in one list with no category heading", () => {
    for (const level of defined) {
      const $ = site.page(`/plain/${level.id}/`);
      const items = $("main ul.behaviors > li.behavior").not("details li");
      expect(items.map((_, li) => $(li).attr("id")).get()).toEqual(level.behaviors!.map((b) => b.id));
      expect(items.map((_, li) => $(li).find("[data-copy-text]").text()).get()).toEqual(
        level.behaviors!.map((b) => b.text),
      );
      expect($("main section.category").length, level.id).toBe(0);
      expect($('main [id^="category--"]').length, level.id).toBe(0);
      expect($("nav.toc").length, level.id).toBe(0);
      // Every heading says something: the level, what else is expected.
      for (const heading of $("main :header").get()) expect($(heading).text().trim()).not.toBe("");
    }
  });

  it("names what the levels below add up to, without links to categories", () => {
    const $ = site.page("/plain/l2/");
    const [below] = $(".inherited-levels li").get();
    // What L2 grows from L1 by its hints no longer holds as L1 words it (superseded expectations).
    const grown = new Set(
      levels[1].behaviors!.flatMap((b) => (typeof b.evolvesFrom === "string" ? [b.evolvesFrom] : [])),
    );
    expect(grown.size).toBeGreaterThan(0);
    const stated = levels[0].behaviors!.length;
    expect($(below).text().replace(/\s+/g, " ").trim()).toMatch(
      new RegExp(
        `^What still holds of ${levels[0].code} · Engineer \\(${stated - grown.size} of its ${stated} behaviors\\) `,
      ),
    );
    // The level's own link, and none to a category.
    expect($(below).children("a").length).toBe(1);
    expect($(below).find("a[href*='#category--']").length).toBe(0);
    expect(
      $("details ul.behaviors li")
        .map((_, li) => $(li).text().trim())
        .get(),
    ).toEqual(track.sharedExpectations.behaviors.map((b) => b.text));
  });

  it("shows the levels matrix with one column of behaviors", () => {
    const $ = site.page("/plain/");
    expect(
      $(".matrix thead th")
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(["Level", "Behaviors"]);
    const rows = $(".matrix tbody tr").get();
    expect(rows).toHaveLength(levels.length);
    levels.forEach((level, index) => {
      const cells = $(rows[index]).find("td");
      expect(cells.length).toBe(1);
      expect(
        cells
          .find("li a")
          .map((_, a) => $(a).text())
          .get(),
      ).toEqual((level.behaviors ?? []).map((b) => b.text));
    });
  });

  it("compares two levels in one section of behaviors, as its JSON does, with category null", () => {
    const [from, to] = defined;
    const comparison = json(`/api/plain/compare/${from.id}/${to.id}.json`);
    expect(comparison.categories.map((c: { id: unknown; title: unknown }) => [c.id, c.title])).toEqual([
      [null, null],
    ]);
    const [all] = comparison.categories;
    const $ = site.page(`/plain/compare/${from.id}/${to.id}/`);
    expect(
      $("main h2")
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(["Behaviors", "Expected at every level"]);
    expect($("table.summary tbody tr").length).toBe(0);
    expect($("table.summary tfoot th").text()).toBe("All behaviors");
    const section = $("#section--behaviors").parent();
    const idsIn = (group: string) =>
      section
        .find(`.${group} li > a`)
        .map((_, a) => a.attribs.href.split("#")[1])
        .get();
    expect(idsIn("group-added")).toEqual(all.added.map((b: SourceBehavior) => b.id));
    expect(idsIn("group-carried")).toEqual(all.carried.map((b: SourceBehavior) => b.id));
    expect(
      section
        .find(".group-changed .side-to .side-label")
        .map((_, a) => a.attribs.href.split("#")[1])
        .get(),
    ).toEqual(all.changed.map((c: { to: SourceBehavior }) => c.to.id));
    expect(all.changed.length + all.added.length).toBeGreaterThan(0);
  });

  it("gives the API no categories and each behavior the category null", () => {
    const api = json("/api/frameworks.json").tracks.find((t: { id: string }) => t.id === "plain");
    expect(api.categories).toEqual([]);
    const listed = [
      ...api.sharedExpectations.behaviors,
      ...api.levels.flatMap((level: { behaviors: unknown[] }) => level.behaviors),
    ];
    expect(listed.map((b: SourceBehavior & { category: unknown }) => [b.id, b.text, b.category])).toEqual(
      [...track.sharedExpectations.behaviors, ...levels.flatMap((level) => level.behaviors ?? [])].map(
        (b) => [b.id, b.text, null],
      ),
    );
    const flat = json("/api/behaviors.json").filter((b: { track: string }) => b.track === "plain");
    expect(flat.map((b: { category: unknown }) => b.category)).toEqual(listed.map(() => null));
  });

  it("lists the track in the behavior index under its places, with no category headings", () => {
    const $ = site.page("/behaviors/");
    const section = $("#index--plain").parent();
    expect(section.find("h3").length).toBeGreaterThan(0);
    expect(section.find("h4").length).toBe(0);
    expect(
      section
        .find("li a")
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(
      [...track.sharedExpectations.behaviors, ...levels.flatMap((level) => level.behaviors ?? [])].map(
        (b) => b.text,
      ),
    );
  });

  it("has valid HTML on every page of the track", async () => {
    const validator = new HtmlValidate();
    const pages = site.pagePaths().filter((page) => page.startsWith("/plain/"));
    expect(pages.length).toBeGreaterThan(defined.length);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(site.fileFor(page)!);
      for (const result of report.results)
        for (const message of result.messages) errors.push(`${page}:${message.line}: ${message.message}`);
    }
    expect(errors).toEqual([]);
  });
});
