import { markdownBehavior, markdownLink } from "../../src/lib/links/markdown";
import { parseInlineMarkdown, plainText } from "../../src/lib/text/inlineMarkdown";
import { modelTrackFiles } from "../fixtures/modelTrack";
import { SWEEP_MARKDOWN, sweepTrackFiles } from "../fixtures/sweepTrack";
import { expect, test } from "./fixtures";
import { BROWSER_SITES } from "./sites";
import { expectAccessibleInBothSchemes } from "./axe";

/**
 * A site built from data full of markup, script, javascript: URLs and Markdown: every string
 * must show as the text it is, nothing may run, and the site must work under a
 * Content-Security-Policy that allows only its own scripts.
 */
test.use({ baseURL: BROWSER_SITES.hostile.origin });

const PAGES = [
  "/",
  "/hostile/",
  "/hostile/l1/",
  "/hostile/l2/",
  "/hostile/compare/l1/l2/",
  "/hostile/roles/lead/",
  "/behaviors/?q=script",
  // The generated sweep track: every hostile text in every kind of field.
  "/sweep/",
  "/sweep/l0/",
  "/sweep/compare/l5/l6/",
  "/sweep/roles/r0/",
  "/behaviors/?q=pwned&track=sweep",
];

test.beforeEach(async ({ page }) => {
  // Serve every response with the strictest policy the site must work under.
  await page.route("**/*", async (route) => {
    try {
      // A kept-alive connection the preview server closed just as it was reused hangs up:
      // asked again, on a new connection, it answers.
      const response = await route
        .fetch()
        .catch((error: Error) =>
          /ECONNRESET|socket hang up/.test(error.message) ? route.fetch() : Promise.reject(error),
        );
      await route.fulfill({
        response,
        headers: { ...response.headers(), "content-security-policy": "script-src 'self'" },
      });
    } catch (error) {
      // A request the page dropped by navigating on (the search index of the page before), or
      // still in flight when the test ended (a favicon), has no one left to answer; anything
      // else is a real failure.
      if (!/Fetch response has been disposed|has been closed|Test ended/.test((error as Error).message))
        throw error;
    }
  });
  page.on("dialog", (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
});

// One test for all the pages (a new page costs more than the checks).
test("every page shows hostile data as inert text", async ({ page }) => {
  test.slow(); // twelve pages, every element hovered
  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Hover everything that could carry a handler (without waiting for each to be still: what
    // counts is that the pointer passes over it).
    for (const element of await page.locator("main :is(li, h1, h2, p):visible").all())
      await element.hover({ force: true });
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), path).toBeUndefined();

    // No text, however long its words, makes the page scroll sideways, on a phone or a desktop.
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${path} at ${width} px`,
      ).toBeLessThanOrEqual(width);
    }

    // Only the site's own external scripts, no inline handlers, no javascript: links.
    const scripts = await page
      .locator("script")
      .evaluateAll((list) => list.map((s) => (s as HTMLScriptElement).src));
    for (const src of scripts)
      expect(src, path).toMatch(new RegExp(`^${BROWSER_SITES.hostile.origin}/_astro/`));
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll("*")].flatMap((element) =>
        [...element.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name),
      ),
    );
    expect(handlers, path).toEqual([]);
    const scriptLinks = await page
      .locator("a[href]")
      .evaluateAll((links) =>
        links.map((a) => (a as HTMLAnchorElement).href).filter((href) => /^\s*javascript:/i.test(href)),
      );
    expect(scriptLinks, path).toEqual([]);
    // (<em>, <strong> and <code> come from the sweep's valid Markdown: that is formatting, not markup.)
    for (const tag of ["img", "iframe", "svg", "marquee", "style", "b", "u"]) {
      expect(await page.locator(`main ${tag}`).count(), `${path}: <${tag}> from the data`).toBe(0);
    }
  }
});

test("the level page shows each hostile string literally", async ({ page }) => {
  await page.goto("/hostile/l1/");
  const main = page.locator("main");
  await expect(main).toContainText("<script>window.__pwned = 'behavior'</script> Writes <b>bold</b> code");
  await expect(main).toContainText("[Read more](javascript:window.__pwned='link') and ![image](x.png)");
  await expect(main).toContainText(`" onmouseover="window.__pwned='attribute'" data-x="`);
  // Escaped, the brackets and the comment are text; the Markdown around them is formatting.
  await expect(main).toContainText(
    "[click me](javascript:window.__pwned='markdown') bold code <!-- comment -->",
  );
  await expect(main.locator(".lead strong")).toHaveText("bold");
  await expect(page.locator("h1")).toContainText("<em>L1</em>");
  expect(await page.title()).toContain("<em>L1</em>");
});

test("a change of spacing alone is marked where it is, and each side keeps its text", async ({ page }) => {
  await page.goto("/hostile/compare/l1/l2/");
  const older = "Knows the code hosts .  Reads  the logs.";
  const newer = "Knows the code hosts. Reads the logs.";
  const row = page.locator("p").filter({ has: page.locator("del.space") });
  await expect(row).toHaveCount(1);
  expect(await row.evaluate((p) => p.textContent)).toBe(older);
  const removed = await row.locator("del.space").evaluateAll((marks) => marks.map((m) => m.textContent));
  expect(removed.length).toBeGreaterThan(0);
  for (const space of removed) expect(space).toMatch(/^\s+$/);
  // Each marked space takes room on screen, so the change can be seen.
  for (const mark of await row.locator("del.space").all())
    expect((await mark.boundingBox())!.width).toBeGreaterThan(0);
  const tidied = page.locator("p").filter({ hasText: newer });
  expect(await tidied.first().evaluate((p) => p.textContent)).toBe(newer);
});

test("prose keeps escaped markup and code as text", async ({ page }) => {
  await page.goto("/hostile/");
  const prose = page.locator("section.prose");
  await expect(prose).toContainText("<script>window.__pwned='prose'</script>");
  await expect(prose).toContainText("{expression}");
  await expect(prose.locator("code").first()).toHaveText("<script>window.__pwned='inline code'</script>");
  await expect(prose.locator("h2")).toHaveText("<script>window.__pwned='prose title'</script>");
});

test("the site's own scripts run under script-src 'self'", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/hostile/l1/");
  const item = page.locator("#script-tag");
  await item.locator(".permalink-menu > summary").click();
  await item.getByRole("button", { name: "Copy as Markdown" }).click();
  // The Markdown a copy gives (its escapes are checked by reading it back, in the unit tests).
  // Polled: the copy loads the serializer first, and the clipboard may still hold an earlier test's copy.
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(
      markdownLink(
        "<script>window.__pwned = 'behavior'</script> Writes <b>bold</b> code",
        `${BROWSER_SITES.hostile.origin}/b/hostile/script-tag/`,
      ),
    );
  await page.goto("/behaviors/");
  await page.getByLabel("Search behaviors").fill("pwned");
  await expect(page.locator(".search-results li").first()).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test("Markdown in a behavior is formatting: on its page, copied with it, and on a roadmap", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/sweep/l3/");
  const item = page.locator("#b3-a");
  await expect(item.locator(".behavior-text strong")).toHaveText("strong");
  await expect(item.locator(".behavior-text em")).toHaveText("emphasis");
  await item.locator(".permalink-menu summary").click();
  await item.getByRole("button", { name: "Copy as Markdown" }).click();
  // The behavior's link with its formatting, and its examples as a list under it.
  const [{ examples }] = (
    sweepTrackFiles()["sweep/levels/l3.json"] as { behaviors: { c3: { examples: string[] }[] } }
  ).behaviors.c3;
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(
      markdownBehavior(
        parseInlineMarkdown(SWEEP_MARKDOWN[3]).nodes,
        `${BROWSER_SITES.hostile.origin}/b/sweep/b3-a/`,
        examples.map((example) => parseInlineMarkdown(example).nodes),
      ),
    );

  await page.goto("/roadmap/?track=sweep&from=l2&to=l3");
  const added = page.locator('.roadmap-item[data-id="b3-a"] .roadmap-text a');
  await expect(added.locator("strong")).toHaveText("strong");
  await expect(added).toHaveText(plainText(SWEEP_MARKDOWN[3]));
  // A text with links of its own shows them as text inside the item's link: links do not nest.
  const kept = page.locator('.roadmap-item[data-id="b2-a"] .roadmap-text a');
  await expect(kept).toHaveText(plainText(SWEEP_MARKDOWN[2]));
  await expect(kept.locator("a")).toHaveCount(0);
});

test("the roadmap shows nothing for the id constructor until marked, then what was typed", async ({
  page,
}) => {
  await page.goto("/roadmap/?track=hostile&from=l1&to=l2");
  const item = page.locator('.roadmap-item[data-id="constructor"]');
  const note = item.getByRole("textbox");
  await expect(item.getByLabel("Not started")).toBeChecked();
  await expect(note).toHaveValue("");
  await expect(item.locator(".print-status")).toHaveText("Not started");
  await expect(item.locator(".print-note")).toHaveText("");

  const typed = "Explained __proto__ in the\n  team's {{ guide }}.";
  await item.getByLabel("Working on it").check();
  await note.fill(typed);
  await page.reload();
  await expect(item.getByLabel("Working on it")).toBeChecked();
  await expect(note).toHaveValue(typed);
});

test("a track without categories: its pages are accessible, and its roadmap has one section of behaviors", async ({
  page,
}) => {
  for (const path of ["/plain/", "/plain/l2/", "/plain/compare/l1/l2/"]) {
    await page.goto(path);
    await expectAccessibleInBothSchemes(page, path);
  }
  await page.goto("/roadmap/?track=plain&from=l1&to=l2");
  await expect(page.locator(".roadmap-category h2")).toHaveText(["Behaviors", "Every level"]);
  const [all] = (await (await page.request.get("/api/plain/compare/l1/l2.json")).json()).categories;
  const expected = [
    ...all.changed.map((c: { to: { id: string } }) => c.to),
    ...all.added,
    ...all.carried,
  ].map((b: { id: string }) => b.id);
  const items = page.locator('.roadmap-category[data-category="--behaviors"] .roadmap-item');
  await expect(items).toHaveCount(expected.length);
  expect(await items.evaluateAll((list) => list.map((item) => (item as HTMLElement).dataset.id))).toEqual(
    expected,
  );
  await expectAccessibleInBothSchemes(page, "roadmap");
});

test("the model framework: its pages are accessible, a behavior's examples fold, copy and go on a roadmap", async ({
  page,
  context,
}) => {
  for (const path of ["/model/", "/model/l2/", "/model/l3/", "/model/compare/l2/l3/", "/model-flat/f1/"]) {
    await page.goto(path);
    await expectAccessibleInBothSchemes(page, path);
  }
  const behavior = Object.values(modelTrackFiles())
    .flatMap((file) => Object.values((file as { behaviors?: object }).behaviors ?? {}).flat())
    .find((b: { id: string }) => b.id === "designs-features") as { text: string; examples: string[] };
  await page.goto("/model/l2/");
  const item = page.locator("#designs-features");
  // Folded: more examples than show open; opened by keyboard.
  const examples = item.locator("details.examples");
  await expect(examples.locator("li").first()).toBeHidden();
  await examples.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(examples.locator("li")).toHaveText(behavior.examples.map(plainText));
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await item.locator(".permalink-menu summary").click();
  await item.getByRole("button", { name: "Copy as Markdown" }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(
      markdownBehavior(
        parseInlineMarkdown(behavior.text).nodes,
        `${BROWSER_SITES.hostile.origin}/b/model/designs-features/`,
        behavior.examples.map((example) => parseInlineMarkdown(example).nodes),
      ),
    );
  await page.goto("/roadmap/?track=model&from=l1&to=l2");
  const onRoadmap = page.locator('.roadmap-item[data-id="designs-features"]');
  await expect(onRoadmap.locator(".examples li")).toHaveText(behavior.examples.map(plainText));
  await expectAccessibleInBothSchemes(page, "roadmap");
});
