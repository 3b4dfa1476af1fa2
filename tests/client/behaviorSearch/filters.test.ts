import { describe, expect, it } from "vitest";
import {
  filterOptions,
  isSearching,
  searchAddress,
  searchFromAddress,
  type FilterName,
  type FilterOption,
  type OfferedFilters,
} from "../../../src/scripts/behaviorSearch/filters";
import { PLACES } from "../../../src/lib/links/urls";

// As BehaviorSearch.astro lists them: "All …" first (no tracks), then options shared by tracks
// once; "delivery" is named differently in the two tracks, an option each.
const all: FilterOption = { value: "", tracks: [] };
const OPTIONS = {
  track: [all, { value: "support", tracks: ["support"] }, { value: "product", tracks: ["product"] }],
  level: [
    all,
    { value: PLACES.shared, tracks: ["product"] },
    { value: "ic1", tracks: ["support", "product"] },
    { value: "ic6", tracks: ["support"] },
    { value: PLACES.roles, tracks: ["product"] },
  ],
  category: [
    all,
    { value: "technical-proficiency", tracks: ["support", "product"] },
    { value: "customer-focus", tracks: ["support"] },
    { value: "delivery", tracks: ["support"] },
    { value: "delivery", tracks: ["product"] },
  ],
};
const none = { track: "", level: "", category: "" };

/** The values of the options a filter offers, sorted. */
const offered = (result: OfferedFilters, name: FilterName) =>
  [...new Set(OPTIONS[name].filter((_, index) => result.enabled[name][index]).map((o) => o.value))].sort();

describe("the behavior search's filter options", () => {
  it("offers everything while no track is chosen", () => {
    const result = filterOptions(OPTIONS, { ...none, level: "ic6" });
    expect(offered(result, "level")).toEqual(["", PLACES.roles, PLACES.shared, "ic1", "ic6"].sort());
    expect(offered(result, "category")).toEqual(["", "customer-focus", "delivery", "technical-proficiency"]);
    expect(result.selection).toEqual({ ...none, level: "ic6" });
    expect(result.selectedIndex.level).toBe(3);
  });

  it("offers only the chosen track's levels and categories, and every track", () => {
    const result = filterOptions(OPTIONS, { ...none, track: "product" });
    expect(offered(result, "track")).toEqual(["", "product", "support"]);
    expect(offered(result, "level")).toEqual(["", PLACES.roles, PLACES.shared, "ic1"].sort());
    expect(offered(result, "category")).toEqual(["", "delivery", "technical-proficiency"]);
    // Of the two "delivery" options, only the product track's.
    expect(result.enabled.category).toEqual([true, true, false, false, true]);
  });

  it("puts a level or category the chosen track lacks back to all, keeping those it has", () => {
    expect(
      filterOptions(OPTIONS, { track: "product", level: "ic6", category: "technical-proficiency" }).selection,
    ).toEqual({ track: "product", level: "", category: "technical-proficiency" });
    expect(
      filterOptions(OPTIONS, { track: "product", level: PLACES.roles, category: "customer-focus" }).selection,
    ).toEqual({ track: "product", level: PLACES.roles, category: "" });
  });

  it("selects the chosen track's option of an id two tracks name differently", () => {
    const result = filterOptions(OPTIONS, { track: "product", level: "", category: "delivery" });
    expect(result.selectedIndex.category).toBe(4);
    expect(
      filterOptions(OPTIONS, { track: "support", level: "", category: "delivery" }).selectedIndex.category,
    ).toBe(3);
  });

  it("chooses the track of an option picked among differently named ones, and only then", () => {
    const picked = filterOptions(OPTIONS, { ...none, category: "delivery" }, { name: "category", index: 4 });
    expect(picked.selection).toEqual({ track: "product", level: "", category: "delivery" });
    expect(picked.selectedIndex).toEqual({ track: 2, level: 0, category: 4 });
    // An option of one track whose id no other track uses leaves "all tracks" as it is.
    const single = filterOptions(
      OPTIONS,
      { ...none, category: "customer-focus" },
      { name: "category", index: 2 },
    );
    expect(single.selection).toEqual({ ...none, category: "customer-focus" });
  });

  it('offers only "all" for a track no level belongs to', () => {
    const result = filterOptions(OPTIONS, { track: "design", level: "ic1", category: "" });
    expect(offered(result, "level")).toEqual([""]);
    expect(result.selection).toEqual(none);
  });
});

describe("the behavior search's address", () => {
  it("reads the query and filters, empty where missing", () => {
    expect(searchFromAddress("?q=git+review&track=support&level=ic2")).toEqual({
      query: "git review",
      selection: { track: "support", level: "ic2", category: "" },
    });
    expect(searchFromAddress("")).toEqual({ query: "", selection: none });
  });

  it("writes only what is set, in a fixed order, and the bare page for an empty form", () => {
    expect(
      searchAddress("/behaviors/", "git", { category: "customer-focus", level: "", track: "support" }),
    ).toBe("/behaviors/?q=git&track=support&category=customer-focus");
    expect(searchAddress("/behaviors/", "", { track: "", level: "", category: "" })).toBe("/behaviors/");
    expect(searchAddress("/handbook/behaviors/", "a&b", {})).toBe("/handbook/behaviors/?q=a%26b");
  });

  it("reads back what it writes", () => {
    const selection = { track: "product", level: PLACES.roles, category: "" };
    const address = searchAddress("/behaviors/", "on-call “pager”", selection);
    expect(searchFromAddress(address.slice(address.indexOf("?")))).toEqual({
      query: "on-call “pager”",
      selection,
    });
  });

  it("searches when there are words or a filter, not for blanks", () => {
    expect(isSearching("", none)).toBe(false);
    expect(isSearching("   ", none)).toBe(false);
    expect(isSearching("git", none)).toBe(true);
    expect(isSearching("", { ...none, category: "customer-focus" })).toBe(true);
  });
});
