import { changeAnchor } from "../../src/lib/links/urls";
import { expectAccessibleInBothSchemes } from "./axe";
import { expect, test } from "./fixtures";
import { BROWSER_SITES } from "./sites";

/** The framework released three times, with one change not released yet, built as a preview. */
test.use({ baseURL: BROWSER_SITES.releases.origin });

const PAGES = ["/changes/", "/changes/v1/", "/changes/v2/", "/changes/v3/", "/changes/unreleased/"];

test("the changelog's pages pass axe in light and dark mode and fit a 375 px phone", async ({ page }) => {
  test.slow(); // five pages, each checked twice
  for (const path of PAGES) {
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expect(page.locator("h1")).toHaveCount(1);
    await expectAccessibleInBothSchemes(page, path);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
});

test.describe("on a 375 px wide phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("a change's labels stand above what they name, and its texts keep a readable width", async ({
    page,
  }) => {
    await page.goto("/changes/v3/");
    const entry = page.locator(`[id="${changeAnchor("eng", "designs-architecture")}"]`);
    const [label, value] = [entry.locator("dt").first(), entry.locator("dd").first()];
    expect((await value.boundingBox())!.y).toBeGreaterThan((await label.boundingBox())!.y);
    expect((await value.boundingBox())!.width).toBeGreaterThan(300);
  });

  test("the summary is the first thing under the heading", async ({ page }) => {
    await page.goto("/changes/v2/");
    const summary = page.locator(".release-summary .lead");
    await expect(summary).toBeInViewport();
    await expect(summary).toContainText("Engineering ladder: 1 added, 1 removed");
  });
});

test("a link to a change lands on its entry", async ({ page }) => {
  await page.goto(`/changes/v2/#${changeAnchor("eng", "runs-demos")}`);
  const entry = page.locator(`[id="${changeAnchor("eng", "runs-demos")}"]`);
  await expect(entry).toBeInViewport();
  await expect(entry.locator(".change-kinds")).toHaveText("Removed");
  await expect(entry.getByRole("link", { name: "Shares updates in standup." })).toHaveAttribute(
    "href",
    "/b/eng/shares-updates/",
  );
});

test("the unreleased changes stand apart from the releases", async ({ page }) => {
  await page.goto("/changes/");
  const first = page.locator(".release-entry").first();
  await expect(first.getByRole("heading", { level: 2 })).toHaveText("Unreleased changes");
  await expect(first).toContainText("Not released yet");
  await expect(page.locator(".release-entry").nth(1).getByRole("heading", { level: 2 })).toHaveText("v3");
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Changes" }).click();
  await expect(page).toHaveURL(/\/changes\/$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a release's page shows every change and its word diff", async ({ page }) => {
    await page.goto("/changes/v3/");
    await expect(page.locator(".change-entry")).toHaveCount(5);
    await expect(page.locator(`[id="${changeAnchor("ops", "follows-runbooks")}"] ins`)).toHaveText(
      ", and improves them",
    );
  });
});

test("on paper a release's page keeps its changes and drops the navigation", async ({ page }) => {
  await page.goto("/changes/v3/");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".pager")).toBeHidden();
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".change-entry").first()).toBeVisible();
  await expect(page.locator(".release-summary table")).toBeVisible();
});
