import type { Handbook } from "../handbook/buildHandbook";
import { PLACES } from "../links/urls";

/** An option of a filter select: its value (an id), what it reads, and the tracks that have it. */
export interface SearchFilterOption {
  value: string;
  label: string;
  tracks: string[];
  /** For a category in a group (the same group in every track that has it): the group, an <optgroup>. */
  group?: string;
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
 * Options shared by several tracks (a level id or category id they both use, named alike)
 * appear once, knowing which tracks have them, in their category group if those tracks put them
 * in the same one. An id the tracks name differently is an option per name, each saying its
 * tracks: one track's title is never shown for another's results.
 */
function mergedOptions(
  list: { value: string; label: string; track: string; group?: string }[],
  trackTitles: ReadonlyMap<string, string>,
): SearchFilterOption[] {
  const byValue = new Map<string, Map<string, { tracks: string[]; groups: Set<string | undefined> }>>();
  for (const { value, label, track, group } of list) {
    const byLabel = byValue.get(value) ?? new Map();
    const same = byLabel.get(label) ?? { tracks: [], groups: new Set() };
    same.tracks.push(track);
    same.groups.add(group);
    byLabel.set(label, same);
    byValue.set(value, byLabel);
  }
  return [...byValue].flatMap(([value, byLabel]) =>
    [...byLabel].map(([label, { tracks, groups }]) => {
      // Tracks that group one category differently leave it out of every group.
      const [group] = groups.size === 1 ? groups : [undefined];
      return {
        value,
        label:
          byLabel.size === 1
            ? label
            : `${label} (${tracks.map((track) => trackTitles.get(track)).join(", ")})`,
        tracks,
        ...(group !== undefined && { group }),
      };
    }),
  );
}

/**
 * The behavior search's filters, in the order of the form: tracks; levels, with `PLACES.shared`
 * for a track's shared expectations and `PLACES.roles` for its roles' responsibilities; categories.
 */
export function searchFilters(handbook: Handbook): SearchFilter[] {
  const trackTitles = new Map(handbook.tracks.map((track) => [track.id, track.shortTitle]));
  const levels = mergedOptions(
    handbook.tracks.flatMap((track) => [
      ...(track.shared ? [{ value: PLACES.shared, label: track.shared.title, track: track.id }] : []),
      ...track.levels.map((level) => ({ value: level.id, label: level.code, track: track.id })),
      ...(track.roles.length ? [{ value: PLACES.roles, label: "Roles", track: track.id }] : []),
    ]),
    trackTitles,
  );
  const categories = mergedOptions(
    handbook.tracks.flatMap((track) =>
      track.categories.map((category) => ({
        value: category.id,
        label: category.title,
        track: track.id,
        group: category.group,
      })),
    ),
    trackTitles,
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
