/**
 * The generated sweep track of the hostile site (tests/fixtures/sweepTrack.ts): every hostile
 * text, in every kind of text field, comes back exactly as written from the JSON API, the pages,
 * the comparisons' word diffs and the search index. Each check joins what the site shows and
 * compares it with the source, character for character: for fields of inline Markdown, the JSON
 * gives the text as written and its plain words, and pages, search and diffs show the plain words.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseInlineMarkdown, plainText } from "../../src/lib/text/inlineMarkdown";
import { SWEEP_MARKDOWN, SWEEP_TEXTS, sweepTrackFiles } from "../fixtures/sweepTrack";
import { BuiltSite } from "../helpers/builtSite";
import { HOSTILE_SITE } from "../helpers/sites";

interface SourceBehavior {
  id: string;
  text: string;
  examples?: string[];
}
interface SourceLevel {
  code: string;
  title: string;
  summary: string;
  facts: { label: string; value: string }[];
  behaviors: Record<string, SourceBehavior[]>;
}

const files = sweepTrackFiles();
const track = files["sweep/track.json"] as {
  title: string;
  shortTitle: string;
  description: string;
  categories: { id: string; title: string; description: string; group: string }[];
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
    const titles = {
      "category titles": track.categories.map((category) => category.title),
      "category groups": track.categories.map((category) => category.group),
      "fact labels": levels.flatMap((level) => level.facts.map((fact) => fact.label)),
      "fact values": levels.flatMap((level) => level.facts.map((fact) => fact.value)),
      "level titles": levels.map((level) => level.title),
      "responsibility titles": role.responsibilities.map((responsibility) => responsibility.title),
    };
    const markdown = {
      "category descriptions": track.categories.map((category) => category.description),
      "level summaries": levels.map((level) => level.summary),
      "behavior texts": levels.flatMap((level) =>
        behaviorsOf(level.behaviors).map((behavior) => behavior.text),
      ),
      "behavior examples": levels.flatMap((level) =>
        behaviorsOf(level.behaviors).flatMap((behavior) => behavior.examples ?? []),
      ),
      "shared behavior texts": behaviorsOf(track.sharedExpectations.behaviors).map(
        (behavior) => behavior.text,
      ),
      "responsibility texts": role.responsibilities.map((responsibility) => responsibility.text),
    };
    for (const [kind, texts] of Object.entries(titles))
      expect(new Set(texts), kind).toEqual(new Set(SWEEP_TEXTS));
    for (const [kind, texts] of Object.entries(markdown))
      expect(new Set(texts), kind).toEqual(new Set(SWEEP_MARKDOWN));
    // Every Markdown text is valid, and some are formatted: the plain words differ from the source.
    for (const text of SWEEP_MARKDOWN) expect(parseInlineMarkdown(text).problems, text).toEqual([]);
    expect(SWEEP_MARKDOWN.filter((text) => plainText(text) !== text).length).toBeGreaterThan(5);
  });

  it("the JSON API gives back every field", () => {
    const api = json("/api/frameworks.json").tracks.find((t: { id: string }) => t.id === "sweep");
    type Written = { id: string; text: string; textPlain: string };
    const asWritten = (b: SourceBehavior) => [b.id, b.text, plainText(b.text)];
    expect([api.title, api.shortTitle, api.description, api.descriptionPlain]).toEqual([
      track.title,
      track.shortTitle,
      track.description,
      plainText(track.description),
    ]);
    expect(api.categories).toEqual(
      track.categories.map((c) => ({ ...c, descriptionPlain: plainText(c.description) })),
    );
    expect(api.sharedExpectations.title).toBe(track.sharedExpectations.title);
    expect(api.sharedExpectations.behaviors.map((b: Written) => [b.id, b.text, b.textPlain])).toEqual(
      behaviorsOf(track.sharedExpectations.behaviors).map(asWritten),
    );
    for (const level of levels) {
      const built = api.levels.find((l: { id: string }) => l.id === level.id);
      expect([built.code, built.title, built.summary, built.summaryPlain]).toEqual([
        level.code,
        level.title,
        level.summary,
        plainText(level.summary),
      ]);
      expect(built.behaviors.map((b: Written) => [b.id, b.text, b.textPlain])).toEqual(
        behaviorsOf(level.behaviors).map(asWritten),
      );
      expect(
        built.behaviors.map((b: { examples: string[]; examplesPlain: string[] }) => [
          b.examples,
          b.examplesPlain,
        ]),
      ).toEqual(
        behaviorsOf(level.behaviors).map((b) => [b.examples ?? [], (b.examples ?? []).map(plainText)]),
      );
      expect(built.facts).toEqual(level.facts);
    }
    const [builtRole] = api.roles;
    expect([
      builtRole.title,
      builtRole.summary,
      builtRole.summaryPlain,
      builtRole.body,
      builtRole.bodyPlain,
    ]).toEqual([role.title, role.summary, plainText(role.summary), role.body, role.body.map(plainText)]);
    expect(
      builtRole.responsibilities.map((r: Written & { title: string }) => [
        r.id,
        r.title,
        r.text,
        r.textPlain,
      ]),
    ).toEqual(role.responsibilities.map((r) => [r.id, r.title, r.text, plainText(r.text)]));
    // Search holds the titles as written and the texts' plain words, which it searches.
    const search = JSON.stringify(json("/behaviors/search-index.json"));
    for (const text of SWEEP_TEXTS) expect(search, text).toContain(JSON.stringify(text));
    for (const text of SWEEP_MARKDOWN) expect(search, text).toContain(JSON.stringify(plainText(text)));
  });

  it("the pages show every field as text", () => {
    const overview = site.page("/sweep/");
    expect(overview("h1").text()).toBe(track.title);
    const overviewText = overview("main").text();
    for (const text of [plainText(track.description), track.sharedExpectations.title, role.title])
      expect(overviewText).toContain(text);
    for (const category of track.categories) {
      expect(overviewText).toContain(category.title);
      expect(overviewText).toContain(plainText(category.description));
    }
    for (const behavior of behaviorsOf(track.sharedExpectations.behaviors)) {
      const shown = overview(`#${behavior.id} [data-copy-text]`);
      expect(shown.text()).toBe(plainText(behavior.text));
      // "Copy as Markdown" copies the tree the server parsed, when the text holds Markdown.
      const phrasing = shown.attr("data-copy-phrasing");
      expect(phrasing && JSON.parse(phrasing), behavior.id).toEqual(
        plainText(behavior.text) === behavior.text ? undefined : parseInlineMarkdown(behavior.text).nodes,
      );
    }

    // The levels matrix: a header over each group's columns, a column per fact label in order of
    // first appearance, and each level's row giving its value under each label, empty where it has none.
    const matrix = overview(".matrix");
    const texts = (selector: string) =>
      matrix
        .find(selector)
        .map((_, cell) => overview(cell).text())
        .get();
    expect(texts("thead th[scope=colgroup]")).toEqual(track.categories.map((category) => category.group));
    const labels = [...new Set(levels.flatMap((level) => level.facts.map((fact) => fact.label)))];
    const header = texts("thead tr:last-child th");
    expect(header.slice(1, 1 + labels.length)).toEqual(labels);
    matrix.find("tbody tr").each((index, row) => {
      const values = new Map(levels[index].facts.map((fact) => [fact.label, fact.value]));
      const cells = overview(row).find("td").slice(0, labels.length);
      expect(cells.map((_, cell) => overview(cell).text()).get()).toEqual(
        labels.map((label) => values.get(label) ?? ""),
      );
      expect(cells.map((_, cell) => overview(cell).attr("data-label")).get()).toEqual(labels);
    });

    for (const level of levels) {
      const page = site.page(`/sweep/${level.id}/`);
      expect(page("h1").text()).toContain(level.title);
      expect(page("title").text()).toContain(level.title);
      expect(page("main").text()).toContain(plainText(level.summary));
      for (const behavior of behaviorsOf(level.behaviors))
        expect(page(`#${behavior.id} [data-copy-text]`).text(), `${level.id} ${behavior.id}`).toBe(
          plainText(behavior.text),
        );
      for (const category of track.categories.filter((c) => c.id in level.behaviors))
        expect(page(`#category--${category.id}`).text()).toBe(category.title);
      const facts = page(".level-facts > div")
        .map((_, pair) => ({ label: page(pair).find("dt").text(), value: page(pair).find("dd").text() }))
        .get();
      expect(facts).toEqual(level.facts);
      // Each group's heading, then its categories a level down: the outline stays valid.
      const groups = page("main > .category-group");
      expect(groups.map((_, group) => page(group).children(".category-group-title").text()).get()).toEqual(
        track.categories.filter((c) => c.id in level.behaviors).map((category) => category.group),
      );
      groups.each((_, group) => {
        expect(page(group).children("h2").length).toBe(1);
        expect(page(group).find(".category > h3").length).toBeGreaterThan(0);
      });
      expect(
        page(".toc .toc-group-title")
          .map((_, title) => page(title).text())
          .get(),
      ).toEqual(groups.map((_, group) => page(group).children(".category-group-title").text()).get());
    }

    const rolePage = site.page("/sweep/roles/r0/");
    expect(rolePage("h1").text()).toContain(role.title);
    for (const text of [role.summary, ...role.body])
      expect(rolePage("main").text()).toContain(plainText(text));
    for (const responsibility of role.responsibilities) {
      const shown = rolePage(`#${responsibility.id}`);
      expect(shown.text()).toContain(responsibility.title);
      expect(shown.find("[data-copy-text]").text()).toBe(plainText(responsibility.text));
    }
    // Links from the data are ordinary links; a handbook path gets the site's base.
    const linked = site.page("/sweep/l2/")("#b2-a .behavior-text a");
    expect(linked.toArray().map((a) => a.attribs.href)).toEqual([
      "https://example.com/a_(b)_c",
      "https://example.com/autolink",
      "mailto:team@example.com",
      `${HOSTILE_SITE.base.replace(/\/$/, "")}/sweep/l1/#b1-a`,
    ]);
  });

  it("the level pages show each behavior's hostile examples as their words, folded past three", () => {
    for (const level of levels) {
      const page = site.page(`/sweep/${level.id}/`);
      for (const behavior of behaviorsOf(level.behaviors)) {
        const examples = behavior.examples ?? [];
        const shown = page(`#${behavior.id} .examples li`)
          .map((_, item) => page(item).text())
          .get();
        expect(shown, behavior.id).toEqual(examples.map(plainText));
        expect(page(`#${behavior.id} details.examples`).length, behavior.id).toBe(
          examples.length > 3 ? 1 : 0,
        );
      }
    }
  });

  it("the level pages name each superseded hostile text and its newer form whole, as their words", () => {
    const evolving = levels.map((level) => behaviorsOf(level.behaviors).find((b) => b.id.endsWith("-b"))!);
    for (const [index, level] of levels.entries()) {
      const page = site.page(`/sweep/${level.id}/`);
      const shown = page(".superseded li")
        .map((_, item) => {
          // The newer form's link, not a link the older text holds.
          const newer = page(item).children("a");
          return [[page(item).children("span").first().text(), newer.text(), newer.attr("href")]];
        })
        .get();
      // Every lower form of the evolving behavior, beside the form this level states.
      for (const older of evolving.slice(0, index))
        expect(shown, `${level.id} ${older.id}`).toContainEqual([
          plainText(older.text),
          plainText(evolving[index].text),
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
      expect(row.find(".side-from p").text()).toBe(plainText(from.text));
      expect(row.find(".side-to p").text()).toBe(plainText(to.text));
      // The two levels' facts side by side, each label once, empty where a level lacks it.
      const factRows = page(".level-facts-table tbody tr")
        .toArray()
        .map((tr) =>
          page(tr)
            .children()
            .toArray()
            .map((cell) => page(cell).text()),
        );
      const valueOf = (l: SourceLevel, label: string) => l.facts.find((f) => f.label === label)?.value ?? "";
      const factLabels = [...new Set([...level.facts, ...next.facts].map((fact) => fact.label))];
      expect(factRows).toEqual(
        factLabels.map((label) => [label, valueOf(level, label), valueOf(next, label)]),
      );
      // Each category's section under its group's heading.
      expect(
        page("main > .category-group > .compare-category")
          .map((_, section) => page(section).parent().children(".category-group-title").text())
          .get(),
      ).toEqual(track.categories.map((category) => category.group));
      const document = json(`/api/sweep/compare/${level.id}/${next.id}.json`);
      const change = document.categories
        .flatMap((category: { changed: { to: { id: string } }[] }) => category.changed)
        .find((c: { to: { id: string } }) => c.to.id === to.id);
      const joined = (skip: string) =>
        change.diff
          .filter((part: { change: string }) => part.change !== skip)
          .map((part: { value: string }) => part.value)
          .join("");
      expect([joined("added"), joined("removed")]).toEqual([plainText(from.text), plainText(to.text)]);
      expect([change.from.text, change.to.text]).toEqual([from.text, to.text]);
    }
  });
});
