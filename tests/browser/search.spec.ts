import type { APIRequestContext, Page } from "@playwright/test";
import { createBehaviorSearch, type SearchFilters } from "../../src/lib/search/behaviorSearch";
import { resultCount } from "../../src/lib/search/searchMessages";
import { expectAccessibleInBothSchemes } from "./axe";
import { ELEMENT_IDS } from "../../src/lib/links/urls";
import { expect, test } from "./fixtures";

const results = (page: Page) => page.locator(".search-results li");

/** How many behaviors a search finds, as the site's own index answers it: the page must show as many. */
async function found(request: APIRequestContext, query: string, filters: SearchFilters = {}) {
  const index = await (await request.get("/behaviors/search-index.json")).json();
  return createBehaviorSearch(index)(query, filters).total;
}

test("typing searches as you type, highlights the matched words and keeps the query in the URL", async ({
  page,
}) => {
  await page.goto("/behaviors/");
  const box = page.getByLabel("Search behaviors");
  await box.fill("git");
  await expect(results(page).first()).toContainText(/Git\./);
  await expect(results(page).first().locator("mark")).toHaveText("Git");
  await expect(page.locator(".search-status")).toHaveText(/^\d+ results for “git”$/);
  await expect(page).toHaveURL(/\/behaviors\/\?q=git$/);
  await expect(page.locator(`#${ELEMENT_IDS.behaviorIndex}`)).toBeHidden();
  await box.fill("");
  await expect(page.locator(`#${ELEMENT_IDS.behaviorIndex}`)).toBeVisible();
  await expect(page).toHaveURL(/\/behaviors\/$/);
});

test("the index is fetched only when search is first used", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (request) => request.url().includes("search-index.json") && fetched.push(request.url()));
  await page.goto("/behaviors/");
  await page.waitForLoadState("networkidle");
  expect(fetched).toEqual([]);
  await page.getByLabel("Search behaviors").focus();
  await expect.poll(() => fetched.length).toBe(1);
});

test("filters narrow the results, live in the URL and come back with the back button", async ({ page }) => {
  await page.goto("/behaviors/?q=git");
  await expect(results(page)).not.toHaveCount(0);
  const all = await results(page).count();
  await page.getByLabel("Level").selectOption("ic3");
  await expect(page).toHaveURL(/\?q=git&level=ic3$/);
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first()).toContainText("Has full professional proficiency of Git.");
  await page.getByLabel("Track").selectOption("product");
  await expect(page).toHaveURL(/track=product/);
  // IC3 exists in the product track too; Git does not.
  await expect(results(page)).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\?q=git&level=ic3$/);
  await expect(page.getByLabel("Track")).toHaveValue("");
  await expect(results(page)).toHaveCount(1);
  await page.goBack();
  await expect(results(page)).toHaveCount(all);
});

test("a track filter offers only that track's levels and categories", async ({ page }) => {
  await page.goto("/behaviors/?track=product");
  await expect(page.getByLabel("Level").locator('option[value="ic1"]')).toBeDisabled();
  await expect(page.getByLabel("Category").locator('option[value="delivery"]')).toBeDisabled();
  await expect(page.getByLabel("Category").locator('option[value="execution"]')).toBeEnabled();
  await expect(results(page)).not.toHaveCount(0);
  for (const meta of await page.locator(".result-meta").allTextContents())
    expect(meta).toMatch(/^Product · /);
});

test("the keyboard alone finds and opens a behavior: / to search, arrows to move, Enter to open", async ({
  page,
}) => {
  await page.goto("/support/ic1/");
  await page.keyboard.press("/");
  await expect(page.locator(`#${ELEMENT_IDS.siteSearch}`)).toBeFocused();
  await page.keyboard.type("databases");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/behaviors\/\?q=databases$/);
  await expect(results(page)).toHaveCount(2);
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search behaviors")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(results(page).nth(0).locator("a")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(results(page).nth(1).locator("a")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByLabel("Search behaviors")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/support\/ic1\/#basic-databases$/);
});

test("the behavior index works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/behaviors/?q=git");
  await expect(page.locator("behavior-search form")).toBeHidden();
  await expect(page.locator(`#${ELEMENT_IDS.behaviorIndex} li`)).toHaveCount(166);
  await page.getByRole("link", { name: "Is an expert in Git." }).click();
  await expect(page).toHaveURL(/\/support\/ic4\/#git-expert$/);
  await context.close();
});

test("word forms and job titles find behaviors, each marking what it matched", async ({ page }) => {
  await page.goto("/behaviors/");
  const box = page.getByLabel("Search behaviors");
  await box.fill("mentoring");
  await expect(results(page).first().locator("a mark")).toHaveText("mentoring");
  await expect(results(page).filter({ hasText: "Monitoring" })).toHaveCount(0);
  await expect(results(page).filter({ hasText: "Begins to mentor junior team members." })).toHaveCount(1);
  await box.fill("senior");
  await expect(page.locator(".search-status")).toHaveText(/^\d+ results for “senior”$/);
  await expect(results(page).first().locator(".result-meta")).toContainText("Senior Support Engineer");
  await expect(results(page).first().locator(".result-meta mark")).toHaveText("Senior");
  await box.fill("on-call");
  await expect(results(page)).toHaveCount(1);
  await expect(page.locator(".search-results mark")).toHaveText(["calls"]);
});

test("when no behavior has all the words, it shows those with most of them, says so, and offers fewer words", async ({
  page,
  request,
}) => {
  const either = await found(request, "git databases");
  await page.goto("/behaviors/?q=git+databases");
  await expect(page.locator(".search-status")).toHaveText(
    `No behavior has all of “git”, “databases” — showing those with most of them (${either} results). Suggestions follow.`,
  );
  await expect(results(page)).toHaveCount(either);
  const suggestions = page.locator(".search-suggestions");
  await expect(suggestions.getByRole("link")).toHaveText([
    "Search for “git” only",
    "Search for “databases” only",
  ]);
  await suggestions.getByRole("link", { name: "Search for “databases” only" }).click();
  await expect(page).toHaveURL(/\/behaviors\/\?q=databases$/);
  await expect(page.getByLabel("Search behaviors")).toHaveValue("databases");
  await expect(page.getByLabel("Search behaviors")).toBeFocused();
  await expect(page.locator(".search-status")).toHaveText(
    `${await found(request, "databases")} results for “databases”`,
  );
  await expect(suggestions).toBeHidden();
  await page.goBack();
  await expect(page.getByLabel("Search behaviors")).toHaveValue("git databases");
  await expect(results(page)).toHaveCount(either);
});

test("an empty result suggests a closer spelling and clearing a filter, as links that work", async ({
  page,
  request,
}) => {
  await page.goto("/behaviors/");
  await page.getByLabel("Search behaviors").fill("lunix");
  await expect(page.locator(".search-status")).toHaveText(
    "No behavior matches “lunix”. A suggestion follows.",
  );
  await expect(results(page)).toHaveCount(0);
  const suggestions = page.locator(".search-suggestions");
  // ↓ goes where the reader goes next: with no result, to the suggestion; ↑ comes back.
  await page.getByLabel("Search behaviors").press("ArrowDown");
  await expect(suggestions.getByRole("link")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByLabel("Search behaviors")).toBeFocused();
  await expect(suggestions).toHaveText(
    `Did you mean “linux”? (${resultCount(await found(request, "linux"))})`,
  );
  await suggestions.getByRole("link").press("Enter");
  await expect(page).toHaveURL(/\?q=linux$/);
  await expect(results(page)).toHaveText([/Has a basic understanding of Linux\./]);

  await page.goto("/behaviors/?q=git&track=product");
  await expect(page.locator(".search-status")).toHaveText("No behavior matches “git”. A suggestion follows.");
  const clear = suggestions.getByRole("link", { name: "Search all tracks" });
  // Without the script's help (a new tab, say) the link is a plain address that works too.
  await expect(clear).toHaveAttribute("href", "/behaviors/?q=git");
  await clear.click();
  await expect(page.getByLabel("Track")).toHaveValue("");
  await expect(page.locator(".search-status")).toHaveText(/^\d+ results for “git”$/);
  await expect(results(page).first()).toContainText("Git.");
});

test("the partial answer, its suggestions and the marked places pass axe in light and dark mode", async ({
  page,
}) => {
  for (const path of ["/behaviors/?q=senior+databases", "/behaviors/?q=lunix"]) {
    await page.goto(path);
    await expect(page.locator(".search-suggestions").getByRole("link").first()).toBeVisible();
    await expectAccessibleInBothSchemes(page, path);
  }
});
