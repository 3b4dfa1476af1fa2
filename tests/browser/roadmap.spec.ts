import { readFileSync } from "node:fs";
import { axeViolations } from "./axe";
import { ELEMENT_IDS, PLACES } from "../../src/lib/links/urls";
import { roadmapStorageKey } from "../../src/lib/roadmap/roadmap";
import { expect, test } from "./fixtures";
import { BROWSER_SITES } from "./sites";

const items = (page: import("@playwright/test").Page) => page.locator(".roadmap-item");

test.describe("on the real handbook", () => {
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
    await page
      .locator('[data-id="full-professional-git"]')
      .getByRole("textbox")
      .fill("Ran the Git workshop.");
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
    await page.getByLabel("Import JSON").setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"hello": 1}'),
    });
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
});

/**
 * A roadmap written against an older release, on the framework released three times (v1, v2,
 * v3; tests/fixtures/releases): what changed in its behaviors since is marked, with the diff.
 */
test.describe("after a newer release", () => {
  test.use({ baseURL: BROWSER_SITES.releases.origin });

  /** Keeps a roadmap of the eng track from L1 to L2 in the browser, as the builder writes it. */
  const keepRoadmap = async (
    page: import("@playwright/test").Page,
    roadmap: { release?: string; statuses?: Record<string, string>; notes?: Record<string, string> },
  ) => {
    const stored = {
      format: "ladder-roadmap",
      version: 1,
      track: "eng",
      from: "l1",
      to: "l2",
      ...(roadmap.release && { release: roadmap.release }),
      statuses: roadmap.statuses ?? {},
      notes: roadmap.notes ?? {},
    };
    await page.goto("/");
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [roadmapStorageKey("eng", "l1", "l2"), JSON.stringify(stored)],
    );
    await page.goto("/roadmap/?track=eng&from=l1&to=l2");
    await expect(items(page).first()).toBeVisible();
  };
  const change = (page: import("@playwright/test").Page, id: string) =>
    page.locator(`[data-id="${id}"] .roadmap-change`);
  /** The two wordings a diff paragraph stands for: without its insertions, and without its deletions. */
  const sides = (diff: import("@playwright/test").Locator) =>
    diff.evaluate((paragraph) => {
      const without = (tag: string) => {
        const copy = paragraph.cloneNode(true) as HTMLElement;
        for (const mark of copy.querySelectorAll(tag)) mark.remove();
        return copy.textContent;
      };
      return { older: without("ins"), newer: without("del") };
    });

  test("a roadmap written against v2 marks the behaviors changed in v3, with the word diff", async ({
    page,
  }) => {
    await keepRoadmap(page, { release: "v2" });
    await expect(page.locator(".roadmap-release-text")).toHaveText(
      "Written against release v2; the latest is v3. 3 behaviors of this roadmap changed since: each is marked below.",
    );
    await expect(page.locator(".roadmap-change")).toHaveCount(3);
    // Split, its own wording changed with it: the diff from v2's wording to v3's, verbatim.
    await expect(change(page, "owns-features").locator(".roadmap-change-title")).toHaveText(
      "Changed since v2: split",
    );
    const diff = change(page, "owns-features").locator(".roadmap-diff");
    await expect(diff.locator("del")).toHaveText(["end to end"]);
    await expect(diff.locator("ins")).toHaveText(["from design to launch"]);
    expect(await sides(diff)).toEqual({
      older: "Owns features end to end.",
      newer: "Owns features from design to launch.",
    });
    await expect(change(page, "owns-features")).toContainText("“Supports their features in production.”");
    await expect(change(page, "supports-features")).toContainText("Split off since v2, from:");
    await expect(change(page, "supports-team")).toContainText("Merged since v2, from:");
    await expect(change(page, "supports-team").locator("li")).toHaveText([
      /^“Shares updates in standup\.” \(shares-updates, /,
      /^“Mentors peers\.” \(mentors-peers, /,
    ]);
    // Unchanged since v2: not marked.
    await expect(change(page, "basic-git")).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("a roadmap written against v1 shows a rewording's diff and its marks under an old id, until marked as reviewed", async ({
    page,
  }) => {
    await keepRoadmap(page, {
      release: "v1",
      statuses: { "fixes-bugs": "demonstrated", "asks-questions": "working" },
      notes: { "fixes-bugs": "Fixed the login bug." },
    });
    const git = change(page, "basic-git");
    await expect(git.locator(".roadmap-change-title")).toHaveText("Changed since v1: reworded");
    expect(await sides(git.locator(".roadmap-diff"))).toEqual({
      older: "Has a basic understanding of Git.",
      newer: "Has a working understanding of Git.",
    });
    const defects = change(page, "fixes-defects");
    await expect(defects).toContainText("Renamed since v1: its id was fixes-bugs.");
    await expect(defects).toContainText(
      "This roadmap marks it “Demonstrated”, with a note, under its id then, fixes-bugs",
    );
    await expect(defects.locator(".roadmap-old-note")).toHaveText("Fixed the login bug.");

    await page.getByRole("button", { name: "Mark as reviewed" }).click();
    await expect(page.locator(".roadmap-change")).toHaveCount(0);
    await expect(page.locator(".roadmap-release-text")).toHaveText("Written against release v3, the latest.");
    await expect(page.getByRole("button", { name: "Mark as reviewed" })).toBeHidden();
    // The mark kept under the old id is the renamed behavior's now, and stays so.
    await page.reload();
    const fixes = page.locator('[data-id="fixes-defects"]');
    await expect(fixes.getByLabel("Demonstrated")).toBeChecked();
    await expect(fixes.getByRole("textbox")).toHaveValue("Fixed the login bug.");
    const stored = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key)!),
      roadmapStorageKey("eng", "l1", "l2"),
    );
    expect(stored).toMatchObject({ release: "v3", statuses: { "fixes-defects": "demonstrated" } });
  });

  test("exports the release it was written against", async ({ page, baseURL }) => {
    await keepRoadmap(page, { release: "v2" });
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export JSON" }).click(),
    ]);
    expect(JSON.parse(readFileSync((await json.path())!, "utf8")).release).toBe("v2");
    const [markdown] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export Markdown" }).click(),
    ]);
    expect(readFileSync((await markdown.path())!, "utf8")).toContain(
      `\nWritten against release [v2](${baseURL}/changes/v2/).\n`,
    );
  });

  test("a new roadmap is written against the latest release; one kept before releases, against an unknown one", async ({
    page,
  }) => {
    await page.goto("/roadmap/?track=eng&from=l1&to=l2");
    await items(page).first().getByLabel("Working on it").check();
    const key = roadmapStorageKey("eng", "l1", "l2");
    expect(await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).release, key)).toBe("v3");
    await expect(page.locator(".roadmap-release-text")).toHaveText("Written against release v3, the latest.");

    await keepRoadmap(page, {});
    await expect(page.locator(".roadmap-release-text")).toHaveText(/^Written against an unknown release/);
    await expect(page.locator(".roadmap-change")).toHaveCount(0);
  });
});
