import { expect, test } from "./fixtures";
import { PAGE_TYPES } from "./sites";

test("the home page leads to every track and level", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Customer support career framework" }).click();
  await expect(page).toHaveURL(/\/support\/$/);
  await page.getByRole("table").getByRole("link", { name: "IC3", exact: true }).click();
  await expect(page.locator("h1")).toHaveText(/IC3\s*Senior Support Engineer/);
});

test("a level page links to its neighbours and its comparisons", async ({ page }) => {
  await page.goto("/support/ic3/");
  await expect(page.getByRole("link", { name: /Previous level/ })).toHaveAttribute("href", "/support/ic2/");
  await expect(page.getByRole("link", { name: /Next level/ })).toHaveAttribute("href", "/support/ic4/");
  await page.getByRole("link", { name: /What changes at IC4/ }).click();
  await expect(page).toHaveURL(/\/support\/compare\/ic3\/ic4\/$/);
});

test("inherited expectations lead to their own level and category", async ({ page }) => {
  await page.goto("/support/ic3/");
  await page
    .locator(".inherited-levels li")
    .filter({ hasText: "IC1" })
    .getByRole("link", { name: /^Technical Proficiency \(\d+\)$/ })
    .click();
  await expect(page).toHaveURL(/\/support\/ic1\/#category--technical-proficiency$/);
  // One that still holds at IC3 (basic Git does not: IC2 and IC3 state newer forms of it).
  await expect(page.locator("#basic-linux")).toBeVisible();
});

test("a short link redirects to the behavior's current page and anchor", async ({ page }) => {
  await page.goto("/b/support/basic-git/");
  await expect(page).toHaveURL(/\/support\/ic1\/#basic-git$/);
  await expect(page.locator("#basic-git")).toBeInViewport();
});

test("a short link to a responsibility leads to its role page", async ({ page }) => {
  await page.goto("/b/support/mentor/");
  await expect(page).toHaveURL(/\/support\/roles\/team-lead\/#mentor$/);
});

test.describe("a page that does not exist", () => {
  test.use({ allowedConsole: [/status of 404/] });

  test("answers 404 with a page that leads back", async ({ page }) => {
    const response = await page.goto(PAGE_TYPES["not found"]);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1")).toHaveText("Page not found");
    await page.getByRole("link", { name: "The handbook's home" }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});
