import { describe, expect, it } from "vitest";
import { PLACES } from "../../../src/lib/links/urls";
import { searchFilters } from "../../../src/lib/search/searchFilters";
import { realHandbook } from "../../helpers/realHandbook";
import { uncategorizedTrack } from "../../helpers/syntheticTrack";

describe("the search filters of the real data", async () => {
  const handbook = await realHandbook();
  const [tracks, levels, categories] = searchFilters(handbook);

  it("offer every track, in order, each with its short title", () => {
    expect(tracks.options).toEqual(
      handbook.tracks.map((track) => ({ value: track.id, label: track.shortTitle, tracks: [track.id] })),
    );
  });

  it("offer each level id, shared expectations and roles once, knowing every track that has it", () => {
    const expected = new Map<string, string[]>();
    const add = (value: string, track: string) =>
      expected.set(value, [...(expected.get(value) ?? []), track]);
    for (const track of handbook.tracks) {
      if (track.shared) add(PLACES.shared, track.id);
      for (const level of track.levels) add(level.id, track.id);
      if (track.roles.length) add(PLACES.roles, track.id);
    }
    expect(new Map(levels.options.map((option) => [option.value, option.tracks]))).toEqual(expected);
    expect(levels.options).toHaveLength(expected.size);
  });

  it("offer each category id once, knowing every track that has it (the tracks name them alike)", () => {
    const everyCategory = handbook.tracks.flatMap((track) =>
      track.categories.map((category) => ({ ...category, track: track.id })),
    );
    expect(categories.options.map((option) => option.value)).toEqual([
      ...new Set(everyCategory.map((category) => category.id)),
    ]);
    for (const option of categories.options) {
      const having = everyCategory.filter((category) => category.id === option.value);
      expect(option).toEqual({
        value: option.value,
        label: having[0].title,
        tracks: having.map((category) => category.track),
      });
      expect(new Set(having.map((category) => category.title)).size).toBe(1);
    }
  });

  it("offer an id the tracks name differently once per name, saying whose it is", () => {
    const [first, second] = handbook.tracks;
    const renamed = { ...second.categories[0], id: first.categories[0].id, title: "Renamed for the test" };
    const changed = { ...handbook, tracks: [first, { ...second, categories: [renamed] }] };
    const options = searchFilters(changed)[2].options.filter((option) => option.value === renamed.id);
    expect(options).toEqual([
      { value: renamed.id, label: `${first.categories[0].title} (${first.shortTitle})`, tracks: [first.id] },
      { value: renamed.id, label: `Renamed for the test (${second.shortTitle})`, tracks: [second.id] },
    ]);
  });

  it("put each category in its group, unless the tracks that have it group it differently", () => {
    const [first, second] = handbook.tracks;
    const grouped = (track: typeof first, group: (index: number) => string) => ({
      ...track,
      categories: track.categories.map((category, index) => ({ ...category, group: group(index) })),
    });
    const shared = first.categories[0].id;
    const changed = {
      tracks: [
        grouped(first, (index) => (index === 0 ? "Craft" : "Other")),
        // The second track has the first's first category too, in another group.
        grouped({ ...second, categories: [first.categories[0], ...second.categories] }, () => "Elsewhere"),
      ],
    };
    const options = searchFilters(changed)[2].options;
    expect(options.find((option) => option.value === shared)?.group).toBeUndefined();
    for (const option of options) {
      const groups = new Set(
        changed.tracks.flatMap((track) =>
          track.categories
            .filter((category) => category.id === option.value)
            .map((category) => category.group),
        ),
      );
      expect(option.group, option.value).toBe(groups.size === 1 ? [...groups][0] : undefined);
    }
    expect(options.filter((option) => option.group).length).toBeGreaterThan(0);
    expect(searchFilters(handbook)[2].options.every((option) => !("group" in option))).toBe(true);
  });
});

describe("the search filters with a track without categories", async () => {
  const real = await realHandbook();
  const track = { ...uncategorizedTrack([[["a1", "A."]]]), order: 9 };

  it("offer no category for it, and the other tracks' categories as before", () => {
    const [, levels, categories] = searchFilters({ tracks: [...real.tracks, track] });
    expect(categories.options.filter((option) => option.tracks.includes("t"))).toEqual([]);
    expect(categories.options).toEqual(searchFilters(real)[2].options);
    const ofTrack = levels.options.filter((option) => option.tracks.includes("t")).map((o) => o.value);
    expect(ofTrack.sort()).toEqual([PLACES.shared, "l1", PLACES.roles].sort());
  });
});
