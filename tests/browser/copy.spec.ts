import { devices, type Page } from "@playwright/test";
import { ELEMENT_IDS } from "../../src/lib/links/urls";
import { expect, test } from "./fixtures";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** Where every behavior starts, from the top of the page, to show that nothing moves. */
const tops = (page: Page) =>
  page
    .locator("li.behavior[id]")
    .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top + scrollY));

/**
 * How much taller each behavior is than its text: the same for all when nothing takes room beside
 * the text. How it grows (BehaviorGrowth) takes room below the text, not beside it: left aside.
 */
const extraHeights = (page: Page) =>
  page.locator("li.behavior[id]").evaluateAll((items) => [
    ...new Set(
      items.map((item) => {
        const growth = item.querySelector(".growth");
        const below = growth
          ? growth.getBoundingClientRect().height + parseFloat(getComputedStyle(growth).marginTop)
          : 0;
        return Math.round(
          item.getBoundingClientRect().height -
            item.querySelector(".behavior-text")!.getBoundingClientRect().height -
            below,
        );
      }),
    ),
  ]);

test("each behavior has one quiet link button, and opening it moves nothing", async ({ page, baseURL }) => {
  await page.goto("/support/ic3/");
  const behaviors = page.locator("li.behavior[id]");
  const buttons = page.locator("li.behavior[id] .permalink-menu > summary");
  await expect(buttons).toHaveCount(await behaviors.count());
  await expect(buttons.first()).toBeVisible();
  // The copy actions take no room, and appear on no hover.
  await expect(page.getByRole("button", { name: "Copy link" })).toHaveCount(0);
  expect(await extraHeights(page)).toHaveLength(1);
  const before = await tops(page);
  await behaviors.nth(2).hover();
  expect(await tops(page)).toEqual(before);

  const git = page.locator("#full-professional-git");
  await git.locator(".permalink-menu > summary").click();
  // The permanent link first, then the links about its releases (history.spec.ts).
  const link = git.getByRole("link").first();
  await expect(link).toHaveAttribute("href", "/b/support/full-professional-git/");
  await expect(link).toHaveText(`${baseURL}/b/support/full-professional-git/`);
  await expect(git.getByRole("button", { name: "Copy link" })).toBeVisible();
  expect(await tops(page)).toEqual(before);
  // One menu is open at a time, and a click elsewhere closes it.
  await page.locator("#advanced-cloud .permalink-menu > summary").click();
  await expect(git.locator("details.permalink-menu")).not.toHaveAttribute("open");
  await page.locator("h1").click();
  await expect(page.locator("details.permalink-menu[open]")).toHaveCount(0);
});

test("Copy link copies the permanent short link and says so to screen readers", async ({ page, baseURL }) => {
  await page.goto("/support/ic1/");
  const item = page.locator("#basic-git");
  await item.locator(".permalink-menu > summary").click();
  await item.getByRole("button", { name: "Copy link" }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(`${baseURL}/b/support/basic-git/`);
  await expect(page.locator(`#${ELEMENT_IDS.status}`)).toHaveText(
    "Link copied: Has a basic understanding of Git.",
  );
  await expect(item.getByRole("button", { name: "Copied" })).toBeVisible();
  // Clicked again while it says so, it still comes back to its own label.
  await item.getByRole("button", { name: "Copied" }).click();
  await expect(item.getByRole("button", { name: "Copy link" })).toBeVisible();
});

test("a button that takes focus is never hidden under the sticky level and category", async ({ page }) => {
  await page.goto("/support/ic3/");
  const git = page.locator("#full-professional-git .permalink-menu > summary");
  // What the keyboard reaches next: the behavior's growth, below its text.
  const next = page.locator("#full-professional-git details.growth > summary");
  await next.focus();
  // Scrolled so that the button sits where the sticky level and category are; Shift+Tab then
  // moves to it, as a reader going back up does.
  await git.evaluate((summary) => scrollBy(0, summary.getBoundingClientRect().top - 10));
  await page.keyboard.press("Shift+Tab");
  await expect(git).toBeFocused();
  const box = (await git.boundingBox())!;
  const onTop = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.closest("li")?.id,
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(onTop).toBe("full-professional-git");
});

test("the menu works from the keyboard alone: Enter opens, Tab reaches the copies, Escape closes", async ({
  page,
  baseURL,
}) => {
  await page.goto("/product/ic2/");
  const item = page.locator("#strong-generalist");
  const button = item.locator(".permalink-menu > summary");
  await button.focus();
  await expect(button).toHaveAccessibleName("Permanent link");
  // Named alike, told apart by the behavior they link.
  await expect(button).toHaveAccessibleDescription(
    "Strong generalist skill set; starting to develop some areas of expertise.",
  );
  await page.keyboard.press("Enter");
  await expect(item.locator("details.permalink-menu")).toHaveAttribute("open");
  await page.keyboard.press("Tab");
  await expect(item.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(item.getByRole("button", { name: "Copy link" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(item.getByRole("button", { name: "Copy as Markdown" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(
      `[Strong generalist skill set; starting to develop some areas of expertise.](${baseURL}/b/product/strong-generalist/)`,
    );
  await expect(page.locator(`#${ELEMENT_IDS.status}`)).toHaveText(
    "Markdown link copied: Strong generalist skill set; starting to develop some areas of expertise.",
  );
  await page.keyboard.press("Escape");
  await expect(item.locator("details.permalink-menu")).not.toHaveAttribute("open");
  await expect(button).toBeFocused();
  // Tabbing past an open menu closes it.
  await page.keyboard.press("Enter");
  // Past the link, every button and every link of the menu.
  const stops = await item.locator(".permalink-panel :is(a, button)").count();
  for (let i = 0; i <= stops; i++) await page.keyboard.press("Tab");
  await expect(item.locator("details.permalink-menu")).not.toHaveAttribute("open");
});

test.describe("on a touch screen", () => {
  const { defaultBrowserType: _, ...phone } = devices["Pixel 7"];
  test.use({ ...phone });

  test("shows the same one button per behavior, and a tap copies", async ({ page, baseURL }) => {
    await page.goto("/support/ic2/");
    const behaviors = page.locator("li.behavior[id]");
    await expect(page.locator("li.behavior[id] .permalink-menu > summary:visible")).toHaveCount(
      await behaviors.count(),
    );
    await expect(page.getByRole("button", { name: /^Copy/ })).toHaveCount(0);
    expect(await extraHeights(page)).toHaveLength(1);
    const before = await tops(page);
    const item = page.locator("#professional-git");
    await item.locator(".permalink-menu > summary").tap();
    await item.getByRole("button", { name: "Copy link" }).tap();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${baseURL}/b/support/professional-git/`);
    expect(await tops(page)).toEqual(before);
    // The open menu stays on the screen.
    const panel = (await item.locator(".permalink-panel").boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  });
});

test("a role's responsibilities can be copied too", async ({ page, baseURL }) => {
  await page.goto("/support/roles/team-lead/");
  const item = page.locator("#liaison");
  await item.locator("summary").click();
  await item.getByRole("button", { name: "Copy link" }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(`${baseURL}/b/support/liaison/`);
});

test("without JavaScript the icon is the permanent link itself, which leads back to the behavior", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/support/ic2/");
  // No menu: the summaries there are those of the behaviors' growth, plain HTML.
  await expect(page.locator("li.behavior :is(.permalink-menu, button)")).toHaveCount(0);
  const link = page.locator("#professional-git").getByRole("link", { name: "Permanent link" });
  await expect(link).toHaveAttribute("href", "/b/support/professional-git/");
  await link.click();
  await expect(page).toHaveURL(/\/support\/ic2\/#professional-git$/);
  await context.close();
});
