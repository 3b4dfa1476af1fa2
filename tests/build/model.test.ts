/**
 * The model framework (tests/fixtures/modelTrack.ts), built with the hostile site: every part of
 * the data model at once — inline Markdown, examples, level facts, a track without categories,
 * category groups, a level between two others and superseded expectations — checked on every
 * page where it shows, each expectation worked out from the fixture's own data.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plainText } from "../../src/lib/text/inlineMarkdown";
import { FLAT_TRACK, MODEL_TRACK, modelTrackFiles } from "../fixtures/modelTrack";
import { BuiltSite } from "../helpers/builtSite";
import { HOSTILE_SITE } from "../helpers/sites";

interface SourceBehavior {
  id: string;
  text: string;
  examples?: string[];
  evolvesFrom?: string | null;
}
interface SourceLevel {
  id: string;
  code: string;
  title?: string;
  summary?: string;
  order: number;
  facts?: { label: string; value: string }[];
  behaviors: Record<string, SourceBehavior[]> | SourceBehavior[];
}

const files = modelTrackFiles() as Record<string, any>;
const trackOf = (id: string) => files[`${id}/track.json`];
const levelsOf = (id: string): SourceLevel[] =>
  Object.entries(files)
    .filter(([name]) => name.startsWith(`${id}/levels/`))
    .map(([name, data]) => ({ id: name.slice(`${id}/levels/`.length, -".json".length), ...data }))
    .sort((a, b) => a.order - b.order);
const behaviorsOf = (level: SourceLevel): SourceBehavior[] =>
  Array.isArray(level.behaviors) ? level.behaviors : Object.values(level.behaviors).flat();
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

const model = trackOf(MODEL_TRACK);
const levels = levelsOf(MODEL_TRACK);
const flatLevels = levelsOf(FLAT_TRACK);
const every = [...levels, ...flatLevels].flatMap(behaviorsOf);
/** Every behavior of the model track, its shared expectations too. */
const everyOfModel = [
  ...levels.flatMap(behaviorsOf),
  ...Object.values(model.sharedExpectations.behaviors).flat(),
] as SourceBehavior[];

describe("the model framework, built", () => {
  const site = new BuiltSite(HOSTILE_SITE.outDir, HOSTILE_SITE.base);
  const json = (url: string) => JSON.parse(readFileSync(site.fileFor(url)!, "utf8"));
  const modelPages = site.pagePaths().filter((url) => url.startsWith(`/${MODEL_TRACK}/`));

  it("uses every part of the data model", () => {
    expect(every.some((b) => plainText(b.text) !== b.text)).toBe(true);
    expect(every.some((b) => (b.examples ?? []).length > 3)).toBe(true);
    expect(levels.every((level) => (level.facts ?? []).length > 0)).toBe(true);
    expect(trackOf(FLAT_TRACK).categories).toBeUndefined();
    expect(new Set(model.categories.map((c: { group: string }) => c.group)).size).toBeGreaterThan(1);
    expect(levels.some((level) => !Number.isInteger(level.order))).toBe(true);
    expect(every.some((b) => typeof b.evolvesFrom === "string")).toBe(true);
    expect(every.some((b) => b.evolvesFrom === null)).toBe(true);
    // Pages of both tracks: overview, levels, comparisons.
    expect(modelPages.length).toBeGreaterThan(levels.length);
  });

  it("shows inline Markdown as formatting on level pages, and its plain words everywhere a text is shown", () => {
    for (const level of [...levels, ...flatLevels]) {
      const track = levels.includes(level) ? MODEL_TRACK : FLAT_TRACK;
      const $ = site.page(`/${track}/${level.id}/`);
      for (const behavior of behaviorsOf(level)) {
        const shown = $(`#${behavior.id} > .behavior-text`);
        expect(shown.text(), behavior.id).toBe(plainText(behavior.text));
        if (behavior.text.includes("**")) expect(shown.find("strong").length, behavior.id).toBeGreaterThan(0);
      }
      if (level.summary) expect($("main .lead").text()).toBe(plainText(level.summary));
    }
    // A handbook link in a summary, under the site's base; a mailto link; links from a description.
    expect(site.page(`/${MODEL_TRACK}/l3/`)("main .lead a").attr("href")).toBe(`/${MODEL_TRACK}/`);
    expect(site.page(`/${MODEL_TRACK}/l3/`)("#mentors-engineers a").attr("href")).toBe(
      "mailto:mentoring@example.com",
    );
    // No page of the track shows Markdown syntax, and no link holds another (matrix, lists).
    for (const url of modelPages) {
      const $ = site.page(url);
      expect(squash($("main").text()), url).not.toMatch(/\*\*|\]\(|`/);
      expect($("main a a").length, url).toBe(0);
    }
    const behaviorsJson = json("/api/behaviors.json").filter(
      (b: { track: string }) => b.track === MODEL_TRACK,
    );
    for (const b of behaviorsJson) {
      const source = everyOfModel.find((s) => s.id === b.id)!;
      expect([b.text, b.textPlain]).toEqual([source.text, plainText(source.text)]);
    }
  });

  it("shows a behavior's examples under it, folded when there are more than three, and gives them in the JSON", () => {
    const byId = new Map(json("/api/behaviors.json").map((b: { id: string }) => [b.id, b]));
    for (const level of [...levels, ...flatLevels]) {
      const track = levels.includes(level) ? MODEL_TRACK : FLAT_TRACK;
      const $ = site.page(`/${track}/${level.id}/`);
      for (const behavior of behaviorsOf(level)) {
        const examples = behavior.examples ?? [];
        const items = $(`#${behavior.id} .examples li`);
        expect(items.map((_, li) => $(li).text()).get(), behavior.id).toEqual(examples.map(plainText));
        expect($(`#${behavior.id} details.examples`).length, behavior.id).toBe(examples.length > 3 ? 1 : 0);
        expect(byId.get(behavior.id), behavior.id).toMatchObject({
          examples,
          examplesPlain: examples.map(plainText),
        });
      }
    }
  });

  it("lists each level's facts on its page, and a column per label in the matrix, in order of first appearance", () => {
    for (const level of levels) {
      const $ = site.page(`/${MODEL_TRACK}/${level.id}/`);
      const shown = $(".level-facts > div")
        .map((_, pair) => [[$(pair).find("dt").text(), $(pair).find("dd").text()]])
        .get();
      expect(shown, level.id).toEqual(level.facts!.map((fact) => [fact.label, fact.value]));
    }
    const labels = [...new Set(levels.flatMap((level) => level.facts!.map((fact) => fact.label)))];
    const $ = site.page(`/${MODEL_TRACK}/`);
    const header = $(".matrix thead tr:last-child th")
      .map((_, th) => $(th).text())
      .get();
    expect(header.slice(1, 1 + labels.length)).toEqual(labels);
    const rows = $(".matrix tbody tr").get();
    expect(rows.map((row) => $(row).find("th a").first().text())).toEqual(levels.map((level) => level.code));
    rows.forEach((row, index) => {
      const values = $(row)
        .find("td")
        .slice(0, labels.length)
        .map((_, td) => $(td).text())
        .get();
      const facts = new Map(levels[index].facts!.map((fact) => [fact.label, fact.value]));
      expect(values).toEqual(labels.map((label) => facts.get(label) ?? ""));
    });
    const api = json("/api/frameworks.json").tracks.find((t: { id: string }) => t.id === MODEL_TRACK);
    expect(api.levels.map((level: { facts: unknown }) => level.facts)).toEqual(
      levels.map((level) => level.facts),
    );
  });

  it("puts each group's heading above its categories on level pages and over their columns in the matrix", () => {
    const groups = [...new Set<string>(model.categories.map((c: { group: string }) => c.group))];
    const $ = site.page(`/${MODEL_TRACK}/l1/`);
    const shownGroups = $("main .category-group")
      .not("details .category-group")
      .map((_, section) => $(section).children(".category-group-title").text())
      .get();
    const levelOne = levels[0].behaviors as Record<string, SourceBehavior[]>;
    const groupOf = new Map(model.categories.map((c: { id: string; group: string }) => [c.id, c.group]));
    expect(shownGroups).toEqual([...new Set(Object.keys(levelOne).map((id) => groupOf.get(id)))]);
    for (const section of $("main .category-group").not("details .category-group").get())
      for (const category of $(section).find("section.category").get())
        expect(groupOf.get($(category).attr("aria-labelledby")!.replace("category--", ""))).toBe(
          $(section).children(".category-group-title").text(),
        );
    const matrix = site.page(`/${MODEL_TRACK}/`);
    expect(
      matrix(".matrix thead th[scope=colgroup]")
        .map((_, th) => matrix(th).text())
        .get(),
    ).toEqual(groups);
    const api = json("/api/frameworks.json").tracks.find((t: { id: string }) => t.id === MODEL_TRACK);
    expect(api.categories.map((c: { group: string }) => c.group)).toEqual(
      model.categories.map((c: { group: string }) => c.group),
    );
  });

  it("places the level between two others by its order, with its neighbours and comparisons", () => {
    const index = levels.findIndex((level) => !Number.isInteger(level.order));
    const [before, between, after] = levels.slice(index - 1, index + 2);
    const $ = site.page(`/${MODEL_TRACK}/${between.id}/`);
    const pager = $("nav.pager a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(pager).toEqual([`/${MODEL_TRACK}/${before.id}/`, `/${MODEL_TRACK}/${after.id}/`]);
    expect(site.fileFor(`/${MODEL_TRACK}/compare/${before.id}/${between.id}/`)).toBeDefined();
    expect(site.fileFor(`/${MODEL_TRACK}/compare/${between.id}/${after.id}/`)).toBeDefined();
  });

  it("leaves out of what lower levels still ask every behavior a newer form supersedes, on pages and in comparisons", () => {
    // Each hint names the older form; the fixture's chains are hints only.
    for (const [track, trackLevels] of [
      [MODEL_TRACK, levels],
      [FLAT_TRACK, flatLevels],
    ] as const) {
      const top = trackLevels.at(-1)!;
      const superseded = new Set(
        trackLevels.slice(1).flatMap((level) => behaviorsOf(level).flatMap((b) => b.evolvesFrom ?? [])),
      );
      expect(superseded.size, track).toBeGreaterThan(0);
      const $ = site.page(`/${track}/${top.id}/`);
      const listed = $(".inherited-levels details.superseded li > span:first-child")
        .map((_, span) => $(span).text())
        .get();
      const expected = trackLevels
        .slice(0, -1)
        .reverse()
        .flatMap(behaviorsOf)
        .filter((b) => superseded.has(b.id))
        .map((b) => plainText(b.text));
      expect(listed.sort(), track).toEqual(expected.sort());
      const [first] = trackLevels;
      const comparison = json(`/api/${track}/compare/${first.id}/${top.id}.json`);
      const carried = comparison.categories.flatMap((c: { carried: { id: string }[] }) =>
        c.carried.map((b) => b.id),
      );
      for (const id of superseded) expect(carried, `${track}: ${id}`).not.toContain(id);
    }
  });
});
