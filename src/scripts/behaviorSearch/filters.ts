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

/** The options offered by each filter select for a selection, and the selection they leave. */
export interface OfferedFilters {
  offered: Record<FilterName, Set<string>>;
  selection: FilterSelection;
}

/** Whether an option fits the chosen track ("" when every track is). */
const fitsTrack = (option: FilterOption, track: string) =>
  !track || option.tracks.length === 0 || option.tracks.includes(track);

/**
 * The options each filter select offers given the current selection: every track; with a
 * track chosen, only that track's levels and categories (tracks differ in both). A chosen
 * level or category the track lacks goes back to "all" rather than finding nothing.
 */
export function filterOptions(
  options: Record<FilterName, readonly FilterOption[]>,
  selection: FilterSelection,
): OfferedFilters {
  const offeredOf = (name: FilterName) =>
    new Set(
      options[name]
        .filter((option) => name === "track" || fitsTrack(option, selection.track))
        .map((option) => option.value),
    );
  const offered = { track: offeredOf("track"), level: offeredOf("level"), category: offeredOf("category") };
  const kept = (name: FilterName) => (offered[name].has(selection[name]) ? selection[name] : "");
  return { offered, selection: { track: selection.track, level: kept("level"), category: kept("category") } };
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
