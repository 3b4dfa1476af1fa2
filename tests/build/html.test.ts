import { readFileSync } from "node:fs";
import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { ELEMENT_IDS } from "../../src/lib/links/urls";
import { BuiltSite, listFiles } from "../helpers/builtSite";
import { HOSTILE_SITE, SITES } from "../helpers/sites";

describe.each(Object.entries(SITES))("the HTML of the %s build", (_name, { outDir }) => {
  const pages = listFiles(outDir).filter((file) => file.endsWith(".html"));

  it("is valid: html-validate finds no error on any page", async () => {
    // The repository's .htmlvalidate.json: history pages anchor releases by their names, which
    // may start with a digit (#2026-12), as HTML allows.
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(path.join(outDir, page));
      for (const result of report.results) {
        for (const message of result.messages)
          errors.push(`${page}:${message.line}: ${message.ruleId}: ${message.message}`);
      }
    }
    expect(pages.length).toBeGreaterThan(180);
    expect(errors).toEqual([]);
  });

  it("has no inline script and no inline event handler, so it works under script-src 'self'", () => {
    for (const page of pages) {
      const html = readFileSync(path.join(outDir, page), "utf8");
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, page).not.toMatch(/javascript:/i);
    }
  });
});

describe("element ids", () => {
  const builds = { ...SITES, hostile: HOSTILE_SITE };

  it.each(Object.entries(builds))(
    "are unique on every page of the %s build: no behavior's anchor takes the page's own",
    (_name, { outDir, base }) => {
      const site = new BuiltSite(outDir, base);
      for (const page of site.pagePaths()) {
        const $ = site.page(page);
        const ids = $("[id]")
          .map((_, element) => $(element).attr("id"))
          .get();
        expect(
          ids.filter((id, index) => ids.indexOf(id) !== index),
          page,
        ).toEqual([]);
      }
    },
  );

  it("keep the page's own elements apart from behaviors named like them", () => {
    const site = new BuiltSite(HOSTILE_SITE.outDir, HOSTILE_SITE.base);
    const level = site.page("/hostile/l2/");
    // The hostile data has behaviors "live-status" and "main", as the layout's ids once were.
    expect(level("li#live-status [data-copy-text]").text()).toBe(
      "Says what changed, where the page's own status line would.",
    );
    expect(level("li#main").length).toBe(1);
    expect(level(`#${ELEMENT_IDS.status}`).is("p[role=status]")).toBe(true);
    expect(level(`#${ELEMENT_IDS.main}`).is("main")).toBe(true);
    expect(level(`a.skip-link[href="#${ELEMENT_IDS.main}"]`).length).toBe(1);
    expect(level(`#${ELEMENT_IDS.siteSearch}`).is("input")).toBe(true);
    expect(site.page("/hostile/roles/lead/")("#site-search-input").is(".responsibility")).toBe(true);
  });
});
