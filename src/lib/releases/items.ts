/**
 * What a released behavior or responsibility is, and when two are worded alike: the one place
 * the changelog, histories, pinned links and check-links decide it. No Node module here, so
 * the browser's scripts can use it too.
 */
import type { ReleasedBehaviorData, ReleasedResponsibilityData, ReleasedTrackData } from "../schemas";

/** A behavior or responsibility as released, the one shape the changelog and histories compare. */
export type ReleasedItem = ReleasedBehaviorData | ReleasedResponsibilityData;

/** Whether a released item is a role's responsibility rather than a level's behavior. */
export function isResponsibility(item: ReleasedItem): item is ReleasedResponsibilityData {
  return "role" in item;
}

/** Every linkable item of a released track: behaviors in site order, then responsibilities. */
export function releasedItems(track: ReleasedTrackData): ReleasedItem[] {
  return [...track.behaviors, ...track.responsibilities];
}

/** An item's examples; none for a responsibility. */
export function examplesOf(item: ReleasedItem): string[] {
  return isResponsibility(item) ? [] : (item.examples ?? []);
}

/**
 * Where an item is, by ids (level and category, or role): a title renamed does not move it.
 * Takes a released item or one as the changes' JSON gives it (the roadmap's script).
 */
export function placeKey(item: { role?: string; level?: string | null; category?: string | null }): string {
  return item.role !== undefined ? `role:${item.role}` : `level:${item.level}:${item.category}`;
}

/** Whether two lists of examples are the same, in order. */
export function sameExamples(a: readonly string[] = [], b: readonly string[] = []): boolean {
  return a.length === b.length && a.every((example, index) => example === b[index]);
}

/** Whether two items read the same: the same text and the same examples, in order. */
export function sameWording(
  a: Pick<ReleasedBehaviorData, "text" | "examples">,
  b: Pick<ReleasedBehaviorData, "text" | "examples">,
): boolean {
  return a.text === b.text && sameExamples(a.examples, b.examples);
}
