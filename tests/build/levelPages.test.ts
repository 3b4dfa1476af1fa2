import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allBehaviors } from "../../src/lib/handbook/allBehaviors";
import { createUrls } from "../../src/lib/links/urls";
import { BuiltSite } from "../helpers/builtSite";
import { realHandbook } from "../helpers/realHandbook";
import { SITES } from "../helpers/sites";

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();

describe.each(Object.entries(SITES))("the markup of the %s build", async (_name, { outDir, base }) => {
  const site = new BuiltSite(outDir, base);
  const handbook = await realHandbook();
  const urls = createUrls(base);
  const pages = site.pagePaths();
  const levelPages = handbook.tracks.flatMap((track) => track.levels.map((l) => urls.level(track.id, l.id)));

  it("has no link whose text starts or ends with white space, which would be underlined", () => {
    const padded: string[] = [];
    for (const path of pages) {
      const $ = site.page(path);
      $("a").each((_, a) => {
        const text = $(a).text();
        if (text !== text.trim()) padded.push(`${path}: ${JSON.stringify(text)}`);
      });
    }
    // Every page was read, the level pages among them.
    expect(pages).toEqual(expect.arrayContaining(levelPages));
    expect(padded).toEqual([]);
  });

  it('has no stray space inside parentheses, such as "( 22 behaviors)"', () => {
    for (const path of pages) {
      const text = normalize(site.page(path)("main").text());
      expect(text, path).not.toMatch(/\( | \)/);
    }
    // The counts of the inherited levels, where the stray space was.
    const summary = normalize(site.page(urls.level("support", "ic3"))(".inherited-levels li").first().text());
    expect(summary).toMatch(
      /^What still holds of IC2 · Support Engineer \(\d+ of its \d+ behaviors\): Non-Technical/,
    );
  });

  it("gives every behavior and responsibility on its page one permanent link, and no other link of its own", () => {
    // Below a behavior, how it grows links to other behaviors (levelGrowth.test.ts): not its own.
    const responsibilities = handbook.tracks.flatMap((t) => t.roles.flatMap((r) => r.responsibilities));
    const texts = new Map(
      [...allBehaviors(handbook), ...responsibilities].map((b) => [`${b.track}/${b.id}`, b.text]),
    );
    let count = 0;
    for (const path of pages) {
      const $ = site.page(path);
      $("li.behavior[id], .responsibility[id]").each((_, item) => {
        const track = path.slice(base.length).split("/")[0];
        const id = $(item).attr("id")!;
        const links = $(item).find("a").not(".growth a");
        expect(links.length, `${path}#${id}`).toBe(1);
        // The script makes it a menu; without JavaScript it is the link, an icon named by its label.
        expect(links.attr("href")).toBe(urls.permalink(track, id));
        expect(links.attr("class")).toBe("permalink");
        expect(links.attr("aria-label")).toBe("Permanent link");
        // What is copied, in full; the menu and its buttons are made by the script, inside <copy-links>.
        expect($(item).find("[data-copy-text]").text()).toBe(texts.get(`${track}/${id}`));
        expect($(item).find("button, details").not(".growth").length).toBe(0);
        expect($(item).closest("copy-links").length).toBe(1);
        count++;
      });
    }
    expect(count).toBe(texts.size);
  });

  it("names the track on paper: level, compare and role pages carry a print-only line with its title", () => {
    for (const track of handbook.tracks) {
      const [from, to] = track.levels.filter((l) => l.status === "defined");
      for (const path of [
        urls.track(track.id),
        urls.level(track.id, track.levels[0].id),
        urls.compare(track.id, from.id, to.id),
        ...track.roles.map((role) => urls.role(track.id, role.id)),
      ]) {
        const context = site.page(path)("main > .print-context");
        expect(context.length, path).toBe(1);
        expect(context.text()).toBe(`Career handbook · ${track.title}`);
      }
    }
    for (const path of [urls.home(), urls.behaviors(), urls.roadmap()]) {
      expect(site.page(path)(".print-context").length, path).toBe(0);
    }
  });

  it("lists the tracks in their track.json order in the navigation, on the home page and in the search filter", () => {
    const order = (track: string) =>
      JSON.parse(readFileSync(`data/${track}/track.json`, "utf8")).order as number;
    const expected = handbook.tracks
      .map((track) => track.id)
      .sort((a, b) => order(a) - order(b))
      .map((id) => urls.track(id));
    const home = site.page(urls.home());
    expect(
      home("header nav a")
        .slice(0, expected.length)
        .map((_, a) => home(a).attr("href"))
        .get(),
    ).toEqual(expected);
    expect(
      home(".track-list h2 a")
        .map((_, a) => home(a).attr("href"))
        .get(),
    ).toEqual(expected);
    const index = site.page(urls.behaviors());
    const options = index("select[name=track] option[value!='']")
      .map((_, option) => urls.track(index(option).attr("value")!))
      .get();
    expect(options).toEqual(expected);
  });
});
