import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles } from "../helpers/builtSite";
import { SITES } from "../helpers/sites";

const LAYER_ORDER = "@layer tokens,base,layout,components,print;";

describe.each(Object.entries(SITES))("the stylesheets of the %s build", (_name, { outDir }) => {
  const pages = listFiles(outDir).filter((file) => file.endsWith(".html"));

  it("each start with the layer order, so that whichever a page links first sets it", () => {
    const sheets = new Set<string>();
    for (const page of pages) {
      const html = readFileSync(path.join(outDir, page), "utf8");
      for (const [, href] of html.matchAll(/<link rel="stylesheet" href="[^"]*\/(_astro\/[^"]+)"/g))
        sheets.add(href);
    }
    expect(sheets.size).toBeGreaterThan(1);
    for (const sheet of sheets) {
      expect(readFileSync(path.join(outDir, sheet), "utf8").startsWith(LAYER_ORDER), sheet).toBe(true);
    }
  });

  it("put no rule outside a layer, so that none wins by its place in the bundle", () => {
    for (const file of listFiles(outDir).filter((file) => file.endsWith(".css"))) {
      const css = readFileSync(path.join(outDir, file), "utf8");
      // At the top level only layer blocks and statements, and the page box's margins.
      let depth = 0;
      let start = 0;
      for (let i = 0; i < css.length; i++) {
        if (css[i] === "{") {
          if (depth === 0) expect(css.slice(start, i).trim(), file).toMatch(/^(@layer [a-z]+|@page)$/);
          depth++;
        } else if (css[i] === "}") {
          depth--;
          if (depth === 0) start = i + 1;
        } else if (css[i] === ";" && depth === 0) {
          expect(css.slice(start, i).trim(), file).toBe(LAYER_ORDER.slice(0, -1));
          start = i + 1;
        }
      }
    }
  });
});
