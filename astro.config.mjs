// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { rehypePrefixHeadingIds } from "./src/lib/rehypePrefixHeadingIds.ts";

/**
 * Deployment settings come from the environment so one checkout can publish anywhere:
 * LADDER_SITE (e.g. https://handbook.example.com, makes copied links absolute),
 * LADDER_BASE (e.g. /handbook/), LADDER_OUT_DIR (default dist), LADDER_DATA_DIR (default data).
 */
export default defineConfig({
  site: process.env.LADDER_SITE || undefined,
  base: process.env.LADDER_BASE || "/",
  outDir: process.env.LADDER_OUT_DIR || "dist",
  trailingSlash: "always",
  build: { format: "directory" },
  integrations: [mdx()],
  markdown: {
    // Prose is published verbatim: no curly quotes or dashes that the source did not have.
    smartypants: false,
    rehypePlugins: [rehypePrefixHeadingIds],
  },
  // Nothing on the site is fetched from another origin, and no page needs prefetching.
  prefetch: false,
  devToolbar: { enabled: false },
  // Scripts stay in files of their own, never inlined: the site must work under a
  // Content-Security-Policy of script-src 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
});
