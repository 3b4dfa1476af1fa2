import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { compareText } from "../handbook/buildHandbook";
import {
  isMisfit,
  type DraftTrack,
  type HeldPlace,
  type ImportInput,
  type ImportWarning,
  type Loss,
  type Shape,
} from "./draft";
import { draftToFiles, type Placement } from "./draftToFiles";
import { SHAPES } from "./shapes";

/** How one shape did on the source: why it did not fit, or how much it read and lost. */
export interface ShapeTried {
  name: string;
  label: string;
  misfit?: string;
  behaviors?: number;
  losses?: number;
}

export interface ImportResult {
  /** The shape the source was read as; undefined when none fits (see `error`). */
  shape?: { name: string; label: string };
  /** Every shape tried, in order. */
  tried: ShapeTried[];
  /** The draft read, to compare with a track (`ladder import --into`). */
  draft?: DraftTrack;
  files: Record<string, unknown>;
  placements: Placement[];
  /** Items taken as structure (a table's corner, a label named again): accounted for, with no text of their own. */
  held: HeldPlace[];
  /** Items of the source that are not in `files`, with why: any makes the import fail unless accepted. */
  losses: Loss[];
  warnings: ImportWarning[];
  proposals: string[];
  /** Why nothing could be read, naming every shape tried and why it did not fit. */
  error?: string;
}

export interface ImportOptions {
  /** The new track's id. */
  track: string;
  /** The track's place among the others. */
  order?: number;
  /** A shape's name, to read the source as that shape only (`--format`). */
  format?: string;
  /** Only read the draft, for a change to an existing track: no files, ids or proposals are made. */
  draftOnly?: boolean;
}

/** Folders that are never part of a framework: version control, dependencies, build output. */
const SKIPPED_FOLDERS = new Set([".git", "node_modules", ".astro", "dist"]);

/**
 * What the user pointed `ladder import` at, read from disk: one file, or every file of a folder
 * and its subfolders (hidden files and folders aside), sorted by path so a reading never
 * depends on the file system's order. Paths are the given path joined with the file's own.
 */
export function readInput(given: string): ImportInput {
  if (!statSync(given).isDirectory()) {
    return { path: given, isFolder: false, files: [{ path: given, bytes: readFileSync(given) }] };
  }
  const files: string[] = [];
  // A link is followed, as the user's editor and site generator follow it; a folder is read
  // once, so a link back up the tree ends the walk rather than looping.
  const seen = new Set<string>();
  const walk = (folder: string) => {
    const real = realpathSync(folder);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      const stats = entry.isSymbolicLink() ? statSync(full, { throwIfNoEntry: false }) : entry;
      if (stats?.isDirectory()) walk(full);
      else if (stats?.isFile()) files.push(full);
    }
  };
  walk(given);
  files.sort(compareText);
  return {
    path: given,
    isFolder: true,
    files: files.map((file) => ({ path: file, bytes: readFileSync(file) })),
  };
}

/** How many behaviors a draft holds. */
function behaviorCount(draft: DraftTrack): number {
  const groups = [...(draft.shared?.groups ?? []), ...draft.levels.flatMap((level) => level.groups)];
  return groups.reduce((sum, group) => sum + group.behaviors.length, 0);
}

/** Why `format` names no shape Ladder reads, naming those it does; undefined when it names one (or is not given). */
export function unknownFormat(format: string | undefined): string | undefined {
  if (format === undefined || SHAPES.some((shape) => shape.name === format)) return undefined;
  return `--format ${format} is not a shape Ladder reads: use one of ${SHAPES.map((shape) => shape.name).join(", ")}`;
}

/**
 * Reads a source as every shape that may fit (or the one `format` names) and turns the best
 * reading into the data files of a new track. The best reading has the most behaviors less
 * losses, then the fewest losses, then the earlier shape: a shape that reads the framework
 * (Sourcegraph's HTML table, 116 behaviors, as a table) wins over one that loses less only
 * because it reads almost nothing (the same page's prose as Markdown, 6 behaviors), while a
 * reading that loses more than it gains (a page's overview table read as levels) does not beat
 * one that reads the page's levels. A reading without a behavior does not fit. When nothing
 * fits, `error` names every shape tried and why it did not fit.
 */
export async function importSource(input: ImportInput, options: ImportOptions): Promise<ImportResult> {
  const empty = { files: {}, placements: [], held: [], losses: [], warnings: [], proposals: [] };
  const unknown = unknownFormat(options.format);
  if (unknown) return { ...empty, tried: [], error: unknown };
  const shapes =
    options.format === undefined ? SHAPES : SHAPES.filter((shape) => shape.name === options.format);
  const tried: ShapeTried[] = [];
  let best:
    { shape: Shape; reading: Exclude<Awaited<ReturnType<Shape["read"]>>, { misfit: string }> } | undefined;
  for (const shape of shapes) {
    let reading: Awaited<ReturnType<Shape["read"]>>;
    try {
      reading = await shape.read(input);
    } catch (error) {
      // A reader should say why a source does not fit; one that throws still must not end the import.
      reading = { misfit: `the reader failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const { name, label } = shape;
    if (isMisfit(reading)) {
      tried.push({ name, label, misfit: reading.misfit });
      continue;
    }
    const behaviors = behaviorCount(reading.draft);
    if (behaviors === 0) {
      tried.push({ name, label, misfit: "it read no behavior" });
      continue;
    }
    tried.push({ name, label, behaviors, losses: reading.losses.length });
    const losses = reading.losses.length;
    const bestLosses = best?.reading.losses.length ?? 0;
    const gain = behaviors - losses;
    const bestGain = best ? behaviorCount(best.reading.draft) - bestLosses : 0;
    const better = !best || gain > bestGain || (gain === bestGain && losses < bestLosses);
    if (better) best = { shape, reading };
  }
  if (!best) {
    const reasons = tried.map((shape) => `  - ${shape.label} (--format ${shape.name}): ${shape.misfit}`);
    return {
      ...empty,
      tried,
      error: `found no career framework in ${input.path}. Shapes tried:\n${reasons.join("\n")}`,
    };
  }
  const { shape, reading } = best;
  const converted = options.draftOnly
    ? { ...empty, placements: [] }
    : draftToFiles(reading.draft, options.track, options.order);
  return {
    shape: { name: shape.name, label: shape.label },
    tried,
    draft: reading.draft,
    files: converted.files,
    placements: converted.placements,
    held: reading.held ?? [],
    losses: [...reading.losses, ...converted.losses],
    warnings: [...reading.warnings, ...converted.warnings],
    proposals: converted.proposals,
  };
}
