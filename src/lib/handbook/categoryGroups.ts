import type { BehaviorGroup, Category } from "./buildHandbook";

/** Consecutive items whose categories share a group: the group's heading, null when the track has no groups. */
export interface GroupedCategories<T> {
  group: string | null;
  items: T[];
}

/** The group of a category, or of the category of a list of behaviors (none without a category). */
function categoryGroup(item: Category | BehaviorGroup): string | undefined {
  return ("category" in item ? item.category : item)?.group;
}

/**
 * Splits `items` (categories, or behaviors grouped by category) into runs under their category
 * group's heading, keeping their order. The categories of a group are listed together (a rule
 * of the data), so each group is one run; a track without groups gives one run whose group is
 * null, and no items give no runs. `groupOf` names the group of another kind of item, such as
 * an option of a filter; undefined or null is "no group".
 */
export function groupCategories<T extends Category | BehaviorGroup>(
  items: readonly T[],
): GroupedCategories<T>[];
export function groupCategories<T>(
  items: readonly T[],
  groupOf: (item: T) => string | null | undefined,
): GroupedCategories<T>[];
export function groupCategories<T>(
  items: readonly T[],
  groupOf: (item: T) => string | null | undefined = (item) => categoryGroup(item as Category | BehaviorGroup),
): GroupedCategories<T>[] {
  const runs: GroupedCategories<T>[] = [];
  for (const item of items) {
    const group = groupOf(item) ?? null;
    const last = runs.at(-1);
    if (last && last.group === group) last.items.push(item);
    else runs.push({ group, items: [item] });
  }
  return runs;
}
