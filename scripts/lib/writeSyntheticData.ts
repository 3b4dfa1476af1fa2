import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateSyntheticData, shapeFor } from "./syntheticData";

/** Writes a synthetic data folder of about `behaviors` behaviors into `out` (replacing it); returns its file count. */
export function writeSyntheticData(out: string, behaviors: number, seed = 1): number {
  rmSync(out, { recursive: true, force: true });
  const files = generateSyntheticData(shapeFor(behaviors, seed));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(out, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  return Object.keys(files).length;
}
