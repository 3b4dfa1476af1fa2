import { expectAccessibleInBothSchemes } from "./axe";
import { expect, test } from "./fixtures";

test.describe("arriving through a short link", () => {
  test("keeps the level and category in view above the marked behavior, on a wide screen and a phone", async ({
    page,
  }) => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 412, height: 840 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto("/b/support/full-professional-git/");
      await expect(page).toHaveURL(/\/support\/ic3\/#full-professional-git$/);
      const behavior = page.locator("#full-professional-git");
      const heading = page.locator("section.category").filter({ has: behavior }).locator("h2");
      const current = page.locator(".breadcrumb [aria-current=page]");
      await expect(heading).toHaveText("Technical Proficiency");
      await expect(current).toHaveText("IC3");
      for (const element of [behavior, heading, current])
        await expect(element, `${viewport.width} px`).toBeInViewport();
      // Stacked, nothing covering anything: level, then category, then the behavior.
      const [crumb, title, item] = await Promise.all(
        [current, heading, behavior].map(async (element) => (await element.boundingBox())!),
      );
      expect(crumb.y + crumb.height, `${viewport.width} px`).toBeLessThanOrEqual(title.y + 1);
      expect(title.y + title.height, `${viewport.width} px`).toBeLessThanOrEqual(item.y + 1);
    }
  });

  test("marks the behavior for a moment", async ({ page }) => {
    await page.goto("/b/support/full-professional-git/");
    // The short link's page sends the reader on; the level page is the one to look at, once
    // loaded (before, its behavior may exist while the browser has not yet made it the target).
    await page.waitForURL(/#full-professional-git$/);
    await page.waitForLoadState("load");
    const behavior = page.locator("#full-professional-git");
    // Its style, not its running animations: on a busy machine the load may outlast the 2.5 s.
    const marking = await behavior.evaluate((item) => {
      const style = getComputedStyle(item);
      return {
        name: style.animationName,
        duration: style.animationDuration,
        target: item.matches(":target"),
      };
    });
    expect(marking).toEqual({ name: "arrive", duration: "2.5s", target: true });
    // The others are not marked.
    const other = page.locator("#advanced-cloud");
    expect(await other.evaluate((item) => getComputedStyle(item).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
  });

  test("marks it without motion when the reader asks for less", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("/b/support/full-professional-git/");
    // The short link's page sends the reader on; the level page is the one to look at, once
    // loaded (before, its behavior may exist while the browser has not yet made it the target).
    await page.waitForURL(/#full-professional-git$/);
    await page.waitForLoadState("load");
    const behavior = page.locator("#full-professional-git");
    await expect(behavior).toBeInViewport();
    const style = await behavior.evaluate((item) => ({
      animations: item.getAnimations().length,
      background: getComputedStyle(item).backgroundColor,
    }));
    expect(style.animations).toBe(0);
    expect(style.background).not.toBe("rgba(0, 0, 0, 0)");
  });
});

// One page load per page for everything printing must do: cheaper than a test each.
test("each page prints with its track named, without navigation or controls, and with collapsed sections open", async ({
  page,
}) => {
  const support = "Customer support career framework";
  const product = "Sourcegraph product career development framework";
  for (const [path, track, pdf] of [
    ["/support/ic3/", support, true],
    ["/product/ic3/", product, true],
    ["/support/compare/ic2/ic3/", support, true],
    ["/product/compare/ic2/ic5/", product, false],
    ["/support/roles/team-lead/", support, false],
  ] as const) {
    await page.emulateMedia({ media: "screen" });
    await page.goto(path);
    await expect(page.locator(".print-context"), path).toBeHidden();
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".print-context"), path).toBeVisible();
    await expect(page.locator(".print-context"), path).toHaveText(`Career handbook · ${track}`);
    await expect(page.locator("main h1"), path).toBeVisible();
    const screenOnly = ["header", "footer", ".breadcrumb", ".pager", "level-picker", ".site-search"];
    for (const selector of [...screenOnly, ".permalink-menu", ".roadmap-link"]) {
      const element = page.locator(selector);
      if ((await element.count()) > 0) await expect(element.first(), `${path} ${selector}`).toBeHidden();
    }
    const collapsed = page.locator("details li").first();
    if ((await collapsed.count()) > 0) await expect(collapsed, path).toBeVisible();
    if (pdf) expect((await page.pdf({ format: "A4" })).subarray(0, 5).toString(), path).toBe("%PDF-");
  }
});

test.describe("how a behavior grows", () => {
  test("folds its next form under it, opens from the keyboard after the link menu, and prints without it", async ({
    page,
  }) => {
    await page.goto("/support/ic2/");
    const item = page.locator("#professional-code-hosts");
    const growth = item.locator("details.growth");
    const summary = growth.locator("summary");
    await expect(summary).toHaveText("Grows into its IC4 form");
    await expect(growth.locator("dl")).toBeHidden();
    // From the behavior's link menu, the next stop is its growth; the menu opens and closes as before.
    const menu = item.locator(".permalink-menu > summary");
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(item.getByRole("button", { name: "Copy link" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(summary).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(growth).toHaveAttribute("open");
    const next = growth.getByRole("link", { name: "IC4", exact: true });
    await expect(next).toBeVisible();
    await expect(growth.getByRole("link", { name: "How it grows from IC1 to IC5" })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(next).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press(" ");
    await expect(growth).not.toHaveAttribute("open");
    // The link lands on the next form, on its level's page.
    await summary.click();
    await next.click();
    await expect(page).toHaveURL(/\/support\/ic4\/#full-code-hosts-one-other$/);
    await expect(page.locator("#full-code-hosts-one-other")).toBeInViewport();
    // Paper prints the level's own expectations, without the growth under them.
    await page.goto("/support/ic2/");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".growth").first()).toBeHidden();
    await expect(page.locator("#professional-code-hosts .behavior-text")).toBeVisible();
  });

  test("passes axe open, in light and dark mode, and fits a 375 px phone", async ({ page }) => {
    await page.goto("/support/ic2/");
    const folded = page.locator("details.growth > summary");
    expect(await folded.count()).toBeGreaterThan(1);
    for (const summary of await folded.all()) await summary.click();
    await expect(page.locator("details.growth:not([open])")).toHaveCount(0);
    await expect(page.locator("details.growth ins").first()).toBeVisible();
    await expect(page.locator("p.growth").first()).toBeVisible();
    await expectAccessibleInBothSchemes(page, "/support/ic2/ with its growth open");
    await page.setViewportSize({ width: 375, height: 800 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      "sideways scroll on a phone",
    ).toBeLessThanOrEqual(375);
  });
});
