import type { Handbook } from "./buildHandbook";
import { comparePairs } from "../compare/comparePairs";
import { compareLevels } from "../compare/compareLevels";
import { threadsOf } from "../compare/threads";
import { trackEvolutionOf } from "../compare/trackEvolution";
import { permalinkTargets } from "../links/permalinkTargets";
import type { Urls } from "../links/urls";

/** `getStaticPaths` of `/{track}/`. */
export function trackPaths(handbook: Handbook) {
  return handbook.tracks.map((track) => ({ params: { track: track.id }, props: { track } }));
}

/**
 * `getStaticPaths` of `/{track}/{level}/`: every level, defined or not, with its track's
 * evolution computed once per track (what the levels below still ask depends on it).
 */
export function levelPaths(handbook: Handbook) {
  return handbook.tracks.flatMap((track) => {
    const evolution = trackEvolutionOf(track);
    return track.levels.map((level) => ({
      params: { track: track.id, level: level.id },
      props: { track, level, evolution },
    }));
  });
}

/** `getStaticPaths` of `/{track}/roles/{role}/`. */
export function rolePaths(handbook: Handbook) {
  return handbook.tracks.flatMap((track) =>
    track.roles.map((role) => ({ params: { track: track.id, role: role.id }, props: { track, role } })),
  );
}

/** `getStaticPaths` of `/b/{track}/{id}/`: every current id and alias. */
export function permalinkPaths(handbook: Handbook, urls: Urls) {
  return permalinkTargets(handbook, urls).map((permalink) => ({
    params: { track: permalink.track, id: permalink.id },
    props: { permalink },
  }));
}

/**
 * `getStaticPaths` of `/{track}/compare/{from}/{to}/` and its JSON: every pair of defined
 * levels, with the comparison computed once per pair from one evolution per track.
 */
export function comparePaths(handbook: Handbook) {
  return handbook.tracks.flatMap((track) => {
    const evolution = trackEvolutionOf(track);
    return comparePairs(track).map(({ from, to }) => ({
      params: { track: track.id, from: from.id, to: to.id },
      props: { track, comparison: compareLevels(evolution, from.id, to.id) },
    }));
  });
}

/**
 * `getStaticPaths` of `/{track}/growth/` and `/api/{track}/threads.json`: every track, with its
 * threads from one evolution per track, as the comparisons pair its behaviors.
 */
export function growthPaths(handbook: Handbook) {
  return handbook.tracks.map((track) => ({
    params: { track: track.id },
    props: { track, threads: threadsOf(trackEvolutionOf(track)) },
  }));
}
