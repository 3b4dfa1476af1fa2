// @ts-check
import { defineConfig } from "astro/config";
import ladder from "ladder-handbook";

/**
 * This repository's own handbook, built through the integration as a team's would be. Where it
 * is deployed comes from the environment so one checkout can publish anywhere:
 * LADDER_SITE (e.g. https://handbook.example.com, makes copied links absolute),
 * LADDER_BASE (e.g. /handbook/), LADDER_OUT_DIR (default dist), LADDER_DATA_DIR (default data),
 * LADDER_PREVIEW (1: a preview build, which shows the changes not released yet).
 */
export default defineConfig({
  site: process.env.LADDER_SITE || undefined,
  base: process.env.LADDER_BASE || "/",
  outDir: process.env.LADDER_OUT_DIR || "dist",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [
    ladder({ dataDir: process.env.LADDER_DATA_DIR || "data", preview: process.env.LADDER_PREVIEW === "1" }),
  ],
  // Nothing on the site is fetched from another origin, and no page needs prefetching.
  prefetch: false,
  devToolbar: { enabled: false },
  // Stylesheets stay files, cached once for every page (ladder() keeps scripts as files).
  vite: { build: { assetsInlineLimit: 0 } },
});
