import { describe, expect, it } from "vitest";
import { homePageModel } from "../../../src/lib/handbook/homePageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook } from "../../helpers/realHandbook";

const urls = createUrls("/handbook/");

describe("homePageModel", async () => {
  const handbook = await realHandbook();

  it("lists every track in order with a link to each of its levels", () => {
    const { tracks } = homePageModel(handbook, urls);
    expect(tracks.map((track) => [track.href, track.levelsLabel])).toEqual([
      ["/handbook/support/", "Levels of Support"],
      ["/handbook/product/", "Levels of Product"],
    ]);
    expect(tracks[0].title).toBe(handbook.tracks[0].title);
    expect(tracks[0].levels[2]).toEqual({
      href: "/handbook/support/ic3/",
      code: "IC3",
      title: "Senior Support Engineer",
    });
    // Undefined levels are listed too: their pages say so.
    expect(tracks[0].levels.map((level) => level.code)).toContain("IC6");
    expect(tracks[1].levels[0]).toEqual({ href: "/handbook/product/ic2/", code: "IC2", title: undefined });
  });
});
