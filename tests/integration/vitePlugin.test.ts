import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSiteData } from "../../src/integration/siteData";
import { ladderVitePlugin, siteDataModule } from "../../src/integration/vitePlugin";
import { minimalData, writeDataDir } from "../helpers/dataDir";
import { PROTOTYPE_NAMES } from "../helpers/prototypeIds";

describe("the integration's Vite plugin", () => {
  const plugin = ladderVitePlugin({ configModule: "", dataDir: "data", root: process.cwd() });
  const resolveId = plugin.resolveId as (id: string) => string | undefined;

  it("resolves its two virtual modules", () => {
    expect(resolveId("virtual:ladder/config")).toBe("\0virtual:ladder/config");
    expect(resolveId("virtual:ladder/data")).toBe("\0virtual:ladder/data");
  });

  it.each(PROTOTYPE_NAMES)("leaves an import of %s to others", (name) => {
    expect(resolveId(name)).toBeUndefined();
  });
});

describe("virtual:ladder/data", () => {
  it("imports each prose image once, as a file, and puts its URL where its token is", async () => {
    const files = minimalData();
    files["demo/prose/chart.png"] = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    files["demo/prose/intro.mdx"] =
      '---\ntitle: Intro\norder: 1\n---\n\n![One](./chart.png) ![Two](chart.png) "ladder-image-0123456789abcdef-0"\n';
    const dataDir = writeDataDir(files);
    const loaded = await loadSiteData(dataDir, dataDir);
    const code = siteDataModule(loaded.data!);
    const image = path.join(dataDir, "demo/prose/chart.png");
    const imports = code.split("\n").filter((line) => line.startsWith("import "));
    expect(imports).toEqual([`import image0 from ${JSON.stringify(`${image}?no-inline`)};`]);

    // Vite gives the URL; one that needs escaping in an attribute is escaped.
    const url = '/_astro/chart.x&"y.png';
    const module = await import(
      `data:text/javascript,${encodeURIComponent(code.replace(imports[0], `const image0 = ${JSON.stringify(url)};`))}`
    );
    const html: string = module.proseHtml["demo/intro"];
    expect([...html.matchAll(/<img src="([^"]*)"/g)].map(([, src]) => src)).toEqual([
      "/_astro/chart.x&amp;&quot;y.png",
      "/_astro/chart.x&amp;&quot;y.png",
    ]);
    // Text that looks like a token stays text.
    expect(html).toContain('"ladder-image-0123456789abcdef-0"');
    expect(module.handbook).toEqual(JSON.parse(JSON.stringify(loaded.data!.handbook)));
  });
});
