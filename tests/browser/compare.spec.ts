import { expectAccessibleInBothSchemes } from "./axe";
import { expect, test } from "./fixtures";

test("the picker opens the chosen comparison", async ({ page }) => {
  await page.goto("/support/compare/ic2/ic3/");
  await expect(page.locator(".picker-links")).toBeHidden();
  await page.getByLabel("From", { exact: true }).selectOption("ic1");
  await page.getByLabel("To", { exact: true }).selectOption("ic5");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/support\/compare\/ic1\/ic5\/$/);
  await expect(page.locator("h1")).toHaveText("What changes from IC1 to IC5");
});

test("the picker keeps `from` below `to`", async ({ page }) => {
  await page.goto("/support/compare/ic1/ic2/");
  await page.getByLabel("From", { exact: true }).selectOption("ic4");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("ic5");
  await expect(page.getByLabel("To", { exact: true }).locator('option[value="ic4"]')).toBeDisabled();
  await expect(page.getByLabel("From", { exact: true }).locator('option[value="ic5"]')).toBeDisabled();
});

test("the picker works with the keyboard alone", async ({ page }) => {
  await page.goto("/product/compare/ic2/ic3/");
  await page.getByLabel("From", { exact: true }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("ic3");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("ic4");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("To", { exact: true })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Compare" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/product\/compare\/ic3\/ic5\/$/);
});

test("the picker shows its state again after going back", async ({ page }) => {
  await page.goto("/support/compare/ic1/ic2/");
  await page.getByLabel("From", { exact: true }).selectOption("ic3");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/ic3\/ic4\/$/);
  await page.goBack();
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("ic1");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("ic2");
});

test("without JavaScript the picker is a list of links to every comparison", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/support/compare/ic2/ic3/");
  await expect(page.locator(".picker-form")).toBeHidden();
  await page.getByRole("link", { name: "IC1 to IC4" }).click();
  await expect(page).toHaveURL(/\/support\/compare\/ic1\/ic4\/$/);
  await context.close();
});

test("changed words are marked on both sides", async ({ page }) => {
  await page.goto("/support/compare/ic3/ic4/");
  const git = page.locator(".change").filter({ has: page.locator('a[href$="#git-expert"]') });
  await expect(git.locator(".side-from del").first()).toBeVisible();
  await expect(git.locator(".side-to ins").first()).toBeVisible();
  await expect(git.locator(".side-from")).toContainText("Has full professional proficiency of Git.");
});

test.describe("on a 375 px wide phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("a pair grown over levels between says through which, and its link opens the thread at the newer form", async ({
    page,
  }) => {
    await page.goto("/support/compare/ic1/ic4/");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessibleInBothSchemes(page, "/support/compare/ic1/ic4/");
    const git = page.locator(".change").filter({ has: page.locator('.side-to a[href$="#git-expert"]') });
    const through = git.locator(".through");
    await through.scrollIntoViewIfNeeded();
    await expect(through).toBeVisible();
    await expect(through).toHaveText("Through IC2 and IC3 · How it grows");
    // Below both sides, which a phone stacks.
    const [line, newer] = await Promise.all([through.boundingBox(), git.locator(".side-to").boundingBox()]);
    expect(line!.y).toBeGreaterThanOrEqual(newer!.y + newer!.height);
    await through.getByRole("link", { name: /^How it grows: Is an expert in Git\.$/ }).click();
    await expect(page).toHaveURL(/\/support\/growth\/#git-expert$/);
    await expect(page.locator('[id="git-expert"]')).toBeInViewport();
  });
});
