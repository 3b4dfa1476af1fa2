import { expect, test } from "./fixtures";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("Copy link copies the permanent short link and says so to screen readers", async ({ page, baseURL }) => {
  await page.goto("/support/ic1/");
  await page.locator("#basic-git").getByRole("button", { name: "Copy link" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/b/support/basic-git/`);
  await expect(page.locator("#live-status")).toHaveText("Link copied: Has a basic understanding of Git.");
});

test("Copy as Markdown works from the keyboard alone", async ({ page, baseURL }) => {
  await page.goto("/product/ic2/#strong-generalist");
  const item = page.locator("#strong-generalist");
  await item.getByRole("link", { name: "Link to strong-generalist" }).focus();
  await page.keyboard.press("Tab");
  await expect(item.getByRole("button", { name: "Copy link" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(item.getByRole("button", { name: "Copy as Markdown" })).toBeFocused();
  await expect(item.getByRole("button", { name: "Copy as Markdown" })).toBeVisible();
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `[Strong generalist skill set; starting to develop some areas of expertise.](${baseURL}/b/product/strong-generalist/)`,
  );
  await expect(item.getByRole("button", { name: "Copied" })).toBeVisible();
});

test("a role's responsibilities can be copied too", async ({ page, baseURL }) => {
  await page.goto("/support/roles/team-lead/");
  await page.locator("#liaison").getByRole("button", { name: "Copy link" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/b/support/liaison/`);
});

test("without JavaScript there are no copy buttons and the self links work", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/support/ic2/");
  await expect(page.getByRole("button", { name: "Copy link" })).toHaveCount(0);
  await page.locator("#professional-git").getByRole("link", { name: "Link to professional-git" }).click();
  await expect(page).toHaveURL(/#professional-git$/);
  await context.close();
});
