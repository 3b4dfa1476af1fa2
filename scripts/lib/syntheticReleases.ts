import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import { makeRelease, RELEASES_FOLDER, type Release } from "../../src/lib/releases/release";
import { generateSyntheticData, random, shapeFor } from "./syntheticData";

type Files = Record<string, unknown>;
interface BehaviorJson {
  id: string;
  text: string;
  aliases?: string[];
  evolvesFrom?: string | null;
}
interface LevelJson {
  order: number;
  behaviors?: Record<string, BehaviorJson[]>;
}

function writeFiles(out: string, files: Files): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(out, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}

/**
 * One review cycle's edits, as a framework's owners make them between releases: about 1 % of
 * the behaviors reworded, and a few renamed (the old id kept as an alias), moved up a level,
 * added and removed (the id kept as an alias of a neighbor, so its links still lead somewhere).
 * Behaviors that take part in a comparison hint (`evolvesFrom`, either end) are left alone, so
 * every state stays valid data.
 */
function reviewCycle(files: Files, cycle: number, next: () => number): void {
  const levelFiles = Object.keys(files)
    .filter((name) => /\/levels\/[^/]+\.json$/.test(name))
    .sort();
  const hinted = new Set<string>();
  for (const name of levelFiles)
    for (const list of Object.values((files[name] as LevelJson).behaviors ?? {}))
      for (const behavior of list)
        if (behavior.evolvesFrom) hinted.add(behavior.id).add(behavior.evolvesFrom);
  const free = (behavior: BehaviorJson) => !hinted.has(behavior.id) && behavior.evolvesFrom === undefined;
  levelFiles.forEach((name, index) => {
    const level = files[name] as LevelJson;
    const levelId = path.basename(name, ".json");
    const higher =
      levelFiles[index + 1]?.split("/")[0] === name.split("/")[0] ? levelFiles[index + 1] : undefined;
    for (const [category, list] of Object.entries(level.behaviors ?? {})) {
      for (let position = 0; position < list.length; position++) {
        const behavior = list[position];
        if (!free(behavior)) continue;
        const roll = next();
        if (roll < 0.01) {
          behavior.text = behavior.text.replace(/\.?$/, `, and explains the trade-offs (cycle ${cycle}).`);
        } else if (roll < 0.012) {
          list[position] = {
            ...behavior,
            id: `${behavior.id.slice(0, 80)}-c${cycle}`,
            aliases: [...(behavior.aliases ?? []), behavior.id],
          };
        } else if (roll < 0.014 && higher) {
          const target = (files[higher] as LevelJson).behaviors;
          if (target?.[category]) {
            target[category].push(behavior);
            list.splice(position--, 1);
          }
        } else if (roll < 0.017) {
          list.splice(position + 1, 0, {
            id: `added-c${cycle}-${levelId}-${category}-${position}`.slice(0, 100),
            text: `Adds what cycle ${cycle} asked of ${category}, and shares it with the team.`,
          });
          position++;
        } else if (roll < 0.018 && position > 0 && free(list[position - 1])) {
          const keeper = list[position - 1];
          keeper.aliases = [...(keeper.aliases ?? []), behavior.id, ...(behavior.aliases ?? [])];
          list.splice(position--, 1);
        }
      }
    }
  });
}

/**
 * Writes the synthetic framework of about `behaviors` behaviors into `out` as it stands after
 * `releases` releases, with the release files `ladder release` would have written, one per
 * review cycle (replacing `out`). Each state is validated as the build validates it.
 */
export async function writeReleasedData(out: string, behaviors: number, releases: number): Promise<void> {
  const files = generateSyntheticData(shapeFor(behaviors)) as Files;
  const next = random(releases);
  const staging = `${out}.state`;
  const written: Files = {};
  let previous: Pick<Release, "name" | "digest"> | null = null;
  for (let cycle = 1; cycle <= releases; cycle++) {
    if (cycle > 1) reviewCycle(files, cycle, next);
    rmSync(staging, { recursive: true, force: true });
    writeFiles(staging, files);
    const { handbook, problems } = await validateDataDir(staging);
    if (!handbook)
      throw new Error(
        `cycle ${cycle}: ${problems
          .slice(0, 5)
          .map((p) => `${p.file}: ${p.path}: ${p.message}`)
          .join("\n")}`,
      );
    const name = `r${String(cycle).padStart(2, "0")}`;
    // A release a month, in order.
    const date = new Date(Date.UTC(2025, cycle - 1, 1)).toISOString().slice(0, 10);
    const release = makeRelease(handbook, { date, previous });
    written[`${RELEASES_FOLDER}/${name}.json`] = release;
    previous = { name, digest: release.digest };
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  writeFiles(out, { ...files, ...written });
}

/**
 * Writes into `out` the same framework as `released` (a folder {@link writeReleasedData} wrote)
 * with a single release of it as it stands: what the releases are measured against.
 */
export async function writeSingleRelease(released: string, out: string): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  cpSync(released, out, { recursive: true, filter: (file) => path.basename(file) !== RELEASES_FOLDER });
  const { handbook, problems } = await validateDataDir(out);
  if (!handbook)
    throw new Error(
      problems
        .slice(0, 5)
        .map((p) => `${p.file}: ${p.path}: ${p.message}`)
        .join("\n"),
    );
  writeFiles(out, {
    [`${RELEASES_FOLDER}/r01.json`]: makeRelease(handbook, { date: "2025-01-01", previous: null }),
  });
}
