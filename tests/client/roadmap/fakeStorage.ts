import type { RoadmapStorage } from "../../../src/scripts/roadmap/store";

/** A Storage kept in a Map, as localStorage would keep it: strings only. */
export function memoryStorage(entries: Record<string, string> = {}): RoadmapStorage & {
  entries: Map<string, string>;
} {
  const map = new Map(Object.entries(entries));
  return {
    entries: map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
  };
}

/** Storage the browser refuses: blocked, or full, as every call throws. */
export const refusingStorage: RoadmapStorage = {
  getItem: () => {
    throw new DOMException("The operation is insecure.", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  },
  removeItem: () => {
    throw new DOMException("The operation is insecure.", "SecurityError");
  },
};
