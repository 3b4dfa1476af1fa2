import type { Page } from "@playwright/test";
import { expectAccessibleInBothSchemes } from "./axe";
import { expect, test } from "./fixtures";
import { BROWSER_SITES } from "./sites";

const PAGES = ["/support/growth/", "/product/growth/", "/support/"];

/** Whether the page fits a 375 px phone: nothing wider than the screen, so no sideways scrolling. */
async function expectFitsPhone(page: Page, path: string) {
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
}

test("the growth pages and the track overview pass axe in light and dark mode and fit a 375 px phone", async ({
  page,
}) => {
  test.slow(); // three long pages, each checked twice
  for (const path of PAGES) {
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expect(page.locator("h1")).toHaveCount(1);
    await expectAccessibleInBothSchemes(page, path);
    await expectFitsPhone(page, path);
  }
});

test("the keyboard reaches every link and disclosure of a growth page, in reading order", async ({
  page,
}) => {
  test.slow(); // a tab stop for each form
  await page.goto("/product/growth/");
  // Each of the page's own stops, numbered in document order.
  const stops = await page.evaluate(() =>
    [...document.querySelectorAll("main :is(a[href], summary)")].map((element, index) => {
      element.setAttribute("data-stop", String(index));
      return index;
    }),
  );
  expect(stops.length).toBeGreaterThan(20);
  await page.locator("main .breadcrumb a").first().focus();
  const reached: number[] = [];
  for (let press = 0; press < stops.length + 5; press++) {
    const stop = await page.evaluate(() => document.activeElement?.getAttribute("data-stop") ?? null);
    if (stop === null) break;
    reached.push(Number(stop));
    await page.keyboard.press("Tab");
  }
  expect(reached).toEqual(stops);
});

test("opening the words removed shows the form before with them struck through", async ({ page }) => {
  await page.goto("/support/growth/");
  const disclosure = page.locator("details.growth-removed").first();
  await expect(disclosure.locator("del").first()).toBeHidden();
  await disclosure.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(disclosure.locator("del").first()).toBeVisible();
});

test("a link to a form lands on it, marked, below the sticky breadcrumb", async ({ page }) => {
  await page.goto("/support/growth/#git-expert");
  const form = page.locator('[id="git-expert"]');
  await expect(form).toBeInViewport();
  const [formTop, crumbBottom] = await Promise.all([
    form.evaluate((element) => element.getBoundingClientRect().top),
    page.locator(".breadcrumb").evaluate((element) => element.getBoundingClientRect().bottom),
  ]);
  expect(formTop).toBeGreaterThanOrEqual(crumbBottom);
  expect(await form.evaluate((element) => element.matches(":target"))).toBe(true);
  await expect(form).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
});

test("the track overview's links lead to each category's section of the growth page", async ({ page }) => {
  await page.goto("/support/");
  await page.locator("#section--growth").scrollIntoViewIfNeeded();
  await page.locator("ul.growth-overview").getByRole("link", { name: "Delivery", exact: true }).click();
  await expect(page).toHaveURL(/\/support\/growth\/#category--delivery$/);
  await expect(page.getByRole("heading", { name: "Delivery", level: 2 })).toBeInViewport();
});

test.describe("on the hostile site", () => {
  test.use({ baseURL: BROWSER_SITES.hostile.origin });

  test("every growth page fits a 375 px phone, hostile texts, grouped categories and all", async ({
    page,
  }) => {
    for (const track of ["hostile", "sweep", "model", "model-flat", "plain"]) {
      const path = `/${track}/growth/`;
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expectFitsPhone(page, path);
    }
  });
});
