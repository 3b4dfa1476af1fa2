/**
 * Starlight, side by side: the same content as a built handbook, published as a Starlight
 * site, so `npm run bench` can time both builds in one run on one machine. Starlight is
 * installed into bench-output/ when the benchmark runs; it is not a dependency of Ladder.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { listFiles } from "./listFiles";

/** The Starlight release measured against, on the Astro version Ladder uses. */
export const STARLIGHT_VERSION = "0.37.7";

/** The text of a page's `<main>` as Markdown: headings, paragraphs and list items, in order. */
function pageMarkdown(html: string): { title: string; body: string } {
  const $ = cheerio.load(html);
  const title = $("main h1").first().text().replace(/\s+/g, " ").trim() || "Untitled";
  const lines: string[] = [];
  $("main")
    .find("h2, h3, h4, p, li, th, td")
    .each((_, element) => {
      const text = $(element).text().replace(/\s+/g, " ").trim();
      if (!text || $(element).parents("li").length > 0) return;
      const tag = element.tagName;
      if (/^h[2-4]$/.test(tag)) lines.push(`${"#".repeat(Number(tag[1]))} ${text}`);
      else if (tag === "li" || tag === "td" || tag === "th") lines.push(`- ${text}`);
      else lines.push(text);
    });
  return { title, body: lines.join("\n\n") };
}

/**
 * Writes a Starlight project at `dir` whose pages hold the same text as the HTML pages of
 * the built handbook at `dist` (one page each), installing Starlight there once.
 */
export function writeStarlightProject(dist: string, dir: string): { pages: number } {
  if (!existsSync(path.join(dir, "node_modules/@astrojs/starlight"))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ name: "starlight-bench", private: true, type: "module" }),
    );
    const astro = JSON.parse(readFileSync("node_modules/astro/package.json", "utf8")).version as string;
    execFileSync(
      "npm",
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        `astro@${astro}`,
        `@astrojs/starlight@${STARLIGHT_VERSION}`,
      ],
      { cwd: dir, stdio: "ignore" },
    );
  }
  const docs = path.join(dir, "src/content/docs");
  rmSync(docs, { recursive: true, force: true });
  const pages = listFiles(dist).filter((file) => file.endsWith("index.html") || file === "404.html");
  for (const file of pages) {
    const { title, body } = pageMarkdown(readFileSync(path.join(dist, file), "utf8"));
    const slug = file === "index.html" ? "index" : file.replace(/\/?index\.html$|\.html$/, "");
    const target = path.join(docs, `${slug}.md`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`);
  }
  writeFileSync(
    path.join(dir, "src/content.config.ts"),
    `import { defineCollection } from "astro:content";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(
    path.join(dir, "astro.config.mjs"),
    `import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";

export default defineConfig({ integrations: [starlight({ title: "Career handbook" })] });
`,
  );
  return { pages: pages.length };
}

/** Builds the Starlight project at `dir`, as its README would (`astro build`); returns seconds. */
export function buildStarlight(dir: string): number {
  rmSync(path.join(dir, "dist"), { recursive: true, force: true });
  // A fresh build each time, like Ladder's: no content cache from the run before.
  rmSync(path.join(dir, ".astro"), { recursive: true, force: true });
  rmSync(path.join(dir, "node_modules/.astro"), { recursive: true, force: true });
  const started = process.hrtime.bigint();
  execFileSync("npx", ["astro", "build"], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  return Number(process.hrtime.bigint() - started) / 1e9;
}
