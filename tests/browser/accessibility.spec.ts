import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { PAGE_TYPES } from "./sites";

/** axe-core's findings on the page as it is now, one line per violation and element. */
async function violations(page: import("@playwright/test").Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${v.help} — ${node.target.join(" ")}`));
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility in ${colorScheme} mode`, () => {
    test.use({ colorScheme, allowedConsole: [/status of 404/] });

    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      test(`${type} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        if (path.includes("?q=")) await expect(page.locator(".search-results li").first()).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    }

    test("a level page with its shared expectations open has no axe violations", async ({ page }) => {
      await page.goto("/product/ic3/");
      for (const summary of await page.locator("details summary").all()) await summary.click();
      await expect(page.locator("details li").first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}

test("every page starts with a working skip link", async ({ page }) => {
  await page.goto("/support/ic2/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
