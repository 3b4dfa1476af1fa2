import {
  decodeText,
  type ImportInput,
  type Misfit,
  type Shape,
  type ShapeReading,
  type SourceFile,
} from "../draft";
import { readFramework } from "../yaml/readFramework";
import { findFrontMatter, parseYamlSource } from "../yaml/yamlSource";

/** Pages whose front matter may hold the framework (Monzo's progression framework keeps it so). */
export const MARKDOWN_PAGE = /\.(md|mdx|markdown)$/i;

/**
 * A framework kept as YAML: a `.yml`/`.yaml` file (or any file that is YAML, JSON included), or
 * a Markdown page whose front matter holds it, read by {@link readFramework} in any of the
 * structures it knows (topics holding criteria per level, levels holding categories, flat
 * records). A page's body, when it has one, becomes a prose page titled by the track's title.
 */
export const yamlShape: Shape = {
  name: "yaml",
  label:
    "YAML: topics or levels holding criteria, or records naming their level (a file, or a page's front matter)",
  async read(input: ImportInput): Promise<ShapeReading | Misfit> {
    if (input.isFolder || input.files.length !== 1) {
      return {
        misfit: `${input.path} is a folder: YAML is read from one file (a folder of pages is --format front-matter)`,
      };
    }
    return readYamlFile(input.files[0]);
  },
};

/** One file read as a YAML framework, or why it is not one. */
export function readYamlFile(file: SourceFile): ShapeReading | Misfit {
  const text = decodeText(file);
  if (text === undefined) return { misfit: `${file.path} is not UTF-8 text` };
  const page = MARKDOWN_PAGE.test(file.path);
  const frontMatter = page ? findFrontMatter(text) : undefined;
  if (page && !frontMatter) {
    return { misfit: `${file.path} is a Markdown page without YAML front matter (\`---\` lines at its top)` };
  }
  const source = parseYamlSource(text, file.path, frontMatter?.yamlStart, frontMatter?.yamlEnd);
  if ("error" in source) {
    const { line, column } = source.at;
    return { misfit: `YAML syntax error at ${file.path}:${line}:${column}: ${source.error}` };
  }
  const root = source.doc.contents;
  if (!root || !("items" in root)) {
    return {
      misfit: `${file.path} does not hold YAML keys or a YAML list${page ? " in its front matter" : ""}`,
    };
  }
  const reading = readFramework(source);
  if (!reading.foundLevels) {
    const keys =
      reading.topKeys.length > 0
        ? `its keys are ${reading.topKeys.map((key) => `\`${key}\``).join(", ")}`
        : "it is a list";
    return {
      misfit: `no levels in ${file.path}${page ? "'s front matter" : ""} (${keys}): expected \`levels\`, topics or categories holding criteria per level, or records naming their level`,
    };
  }
  const { draft, losses, warnings } = reading;
  const body = frontMatter ? text.slice(frontMatter.bodyStart).trim() : "";
  if (body) {
    if (draft.title) {
      draft.prose.push({ title: draft.title, body });
    } else {
      const offset = text.indexOf(body, frontMatter!.bodyStart);
      const line = text.slice(0, offset).split("\n").length;
      losses.push({
        at: { file: file.path, line, column: 1 },
        what: `page text "${body.split("\n")[0].slice(0, 40)}…"`,
        why: "the page's text after its front matter has no title to make a prose page of (no `title` in the front matter)",
      });
    }
  }
  return { draft, losses, warnings };
}
