import { execFile } from "node:child_process";
import { format, promisify } from "node:util";
import { vi } from "vitest";
import { main } from "../../src/cli/main";

/** What a `ladder` run printed, and its exit code. */
export interface LadderRun {
  /** Null for a process that was stopped (see {@link ladderProcess}). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Variables of the machine running the tests that would change what `ladder` does. */
const withoutDeployment = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("LADDER_")));

/**
 * Runs `ladder` in this process (its `main`, as bin/ladder.mjs does), with `env` added to an
 * environment without the machine's LADDER_ variables. Tests using it must not run concurrently:
 * it captures the console and sets process.env for the duration of the run.
 */
export async function ladder(args: string[], env: Record<string, string> = {}): Promise<LadderRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = process.env;
  process.env = { ...withoutDeployment(), ...env };
  const log = vi
    .spyOn(console, "log")
    .mockImplementation((...values) => void stdout.push(`${format(...values)}\n`));
  const error = vi
    .spyOn(console, "error")
    .mockImplementation((...values) => void stderr.push(`${format(...values)}\n`));
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.env = saved;
  }
}

/**
 * Runs the compiled `ladder` command as `npx ladder` does, in a process of its own; one that
 * runs longer than `timeout` milliseconds (if given) is stopped, and its code is then null.
 */
export async function ladderProcess(
  args: string[],
  env: Record<string, string> = {},
  timeout?: number,
): Promise<LadderRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", ["bin/ladder.mjs", ...args], {
      env: { ...withoutDeployment(), ...env },
      ...(timeout !== undefined && { timeout }),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as LadderRun;
    return { code, stdout, stderr };
  }
}
