/**
 * Writes a synthetic data folder of realistic shape for benchmarks:
 *   tsx scripts/generate-data.ts --behaviors 10000 --out bench-output/data-10000
 * Build it with LADDER_DATA_DIR=bench-output/data-10000 npm run build.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateSyntheticData, shapeFor } from "../src/lib/syntheticData";

const { values } = parseArgs({
  options: {
    behaviors: { type: "string", default: "2500" },
    out: { type: "string" },
    seed: { type: "string", default: "1" },
  },
});
const behaviors = Number(values.behaviors);
if (!Number.isInteger(behaviors) || behaviors < 1 || !values.out) {
  console.error("usage: tsx scripts/generate-data.ts --behaviors N --out FOLDER [--seed N]");
  process.exit(1);
}

/** Writes the synthetic data folder and returns how many files it holds. */
function writeSyntheticData(out: string, count: number, seed: number): number {
  rmSync(out, { recursive: true, force: true });
  const files = generateSyntheticData(shapeFor(count, seed));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(out, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  return Object.keys(files).length;
}

const written = writeSyntheticData(values.out, behaviors, Number(values.seed));
console.log(`${values.out}/: ${written} files, about ${behaviors} behaviors.`);
