import { ELEMENT_IDS } from "../../src/lib/links/urls";
import { expect, test } from "./fixtures";

test("every page starts with a working skip link", async ({ page }) => {
  await page.goto("/support/ic2/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`#${ELEMENT_IDS.main}$`));
});
