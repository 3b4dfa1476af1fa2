import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { listFiles } from "../helpers/builtSite";
import { SITES } from "../helpers/sites";

describe.each(Object.entries(SITES))("the HTML of the %s build", (_name, { outDir }) => {
  const pages = listFiles(outDir).filter((file) => file.endsWith(".html"));

  it("is valid: html-validate finds no error on any page", async () => {
    const validator = new HtmlValidate();
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
