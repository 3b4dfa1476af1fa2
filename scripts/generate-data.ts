/**
 * Writes a synthetic data folder of realistic shape for benchmarks:
 *   tsx scripts/generate-data.ts --behaviors 10000 --out bench-output/data-10000
 * Build it with LADDER_DATA_DIR=bench-output/data-10000 npm run build.
 */
import { parseArgs } from "node:util";
import { writeSyntheticData } from "./lib/writeSyntheticData";

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
const written = writeSyntheticData(values.out, behaviors, Number(values.seed));
console.log(`${values.out}/: ${written} files, about ${behaviors} behaviors.`);
