import { readFileSync } from "node:fs";
import { ELEMENT_IDS } from "../../src/lib/links/urls";
import { describe, expect, it } from "vitest";
import { buildSearchPayload, expandDocuments } from "../../src/lib/search/behaviorSearch";
import { searchDocuments } from "../../src/lib/search/searchDocuments";
import { createUrls } from "../../src/lib/links/urls";
import { BuiltSite } from "../helpers/builtSite";
import { realHandbook } from "../helpers/realHandbook";
import { SITES } from "../helpers/sites";

describe.each(Object.entries(SITES))(
  "the behavior index of the %s build",
  async (_name, { outDir, base }) => {
    const site = new BuiltSite(outDir, base);
    const handbook = await realHandbook();
    const urls = createUrls(base);
    const documents = searchDocuments(handbook, urls);

    it("lists every behavior and responsibility, each linking to where it lives, without JavaScript", () => {
      const $ = site.page(urls.behaviors());
      const links = $(`#${ELEMENT_IDS.behaviorIndex} li a`)
        .map((_, a) => [[$(a).attr("href"), $(a).text()]])
        .get();
      expect(links).toEqual(documents.map((d) => [d.url, d.text]));
      // The search form needs JavaScript, so it starts hidden; the listing is the page.
      expect($("behavior-search form").attr("hidden")).toBeDefined();
      expect($("behavior-search").attr("data-index-url")).toBe(urls.searchIndex());
    });

    it("serves the search index built at build time, under the base", () => {
      const payload = JSON.parse(readFileSync(site.fileFor(urls.searchIndex())!, "utf8"));
      expect(payload).toEqual(JSON.parse(JSON.stringify(buildSearchPayload(documents))));
      expect(expandDocuments(payload)[0].url.startsWith(base)).toBe(true);
    });

    it("loads the search code only when search is used, in a worker no page refers to directly", () => {
      for (const path of site.pagePaths()) {
        const scripts = site
          .page(path)("script[src], link[rel=modulepreload]")
          .map((_, el) => el.attribs.src ?? el.attribs.href)
          .get();
        for (const script of scripts) {
          expect(readFileSync(site.fileFor(script)!, "utf8"), `${path} → ${script}`).not.toMatch(
            /ignoreLocation|useExtendedSearch/,
          );
        }
      }
    });

    it("has a search box in the header of every page but the index, leading to the index", () => {
      for (const path of site.pagePaths().filter((p) => !p.includes("/b/") && p !== urls.behaviors())) {
        const form = site.page(path)("header form[role=search]");
        expect(form.attr("action"), path).toBe(urls.behaviors());
        expect(form.find("input[type=search]").attr("name")).toBe("q");
      }
    });
  },
);
