import { expect, test } from "./fixtures";

test.describe("on a 375 px wide phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("the level matrix becomes one readable card per level", async ({ page }) => {
    await page.goto("/support/");
    const cell = page.locator(".matrix tbody tr").nth(2).locator("td").first();
    const box = (await cell.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(await cell.evaluate((td) => getComputedStyle(td, "::before").content)).toBe(
      '"Non-Technical Proficiency"',
    );
    expect(await cell.evaluate((td) => parseFloat(getComputedStyle(td).fontSize))).toBeGreaterThanOrEqual(14);
  });

  test("a comparison stacks its two sides", async ({ page }) => {
    await page.goto("/support/compare/ic2/ic3/");
    const [from, to] = await page.locator(".change").first().locator(".side").all();
    expect((await to.boundingBox())!.y).toBeGreaterThan((await from.boundingBox())!.y);
  });
});

test("a comparison shows its two sides next to each other on a wide screen", async ({ page }) => {
  await page.goto("/support/compare/ic2/ic3/");
  const [from, to] = await page.locator(".change").first().locator(".side").all();
  expect((await to.boundingBox())!.x).toBeGreaterThan((await from.boundingBox())!.x + 200);
});

test.describe("dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("follows the system setting", async ({ page }) => {
    await page.goto("/support/ic3/");
    const [background, text] = await page.evaluate(() => [
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.body).color,
    ]);
    const lightness = (color: string) =>
      color
        .match(/\d+/g)!
        .slice(0, 3)
        .reduce((sum, n) => sum + Number(n), 0) / 3;
    expect(lightness(background)).toBeLessThan(60);
    expect(lightness(text)).toBeGreaterThan(180);
  });
});
