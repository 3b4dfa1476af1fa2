import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Builds the real handbook (plain and under a base path) once, before any build test reads it.
    globalSetup: ["tests/helpers/buildSites.ts"],
    testTimeout: 30_000,
  },
});
