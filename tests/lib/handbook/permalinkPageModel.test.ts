import { describe, expect, it } from "vitest";
import { permalinkPageModel } from "../../../src/lib/handbook/permalinkPageModel";
import { permalinkTargets } from "../../../src/lib/links/permalinkTargets";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook } from "../../helpers/realHandbook";

const urls = createUrls("/handbook/");

describe("permalinkPageModel", async () => {
  const handbook = await realHandbook();

  it("sends a behavior's short link to its level page, relative, with the published place as canonical", () => {
    const published = createUrls("/handbook/", "https://example.com");
    const target = permalinkTargets(handbook, published).find((p) => p.id === "basic-git")!;
    expect(permalinkPageModel(target, published)).toEqual({
      title: "Redirecting to basic-git",
      href: "/handbook/support/ic1/#basic-git",
      canonical: "https://example.com/handbook/support/ic1/#basic-git",
      refresh: "0; url=/handbook/support/ic1/#basic-git",
      text: target.text,
    });
  });

  it("names the current id for an alias", () => {
    const view = permalinkPageModel(
      {
        track: "t",
        id: "old-id",
        currentId: "new-id",
        text: "Does it.",
        level: "l1",
        target: "/t/l1/#new-id",
      },
      urls,
    );
    expect(view.title).toBe("Redirecting to new-id");
    // Without a configured site, the canonical link stays root-relative.
    expect(view.canonical).toBe("/t/l1/#new-id");
  });
});
