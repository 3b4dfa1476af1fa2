import { describe, expect, it } from "vitest";
import { searchFilters } from "../../../src/lib/search/searchFilters";
import { realHandbook } from "../../helpers/realHandbook";

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
      if (track.shared) add("shared", track.id);
      for (const level of track.levels) add(level.id, track.id);
      if (track.roles.length) add("roles", track.id);
    }
    expect(new Map(levels.options.map((option) => [option.value, option.tracks]))).toEqual(expected);
    expect(levels.options).toHaveLength(expected.size);
  });

  it("offer each category id once, knowing every track that has it, labelled by the first", () => {
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
    }
  });
});
