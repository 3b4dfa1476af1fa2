import { describe, expect, it } from "vitest";
import { idSchema, MAX_ID_LENGTH } from "../../../src/lib/schemas/ids";
import {
  createUrls,
  normalizeBase,
  RESERVED_LEVEL_IDS,
  RESERVED_TRACK_IDS,
  sectionAnchor,
  ELEMENT_IDS,
  PLACES,
} from "../../../src/lib/links/urls";

describe("normalizeBase", () => {
  it.each([
    [undefined, "/"],
    ["/", "/"],
    ["", "/"],
    ["handbook", "/handbook/"],
    ["/handbook", "/handbook/"],
    ["/handbook/", "/handbook/"],
    ["//a/b//", "/a/b/"],
  ])("turns %j into %j", (input, expected) => expect(normalizeBase(input)).toBe(expected));
});

describe("createUrls", () => {
  const urls = createUrls("/handbook");

  it("prefixes every page with the base and ends it with a slash", () => {
    expect(urls.home()).toBe("/handbook/");
    expect(urls.track("support")).toBe("/handbook/support/");
    expect(urls.level("support", "ic3")).toBe("/handbook/support/ic3/");
    expect(urls.role("support", "team-lead")).toBe("/handbook/support/roles/team-lead/");
    expect(urls.permalink("support", "basic-git")).toBe("/handbook/b/support/basic-git/");
    expect(urls.frameworksApi()).toBe("/handbook/api/frameworks.json");
    expect(urls.behaviorsApi()).toBe("/handbook/api/behaviors.json");
  });

  it("places a behavior on its level page, or on the track page when it is shared", () => {
    expect(urls.behavior({ track: "support", level: "ic1", id: "basic-git" })).toBe(
      "/handbook/support/ic1/#basic-git",
    );
    expect(urls.behavior({ track: "product", level: null, id: "escalates-early" })).toBe(
      "/handbook/product/#escalates-early",
    );
    expect(urls.responsibility({ track: "support", role: "team-lead", id: "mentor" })).toBe(
      "/handbook/support/roles/team-lead/#mentor",
    );
  });

  it("keeps every folder and file a URL becomes within 255 bytes, with ids of the longest length", () => {
    const id = "a".repeat(MAX_ID_LENGTH);
    expect(idSchema.safeParse(id).success).toBe(true);
    const built = [
      urls.track(id),
      urls.level(id, id),
      urls.role(id, id),
      urls.compare(id, id, id),
      urls.permalink(id, id),
      urls.compareApi(id, id, id),
      // The data files an id names.
      `${id}/levels/${id}.json`,
      `${id}/prose/${id}.mdx`,
    ];
    const segments = built.flatMap((url) => url.split("/")).map((segment) => Buffer.byteLength(segment));
    expect(Math.max(...segments)).toBeLessThanOrEqual(255);
  });

  it("makes URLs absolute only when a site is configured", () => {
    expect(urls.absolute("/handbook/b/support/basic-git/")).toBe("/handbook/b/support/basic-git/");
    expect(createUrls("/handbook/", "https://example.com").absolute("/handbook/b/x/y/")).toBe(
      "https://example.com/handbook/b/x/y/",
    );
  });
});

describe("the site's own names", () => {
  it("gives sections anchors that no id in the data can take", () => {
    expect(sectionAnchor("category", "delivery")).toBe("category--delivery");
    expect(sectionAnchor("shared", "delivery")).toBe("shared--delivery");
    for (const anchor of [sectionAnchor("category", "delivery"), sectionAnchor("shared", "a-b")]) {
      expect(idSchema.safeParse(anchor).success, anchor).toBe(false);
    }
  });

  it("names its own elements and choices so that no id in the data can take their place", () => {
    const names = [...Object.values(ELEMENT_IDS), ...Object.values(PLACES)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(idSchema.safeParse(name).success, name).toBe(false);
  });

  it("reserves every segment its URLs use, so no track or level can shadow a page", () => {
    const urls = createUrls("/");
    const topLevel = [
      urls.behaviors(),
      urls.roadmap(),
      urls.permalink("t", "x"),
      urls.frameworksApi(),
      urls.proseImage("chart.png"),
    ].map((url) => url.split("/")[1]);
    for (const segment of topLevel) expect(RESERVED_TRACK_IDS).toContain(segment);
    const underTrack = [urls.compare("t", "a", "b"), urls.role("t", "r"), urls.growth("t")].map(
      (url) => url.split("/")[2],
    );
    for (const segment of underTrack) expect(RESERVED_LEVEL_IDS).toContain(segment);
  });
});
