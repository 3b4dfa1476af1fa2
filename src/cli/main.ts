/**
 * `ladder`: the handbook's command line (see `ladder --help`). Each subcommand lives in
 * src/cli/ and only reads arguments, files and prints: what valid data is, where a
 * behavior lives and what a link leads to come from src/lib/, as for the site.
 */
import { checkLinksCommand } from "./checkLinks";
import { EXIT, printCrash, UsageError, type Command } from "./cli";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { lockCommand } from "./lock";
import { releaseCommand } from "./release";
import { initCommand } from "./init";
import { buildCommand, devCommand } from "./site";
import { validateCommand } from "./validate";

const COMMANDS: Command[] = [
  initCommand,
  validateCommand,
  buildCommand,
  devCommand,
  checkLinksCommand,
  importCommand,
  exportCommand,
  releaseCommand,
  lockCommand,
];

const HELP = `Usage: ladder <command> [options]

Career frameworks as validated data, and links into the handbook that keep working.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(12)} ${command.summary}`).join("\n")}

Run "ladder <command> --help" for a command's options.
Exit codes: 0 all good, 1 problems found, 2 called wrongly.`;

/** Runs `ladder` with its arguments (after the command name); resolves with the exit code. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`ladder: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}.`);
    console.error(`Run "ladder --help" for usage.`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`ladder ${command.name}: ${error.message}`);
      console.error(`Run "ladder ${command.name} --help" for usage.`);
      return EXIT.usage;
    }
    // A crash is a bug in Ladder, not in the data or the documents: say so, without a stack trace.
    printCrash(command.name, error);
    return EXIT.problems;
  }
}
