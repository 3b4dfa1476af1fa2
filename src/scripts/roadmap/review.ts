import { NOTE_MAX_LENGTH } from "../../lib/schemas/roadmap";
/**
 * A roadmap and the handbook's releases, as pure functions: which release the roadmap was
 * written against and what that means now, which changes to fetch, how each changed behavior
 * is described, and what marking the roadmap as reviewed does to it. No DOM, no fetching.
 */
export type { RoadmapReleases };
import { idRecord, ownValue } from "../../lib/data/idRecords";
import type { WordChange } from "../../lib/compare/wordDiff";
import { RELEASE_PLACEHOLDER, STATUS_LABELS } from "../../lib/roadmap/roadmap";
import type { RoadmapReleases } from "../../lib/handbook/roadmapPageModel";
import type { RoadmapState } from "../../lib/schemas/roadmap";
import type { BehaviorChange, ChangedItem, ChangesSince } from "./changesSince";

/** Where a roadmap stands against the handbook's releases. */
export type RoadmapRelease =
  /** The handbook has no release: nothing to say. */
  | { state: "none" }
  /** Written before roadmaps recorded their release. */
  | { state: "unknown"; latest: string }
  /** Written against a release this handbook does not have (another handbook's roadmap). */
  | { state: "foreign"; release: string; latest: string }
  | { state: "latest"; release: string }
  /** Written against an older release: `after` are the releases since, oldest first. */
  | { state: "older"; release: string; latest: string; after: string[] };

/** Where `roadmap` stands against the releases named, oldest first. */
export function roadmapRelease(
  roadmap: Pick<RoadmapState, "release">,
  names: readonly string[],
): RoadmapRelease {
  const latest = names.at(-1);
  if (latest === undefined) return { state: "none" };
  const { release } = roadmap;
  if (release === undefined) return { state: "unknown", latest };
  const index = names.indexOf(release);
  if (index === -1) return { state: "foreign", release, latest };
  if (release === latest) return { state: "latest", release };
  return { state: "older", release, latest, after: names.slice(index + 1) };
}

/** A URL of {@link RoadmapReleases} for a release. */
export function releaseUrl(template: string, release: string): string {
  return template.replace(RELEASE_PLACEHOLDER, encodeURIComponent(release));
}

/** What the roadmap's summary says of its release. */
export function releaseSummary(status: RoadmapRelease, changed?: number): string {
  switch (status.state) {
    case "none":
      return "";
    case "unknown":
      return `Written against an unknown release: mark it as reviewed to be shown what changes after ${status.latest}.`;
    case "foreign":
      return `Written against release ${status.release}, which this handbook does not have: mark it as reviewed to be shown what changes after ${status.latest}.`;
    case "latest":
      return `Written against release ${status.release}, the latest.`;
    case "older": {
      const since = `Written against release ${status.release}; the latest is ${status.latest}.`;
      if (changed === undefined) return since;
      return changed === 0
        ? `${since} No behavior of this roadmap changed since.`
        : `${since} ${changed === 1 ? "1 behavior" : `${changed} behaviors`} of this roadmap changed since: each is marked below.`;
    }
  }
}

/** One line of what is said about a changed behavior: words, and a diff or texts when it has them. */
export interface ChangeNote {
  text: string;
  /** The word diff from the wording then to the wording now, verbatim. */
  diff?: WordChange[];
  /** Behaviors it names, as they were written: merged into it, split off, removed. */
  items?: ChangedItem[];
}

/** A status or note the roadmap keeps under an id that leads to another behavior now. */
export interface CarriedMark {
  /** The id it is kept under: an id then. */
  id: string;
  status?: string;
  note?: string;
}

/**
 * What a mark kept under an id then means now: a status or note of a behavior that leads to
 * `current`, which marking the roadmap as reviewed brings to it unless it has one of its own.
 */
export function carriedMarkText(mark: CarriedMark, roadmap: RoadmapState, current: string): string {
  const what =
    mark.status !== undefined && mark.note !== undefined
      ? `marks it “${mark.status}”, with a note,`
      : mark.status !== undefined
        ? `marks it “${mark.status}”`
        : "holds a note on it";
  const own =
    (mark.status !== undefined && ownValue(roadmap.statuses, current) !== undefined) ||
    (mark.note !== undefined && ownValue(roadmap.notes, current) !== undefined);
  return `This roadmap ${what} under its id then, ${mark.id}: ${
    own
      ? "this behavior has a mark of its own, which marking the roadmap as reviewed keeps (the old one stays in the exported JSON)."
      : "marking the roadmap as reviewed brings it here."
  }`;
}

/** What is said of a mark for a behavior no longer on the roadmap: where its id leads now. */
export function elsewhereText(mark: MarkElsewhere, release: string): string {
  const then =
    mark.change && [...mark.change.then, ...mark.change.removed].find((item) => item.id === mark.id);
  const named = then ? `“${then.text}” (${mark.id})` : mark.id;
  const marked = mark.status !== undefined ? `, marked “${mark.status}”` : "";
  const where = mark.change ? ` (${mark.change.now.where})` : "";
  return mark.leadsTo === mark.id
    ? `${named}${marked}: ${mark.change!.kinds.join(", ")} since ${release}, now outside this roadmap${where}.`
    : `${named}${marked}: its links lead to ${mark.leadsTo} now${where}, outside this roadmap.`;
}

/** The roadmap's marks under the ids that lead to `change`'s behavior now, besides its own. */
export function carriedMarks(roadmap: RoadmapState, change: BehaviorChange): CarriedMark[] {
  const ids = [...change.then, ...change.removed].map((item) => item.id).filter((id) => id !== change.id);
  return [...new Set(ids)].flatMap((id) => {
    const status = ownValue(roadmap.statuses, id);
    const note = ownValue(roadmap.notes, id);
    return status === undefined && note === undefined
      ? []
      : [
          {
            id,
            ...(status !== undefined && { status: STATUS_LABELS[status] }),
            ...(note !== undefined && { note }),
          },
        ];
  });
}

/** What changed in a behavior since `release`, a line per kind of change, in the changelog's order. */
export function changeNotes(change: BehaviorChange, release: string): ChangeNote[] {
  const notes: ChangeNote[] = [];
  const [then] = change.then;
  for (const kind of change.kinds) {
    if (kind === "added") notes.push({ text: `New since ${release}.` });
    else if (kind === "removed")
      notes.push({
        text: `Removed since ${release}, with their links leading here now:`,
        items: change.removed,
      });
    else if (kind === "reworded")
      notes.push(
        change.textDiff
          ? { text: `Reworded since ${release}:`, diff: change.textDiff }
          : { text: `Its examples changed since ${release}.` },
      );
    else if (kind === "moved")
      notes.push({ text: `Moved since ${release}, from ${then.where} to ${change.now.where}.` });
    else if (kind === "renamed") notes.push({ text: `Renamed since ${release}: its id was ${then.id}.` });
    else if (kind === "merged") notes.push({ text: `Merged since ${release}, from:`, items: change.then });
    else if (change.splitFrom)
      notes.push({ text: `Split off since ${release}, from:`, items: [change.splitFrom] });
    else {
      notes.push({ text: `Split since ${release}; the other parts:`, items: change.splitInto ?? [] });
      // A split's own text may change with it.
      if (change.textDiff) notes.push({ text: "Its wording:", diff: change.textDiff });
    }
  }
  return notes;
}

/** A behavior of the roadmap's release the roadmap holds a mark for that is not on the page now. */
export interface MarkElsewhere extends CarriedMark {
  /** Where its id leads now: the current id, and that behavior's change when it has one. */
  leadsTo: string;
  change?: BehaviorChange;
}

/**
 * The roadmap's marks for behaviors that changed since its release and are no longer among
 * `shown` (moved out of its levels, merged or removed into a behavior elsewhere), so no mark
 * is left unseen.
 */
export function marksElsewhere(
  roadmap: RoadmapState,
  shown: ReadonlySet<string>,
  since: ChangesSince,
): MarkElsewhere[] {
  const ids = [...new Set([...Object.keys(roadmap.statuses), ...Object.keys(roadmap.notes)])].sort();
  return ids.flatMap((id) => {
    const leadsTo = since.leadsTo.get(id) ?? id;
    const change = since.behaviors.get(leadsTo);
    if (shown.has(leadsTo) || (!change && leadsTo === id)) return [];
    const status = ownValue(roadmap.statuses, id);
    const note = ownValue(roadmap.notes, id);
    return [
      {
        id,
        leadsTo,
        ...(change && { change }),
        ...(status !== undefined && { status: STATUS_LABELS[status] }),
        ...(note !== undefined && { note }),
      },
    ];
  });
}

/**
 * The roadmap marked as reviewed against `latest`: written against it from now on, and each
 * status or note kept under an id that leads to another behavior now moved to that behavior,
 * when it has none of its own (one it has is never overwritten, and the old entry then stays).
 */
export function reviewedRoadmap(roadmap: RoadmapState, latest: string, since?: ChangesSince): RoadmapState {
  const statuses = idRecord(Object.entries(roadmap.statuses));
  const notes = idRecord(Object.entries(roadmap.notes));
  for (const [old, current] of since?.leadsTo ?? []) {
    if (Object.hasOwn(statuses, old) && !Object.hasOwn(statuses, current)) {
      statuses[current] = statuses[old];
      delete statuses[old];
    }
    if (!Object.hasOwn(notes, old)) continue;
    // Behaviors merged into one: both notes are kept, one after the other, while they fit.
    const joined = Object.hasOwn(notes, current) ? `${notes[current]}\n\n${notes[old]}` : notes[old];
    if (joined.length > NOTE_MAX_LENGTH) continue;
    notes[current] = joined;
    delete notes[old];
  }
  return { ...roadmap, release: latest, statuses, notes };
}
