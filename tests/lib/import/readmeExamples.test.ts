import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Code } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { importSource, readInput } from "../../../src/lib/import/importSource";
import { writeDataDir } from "../../helpers/dataDir";

/** The README's examples of each shape: code blocks whose meta reads `import-example file=… shape=…`. */
function readmeExamples(): { file: string; shape: string; text: string }[] {
  const examples: { file: string; shape: string; text: string }[] = [];
  visit(unified().use(remarkParse).parse(readFileSync("README.md", "utf8")), "code", (node: Code) => {
    const meta = /^import-example file=(\S+) shape=(\S+)$/.exec(node.meta ?? "");
    if (meta) examples.push({ file: meta[1], shape: meta[2], text: `${node.value}\n` });
  });
  return examples;
}

/** The examples as the user would save them: one file each, or the files of one folder together. */
function sources(): { name: string; shape: string; files: { file: string; text: string }[] }[] {
  const byName = new Map<string, { name: string; shape: string; files: { file: string; text: string }[] }>();
  for (const example of readmeExamples()) {
    const name = example.file.split("/")[0];
    const source = byName.get(name) ?? { name, shape: example.shape, files: [] };
    source.files.push(example);
    byName.set(name, source);
  }
  return [...byName.values()];
}

describe("the README's example of each shape", () => {
  const all = sources();

  it("shows every shape Ladder reads but tsv and xlsx (which read like csv)", () => {
    expect(all.map((source) => source.shape).sort()).toEqual(
      ["csv", "front-matter", "html", "markdown", "markdown-table", "yaml"].sort(),
    );
  });

  for (const source of all) {
    it(`imports ${source.name} as ${source.shape}, with nothing lost`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "ladder-readme-"));
      for (const { file, text } of source.files) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      const result = await importSource(readInput(path.join(dir, source.name)), { track: "t" });
      expect(result.error).toBeUndefined();
      expect(result.shape?.name).toBe(source.shape);
      expect(result.losses).toEqual([]);
      const levels = Object.keys(result.files).filter((file) => file.startsWith("t/levels/"));
      expect(levels.length).toBeGreaterThanOrEqual(2);
      const data = writeDataDir(result.files);
      expect((await validateDataDir(data, data)).problems).toEqual([]);
    });
  }
});
