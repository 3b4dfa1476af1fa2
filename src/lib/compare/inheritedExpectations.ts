import type { Behavior, BehaviorGroup, Level } from "../handbook/buildHandbook";
import { inheritedLevels } from "../handbook/inheritedLevels";
import type { TrackEvolution } from "./trackEvolution";

/** A behavior of a lower level that no longer holds at a level: a newer form of it does. */
export interface SupersededBehavior {
  behavior: Behavior;
  /**
   * Its newer forms, oldest first, each at a higher level than the one before and none above
   * the level; the last is the form in force there.
   */
  newerForms: Behavior[];
}

/** What one lower level still asks at a higher level of a cumulative track. */
export interface InheritedExpectations {
  level: Level;
  /** Its behaviors that still hold, by category; a category left with none is left out. */
  held: BehaviorGroup[];
  /** Its behaviors that a newer form replaces by then, in the order the level states them. */
  superseded: SupersededBehavior[];
}

/**
 * The forms `behavior` evolved into by `levelId` (buildTrackEvolution's chain of next forms,
 * followed while each is at a higher level than the one before and not above `levelId`),
 * oldest first. None means the behavior itself still holds there on a cumulative track;
 * otherwise it is superseded: the level, or one below it, states its newer form.
 */
export function newerFormsAt(evolution: TrackEvolution, behavior: Behavior, levelId: string): Behavior[] {
  const { track } = evolution;
  const position = (id: string | null) => track.levels.findIndex((level) => level.id === id);
  const at = position(levelId);
  if (at === -1) throw new Error(`No level "${levelId}" in track "${track.id}"`);
  const forms: Behavior[] = [];
  let current = behavior;
  for (let step = evolution.next.get(current.id); step; step = evolution.next.get(current.id)) {
    const next = position(step.to.level);
    if (next > at || next <= position(current.level)) break;
    forms.push(step.to);
    current = step.to;
  }
  return forms;
}

/**
 * What the levels below `levelId` still ask at it, nearest level first: on a cumulative track,
 * each lower level that states behaviors, split into the behaviors that still hold and those
 * superseded by a newer form stated at a higher level up to `levelId` (with the chain of
 * forms). A track that is not cumulative, or a level that is not yet defined (it expects
 * nothing yet), inherits nothing.
 */
export function inheritedExpectations(evolution: TrackEvolution, levelId: string): InheritedExpectations[] {
  const { track } = evolution;
  const lower = inheritedLevels(track, levelId);
  if (track.levels.find((level) => level.id === levelId)?.status !== "defined") return [];
  return lower.map((level) => {
    const superseded: SupersededBehavior[] = [];
    const held = level.groups
      .map((group) => ({
        ...group,
        behaviors: group.behaviors.filter((behavior) => {
          const newerForms = newerFormsAt(evolution, behavior, levelId);
          if (newerForms.length > 0) superseded.push({ behavior, newerForms });
          return newerForms.length === 0;
        }),
      }))
      .filter((group) => group.behaviors.length > 0);
    return { level, held, superseded };
  });
}
