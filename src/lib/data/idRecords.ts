/**
 * Objects keyed by ids, for the places whose JSON must stay an object (a roadmap's statuses
 * and notes, the lock). Ids are data, and `constructor` is a valid one: looked up on a plain
 * object, it finds `Object.prototype.constructor` although no one put it there. So these
 * records have no prototype, and are read through `ownValue` whatever made them (JSON.parse
 * and zod make plain objects). In memory, a `Map` is better still.
 */

/** A record of `entries` with no prototype: every key in it is one of `entries`. */
export function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record: Record<string, T> = Object.create(null);
  // A plain assignment: with no prototype, even `__proto__` is only a key.
  for (const [id, value] of entries) record[id] = value;
  return record;
}

/** The value `record` holds under `id` itself, never one every object inherits. */
export function ownValue<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}
