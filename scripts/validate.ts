/**
 * `npm run validate`: checks every data file and lists every problem at once, as
 * `file: path.to.field: what is wrong`, exiting 1 when there is any. `npm run build` runs it
 * first, so broken data never reaches (or half-writes) `dist/`. The same as `ladder validate`.
 */
import { dataDir } from "../src/lib/dataDir";
import { validateCommand } from "./commands/validate";

try {
  process.exitCode = await validateCommand.run(process.argv.slice(2));
} catch (error) {
  // A crash here is a bug in Ladder, not in the data: say so plainly, without a stack trace.
  console.error(
    `validate: unexpected error while reading ${dataDir()}/: ${(error as Error).message ?? error}`,
  );
  process.exitCode = 1;
}
