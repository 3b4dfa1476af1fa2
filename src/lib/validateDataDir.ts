import { buildHandbook, type Handbook } from "./buildHandbook";
import { checkHandbookRules } from "./checkHandbookRules";
import { parseSources } from "./parseSources";
import { sortProblems, type Problem } from "./problems";
import { readDataDir } from "./readDataDir";

/**
 * Reads and checks the whole data folder: syntax, schemas, then the cross-file rules.
 * Returns every problem at once (sorted by file), and the handbook only when there are none.
 */
export async function validateDataDir(
  dataDir: string,
  root = process.cwd(),
): Promise<{ handbook?: Handbook; problems: Problem[] }> {
  const reading = await readDataDir(dataDir, root);
  const parsed = parseSources(reading.sources);
  const problems = sortProblems([
    ...reading.problems,
    ...parsed.problems,
    ...checkHandbookRules(parsed.partial),
  ]);
  return problems.length > 0 ? { problems } : { handbook: buildHandbook(parsed.sources), problems };
}
