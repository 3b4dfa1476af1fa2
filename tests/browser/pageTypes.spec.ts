import { expectAccessibleInBothSchemes } from "./axe";
import { expect, test } from "./fixtures";
import { PAGE_TYPES } from "./sites";

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
  // The folded sections, not the link menus: an open menu lies over what is below it.
  for (const summary of await page.locator("details:not(.permalink-menu) > summary").all())
    await summary.click();
  await expect(page.locator("details li").first()).toBeVisible();
  await expectAccessibleInBothSchemes(page);
});
