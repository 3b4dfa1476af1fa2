/**
 * The behavior search's form as data, without the DOM: which options each filter offers for
 * the current selection, what the address says, and the address of a search.
 */
import type { SearchFilters } from "../../lib/search/behaviorSearch";

/** The filter selects, in the order of the form and of the address. */
export const FILTER_NAMES = ["track", "level", "category"] as const;

export type FilterName = (typeof FILTER_NAMES)[number];

/** What each filter select holds; "" is its first option, "All …". */
export type FilterSelection = Record<FilterName, string>;

/** An option of a filter select: its value, and the tracks that have it (none: it fits every track). */
export interface FilterOption {
  value: string;
  tracks: readonly string[];
}

/**
 * What each filter select offers for a selection: which options are enabled (by position: one
 * id may be a level or category that two tracks name differently, an option each), which one is
 * selected, and the selection that leaves.
 */
export interface OfferedFilters {
  enabled: Record<FilterName, boolean[]>;
  selectedIndex: Record<FilterName, number>;
  selection: FilterSelection;
}

/** Whether an option fits the chosen track ("" when every track is). */
const fitsTrack = (option: FilterOption, track: string) =>
  !track || option.tracks.length === 0 || option.tracks.includes(track);

/**
 * The options each filter select offers given the current selection: every track; with a
 * track chosen, only that track's levels and categories (tracks differ in both). A chosen
 * level or category the track lacks goes back to "all" (the first option) rather than finding
 * nothing. `picked` is the option just chosen: one of a single track whose id another track
 * names otherwise chooses its track too, so the results are those of the option read.
 */
export function filterOptions(
  options: Record<FilterName, readonly FilterOption[]>,
  selection: FilterSelection,
  picked?: { name: FilterName; index: number },
): OfferedFilters {
  const pickedOption = picked && picked.name !== "track" ? options[picked.name][picked.index] : undefined;
  const impliesTrack =
    pickedOption?.tracks.length === 1 &&
    options[picked!.name].some(
      (option, index) => index !== picked!.index && option.value === pickedOption.value,
    );
  const track = impliesTrack ? pickedOption.tracks[0] : selection.track;
  const enabledOf = (name: FilterName) =>
    options[name].map((option) => name === "track" || fitsTrack(option, track));
  const enabled = { track: enabledOf("track"), level: enabledOf("level"), category: enabledOf("category") };
  const wanted = { ...selection, track };
  const indexOf = (name: FilterName) => {
    if (picked?.name === name && enabled[name][picked.index]) return picked.index;
    const index = options[name].findIndex(
      (option, index) => enabled[name][index] && option.value === wanted[name],
    );
    return Math.max(index, 0);
  };
  const selectedIndex = { track: indexOf("track"), level: indexOf("level"), category: indexOf("category") };
  const valueOf = (name: FilterName) => options[name][selectedIndex[name]]?.value ?? "";
  return {
    enabled,
    selectedIndex,
    selection: { track: valueOf("track"), level: valueOf("level"), category: valueOf("category") },
  };
}

/** The query and filters an address asks for (`?q=…&track=…`); what it lacks is empty. */
export function searchFromAddress(search: string): { query: string; selection: FilterSelection } {
  const params = new URLSearchParams(search);
  const get = (name: string) => params.get(name) ?? "";
  return {
    query: get("q"),
    selection: { track: get("track"), level: get("level"), category: get("category") },
  };
}

/** The address of a search on the page at `pathname`: only what is set, nothing for an empty form. */
export function searchAddress(pathname: string, query: string, filters: SearchFilters): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  return `${pathname}${params.size ? `?${params}` : ""}`;
}

/** Whether the form asks for anything: words, or a filter. Otherwise the page shows its full index. */
export function isSearching(query: string, selection: FilterSelection): boolean {
  return query.trim() !== "" || FILTER_NAMES.some((name) => selection[name] !== "");
}
