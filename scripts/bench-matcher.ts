/**
 * How well the comparison's matcher pairs the behaviors of real public frameworks, against
 * pairs reviewed by hand (tests/fixtures/frameworks/{name}/evolutions.json): per framework,
 * the steps it makes, how many the review calls evolutions or related (precision), and how many
 * of the reviewed evolutions it finds (recall). The unit tests hold precision at 100 %; recall
 * is reported here. Writes its table into docs/benchmarks.md. No build: it takes seconds.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { buildTrackEvolution } from "../src/lib/compare/trackEvolution";
import {
  frameworksWithEvolutions,
  importedFrameworkTrack,
  readFrameworkEvolutions,
  scoreMatcher,
} from "../tests/helpers/frameworkEvolutions";

const percent = (part: number, whole: number) =>
  whole === 0 ? "–" : `${Math.round((100 * part) / whole)} %`;

const rows: string[] = [];
let made = 0;
let allowed = 0;
let found = 0;
let total = 0;
for (const name of frameworksWithEvolutions()) {
  const track = await importedFrameworkTrack(name);
  const golden = readFrameworkEvolutions(name);
  const steps = [...buildTrackEvolution(track).previous.values()];
  const score = scoreMatcher(
    name,
    golden,
    steps.map((step) => ({ from: step.from.id, to: step.to.id })),
  );
  const byRubric = steps.filter((step) => step.source === "rubric").length;
  const behaviors = track.levels.flatMap((level) => level.groups.flatMap((group) => group.behaviors)).length;
  made += score.made;
  allowed += score.right + score.related;
  found += score.found;
  total += score.total;
  rows.push(
    `| ${name} | ${golden.shape.join(", ")} | ${track.levels.length} | ${behaviors} | ${score.total} | ${score.made} (${byRubric} by rubric) | ${score.wrong.length} | ${percent(score.right + score.related, score.made)} | ${score.found} | ${percent(score.found, score.total)} |`,
  );
}

const report = `<!-- bench-matcher:start (written by npm run bench) -->

Measured ${new Date().toISOString().slice(0, 10)} on the frameworks as \`ladder import\` reads them, with no \`evolvesFrom\` hint.

| framework | shape | levels | behaviors | reviewed evolutions | steps made | wrong | precision | found | recall |
| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |
${rows.join("\n")}
| all | | | | ${total} | ${made} | ${made - allowed} | ${percent(allowed, made)} | ${found} | ${percent(found, total)} |

<!-- bench-matcher:end -->`;

const docs = "docs/benchmarks.md";
const current = readFileSync(docs, "utf8");
const marker = /<!-- bench-matcher:start[\s\S]*<!-- bench-matcher:end -->/;
if (!marker.test(current))
  throw new Error(`${docs} has no bench-matcher markers: add them where the table goes`);
// Formatted as Prettier would, so `npm test`'s check passes after a run.
const options = { ...(await resolveConfig(docs)), filepath: docs };
writeFileSync(docs, await format(current.replace(marker, report), options));
console.log(report);
