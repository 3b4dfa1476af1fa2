import type { Behavior, BehaviorGroup, Handbook, Track } from "./buildHandbook";

/** Every behavior of a track in site order: shared expectations first, then level by level. */
export function trackBehaviors(track: Track): Behavior[] {
  return [...(track.shared?.groups ?? []), ...track.levels.flatMap((level) => level.groups)].flatMap(
    (group) => group.behaviors,
  );
}

/** Every behavior of the handbook, track by track, in site order. */
export function allBehaviors(handbook: Handbook): Behavior[] {
  return handbook.tracks.flatMap(trackBehaviors);
}

/** How many behaviors some groups hold together, for "Shared (12 behaviors)" counts. */
export function countBehaviors(groups: BehaviorGroup[]): number {
  return groups.reduce((sum, group) => sum + group.behaviors.length, 0);
}
