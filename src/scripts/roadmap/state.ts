/**
 * The roadmap builder's state and its transitions, as pure functions: which track and levels
 * are shown for what the reader asked, how marking a status or writing a note changes a
 * roadmap, and the texts and names derived from them. No DOM and no storage here.
 */
import { idRecord } from "../../lib/data/idRecords";
import { levelName } from "../../lib/handbook/levelName";
import type { LevelChoice, TrackChoice } from "../../lib/handbook/roadmapPageModel";
import type { RoadmapStatus } from "../../lib/roadmap/roadmapStatuses";
import type { RoadmapCategory, RoadmapItem, RoadmapProgress } from "../../lib/roadmap/roadmap";
import type { RoadmapState } from "../../lib/schemas/roadmap";

/** The tracks and levels the builder offers, as the page's model computes them. */
export type { LevelChoice, TrackChoice };

/** The names of the three selects: a track and a pair of levels, by id. */
export type ChoiceName = "track" | "from" | "to";

/** A track and pair of levels, by id; "" where nothing was asked for. */
export type Choice = Record<ChoiceName, string>;

/** The track and pair of levels shown: the start below the last level, the target above the start. */
export interface ResolvedChoice {
  track: TrackChoice;
  fromIndex: number;
  toIndex: number;
}

/** One option of a level select. */
export interface LevelOption {
  id: string;
  label: string;
  disabled: boolean;
}

/**
 * The track and levels to show for what was asked, whatever was asked: an unknown track is
 * the first one; an unknown start is the first level, and the start is never the last level
 * (nothing is above it); an unknown target, or one not above the start, is the next level.
 */
export function resolveChoice(tracks: readonly TrackChoice[], asked: Partial<Choice>): ResolvedChoice {
  const track = tracks.find((t) => t.id === asked.track) ?? tracks[0];
  const fromIndex = Math.max(
    0,
    Math.min(
      track.levels.findIndex((level) => level.id === asked.from),
      track.levels.length - 2,
    ),
  );
  const toIndex = Math.max(
    fromIndex + 1,
    track.levels.findIndex((level) => level.id === asked.to),
  );
  return { track, fromIndex, toIndex };
}

/** The ids of a resolved choice. */
export function choiceIds({ track, fromIndex, toIndex }: ResolvedChoice): Choice {
  return { track: track.id, from: track.levels[fromIndex].id, to: track.levels[toIndex].id };
}

/** What the page opens on: the choice in its address, else the one remembered from last time. */
export function initialChoice(params: URLSearchParams, last: Partial<Choice>): Choice {
  const pick = (name: ChoiceName) => params.get(name) ?? last[name] ?? "";
  return { track: pick("track"), from: pick("from"), to: pick("to") };
}

/**
 * What to show after the reader changed one select: a new track starts at its first levels;
 * a new start keeps the target while it is above (`resolveChoice` moves it otherwise).
 */
export function choiceAfterChange(changed: string, selected: Choice): Choice {
  return changed === "track" ? { track: selected.track, from: "", to: "" } : selected;
}

/** A level as its option reads: named as everywhere else ("IC3 · Senior", or the code alone). */
export function levelLabel(level: LevelChoice): string {
  return levelName({ code: level.code, title: level.title ?? undefined });
}

/**
 * The options of the two level selects: the last level cannot be a start, and a target must
 * be above the start.
 */
export function levelOptions({ track, fromIndex }: ResolvedChoice): {
  from: LevelOption[];
  to: LevelOption[];
} {
  const options = (disabled: (index: number) => boolean) =>
    track.levels.map((level, index) => ({
      id: level.id,
      label: levelLabel(level),
      disabled: disabled(index),
    }));
  return {
    from: options((index) => index === track.levels.length - 1),
    to: options((index) => index <= fromIndex),
  };
}

/** The address query of a choice, so a roadmap can be linked to and reloaded. */
export function choiceQuery(choice: Choice): string {
  return new URLSearchParams({ track: choice.track, from: choice.from, to: choice.to }).toString();
}

/** The comparison JSON of a choice, from the URL template the component passes. */
export function comparisonUrl(template: string, choice: Choice): string {
  return template
    .replace("__track__", choice.track)
    .replace("__from__", choice.from)
    .replace("__to__", choice.to);
}

/** Whether two roadmaps are of the same track and pair of levels. */
export function isSameRoadmap(
  a: Pick<RoadmapState, "track" | "from" | "to">,
  b: Pick<RoadmapState, "track" | "from" | "to">,
): boolean {
  return a.track === b.track && a.from === b.from && a.to === b.to;
}

/** The roadmap with a behavior marked; "not started" is the absence of a status, so it removes it. */
export function withStatus(roadmap: RoadmapState, id: string, status: RoadmapStatus): RoadmapState {
  const statuses = idRecord(Object.entries(roadmap.statuses));
  if (status === "not-started") delete statuses[id];
  else statuses[id] = status;
  return { ...roadmap, statuses };
}

/** The roadmap with a note on a behavior, kept as typed; a blank note removes it. */
export function withNote(roadmap: RoadmapState, id: string, note: string): RoadmapState {
  const notes = idRecord(Object.entries(roadmap.notes));
  if (note.trim()) notes[id] = note;
  else delete notes[id];
  return { ...roadmap, notes };
}

/** Whether a roadmap holds anything to lose: a status or a note. */
export function hasProgress(roadmap: RoadmapState): boolean {
  return Object.keys(roadmap.statuses).length + Object.keys(roadmap.notes).length > 0;
}

/** Every behavior of a roadmap, category by category. */
export function allItems(categories: readonly RoadmapCategory[]): RoadmapItem[] {
  return categories.flatMap((category) => [...category.growInto, ...category.keep]);
}

/** "3 of 12 demonstrated, 2 in progress": the counts as the page reads them. */
export function progressText(progress: RoadmapProgress): string {
  return `${progress.demonstrated} of ${progress.total} demonstrated, ${progress.working} in progress`;
}

/** The file name of an exported roadmap, without its extension. */
export function roadmapFileName(roadmap: Pick<RoadmapState, "track" | "from" | "to">): string {
  return `roadmap-${roadmap.track}-${roadmap.from}-${roadmap.to}`;
}

/** A roadmap as its exported JSON file: indented, ending with a newline. */
export function roadmapJson(roadmap: RoadmapState): string {
  return `${JSON.stringify(roadmap, null, 2)}\n`;
}

/**
 * The categories with each permanent link made absolute against `base` (the page's address),
 * so the exported Markdown's links work pasted into any document.
 */
export function withAbsoluteLinks(categories: readonly RoadmapCategory[], base: string): RoadmapCategory[] {
  const resolve = (item: RoadmapItem) => ({ ...item, permalink: new URL(item.permalink, base).href });
  return categories.map((category) => ({
    ...category,
    growInto: category.growInto.map(resolve),
    keep: category.keep.map(resolve),
  }));
}
