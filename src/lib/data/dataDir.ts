/** The environment variable that points the build at another data folder (e.g. a benchmark's). */
export const DATA_DIR_VARIABLE = "LADDER_DATA_DIR";

/** The data folder the build reads, relative to the project root unless absolute. */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  return env[DATA_DIR_VARIABLE] || "data";
}
