import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Builds a data folder the README's way, timing it (and its peak memory where GNU time exists). */
export function timedBuild(dataDir: string, outDir: string): { seconds: number; peakMb?: number } {
  const env = {
    ...process.env,
    LADDER_DATA_DIR: dataDir,
    LADDER_OUT_DIR: outDir,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  const started = process.hrtime.bigint();
  if (existsSync("/usr/bin/time")) {
    const result = spawnSync("/usr/bin/time", ["-f", "peak-kb %M", "npm", "run", "build", "--silent"], {
      env,
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`build of ${dataDir} failed:\n${result.stderr}`);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peak = /peak-kb (\d+)/.exec(result.stderr);
    return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : undefined };
  }
  execFileSync("npm", ["run", "build", "--silent"], { env, stdio: "ignore" });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
