import type { Level } from "./buildHandbook";

/**
 * The fact labels of `levels`, each once, in order of first appearance (levels in the order
 * given, each level's facts in its order): the fact columns of a track's levels matrix.
 */
export function factLabels(levels: readonly Level[]): string[] {
  return [...new Set(levels.flatMap((level) => level.facts.map((fact) => fact.label)))];
}

/** The value of each of `labels` at `level`, in the same order; null where the level has no such fact. */
export function factValues(level: Level, labels: readonly string[]): (string | null)[] {
  const values = new Map(level.facts.map((fact) => [fact.label, fact.value]));
  return labels.map((label) => values.get(label) ?? null);
}
