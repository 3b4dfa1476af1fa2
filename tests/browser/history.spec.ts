import { ELEMENT_IDS } from "../../src/lib/links/urls";
import { expectAccessibleInBothSchemes } from "./axe";
import { expect, test } from "./fixtures";
import { BROWSER_SITES } from "./sites";

// The framework released three times (v1, v2, v3), with reads-code reworded since v3.
test.use({ baseURL: BROWSER_SITES.releases.origin, permissions: ["clipboard-read", "clipboard-write"] });

test("history pages are accessible, a pinned section among them", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  // A rewording with its word diff; behaviors merged into one; an id renamed since.
  for (const path of [
    "/b/eng/designs-systems/history/#v2",
    "/b/eng/supports-team/history/",
    "/b/eng/reads-code/history/",
  ]) {
    await page.goto(path);
    await expectAccessibleInBothSchemes(page, path);
  }
});

test("a pinned link lands on the section of its release, marked as the target", async ({ page }) => {
  await page.goto("/b/eng/basic-git/history/#v3");
  const sections = page.locator("section.history-version");
  await expect(sections).toHaveCount(2);
  const pinned = sections.filter({ has: page.locator('[id="v3"]') });
  // v3 kept the wording v2 brought: one section, anchored at both.
  await expect(pinned.getByRole("heading")).toHaveText("v2 and v3");
  await expect(pinned.locator('[id="v2"]')).toHaveCount(1);
  await expect(pinned.locator(".history-text")).toHaveText("Has a working understanding of Git.");
  await expect(pinned.getByRole("heading")).toBeInViewport();
  const background = (section: typeof pinned) =>
    section.evaluate((element) => getComputedStyle(element).backgroundColor);
  await expect.poll(() => pinned.evaluate((element) => element.matches(":has(:target)"))).toBe(true);
  const other = sections.first();
  expect(await other.evaluate((element) => element.matches(":has(:target)"))).toBe(false);
  expect(await background(pinned)).not.toBe(await background(other));

  // Following the older release's link moves the mark.
  await page.goto("/b/eng/basic-git/history/#v1");
  await expect(other.locator(".history-text")).toHaveText("Has a basic understanding of Git.");
  await expect.poll(() => other.evaluate((element) => element.matches(":has(:target)"))).toBe(true);
});

test("the link menu copies the pinned link and links the last change and the history", async ({
  page,
  baseURL,
}) => {
  await page.goto("/eng/l1/");
  await expect(page.getByRole("link", { name: "Changed since the latest release" })).toHaveAttribute(
    "href",
    "/changes/unreleased/",
  );
  const item = page.locator("#basic-git");
  await item.locator("summary").click();
  await expect(item.getByRole("link", { name: "Changed in v2" })).toHaveAttribute(
    "href",
    "/changes/v2/#change--eng--basic-git",
  );
  await expect(item.getByRole("link", { name: "History" })).toHaveAttribute(
    "href",
    "/b/eng/basic-git/history/",
  );
  await item.getByRole("button", { name: "Copy pinned link (v3)" }).click();
  const pinned = `${baseURL}/b/eng/basic-git/history/#v3`;
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(pinned);
  await expect(page.locator(`#${ELEMENT_IDS.status}`)).toHaveText(
    "Pinned link copied: Has a working understanding of Git.",
  );
  await expect(item.getByRole("button", { name: "Copied" })).toBeVisible();
  // The permanent link is copied as before.
  await item.getByRole("button", { name: "Copy link" }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(`${baseURL}/b/eng/basic-git/`);

  // The copied pinned link leads to the wording the behavior has now.
  await page.goto(pinned);
  await expect(page.locator('section.history-version:has([id="v3"]) .history-text')).toHaveText(
    "Has a working understanding of Git.",
  );
});

test("a behavior reworded since the latest release offers no pinned link", async ({ page }) => {
  await page.goto("/eng/l1/");
  const item = page.locator("#reads-code");
  await item.locator("summary").click();
  await expect(item.getByRole("button", { name: /^Copy/ })).toHaveText(["Copy link", "Copy as Markdown"]);
  await expect(item.getByRole("link", { name: "Changed since the latest release" })).toHaveAttribute(
    "href",
    "/changes/unreleased/#change--eng--reads-code",
  );
  await item.getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(/\/b\/eng\/reads-code\/history\/$/);
  await expect(page.locator(".history-now .notice")).toContainText("Changed since v3, the latest release");
});

test("a responsibility's menu offers its pinned link too", async ({ page, baseURL }) => {
  await page.goto("/eng/roles/manager/");
  const item = page.locator("#runs-one-on-ones");
  await item.locator("summary").click();
  await item.getByRole("button", { name: "Copy pinned link (v3)" }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(`${baseURL}/b/eng/runs-one-on-ones/history/#v3`);
});

test("without JavaScript, the behavior keeps its plain permanent link and the history page works", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/eng/l2/");
  await expect(page.locator("li.behavior :is(summary, button)")).toHaveCount(0);
  await expect(page.locator("#supports-team").getByRole("link")).toHaveAttribute(
    "href",
    "/b/eng/supports-team/",
  );
  await page.goto("/b/eng/runs-demos/history/#v2");
  await expect(page.locator('section.history-version:has([id="v2"]) .history-text')).toHaveText(
    "Shares updates in standup.",
  );
  await page.locator(".history-now").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/eng\/l2\/#supports-team$/);
  await context.close();
});
