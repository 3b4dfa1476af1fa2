import path from "node:path";

/** Where the test builds of the real data go, by variant. */
export const SITES = {
  /** Built at the root of a site, as by default. */
  root: { outDir: path.resolve("test-output/root"), base: "/" },
  /** Built under a base path, to prove every link respects it. */
  base: { outDir: path.resolve("test-output/base"), base: "/handbook/" },
} as const;
