import { idRecord, ownValue } from "../data/idRecords";
import { PLACES } from "../links/urls";
import { UNCATEGORIZED_TITLE } from "../handbook/uncategorized";
import type { RoadmapStatus } from "./roadmapStatuses";
import type { RoadmapState } from "../schemas/roadmap";
import { plainTextOf, type InlineNode } from "../text/inlineTree";

/** How each status reads, in the page and in exports. */
export const STATUS_LABELS: Record<RoadmapStatus, string> = {
  "not-started": "Not started",
  working: "Working on it",
  demonstrated: "Demonstrated",
};

/** The parts of `/api/{track}/compare/{from}/{to}.json` a roadmap reads. */
export interface ComparisonData {
  track: string;
  from: { id: string; code: string; title: string | null };
  to: { id: string; code: string; title: string | null };
  /** A track without categories has one, its id and title null. */
  categories: {
    id: string | null;
    title: string | null;
    group?: string | null;
    changed: { from: ComparedBehavior; to: ComparedBehavior }[];
    unchanged: { from: ComparedBehavior; to: ComparedBehavior }[];
    added: ComparedBehavior[];
    carried: ComparedBehavior[];
  }[];
  /** The track's shared expectations, the same at both levels. */
  shared: (ComparedBehavior & { category: string | null })[];
}

interface ComparedBehavior {
  id: string;
  level: string | null;
  text: string;
  /** The examples as written. */
  examples: string[];
  /** The text's inline Markdown, parsed by the server (`text/inlineMarkdown`). */
  textNodes: InlineNode[];
  /** Each example's inline tree, its handbook links absolute. */
  exampleNodes: InlineNode[][];
  url: string;
  permalink: string;
}

/** One behavior on a roadmap. */
export interface RoadmapItem {
  id: string;
  /** The words a reader sees. */
  text: string;
  /** The text's inline tree: what the page shows and the export writes. */
  nodes: InlineNode[];
  /** Its examples' inline trees, in the target form's wording; empty when it has none. */
  examples: InlineNode[][];
  /** Its permanent short link: what the exported roadmap links to. */
  permalink: string;
  /** Where it lives now, for reading it in context. */
  url: string;
  /** "grown": a behavior of the current level in its target form; "new": asked only from the target. */
  kind: "grown" | "new" | "kept";
  /** The current level's wording, for a grown behavior: its words, and its tree. */
  before?: string;
  beforeNodes?: InlineNode[];
}

/** A category of a roadmap: what to grow into, then what to keep doing. */
export interface RoadmapCategory {
  id: string;
  title: string;
  /** The heading the category is listed under, when the track groups its categories. */
  group?: string;
  growInto: RoadmapItem[];
  keep: RoadmapItem[];
}

/**
 * The roadmap from one level to a higher one, per category: first what the target asks beyond
 * the current level (behaviors that grow, in their target form, and new ones), then the rest
 * of what the target expects (behaviors of the current level that still hold), and last the
 * track's shared expectations under `sharedTitle`.
 */
export function roadmapCategories(
  comparison: ComparisonData,
  sharedTitle = "Expected at every level",
): RoadmapCategory[] {
  const item = (b: ComparedBehavior, kind: RoadmapItem["kind"], before?: ComparedBehavior): RoadmapItem => ({
    id: b.id,
    text: plainTextOf(b.textNodes),
    nodes: b.textNodes,
    examples: b.exampleNodes,
    permalink: b.permalink,
    url: b.url,
    kind,
    ...(before !== undefined && { before: plainTextOf(before.textNodes), beforeNodes: before.textNodes }),
  });
  const categories = comparison.categories
    .map((category) => ({
      // The one list of a track without categories: a section of its own, named as one.
      id: category.id ?? PLACES.behaviors,
      title: category.title ?? UNCATEGORIZED_TITLE,
      ...(typeof category.group === "string" && { group: category.group }),
      growInto: [
        ...category.changed.map((change) => item(change.to, "grown", change.from)),
        ...category.added.map((behavior) => item(behavior, "new")),
      ],
      keep: [
        ...category.unchanged.map((pair) => item(pair.to, "kept")),
        ...category.carried.map((behavior) => item(behavior, "kept")),
      ],
    }))
    .filter((category) => category.growInto.length + category.keep.length > 0);
  // Expected at every level, so at the target too: the last part of the roadmap.
  if (comparison.shared.length > 0) {
    categories.push({
      id: PLACES.shared,
      title: sharedTitle,
      growInto: [],
      keep: comparison.shared.map((behavior) => item(behavior, "kept")),
    });
  }
  return categories;
}

/** Counts of a roadmap or of one of its categories. */
export interface RoadmapProgress {
  total: number;
  demonstrated: number;
  working: number;
  /** Share demonstrated, 0 to 1 (0 when there is nothing to show). */
  share: number;
}

/** The status of a behavior on a roadmap: not started unless marked. */
export function statusOf(state: Pick<RoadmapState, "statuses">, id: string): RoadmapStatus {
  return ownValue(state.statuses, id) ?? "not-started";
}

/** The note on a behavior of a roadmap, as typed; empty when it has none. */
export function noteOf(state: Pick<RoadmapState, "notes">, id: string): string {
  return ownValue(state.notes, id) ?? "";
}

/** How far a reader is with a list of behaviors. */
export function progressOf(items: RoadmapItem[], state: Pick<RoadmapState, "statuses">): RoadmapProgress {
  const demonstrated = items.filter((item) => statusOf(state, item.id) === "demonstrated").length;
  const working = items.filter((item) => statusOf(state, item.id) === "working").length;
  return {
    total: items.length,
    demonstrated,
    working,
    share: items.length ? demonstrated / items.length : 0,
  };
}

/** Stands for a release's name in the URL templates the roadmap page gives its script. */
export const RELEASE_PLACEHOLDER = "__release__";

/** An empty roadmap for a track and pair of levels, written against `release` (the latest) when there is one. */
export function emptyRoadmap(track: string, from: string, to: string, release?: string): RoadmapState {
  return {
    format: "ladder-roadmap",
    version: 1,
    track,
    from,
    to,
    ...(release !== undefined && { release }),
    statuses: idRecord(),
    notes: idRecord(),
  };
}

/** Where a roadmap is kept in the browser: one key per track and pair of levels. */
export function roadmapStorageKey(track: string, from: string, to: string): string {
  return `ladder-roadmap:v1:${track}:${from}:${to}`;
}

/**
 * Why an imported roadmap has no place in this handbook (its track or a level is not here,
 * or its levels do not go up), naming what is here instead; undefined when it fits.
 */
export function roadmapMismatch(
  tracks: readonly { id: string; levels: readonly { id: string }[] }[],
  roadmap: Pick<RoadmapState, "track" | "from" | "to">,
): string | undefined {
  const track = tracks.find((t) => t.id === roadmap.track);
  if (!track) return `this handbook has no track ${roadmap.track}; its tracks are ${listed(tracks)}.`;
  const levels = track.levels.map((level) => level.id);
  const missing = [roadmap.from, roadmap.to].filter((level) => !levels.includes(level));
  if (missing.length > 0)
    return `the ${track.id} track has no level ${missing.join(" or ")}; its levels are ${listed(track.levels)}.`;
  if (levels.indexOf(roadmap.to) <= levels.indexOf(roadmap.from))
    return `this handbook has no ${track.id} roadmap from ${roadmap.from} to ${roadmap.to}: a roadmap goes up, from a level to one above it.`;
  return undefined;
}

const listed = (items: readonly { id: string }[]) => items.map((item) => item.id).join(", ");
