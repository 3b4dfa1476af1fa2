/**
 * `npm run validate`: checks every data file and lists every problem at once, as
 * `file: path.to.field: what is wrong`, exiting 1 when there is any. `npm run build` runs it
 * first, so broken data never reaches (or half-writes) `dist/`.
 */
import { dataDir } from "../src/lib/dataDir";
import { formatProblem } from "../src/lib/problems";
import { summarizeHandbook } from "../src/lib/summarizeHandbook";
import { validateDataDir } from "../src/lib/validateDataDir";

const dir = dataDir();
try {
  const { handbook, problems } = await validateDataDir(dir);
  if (!handbook) {
    for (const problem of problems) console.error(formatProblem(problem));
    console.error(
      `\n${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${dir}/: fix ${problems.length === 1 ? "it" : "them"} and run again.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`${dir}/ is valid: ${summarizeHandbook(handbook)}.`);
  }
} catch (error) {
  // A crash here is a bug in Ladder, not in the data: say so plainly, without a stack trace.
  console.error(`validate: unexpected error while reading ${dir}/: ${(error as Error).message ?? error}`);
  process.exitCode = 1;
}
