import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Behavior, Track } from "../../src/lib/handbook/buildHandbook";
import { formatProblem } from "../../src/lib/data/problems";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import { importSource, readInput } from "../../src/lib/import/importSource";
import { realFrameworks } from "../fixtures/frameworks/simpleReaders";
import { writeDataDir } from "./dataDir";

/** One hand-reviewed step of an expectation: `to` is a later form of `from`. */
export interface ReviewedPair {
  from: string;
  to: string;
  /** Why, in a few words: what the two say alike. */
  why: string;
}

/**
 * A golden file of a real framework (`tests/fixtures/frameworks/{name}/evolutions.json`):
 * pairs reviewed by hand on the framework as imported with `--track t`, by its behaviors' ids.
 */
export interface FrameworkEvolutions {
  description: string;
  /** The shapes of ladder it stands for: rubric, reworded per level, single category, long cells. */
  shape: string[];
  reviewed: string;
  /** Every step a reader would call the same expectation grown: the matcher should find each. */
  evolutions: ReviewedPair[];
  /** Pairs neither required nor wrong (the second source of a merge, a loose echo). */
  related: ReviewedPair[];
  /** Look-alikes that share words but are not the same expectation: never to be paired. */
  unrelated: ReviewedPair[];
}

const fixtures = (relative: string) =>
  fileURLToPath(new URL(`../fixtures/frameworks/${relative}`, import.meta.url));

/** The real frameworks that have a golden file of evolutions. */
export function frameworksWithEvolutions(): string[] {
  return realFrameworks
    .map((framework) => framework.name)
    .filter((name) => existsSync(fixtures(`${name}/evolutions.json`)));
}

export function readFrameworkEvolutions(name: string): FrameworkEvolutions {
  return JSON.parse(readFileSync(fixtures(`${name}/evolutions.json`), "utf8"));
}

/** A real framework imported as published, as the track `t` of a handbook. */
export async function importedFrameworkTrack(name: string): Promise<Track> {
  const framework = realFrameworks.find((candidate) => candidate.name === name);
  if (!framework) throw new Error(`no real framework ${name}`);
  const result = await importSource(readInput(framework.path), { track: "t" });
  if (result.error) throw new Error(result.error);
  const data = writeDataDir(result.files);
  const { handbook, problems } = await validateDataDir(data, data);
  if (!handbook) throw new Error(problems.map(formatProblem).join("\n"));
  return handbook.tracks[0];
}

/**
 * What is wrong with a golden file against its track: an id that is not a behavior, a `from`
 * not at a lower level than its `to`, a behavior with two previous or two next forms, a pair
 * in two lists. Empty when it is sound.
 */
export function goldenFileProblems(golden: FrameworkEvolutions, track: Track): string[] {
  const problems: string[] = [];
  const levelIndex = new Map<string, number>();
  const byId = new Map<string, Behavior>();
  track.levels.forEach((level, index) => {
    for (const behavior of level.groups.flatMap((group) => group.behaviors)) {
      levelIndex.set(behavior.id, index);
      byId.set(behavior.id, behavior);
    }
  });
  const lists = { evolutions: golden.evolutions, related: golden.related, unrelated: golden.unrelated };
  const seen = new Map<string, string>();
  for (const [list, pairs] of Object.entries(lists)) {
    for (const { from, to } of pairs) {
      for (const id of [from, to]) if (!byId.has(id)) problems.push(`${list}: no behavior "${id}"`);
      if (byId.has(from) && byId.has(to) && levelIndex.get(from)! >= levelIndex.get(to)!)
        problems.push(`${list}: "${from}" is not at a lower level than "${to}"`);
      const key = `${from} → ${to}`;
      if (seen.has(key)) problems.push(`${key} is in both ${seen.get(key)} and ${list}`);
      seen.set(key, list);
    }
  }
  const twice = (ids: string[]) => ids.filter((id, index) => ids.indexOf(id) !== index);
  for (const id of twice(golden.evolutions.map((pair) => pair.to)))
    problems.push(`evolutions: "${id}" has two previous forms`);
  for (const id of twice(golden.evolutions.map((pair) => pair.from)))
    problems.push(`evolutions: "${id}" has two next forms`);
  return problems;
}

/** How the matcher's steps on a real framework compare with its golden file. */
export interface MatcherScore {
  framework: string;
  /** Steps the matcher made, those in `evolutions`, in `related`, and the rest (wrong). */
  made: number;
  right: number;
  related: number;
  wrong: ReviewedPair[];
  /** Golden evolutions it found, and those it missed. */
  found: number;
  missed: ReviewedPair[];
  total: number;
}

/** Scores the matcher's steps (`previous` of a track's evolution) against a golden file. */
export function scoreMatcher(
  framework: string,
  golden: FrameworkEvolutions,
  steps: { from: string; to: string; why?: string }[],
): MatcherScore {
  const key = ({ from, to }: { from: string; to: string }) => `${from} → ${to}`;
  const evolutions = new Set(golden.evolutions.map(key));
  const related = new Set(golden.related.map(key));
  const made = new Set(steps.map(key));
  return {
    framework,
    made: steps.length,
    right: steps.filter((step) => evolutions.has(key(step))).length,
    related: steps.filter((step) => related.has(key(step))).length,
    wrong: steps
      .filter((step) => !evolutions.has(key(step)) && !related.has(key(step)))
      .map((step) => ({ ...step, why: step.why ?? "" })),
    found: golden.evolutions.filter((pair) => made.has(key(pair))).length,
    missed: golden.evolutions.filter((pair) => !made.has(key(pair))),
    total: golden.evolutions.length,
  };
}
