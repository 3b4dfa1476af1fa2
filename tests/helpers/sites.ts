import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { listFiles } from "../../scripts/lib/listFiles";
import { modelTrackFiles } from "../fixtures/modelTrack";
import { sweepTrackFiles } from "../fixtures/sweepTrack";

/** A test build: which data, under which base, written where. */
export interface TestSite {
  dataDir: string;
  base: string;
  outDir: string;
  /** Writes the data folder, when it is generated. */
  writeData?: () => void;
  /** Variables the build reads besides the data folder, base and output folder (`LADDER_PREVIEW`). */
  env?: Record<string, string>;
}

/** Where the test builds of the real data go, by variant. */
export const SITES = {
  /** Built at the root of a site, as by default. */
  root: { dataDir: "data", base: "/", outDir: path.resolve("test-output/root") },
  /** Built under a base path, to prove every link respects it. */
  base: { dataDir: "data", base: "/handbook/", outDir: path.resolve("test-output/base") },
} as const satisfies Record<string, TestSite>;

const HOSTILE_DATA = "test-output/hostile-data";

/**
 * The site built from hostile data, for the build and browser tests: the hand-written hostile
 * track, the generated sweep track, which holds every hostile text in every kind of field, and
 * the model framework, which uses every part of the data model at once.
 */
export const HOSTILE_SITE: TestSite = {
  dataDir: HOSTILE_DATA,
  base: "/",
  outDir: path.resolve("test-output/hostile"),
  writeData() {
    rmSync(HOSTILE_DATA, { recursive: true, force: true });
    cpSync("tests/fixtures/hostile", HOSTILE_DATA, { recursive: true });
    for (const [name, content] of Object.entries({ ...sweepTrackFiles(), ...modelTrackFiles() })) {
      mkdirSync(path.dirname(path.join(HOSTILE_DATA, name)), { recursive: true });
      writeFileSync(path.join(HOSTILE_DATA, name), `${JSON.stringify(content, null, 2)}\n`);
    }
  },
};

const RELEASES_DATA = "test-output/releases-data";

/** The behavior the releases site rewords after its last release, and how. */
export const UNRELEASED_REWORDING = {
  file: "eng/levels/l1.json",
  id: "reads-code",
  before: "Reads code before changing it.",
  after: "Reads code carefully before changing it.",
} as const;

/**
 * The framework released three times (tests/fixtures/releases), with one behavior reworded
 * since its last release, built as a preview: its changelog, feed and API hold every kind of
 * change, and `/changes/unreleased/` the one not released yet.
 */
export const RELEASES_SITE: TestSite = {
  dataDir: RELEASES_DATA,
  base: "/",
  outDir: path.resolve("test-output/releases"),
  env: { LADDER_PREVIEW: "1" },
  writeData() {
    rmSync(RELEASES_DATA, { recursive: true, force: true });
    cpSync("tests/fixtures/releases/data", RELEASES_DATA, { recursive: true });
    const file = path.join(RELEASES_DATA, UNRELEASED_REWORDING.file);
    const { before, after } = UNRELEASED_REWORDING;
    const content = readFileSync(file, "utf8");
    if (!content.includes(JSON.stringify(before))) throw new Error(`${file} no longer holds "${before}"`);
    writeFileSync(file, content.replace(JSON.stringify(before), JSON.stringify(after)));
  },
};

/**
 * The environment for a test build: this process's, without what vitest adds to it
 * (BASE_URL, MODE, ...: a build that inherited BASE_URL would take it over the configured base).
 */
export function buildEnv(): Record<string, string | undefined> {
  return {
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !["BASE_URL", "MODE", "DEV", "PROD", "SSR"].includes(name) && !name.startsWith("LADDER_"),
      ),
    ),
    ASTRO_TELEMETRY_DISABLED: "1",
  };
}

/** Everything a build reads: the code, its configuration and dependencies, and the site's data. */
function fingerprint(site: TestSite): string {
  const hash = createHash("sha256").update(JSON.stringify(site));
  const folders = ["src", site.dataDir].flatMap((folder) =>
    listFiles(folder).map((file) => path.join(folder, file)),
  );
  const configuration = [
    "astro.config.mjs",
    "package.json",
    "package-lock.json",
    "bin/ladder.mjs",
    "scripts/build-package.mjs",
  ];
  for (const file of [...folders, ...configuration].sort()) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/**
 * Builds a test site the README's way (`npm run build`), unless it was built from exactly the
 * same code and data already: the build tests and the browser tests share builds. Several sites
 * build at once (a build leaves part of the second core idle).
 */
export async function ensureBuilt(site: TestSite): Promise<void> {
  // Vitest and Playwright may ask for the same site at once: one builds, the other waits for it.
  const lock = `${site.outDir}.lock`;
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 300_000)
        throw new Error(`${lock} is held for 5 minutes: remove it if no build is running`);
      await sleep(200);
    }
  }
  try {
    await buildUnlessCurrent(site);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildUnlessCurrent(site: TestSite): Promise<void> {
  site.writeData?.();
  // Beside the site, not in it: the site holds what a build writes and nothing else.
  const stamp = `${site.outDir}.fingerprint`;
  const expected = fingerprint(site);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === expected) return;
  rmSync(site.outDir, { recursive: true, force: true });
  rmSync(stamp, { force: true });
  const build = promisify(execFile)("npm", ["run", "build", "--silent"], {
    env: {
      ...buildEnv(),
      LADDER_DATA_DIR: site.dataDir,
      LADDER_OUT_DIR: site.outDir,
      LADDER_BASE: site.base,
      ...site.env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  // What a failed build printed is the failure's message.
  await build.catch((error: { stderr?: string; message: string }) => {
    throw new Error(
      `The build of ${site.dataDir} into ${site.outDir} failed:\n${error.stderr || error.message}`,
    );
  });
  writeFileSync(stamp, expected);
}
