import { UNUSED_CHROMIUM_FEATURES } from "../../scripts/lib/chromiumPath";
import { expect, test } from "./fixtures";

const DISABLE = "--disable-features=";

test("the Chromium under test keeps Playwright's disabled features and builds no address-bar pop-ups", async ({
  browser,
  page,
}) => {
  await page.goto("chrome://version/");
  const args = (await page.locator("#command_line").textContent())!.split(" ");
  const lists = args
    .filter((arg) => arg.startsWith(DISABLE))
    .map((arg) => arg.slice(DISABLE.length).split(","));
  // Chromium reads the last --disable-features only: it must hold every one given before it.
  const effective = lists.at(-1) ?? [];
  expect(lists.flat().filter((feature) => !effective.includes(feature))).toEqual([]);
  expect(effective).toEqual(expect.arrayContaining(UNUSED_CHROMIUM_FEATURES));

  await page.goto("/");
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send("Target.getTargets");
  expect(targetInfos.map((target) => target.url).filter((url) => url.startsWith("chrome://"))).toEqual([]);
});
