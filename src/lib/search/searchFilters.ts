import type { Handbook } from "../handbook/buildHandbook";

/** An option of a filter select: its value (an id), what it reads, and the tracks that have it. */
export interface SearchFilterOption {
  value: string;
  label: string;
  tracks: string[];
}

/** A filter select of the behavior search: its name in the form and the address, and its options. */
export interface SearchFilter {
  name: "track" | "level" | "category";
  label: string;
  /** The first option, which filters nothing. */
  all: string;
  options: SearchFilterOption[];
}

/**
 * Options shared by several tracks (a level id or category id they both use) appear once,
 * knowing which tracks have them, labelled as the first track that has them names them.
 */
function mergedOptions(list: { value: string; label: string; track: string }[]): SearchFilterOption[] {
  const byValue = new Map<string, SearchFilterOption>();
  for (const { value, label, track } of list) {
    const option = byValue.get(value) ?? { value, label, tracks: [] };
    option.tracks.push(track);
    byValue.set(value, option);
  }
  return [...byValue.values()];
}

/**
 * The behavior search's filters, in the order of the form: tracks; levels, with "shared" for
 * a track's shared expectations and "roles" for its roles' responsibilities; categories.
 */
export function searchFilters(handbook: Handbook): SearchFilter[] {
  const levels = mergedOptions(
    handbook.tracks.flatMap((track) => [
      ...(track.shared ? [{ value: "shared", label: track.shared.title, track: track.id }] : []),
      ...track.levels.map((level) => ({ value: level.id, label: level.code, track: track.id })),
      ...(track.roles.length ? [{ value: "roles", label: "Roles", track: track.id }] : []),
    ]),
  );
  const categories = mergedOptions(
    handbook.tracks.flatMap((track) =>
      track.categories.map((category) => ({ value: category.id, label: category.title, track: track.id })),
    ),
  );
  return [
    {
      name: "track",
      label: "Track",
      all: "All tracks",
      options: handbook.tracks.map((track) => ({
        value: track.id,
        label: track.shortTitle,
        tracks: [track.id],
      })),
    },
    { name: "level", label: "Level", all: "All levels", options: levels },
    { name: "category", label: "Category", all: "All categories", options: categories },
  ];
}
