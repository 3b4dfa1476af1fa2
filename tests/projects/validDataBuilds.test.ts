import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import { MAX_ID_LENGTH } from "../../src/lib/schemas/ids";
import { minimalData, writeDataDir } from "../helpers/dataDir";
import { buildEnv } from "../helpers/sites";

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
/** Not an image, but nothing reads an image's content before publishing it. */
const WEBP = Buffer.from("RIFF\0\0\0\0WEBPVP8 ");

describe("data that passes validation builds", () => {
  it("builds ids of the longest length, and publishes the images prose shows with the site", async () => {
    const longest = "a".repeat(MAX_ID_LENGTH);
    const files = minimalData();
    const levelTwo = files["demo/levels/l2.json"] as { behaviors: { craft: { id: string }[] } };
    levelTwo.behaviors.craft[0].id = longest;
    files[`demo/levels/${longest}.json`] = levelTwo;
    delete files["demo/levels/l2.json"];
    files["demo/prose/chart.png"] = PNG;
    files["demo/prose/ladder.webp"] = WEBP;
    files["demo/prose/intro.mdx"] = [
      "---\ntitle: Introduction\norder: 1\n---\n",
      '![A chart](./chart.png "Chart") and ![the ladder][ladder].',
      "",
      "![The chart again](chart.png)",
      "",
      "[ladder]: ./ladder.webp",
      "",
    ].join("\n");
    // In a folder whose path Vite could not import a file from.
    const dataDir = path.join(
      mkdtempSync(path.join(tmpdir(), "ladder-path-")),
      "hash#question?percent%41 space",
    );
    cpSync(writeDataDir(files), dataDir, { recursive: true });
    expect((await validateDataDir(dataDir, dataDir)).problems).toEqual([]);

    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "ladder-out-")), "dist");
    await promisify(execFile)("npm", ["run", "build", "--silent"], {
      env: { ...buildEnv(), LADDER_DATA_DIR: dataDir, LADDER_OUT_DIR: outDir, LADDER_BASE: "/handbook/" },
    });

    for (const page of [`demo/${longest}`, `b/demo/${longest}`, `demo/compare/l1/${longest}`]) {
      expect(existsSync(path.join(outDir, page, "index.html")), page).toBe(true);
    }
    expect(existsSync(path.join(outDir, `api/demo/compare/l1/${longest}.json`))).toBe(true);

    // Each image is a file of the site, byte for byte the one in the data folder.
    const html = readFileSync(path.join(outDir, "demo/index.html"), "utf8");
    const images = [...html.matchAll(/<img src="([^"]*)" alt="([^"]*)"/g)].map(([, src, alt]) => ({
      alt,
      src,
    }));
    expect(images.map(({ alt }) => alt)).toEqual(["A chart", "the ladder", "The chart again"]);
    const sources = ["chart.png", "ladder.webp", "chart.png"];
    images.forEach(({ src }, index) => {
      expect(src).toMatch(/^\/handbook\/_images\/[^/]+$/);
      const published = readFileSync(path.join(outDir, src.slice("/handbook/".length)));
      expect(published.equals(readFileSync(path.join(dataDir, "demo/prose", sources[index]))), src).toBe(
        true,
      );
    });
  }, 180_000);
});
