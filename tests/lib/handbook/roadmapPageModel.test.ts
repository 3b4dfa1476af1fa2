import { describe, expect, it } from "vitest";
import { roadmapPageModel } from "../../../src/lib/handbook/roadmapPageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { releaseUrl } from "../../../src/scripts/roadmap/review";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
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

  it("offers each track with its defined levels in order, for the builder", () => {
    const { tracks } = roadmapPageModel(handbook, urls);
    expect(tracks.map((track) => [track.id, track.levels.map((level) => level.code)])).toEqual([
      ["support", ["IC1", "IC2", "IC3", "IC4", "IC5"]],
      ["product", ["IC2", "IC3", "IC4", "IC5"]],
    ]);
    const support = trackOf(handbook, "support");
    expect(tracks[0]).toMatchObject({
      title: support.title,
      shortTitle: support.shortTitle,
      sharedTitle: support.shared?.title ?? null,
    });
    expect(tracks[0].levels[2]).toEqual({ id: "ic3", code: "IC3", title: support.levels[2].title ?? null });
  });

  it("skips a track with fewer than two defined levels", () => {
    const single = syntheticTrack([{ craft: [["a", "A."]] }]);
    expect(roadmapPageModel({ tracks: [single] }, urls).firstComparisons).toEqual([]);
  });

  it("builds, with no track to offer, when no track has two defined levels", () => {
    const single = syntheticTrack([{ craft: [["a", "A."]] }]);
    const oneDefined = { ...syntheticTrack([{ craft: [["b", "B."]] }, {}]), id: "other" };
    oneDefined.levels[1] = { ...oneDefined.levels[1], status: "not yet defined", groups: [] };
    expect(roadmapPageModel({ tracks: [single, oneDefined] }, urls)).toMatchObject({
      tracks: [],
      firstComparisons: [],
    });
  });

  it("names the releases, oldest first, and where a release's changes and page are", () => {
    const { releases } = roadmapPageModel(handbook, urls, ["v1", "v2"]);
    expect(releases.names).toEqual(["v1", "v2"]);
    expect(releaseUrl(releases.apiUrl, "v2")).toBe(urls.releaseApi("v2"));
    expect(releaseUrl(releases.pageUrl, "v2.1")).toBe(urls.release("v2.1"));
    expect(roadmapPageModel(handbook, urls).releases.names).toEqual([]);
  });
});
