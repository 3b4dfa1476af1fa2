/**
 * The generated sweep track of the hostile site (tests/fixtures/sweepTrack.ts): every hostile
 * text, in every kind of text field, comes back exactly as written from the JSON API, the pages,
 * the comparisons' word diffs and the search index. Each check joins what the site shows and
 * compares it with the source, character for character.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SWEEP_TEXTS, sweepTrackFiles } from "../fixtures/sweepTrack";
import { BuiltSite } from "../helpers/builtSite";
import { HOSTILE_SITE } from "../helpers/sites";

interface SourceBehavior {
  id: string;
  text: string;
}
interface SourceLevel {
  code: string;
  title: string;
  summary: string;
  behaviors: Record<string, SourceBehavior[]>;
}

const files = sweepTrackFiles();
const track = files["sweep/track.json"] as {
  title: string;
  shortTitle: string;
  description: string;
  categories: { id: string; title: string; description: string }[];
  sharedExpectations: { title: string; behaviors: Record<string, SourceBehavior[]> };
};
const role = files["sweep/roles/r0.json"] as {
  title: string;
  summary: string;
  body: string[];
  responsibilities: { id: string; title: string; text: string }[];
};
const levels = Object.entries(files)
  .filter(([name]) => name.startsWith("sweep/levels/"))
  .map(([name, level]) => ({
    id: name.slice("sweep/levels/".length, -".json".length),
    ...(level as SourceLevel),
  }));
const behaviorsOf = (grouped: Record<string, SourceBehavior[]>) => Object.values(grouped).flat();

describe("the sweep track: every hostile text in every field, as written", () => {
  const site = new BuiltSite(HOSTILE_SITE.outDir, HOSTILE_SITE.base);
  const json = (path: string) => JSON.parse(readFileSync(site.fileFor(path)!, "utf8"));

  it("puts every hostile text in every kind of field a track has many of", () => {
    const kinds = {
      "category titles": track.categories.map((category) => category.title),
      "category descriptions": track.categories.map((category) => category.description),
      "level titles": levels.map((level) => level.title),
      "level summaries": levels.map((level) => level.summary),
      "behavior texts": levels.flatMap((level) =>
        behaviorsOf(level.behaviors).map((behavior) => behavior.text),
      ),
      "shared behavior texts": behaviorsOf(track.sharedExpectations.behaviors).map(
        (behavior) => behavior.text,
      ),
      "responsibility titles": role.responsibilities.map((responsibility) => responsibility.title),
      "responsibility texts": role.responsibilities.map((responsibility) => responsibility.text),
    };
    for (const [kind, texts] of Object.entries(kinds))
      expect(new Set(texts), kind).toEqual(new Set(SWEEP_TEXTS));
  });

  it("the JSON API gives back every field", () => {
    const api = json("/api/frameworks.json").tracks.find((t: { id: string }) => t.id === "sweep");
    expect([api.title, api.shortTitle, api.description]).toEqual([
      track.title,
      track.shortTitle,
      track.description,
    ]);
    expect(api.categories).toEqual(track.categories);
    expect(api.sharedExpectations.title).toBe(track.sharedExpectations.title);
    expect(api.sharedExpectations.behaviors.map((b: SourceBehavior) => [b.id, b.text])).toEqual(
      behaviorsOf(track.sharedExpectations.behaviors).map((b) => [b.id, b.text]),
    );
    for (const level of levels) {
      const built = api.levels.find((l: { id: string }) => l.id === level.id);
      expect([built.code, built.title, built.summary]).toEqual([level.code, level.title, level.summary]);
      expect(Object.fromEntries(built.behaviors.map((b: SourceBehavior) => [b.id, b.text]))).toEqual(
        Object.fromEntries(behaviorsOf(level.behaviors).map((b) => [b.id, b.text])),
      );
    }
    const [builtRole] = api.roles;
    expect([builtRole.title, builtRole.summary, builtRole.body]).toEqual([
      role.title,
      role.summary,
      role.body,
    ]);
    expect(
      builtRole.responsibilities.map((r: { id: string; title: string; text: string }) => [
        r.id,
        r.title,
        r.text,
      ]),
    ).toEqual(role.responsibilities.map((r) => [r.id, r.title, r.text]));
    const search = JSON.stringify(json("/behaviors/search-index.json"));
    for (const text of SWEEP_TEXTS) expect(search, text).toContain(JSON.stringify(text));
  });

  it("the pages show every field as text", () => {
    const overview = site.page("/sweep/");
    expect(overview("h1").text()).toBe(track.title);
    const overviewText = overview("main").text();
    for (const text of [track.description, track.sharedExpectations.title, role.title])
      expect(overviewText).toContain(text);
    for (const category of track.categories) {
      expect(overviewText).toContain(category.title);
      expect(overviewText).toContain(category.description);
    }
    for (const behavior of behaviorsOf(track.sharedExpectations.behaviors))
      expect(overview(`#${behavior.id} [data-copy-text]`).text()).toBe(behavior.text);

    for (const level of levels) {
      const page = site.page(`/sweep/${level.id}/`);
      expect(page("h1").text()).toContain(level.title);
      expect(page("title").text()).toContain(level.title);
      expect(page("main").text()).toContain(level.summary);
      for (const behavior of behaviorsOf(level.behaviors))
        expect(page(`#${behavior.id} [data-copy-text]`).text(), `${level.id} ${behavior.id}`).toBe(
          behavior.text,
        );
      for (const category of track.categories.filter((c) => c.id in level.behaviors))
        expect(page(`#category--${category.id}`).text()).toBe(category.title);
    }

    const rolePage = site.page("/sweep/roles/r0/");
    expect(rolePage("h1").text()).toContain(role.title);
    for (const text of [role.summary, ...role.body]) expect(rolePage("main").text()).toContain(text);
    for (const responsibility of role.responsibilities) {
      const shown = rolePage(`#${responsibility.id}`);
      expect(shown.text()).toContain(responsibility.title);
      expect(shown.find("[data-copy-text]").text()).toBe(responsibility.text);
    }
  });

  it("the level pages name each superseded hostile text and its newer form whole", () => {
    const evolving = levels.map((level) => behaviorsOf(level.behaviors).find((b) => b.id.endsWith("-b"))!);
    for (const [index, level] of levels.entries()) {
      const page = site.page(`/sweep/${level.id}/`);
      const shown = page(".superseded li")
        .map((_, item) => {
          const newer = page(item).find("a");
          return [[page(item).find("span").first().text(), newer.text(), newer.attr("href")]];
        })
        .get();
      // Every lower form of the evolving behavior, beside the form this level states.
      for (const older of evolving.slice(0, index))
        expect(shown, `${level.id} ${older.id}`).toContainEqual([
          older.text,
          evolving[index].text,
          `/sweep/${level.id}/#${evolving[index].id}`,
        ]);
    }
  });

  it("the comparisons diff hostile texts word by word, each side giving its text back whole", () => {
    for (const [index, level] of levels.slice(0, -1).entries()) {
      const next = levels[index + 1];
      const [from, to] = [level, next].map((l) => behaviorsOf(l.behaviors).find((b) => b.id.endsWith("-b"))!);
      const page = site.page(`/sweep/compare/${level.id}/${next.id}/`);
      const row = page(".change").filter(
        (_, element) => page(element).find(`a[href$="#${to.id}"]`).length > 0,
      );
      expect(row.length, `${level.id} → ${next.id}`).toBe(1);
      expect(row.find(".side-from p").text()).toBe(from.text);
      expect(row.find(".side-to p").text()).toBe(to.text);
      const document = json(`/api/sweep/compare/${level.id}/${next.id}.json`);
      const change = document.categories
        .flatMap((category: { changed: { to: { id: string } }[] }) => category.changed)
        .find((c: { to: { id: string } }) => c.to.id === to.id);
      const joined = (skip: string) =>
        change.diff
          .filter((part: { change: string }) => part.change !== skip)
          .map((part: { value: string }) => part.value)
          .join("");
      expect([joined("added"), joined("removed")]).toEqual([from.text, to.text]);
    }
  });
});
