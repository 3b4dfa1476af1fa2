import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allBehaviors } from "../../src/lib/allBehaviors";
import { behaviorsDocument, frameworksDocument } from "../../src/lib/apiDocuments";
import { createUrls } from "../../src/lib/urls";
import { BuiltSite } from "../helpers/builtSite";
import { realHandbook } from "../helpers/realHandbook";
import { SITES } from "../helpers/sites";

interface SourceBullet {
  track: string;
  level?: string | null;
  role?: string;
  category?: string;
  title?: string;
  text: string;
}
const bullets: SourceBullet[] = JSON.parse(readFileSync("tests/fixtures/source-bullets.json", "utf8"));
const normalize = (text: string) => text.replace(/\s+/g, " ").trim();

describe("the built handbook", async () => {
  const site = new BuiltSite(SITES.root.outDir, SITES.root.base);
  const handbook = await realHandbook();

  it("has the pages of the URL contract", () => {
    const pages = site.pagePaths();
    for (const expected of [
      "/",
      "/support/",
      "/support/ic1/",
      "/support/ic6/",
      "/support/roles/team-lead/",
      "/product/",
      "/product/ic5/",
      "/b/support/basic-git/",
      "/404.html",
    ]) {
      expect(pages).toContain(expected);
    }
  });

  it("puts every source bullet on its level page under its category heading", () => {
    for (const bullet of bullets) {
      if (bullet.role) {
        const $ = site.page(`/${bullet.track}/roles/${bullet.role}/`);
        const item = $(".responsibility").filter(
          (_, el) => normalize($(el).find("dd").text()) === bullet.text,
        );
        expect(item.length, bullet.text).toBe(1);
        expect(normalize(item.find("dt").text())).toMatch(new RegExp(`^${bullet.title}`));
        continue;
      }
      const $ = site.page(bullet.level ? `/${bullet.track}/${bullet.level}/` : `/${bullet.track}/`);
      const item = $("li.behavior[id]").filter(
        (_, el) => normalize($(el).find(".behavior-text").text()) === bullet.text,
      );
      expect(item.length, `${bullet.track}/${bullet.level}: ${bullet.text}`).toBe(1);
      expect(normalize(item.closest("section.category").children("h2, h3").first().text())).toBe(
        bullet.category,
      );
      if (!bullet.level)
        expect(item.closest("#section--shared, section[aria-labelledby=section--shared]").length).toBe(1);
    }
  });

  it("shows every sentence of both source documents somewhere in the handbook", () => {
    const text = normalize(
      site
        .pagePaths()
        .filter((p) => !p.startsWith("/b/"))
        .map((p) => site.page(p)("main").text())
        .join(" "),
    );
    // Lines that are structure in the source rather than sentences: the table's header row.
    const structural = new Set(["Level Non-Technical Proficiency Technical Proficiency Delivery Teamwork"]);
    for (const file of ["tests/fixtures/sources/support.txt", "tests/fixtures/sources/product.md"]) {
      const lines = readFileSync(file, "utf8")
        .split("\n")
        .map((line) => line.replace(/^\s*(?:#+ |•\s*|-\s*)/, "").trim());
      for (const line of lines.filter((l) => l && !structural.has(l))) {
        for (const sentence of line.split(/(?<=[.?!:])\s+/)) {
          expect(text, `${file}: ${sentence}`).toContain(sentence.replace(/[.:]$/, ""));
        }
      }
    }
  });

  it("gives each behavior its anchor on exactly one page, and no page a duplicate id", () => {
    const owners = new Map<string, string>();
    for (const path of site.pagePaths()) {
      const $ = site.page(path);
      const ids = $("[id]")
        .map((_, el) => $(el).attr("id"))
        .get();
      expect(ids.length, path).toBe(new Set(ids).size);
      $("li.behavior[id]").each((_, el) => {
        const key = `${path.split("/")[1]}/${$(el).attr("id")}`;
        expect(owners.get(key), key).toBeUndefined();
        owners.set(key, path);
      });
    }
    expect(owners.size).toBe(allBehaviors(handbook).length);
  });

  it("ships no JavaScript on any page but the comparisons (their picker)", () => {
    const pages = site.pagePaths().filter((path) => !path.includes("/compare/"));
    expect(pages.length).toBeGreaterThan(180);
    for (const path of pages) expect(site.page(path)("script").length, path).toBe(0);
  });

  it("marks the level that is not yet defined and lists no behaviors on it", () => {
    const $ = site.page("/support/ic6/");
    expect(normalize($("main").text())).toContain("This level is not yet defined");
    expect($("li.behavior[id]").length).toBe(0);
  });

  it("makes the inherited expectations of a cumulative level reachable from it", () => {
    const $ = site.page("/support/ic3/");
    expect(normalize($(".builds-on").text())).toContain("Builds on IC2");
    const inherited = $("#section--inherited")
      .parent()
      .find("details a")
      .map((_, a) => $(a).attr("href"))
      .get();
    const expected = handbook.tracks[0].levels
      .slice(0, 2)
      .flatMap((l) => l.groups.flatMap((g) => g.behaviors.map((b) => `/support/${l.id}/#${b.id}`)));
    expect(inherited.sort()).toEqual(expected.sort());
  });

  it("serves the API documents built from the same data", () => {
    const read = (file: string) => JSON.parse(readFileSync(site.fileFor(file)!, "utf8"));
    expect(read("/api/frameworks.json")).toEqual(JSON.parse(JSON.stringify(frameworksDocument(handbook))));
    expect(read("/api/behaviors.json")).toEqual(behaviorsDocument(handbook, createUrls("/")));
  });
});

describe.each(Object.entries(SITES))("links of the %s build", (_name, { outDir, base }) => {
  const site = new BuiltSite(outDir, base);

  it("resolve to a page and an anchor that exist, all under the base", () => {
    let checked = 0;
    for (const from of site.pagePaths()) {
      const $ = site.page(from);
      const refs = [
        ...$("a[href], link[href]")
          .map((_, el) => $(el).attr("href"))
          .get(),
        ...$("[src]")
          .map((_, el) => $(el).attr("src"))
          .get(),
        ...$('meta[http-equiv="refresh"]')
          .map((_, el) =>
            $(el)
              .attr("content")!
              .replace(/^\d+;\s*url=/, ""),
          )
          .get(),
      ];
      for (const ref of refs) {
        const url = new URL(ref, `http://site${from}`);
        expect(url.host, `${from} → ${ref}`).toBe("site");
        expect(url.pathname.startsWith(base), `${from} → ${ref} is outside ${base}`).toBe(true);
        expect(site.fileFor(url.pathname), `${from} → ${ref}`).toBeDefined();
        if (url.hash && url.pathname.endsWith("/")) {
          const id = decodeURIComponent(url.hash.slice(1));
          expect(site.page(url.pathname)(`[id="${id}"]`).length, `${from} → ${ref}`).toBe(1);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("has permanent short links that lead to the behavior's current anchor", () => {
    const shortLinks = site.pagePaths().filter((p) => p.startsWith(`${base}b/`));
    expect(shortLinks.length).toBeGreaterThan(160);
    for (const path of shortLinks) {
      const $ = site.page(path);
      const target = $('meta[http-equiv="refresh"]')
        .attr("content")!
        .replace(/^0; url=/, "");
      expect($('link[rel="canonical"]').attr("href")).toBe(target);
      expect($("a").attr("href")).toBe(target);
      expect(target).toMatch(
        new RegExp(`^${base}[a-z0-9-]+/(?:[a-z0-9-]+/|roles/[a-z0-9-]+/)?#${path.split("/").at(-2)}$`),
      );
    }
  });
});
