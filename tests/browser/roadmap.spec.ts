import { readFileSync } from "node:fs";
import { axeViolations } from "./axe";
import { ELEMENT_IDS, PLACES } from "../../src/lib/links/urls";
import { expect, test } from "./fixtures";

const items = (page: import("@playwright/test").Page) => page.locator(".roadmap-item");

test.beforeEach(async ({ page }) => {
  await page.goto("/roadmap/?track=support&from=ic2&to=ic3");
  await expect(items(page).first()).toBeVisible();
});

test("lists what the target asks beyond the current level, then what still holds", async ({ page }) => {
  await expect(page.locator(`#${ELEMENT_IDS.roadmapTitle}`)).toHaveText("Support: from IC2 to IC3");
  const technical = page.locator('[data-category="technical-proficiency"]');
  await expect(technical.locator("h3").first()).toHaveText(/^To grow into at IC3 \(\d+\)$/);
  const git = technical.locator('[data-id="full-professional-git"]');
  await expect(git).toContainText("Has full professional proficiency of Git.");
  await expect(git).toContainText("Now: Has professional working proficiency of Git.");
  await expect(technical.locator("h3").nth(1)).toHaveText(/^Still expected \(\d+\)$/);
});

test("marks behaviors, keeps notes and shows progress, all kept across a reload", async ({ page }) => {
  const first = items(page).first();
  await first.getByLabel("Demonstrated").check();
  await items(page).nth(1).getByLabel("Working on it").check();
  await first.getByRole("textbox").fill("Led the escalation review in May.");
  const total = await items(page).count();
  await expect(page.locator(".roadmap-overall")).toHaveText(`1 of ${total} demonstrated, 1 in progress.`);
  expect(await page.locator(".roadmap-bar").evaluate((bar: HTMLProgressElement) => bar.value)).toBeCloseTo(
    1 / total,
  );
  await page.reload();
  await expect(items(page).first().getByLabel("Demonstrated")).toBeChecked();
  await expect(items(page).nth(1).getByLabel("Working on it")).toBeChecked();
  await expect(items(page).first().getByRole("textbox")).toHaveValue("Led the escalation review in May.");
  await expect(page.locator(".roadmap-overall")).toHaveText(`1 of ${total} demonstrated, 1 in progress.`);
});

test("keeps one roadmap per track and pair of levels", async ({ page }) => {
  await items(page).first().getByLabel("Demonstrated").check();
  await page.getByLabel("Growing into").selectOption("ic4");
  await expect(page.locator(`#${ELEMENT_IDS.roadmapTitle}`)).toHaveText("Support: from IC2 to IC4");
  await expect(page).toHaveURL(/track=support&from=ic2&to=ic4$/);
  await expect(page.locator(".roadmap-overall")).toHaveText(/^0 of \d+ demonstrated/);
  await page.getByLabel("Track").selectOption("product");
  await expect(page.locator(`#${ELEMENT_IDS.roadmapTitle}`)).toHaveText("Product: from IC2 to IC3");
  await page.getByLabel("Track").selectOption("support");
  await page.getByLabel("I am at").selectOption("ic2");
  await page.getByLabel("Growing into").selectOption("ic3");
  await expect(items(page).first().getByLabel("Demonstrated")).toBeChecked();
});

test("Clear empties this roadmap only after confirmation", async ({ page }) => {
  await items(page).first().getByLabel("Demonstrated").check();
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByRole("button", { name: "Clear this roadmap" }).click();
  await expect(items(page).first().getByLabel("Demonstrated")).toBeChecked();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Clear this roadmap" }).click();
  await expect(items(page).first().getByLabel("Not started")).toBeChecked();
  await page.reload();
  await expect(items(page).first().getByLabel("Not started")).toBeChecked();
});

test("exports Markdown with absolute permanent links, statuses and notes", async ({ page, baseURL }) => {
  await page.locator('[data-id="full-professional-git"]').getByLabel("Demonstrated").check();
  await page.locator('[data-id="full-professional-git"]').getByRole("textbox").fill("Ran the Git workshop.");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export Markdown" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("roadmap-support-ic2-ic3.md");
  const markdown = readFileSync((await download.path())!, "utf8");
  expect(markdown).toContain(
    `- [Has full professional proficiency of Git.](${baseURL}/b/support/full-professional-git/) — Demonstrated
  > Ran the Git workshop.`,
  );
  await expect(page.getByRole("status").filter({ hasText: "Markdown roadmap downloaded." })).toBeVisible();
});

test("exports JSON and imports it into another browser", async ({ page, browser }) => {
  await page.locator('[data-id="leads-issue-resolution-plans"]').getByLabel("Working on it").check();
  await page
    .locator('[data-id="leads-issue-resolution-plans"]')
    .getByRole("textbox")
    .fill("Shadowing Ana's cases.");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export JSON" }).click(),
  ]);
  const exported = readFileSync((await download.path())!);

  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto("/roadmap/?track=product&from=ic2&to=ic3");
  await expect(other.locator(".roadmap-item").first()).toBeVisible();
  await other
    .getByLabel("Import JSON")
    .setInputFiles({ name: "roadmap.json", mimeType: "application/json", buffer: exported });
  await expect(other.locator(`#${ELEMENT_IDS.roadmapTitle}`)).toHaveText("Support: from IC2 to IC3");
  const item = other.locator('[data-id="leads-issue-resolution-plans"]');
  await expect(item.getByLabel("Working on it")).toBeChecked();
  await expect(item.getByRole("textbox")).toHaveValue("Shadowing Ana's cases.");
  await expect(
    other.getByRole("status").filter({ hasText: "Imported the Support roadmap from roadmap.json." }),
  ).toBeVisible();
  await elsewhere.close();
});

test("refuses a file that is not a roadmap, saying why", async ({ page }) => {
  await page
    .getByLabel("Import JSON")
    .setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"hello": 1}') });
  await expect(
    page.getByRole("status").filter({ hasText: /^Not imported\. notes\.json: format: / }),
  ).toBeVisible();
});

test("prints statuses and notes as text, without the controls or their last message", async ({ page }) => {
  await items(page).first().getByLabel("Working on it").check();
  await items(page).first().getByRole("textbox").fill("Evidence: the May report.");
  await page
    .getByLabel("Import JSON")
    .setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{}") });
  await expect(page.locator(".roadmap-message")).toHaveText(/^Not imported/);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".roadmap-message")).toBeHidden();
  await expect(page.getByText("Kept in this browser only")).toBeHidden();
  await expect(page.locator(".roadmap-actions")).toBeHidden();
  await expect(items(page).first().locator(".roadmap-status")).toBeHidden();
  await expect(items(page).first().locator(".print-status")).toHaveText("Working on it");
  await expect(items(page).first().locator(".print-note")).toHaveText("Evidence: the May report.");
});

test("has no axe violations once the roadmap is shown", async ({ page }) => {
  await items(page).first().getByLabel("Demonstrated").check();
  expect(await axeViolations(page)).toEqual([]);
});

test("with JavaScript the notice for browsers without it is gone", async ({ page }) => {
  await expect(page.locator(".roadmap-needs-js")).toBeHidden();
});

test("without JavaScript the page says it needs it and links to the comparisons", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/roadmap/");
  await expect(page.locator("roadmap-builder")).toBeHidden();
  await expect(page.locator(".roadmap-needs-js")).toBeVisible();
  await expect(page.locator(".roadmap-needs-js")).toContainText("needs JavaScript");
  await page.getByRole("link", { name: "Support: what changes from IC1 to IC2" }).click();
  await expect(page).toHaveURL(/\/support\/compare\/ic1\/ic2\/$/);
  await context.close();
});

test("lists the track's shared expectations last, as still expected", async ({ page }) => {
  await page.goto("/roadmap/?track=product&from=ic2&to=ic3");
  const shared = page.locator(`[data-category="${PLACES.shared}"]`);
  await expect(shared.locator("h2")).toHaveText("All Levels");
  await expect(shared.locator('[data-id="seeks-clear-ownership"]')).toBeVisible();
  await expect(shared.locator(".roadmap-item")).toHaveCount(17);
});

test("changing where I am keeps the target while it is still above", async ({ page }) => {
  await page.getByLabel("Growing into").selectOption("ic5");
  await page.getByLabel("I am at").selectOption("ic3");
  await expect(page.getByLabel("Growing into")).toHaveValue("ic5");
  await page.getByLabel("I am at").selectOption("ic4");
  await expect(page.getByLabel("Growing into")).toHaveValue("ic5");
});

test("two tabs on one roadmap keep each other's changes", async ({ page, context }) => {
  const other = await context.newPage();
  await other.goto("/roadmap/?track=support&from=ic2&to=ic3");
  await expect(other.locator(".roadmap-item").first()).toBeVisible();
  await items(page).first().getByLabel("Demonstrated").check();
  await items(page).first().getByRole("textbox").fill("From the first tab.");
  await other.locator(".roadmap-item").nth(1).getByLabel("Working on it").check();
  // The first tab shows the second tab's change, and nothing was lost.
  await expect(items(page).nth(1).getByLabel("Working on it")).toBeChecked();
  await page.reload();
  await expect(items(page).first().getByLabel("Demonstrated")).toBeChecked();
  await expect(items(page).first().getByRole("textbox")).toHaveValue("From the first tab.");
  await expect(items(page).nth(1).getByLabel("Working on it")).toBeChecked();
});

test("importing over a roadmap kept in this browser asks first", async ({ page }) => {
  await items(page).first().getByLabel("Demonstrated").check();
  const file = {
    name: "roadmap.json",
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify({
        format: "ladder-roadmap",
        version: 1,
        track: "support",
        from: "ic2",
        to: "ic3",
        statuses: {},
        notes: {},
      }),
    ),
  };
  page.once("dialog", (dialog) => dialog.dismiss());
  await page.getByLabel("Import JSON").setInputFiles(file);
  await expect(
    page.getByRole("status").filter({ hasText: "Not imported: the roadmap in this browser is kept." }),
  ).toBeVisible();
  await expect(items(page).first().getByLabel("Demonstrated")).toBeChecked();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByLabel("Import JSON").setInputFiles(file);
  await expect(items(page).first().getByLabel("Not started")).toBeChecked();
});

test("refuses a roadmap whose levels go down", async ({ page }) => {
  const reversed = {
    format: "ladder-roadmap",
    version: 1,
    track: "support",
    from: "ic4",
    to: "ic2",
    statuses: {},
    notes: {},
  };
  await page.getByLabel("Import JSON").setInputFiles({
    name: "r.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(reversed)),
  });
  await expect(
    page.getByRole("status").filter({
      hasText:
        "Not imported: this handbook has no support roadmap from ic4 to ic2: a roadmap goes up, from a level to one above it.",
    }),
  ).toBeVisible();
});
