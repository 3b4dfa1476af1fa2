import { describe, expect, it } from "vitest";
import { roadmapPageModel } from "../../../src/lib/handbook/roadmapPageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook } from "../../helpers/realHandbook";
import { syntheticTrack } from "../../helpers/syntheticTrack";

const urls = createUrls("/handbook/");

describe("roadmapPageModel", async () => {
  const handbook = await realHandbook();

  it("links each track's first comparison", () => {
    expect(roadmapPageModel(handbook, urls).firstComparisons).toEqual([
      { href: "/handbook/support/compare/ic1/ic2/", text: "Support: what changes from IC1 to IC2" },
      { href: "/handbook/product/compare/ic2/ic3/", text: "Product: what changes from IC2 to IC3" },
    ]);
  });

  it("skips a track with fewer than two defined levels", () => {
    const single = syntheticTrack([{ craft: [["a", "A."]] }]);
    expect(roadmapPageModel({ tracks: [single] }, urls).firstComparisons).toEqual([]);
  });
});
