/**
 * The roadmaps kept in the browser: one localStorage entry per track and pair of levels, and
 * the last choice of levels. What is read back is checked with the roadmap schema, the same
 * one an imported file passes; storage that fails or refuses never breaks the page.
 */
import { idRecord } from "../../lib/data/idRecords";
import { salvage } from "../../lib/data/salvage";
import { emptyRoadmap, roadmapStorageKey } from "../../lib/roadmap/roadmap";
import { roadmapStateSchema, type RoadmapState } from "../../lib/schemas/roadmap";
import type { Choice } from "./state";

/** The part of `Storage` (localStorage, or a fake in tests) the store uses. */
export type RoadmapStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Where the last choice of track and levels is kept, to open on it next time. */
export const LAST_CHOICE_KEY = "ladder-roadmap:v1:last";

const lastChoiceSchema = roadmapStateSchema.pick({ track: true, from: true, to: true });

/** The JSON of an entry; undefined when it is missing, not JSON, or the browser refuses to read it. */
function readJson(storage: RoadmapStorage, key: string): unknown {
  try {
    return JSON.parse(storage.getItem(key) ?? "null") ?? undefined;
  } catch {
    return undefined;
  }
}

/** Writes an entry (null removes it); false when the browser refuses: storage full or blocked. */
function writeEntry(storage: RoadmapStorage, key: string, value: string | null): boolean {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The roadmap kept for a track and pair of levels, or an empty one, written against `latest`
 * (the handbook's latest release, if any). A statuses or notes entry the schema refuses is left
 * out, not the whole roadmap: one bad entry must not cost the reader every other one. Anything
 * that is not a roadmap at all starts afresh. A roadmap kept without a release keeps none: it
 * was written against an unknown one.
 */
export function readRoadmap(
  storage: RoadmapStorage,
  track: string,
  from: string,
  to: string,
  latest?: string,
): RoadmapState {
  // Salvaged fields are whole: a record keeps only its valid entries, each entirely valid.
  const stored = salvage(roadmapStateSchema, readJson(storage, roadmapStorageKey(track, from, to))) as
    Partial<RoadmapState> | undefined;
  if (stored?.format !== "ladder-roadmap") return emptyRoadmap(track, from, to, latest);
  // The key says which roadmap this is: its track and levels stay those asked for.
  return {
    ...emptyRoadmap(track, from, to, stored.release),
    statuses: idRecord(Object.entries(stored.statuses ?? {})),
    notes: idRecord(Object.entries(stored.notes ?? {})),
  };
}

/** Keeps a roadmap under its track and levels; false when the browser refuses. */
export function writeRoadmap(storage: RoadmapStorage, roadmap: RoadmapState): boolean {
  return writeEntry(
    storage,
    roadmapStorageKey(roadmap.track, roadmap.from, roadmap.to),
    JSON.stringify(roadmap),
  );
}

/** Forgets the roadmap of a track and pair of levels; false when the browser refuses. */
export function removeRoadmap(storage: RoadmapStorage, track: string, from: string, to: string): boolean {
  return writeEntry(storage, roadmapStorageKey(track, from, to), null);
}

/** The track and levels chosen last, as far as they were kept and are ids. */
export function readLastChoice(storage: RoadmapStorage): Partial<Choice> {
  return (salvage(lastChoiceSchema, readJson(storage, LAST_CHOICE_KEY)) ?? {}) as Partial<Choice>;
}

/** Remembers the track and levels chosen; false when the browser refuses. */
export function writeLastChoice(storage: RoadmapStorage, choice: Choice): boolean {
  return writeEntry(
    storage,
    LAST_CHOICE_KEY,
    JSON.stringify({ track: choice.track, from: choice.from, to: choice.to }),
  );
}
