import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PAGE_TYPES } from "./sites";

/**
 * axe-core's findings on the page as it is now, one line per violation and element. In dark
 * mode only the colors differ, so `rules` can narrow the second run to the color rules.
 */
async function violations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (rules ? builder.withRules(rules) : builder).analyze();
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${v.help} — ${node.target.join(" ")}`));
}

/** The axe rules whose outcome depends on the colors, checked again in dark mode. */
const COLOR_RULES = ["color-contrast", "link-in-text-block"];

/** Checks the page as it is shown now in light mode, then in dark mode. */
async function expectAccessibleInBothSchemes(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: "light" });
  expect(await violations(page), "light mode").toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await violations(page, COLOR_RULES), "dark mode").toEqual([]);
}

test.describe("every page type", () => {
  test.use({ allowedConsole: [/status of 404/] });

  // One page load per type for everything that must hold on all of them: cheaper than a test each.
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    test(`${type} (${path}) loads with one heading, passes axe in light and dark mode, and fits a 375 px phone`, async ({
      page,
    }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(type === "not found" ? 404 : 200);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.locator("main")).toBeVisible();
      if (path.includes("?q=")) await expect(page.locator(".search-results li").first()).toBeVisible();
      await expectAccessibleInBothSchemes(page);

      await page.setViewportSize({ width: 375, height: 800 });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        "sideways scroll on a phone",
      ).toBeLessThanOrEqual(375);
    });
  }
});

test("a level page with its shared expectations open passes axe in light and dark mode", async ({ page }) => {
  await page.goto("/product/ic3/");
  for (const summary of await page.locator("details summary").all()) await summary.click();
  await expect(page.locator("details li").first()).toBeVisible();
  await expectAccessibleInBothSchemes(page);
});
