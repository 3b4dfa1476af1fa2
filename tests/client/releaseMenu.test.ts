import { describe, expect, it } from "vitest";
import { releaseMenu } from "../../src/scripts/releaseMenu";

const page = "http://127.0.0.1:4412/eng/l1/";

describe("releaseMenu", () => {
  it("offers the pinned link to copy, absolute, and links the last change and the history", () => {
    expect(
      releaseMenu(
        {
          changed: "Changed in v2",
          changedHref: "/changes/v2/#change--eng--basic-git",
          history: "/b/eng/basic-git/history/",
          pinned: "v3",
          pinnedHref: "/b/eng/basic-git/history/#v3",
        },
        page,
      ),
    ).toEqual({
      pinned: { label: "Copy pinned link (v3)", href: "http://127.0.0.1:4412/b/eng/basic-git/history/#v3" },
      links: [
        { text: "Changed in v2", href: "/changes/v2/#change--eng--basic-git" },
        { text: "History", href: "/b/eng/basic-git/history/" },
      ],
    });
  });

  it("keeps a pinned link the site made absolute as it is", () => {
    const href = "https://example.com/handbook/b/eng/basic-git/history/#v3";
    expect(releaseMenu({ pinned: "v3", pinnedHref: href }, page).pinned?.href).toBe(href);
  });

  it("offers nothing the attributes do not give", () => {
    expect(releaseMenu({}, page)).toEqual({ links: [] });
    // A label without its link, or a release without its pinned link, is not offered.
    expect(releaseMenu({ changed: "Changed in v2", pinned: "v3" }, page)).toEqual({ links: [] });
  });
});
