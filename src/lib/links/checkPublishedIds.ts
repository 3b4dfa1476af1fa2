import path from "node:path";
import type { PublishedIdsData, PublishedPlace } from "../schemas";
import type { PartialSources } from "../data/parseSources";
import { formatFieldPath, type Problem } from "../data/problems";
import { linkableIds } from "./linkableIds";
import { suggestIds } from "./suggestIds";
import { createTextSimilarity } from "../compare/textSimilarity";

/**
 * Texts at least this similar (see `createTextSimilarity`) say the same thing in other words:
 * a behavior renamed and reworded at once is still found by what it is about.
 */
const REWORDED = 0.5;

/** Where a current id of a track is written, to tell the reader where an alias goes, and what it says. */
interface IdPlace {
  file: string;
  path: string;
  /** The level's id, null for a shared expectation; undefined for a responsibility. */
  level?: string | null;
  role?: string;
  text?: string;
}

/** The linkable ids of one track. */
interface TrackIds {
  /** The track's folder, as shown in messages. */
  folder: string;
  /** Current ids, with where each is written. */
  current: Map<string, IdPlace>;
  /** Current ids and aliases. */
  all: Set<string>;
}

/** The linkable ids of each track in the sources, with where each current id is written. */
function linkableIdsByTrack(sources: PartialSources): Map<string, TrackIds> {
  const byTrack = new Map<string, TrackIds>();
  for (const track of sources.tracks) {
    byTrack.set(track.track, { folder: path.posix.dirname(track.file), current: new Map(), all: new Set() });
  }
  for (const linkable of linkableIds(sources)) {
    const ids = byTrack.get(linkable.track)!;
    ids.all.add(linkable.id);
    if (linkable.kind === "alias") continue;
    ids.current.set(linkable.id, {
      file: linkable.file,
      path: linkable.itemPath,
      ...(linkable.level !== undefined && { level: linkable.level }),
      ...(linkable.role !== undefined && { role: linkable.role }),
      ...(linkable.text !== undefined && { text: linkable.text }),
    });
  }
  return byTrack;
}

/** A current id that probably took the place of a published one, and why. */
interface Successor {
  id: string;
  place: IdPlace;
  /** Whether it has the text recorded for the published id. */
  sameText: boolean;
}

/**
 * The current id that most probably took the place of the published `id`, from what was
 * recorded of it. One with the recorded text comes first: it was renamed. Then, since a rename
 * makes a new id appear where the old one vanished, ids not yet published on the same level or
 * role (the only one there, or the closest), then any on the same level or role, then new ones
 * anywhere in the track, then any. Within each group the closest is the one whose text says the
 * same in other words, else the one with the closest id (spelling and words); a group with no
 * close one gives way to the next. A lock from before places and texts were recorded has none:
 * then new ids come first, each group by the closest id.
 */
function successorOf(
  id: string,
  record: PublishedPlace,
  ids: TrackIds,
  published: ReadonlySet<string>,
): Successor | undefined {
  const current = [...ids.current].map(([currentId, place]) => ({ id: currentId, place }));
  const { text } = record;
  if (text !== undefined) {
    const sameText = current.filter(({ place }) => place.text === text);
    const found = sameText.find(({ place }) => samePlace(place, record)) ?? sameText[0];
    if (found) return { ...found, sameText: true };
  }
  const similarity =
    text === undefined ? undefined : createTextSimilarity(current.map(({ place }) => place.text ?? ""));
  const isNew = (candidate: { id: string }) => !published.has(candidate.id);
  const here = current.filter(({ place }) => samePlace(place, record));
  const newHere = here.filter(isNew);
  if (newHere.length === 1) return { ...newHere[0], sameText: false };
  for (const group of [newHere, here, current.filter(isNew), current]) {
    let best: { id: string; score: number } | undefined;
    if (similarity && text !== undefined) {
      for (const candidate of group) {
        const score = similarity(text, candidate.place.text ?? "");
        if (score >= REWORDED && score > (best?.score ?? 0)) best = { id: candidate.id, score };
      }
    }
    const [closest] = best
      ? [best.id]
      : suggestIds(
          id,
          group.map((candidate) => ({ id: candidate.id, text: candidate.place.text })),
          1,
        );
    if (closest) return { id: closest, place: ids.current.get(closest)!, sameText: false };
  }
  return undefined;
}

/** Whether a current id is where a published one was recorded: its level, or its role. */
function samePlace(place: IdPlace, record: PublishedPlace): boolean {
  if (record.role !== undefined) return place.role === record.role;
  return record.level !== undefined && place.role === undefined && place.level === record.level;
}

/** What was published of one id: where it was and what it said, and which file records it. */
export interface PublishedIdRecord {
  /** Its level (null when shared) or role and its text, as published; a lock of ids alone has none. */
  place: PublishedPlace;
  /** The file and field that record it, where a problem with it is reported. */
  file: string;
  path: string;
  /** How it was published, as messages say it: `published`, `released in 2026-12`. */
  published: string;
}

/** One published track: which file records it, and its ids. */
export interface PublishedTrackRecord {
  file: string;
  path: string;
  published: string;
  ids: Map<string, PublishedIdRecord>;
}

/** Every published id, by track: from the releases, or from the legacy lock (`published-ids.json`). */
export type PublishedIds = Map<string, PublishedTrackRecord>;

/** The ids of a lock (`published-ids.json`), each reported against its entry in `lockFile`. */
export function publishedIdsOfLock(lock: PublishedIdsData, lockFile: string): PublishedIds {
  return new Map(
    Object.entries(lock.tracks).map(([track, ids]): [string, PublishedTrackRecord] => [
      track,
      {
        file: lockFile,
        path: formatFieldPath(["tracks", track]),
        published: "published",
        ids: new Map(
          Object.entries(ids).map(([id, place]) => [
            id,
            { place, file: lockFile, path: formatFieldPath(["tracks", track, id]), published: "published" },
          ]),
        ),
      },
    ]),
  );
}

/**
 * The rule of published ids: every id ever published (so every short link ever handed out) is
 * still a current id or an alias in its track. Each problem says which alias to add where,
 * naming the current id that most probably took its place (see {@link successorOf}); a
 * published track that is gone is a problem too. Problems are reported where the id is
 * recorded: the latest release naming it, or the lock.
 */
export function checkPublishedIds(published: PublishedIds, sources: PartialSources): Problem[] {
  const problems: Problem[] = [];
  const tracks = linkableIdsByTrack(sources);
  for (const [track, record] of published) {
    const ids = tracks.get(track);
    const publishedIds = [...record.ids.keys()];
    if (!ids) {
      // A track without behaviors was published too: its pages are linked from elsewhere.
      const example =
        publishedIds.length > 0
          ? `its short links such as /b/${track}/${publishedIds[0]}/`
          : `its pages such as /${track}/`;
      problems.push({
        file: record.file,
        path: record.path,
        message: `the track "${track}" was ${record.published} (${example} are out there), but the data has no folder "${track}": restore it, so its links keep working`,
      });
      continue;
    }
    const publishedSet = new Set(publishedIds);
    for (const [id, idRecord] of record.ids) {
      if (ids.all.has(id)) continue;
      const successor = successorOf(id, idRecord.place, ids, publishedSet);
      const where = successor
        ? `, probably "${successor.id}" (${successor.place.file}: ${successor.place.path})${successor.sameText ? ", which has its text" : ""}`
        : ` (in ${ids.folder}/)`;
      problems.push({
        file: idRecord.file,
        path: idRecord.path,
        message: `"${id}" was ${idRecord.published} (/b/${track}/${id}/) but is no longer an id or alias in the track "${track}": add "${id}" to the "aliases" of the behavior or responsibility that took its place${where}, so its links keep working`,
      });
    }
  }
  return problems;
}
