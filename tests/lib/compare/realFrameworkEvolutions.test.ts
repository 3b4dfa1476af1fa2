import { describe, expect, it } from "vitest";
import { compareLevels } from "../../../src/lib/compare/compareLevels";
import { comparePairs } from "../../../src/lib/compare/comparePairs";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import {
  frameworksWithEvolutions,
  goldenFileProblems,
  importedFrameworkTrack,
  readFrameworkEvolutions,
  scoreMatcher,
} from "../../helpers/frameworkEvolutions";

/**
 * The matcher on real public frameworks of different shapes, scored against pairs reviewed by
 * hand (tests/fixtures/frameworks/{name}/evolutions.json): nothing unrelated is paired, in the
 * track's steps or in any comparison. How many of the reviewed evolutions it finds (recall) is
 * reported by `npm run bench` in docs/benchmarks.md.
 */
const names = frameworksWithEvolutions();

describe("the golden files of real frameworks", () => {
  it("cover rubrics, ladders reworded per level, a single category and long cells, in four frameworks or more", () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
    const shapes = new Set(names.flatMap((name) => readFrameworkEvolutions(name).shape));
    for (const shape of ["rubric", "reworded per level", "single category", "long cells"])
      expect(shapes).toContain(shape);
  });
});

describe("the matcher on every real framework with a golden file", () => {
  it("finds at least half of the reviewed evolutions, over all of them", async () => {
    let found = 0;
    let total = 0;
    for (const name of names) {
      const evolution = buildTrackEvolution(await importedFrameworkTrack(name));
      const steps = [...evolution.previous.values()].map((step) => ({ from: step.from.id, to: step.to.id }));
      const score = scoreMatcher(name, readFrameworkEvolutions(name), steps);
      found += score.found;
      total += score.total;
    }
    expect(found / total).toBeGreaterThanOrEqual(0.5);
  });
});

describe.each(names)("the matcher on %s", async (name) => {
  const track = await importedFrameworkTrack(name);
  const golden = readFrameworkEvolutions(name);
  const evolution = buildTrackEvolution(track);
  const steps = [...evolution.previous.values()].map((step) => ({ from: step.from.id, to: step.to.id }));
  const key = ({ from, to }: { from: string; to: string }) => `${from} → ${to}`;
  const allowed = new Set([...golden.evolutions, ...golden.related].map(key));

  it("has a sound golden file: every id a behavior of the import, each pair upwards, one to one", () => {
    expect(goldenFileProblems(golden, track)).toEqual([]);
  });

  it("pairs nothing the review did not (precision 100 %), and none of the look-alikes", () => {
    const score = scoreMatcher(name, golden, steps);
    expect(score.wrong).toEqual([]);
    const made = new Set(steps.map(key));
    expect(golden.unrelated.filter((pair) => made.has(key(pair)))).toEqual([]);
    expect(score.found).toBeGreaterThan(0);
  });

  it("compares any two levels through the forms in between: each changed pair is a chain of reviewed steps", () => {
    for (const { from, to } of comparePairs(track)) {
      for (const category of compareLevels(evolution, from.id, to.id).categories) {
        for (const pair of [...category.changed, ...category.unchanged]) {
          let id = pair.to.id;
          while (id !== pair.from.id) {
            const step = evolution.previous.get(id);
            expect(
              step,
              `${from.id} → ${to.id}: ${key({ from: pair.from.id, to: pair.to.id })}`,
            ).toBeDefined();
            expect(allowed).toContain(key({ from: step!.from.id, to: id }));
            id = step!.from.id;
          }
        }
      }
    }
  });
});
