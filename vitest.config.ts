import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // The unit tests' pool (only they run in threads): pure modules, one module graph shared by
    // all files instead of every file importing everything again (50 s to 15 s). Vitest 3 reads
    // it here: set on the project, `isolate: false` was silently ignored.
    poolOptions: { threads: { isolate: false } },
    projects: [
      {
        // Pure functions (the browser scripts' too), data and the command line: no handbook build needed
        // (`npx vitest run --project unit` while editing).
        test: {
          name: "unit",
          include: [
            "tests/lib/**/*.test.ts",
            "tests/data/**/*.test.ts",
            "tests/scripts/**/*.test.ts",
            "tests/integration/**/*.test.ts",
            "tests/client/**/*.test.ts",
          ],
          globalSetup: ["tests/helpers/buildCli.ts"],
          pool: "threads",
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts", "tests/projects/**/*.test.ts"],
          // Builds the real handbook (plain and under a base path) once, before any build test reads
          // it, and the hostile site for the browser tests, all at once.
          globalSetup: ["tests/helpers/buildSites.ts"],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
