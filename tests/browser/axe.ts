import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";
import { expect, type Page } from "@playwright/test";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's findings on the page as it is now, one line per violation and element (`rules`
 * narrows the run). axe runs in the page itself, loaded once per page: the handbook has no
 * frames, and this is two to three times faster than @axe-core/playwright, which loads axe
 * again for every run and finishes each in a new blank page.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  // Evaluated by the browser's debugger, so a page's Content-Security-Policy does not stop it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = {
    resultTypes: ["violations"],
    ...(rules && { runOnly: { type: "rule", values: rules } }),
  };
  return page.evaluate(async (options) => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
    };
    const { violations } = await axe.run(document, options);
    return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${v.help} — ${node.target.join(" ")}`));
  }, options);
}

/** The axe rules whose outcome depends on the colors, checked again in dark mode. */
const COLOR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Checks the page as it is shown now in light mode, then in dark mode (where only the colors
 * differ, so only the color rules run again). `label` names the page in a failure.
 */
export async function expectAccessibleInBothSchemes(page: Page, label = ""): Promise<void> {
  await page.emulateMedia({ colorScheme: "light" });
  expect(await axeViolations(page), `${label} light mode`.trim()).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await axeViolations(page, COLOR_RULES), `${label} dark mode`.trim()).toEqual([]);
}
