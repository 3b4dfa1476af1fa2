import { describe, expect, it } from "vitest";
import {
  filterOptions,
  isSearching,
  searchAddress,
  searchFromAddress,
  type FilterOption,
} from "../../../src/scripts/behaviorSearch/filters";

// As BehaviorSearch.astro lists them: "All …" first (no tracks), then options shared by tracks once.
const all: FilterOption = { value: "", tracks: [] };
const OPTIONS = {
  track: [all, { value: "support", tracks: ["support"] }, { value: "product", tracks: ["product"] }],
  level: [
    all,
    { value: "shared", tracks: ["product"] },
    { value: "ic1", tracks: ["support", "product"] },
    { value: "ic6", tracks: ["support"] },
    { value: "roles", tracks: ["product"] },
  ],
  category: [
    all,
    { value: "technical-proficiency", tracks: ["support", "product"] },
    { value: "customer-focus", tracks: ["support"] },
  ],
};
const none = { track: "", level: "", category: "" };
const sorted = (values: Set<string>) => [...values].sort();

describe("the behavior search's filter options", () => {
  it("offers everything while no track is chosen", () => {
    const { offered, selection } = filterOptions(OPTIONS, { ...none, level: "ic6" });
    expect(sorted(offered.level)).toEqual(["", "ic1", "ic6", "roles", "shared"]);
    expect(sorted(offered.category)).toEqual(["", "customer-focus", "technical-proficiency"]);
    expect(selection).toEqual({ ...none, level: "ic6" });
  });

  it("offers only the chosen track's levels and categories, and every track", () => {
    const { offered } = filterOptions(OPTIONS, { ...none, track: "product" });
    expect(sorted(offered.track)).toEqual(["", "product", "support"]);
    expect(sorted(offered.level)).toEqual(["", "ic1", "roles", "shared"]);
    expect(sorted(offered.category)).toEqual(["", "technical-proficiency"]);
  });

  it("puts a level or category the chosen track lacks back to all, keeping those it has", () => {
    expect(
      filterOptions(OPTIONS, { track: "product", level: "ic6", category: "technical-proficiency" }).selection,
    ).toEqual({ track: "product", level: "", category: "technical-proficiency" });
    expect(
      filterOptions(OPTIONS, { track: "product", level: "roles", category: "customer-focus" }).selection,
    ).toEqual({ track: "product", level: "roles", category: "" });
  });

  it('offers only "all" for a track no level belongs to', () => {
    const { offered, selection } = filterOptions(OPTIONS, { track: "design", level: "ic1", category: "" });
    expect(sorted(offered.level)).toEqual([""]);
    expect(selection).toEqual({ track: "design", level: "", category: "" });
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
    const selection = { track: "product", level: "roles", category: "" };
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
