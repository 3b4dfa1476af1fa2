/**
 * What pages read: the validated handbook and its prose, as the integration loaded them
 * (`virtual:ladder/data`), and what several pages compute from it, computed once per build.
 */
import { handbook, proseHtml } from "virtual:ladder/data";
import type { Handbook } from "../lib/handbook/buildHandbook";
import { comparePaths } from "../lib/handbook/staticPaths";

/** The whole handbook, sorted. */
export function getHandbook(): Handbook {
  return handbook;
}

/** The prose pages of a track, in the order of the handbook model, with their HTML. */
export function getTrackProse(trackId: string): { id: string; title: string; html: string }[] {
  const track = handbook.tracks.find((candidate) => candidate.id === trackId);
  return (track?.prose ?? []).map(({ id, title }) => ({ id, title, html: proseHtml[`${trackId}/${id}`] }));
}

let comparisons: ReturnType<typeof comparePaths> | undefined;

/**
 * Every comparison of the handbook with its route parameters, computed once for the compare
 * pages and their JSON alike (word diffs are the costliest part of a large build).
 */
export function getComparePaths(): ReturnType<typeof comparePaths> {
  comparisons ??= comparePaths(handbook);
  return comparisons;
}
