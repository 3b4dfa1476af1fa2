import { extractFrontmatter } from "@astrojs/markdown-remark";
import { LineCounter, isScalar, parseDocument, visit, type Document, type Node, type Scalar } from "yaml";
import type { SourcePlace } from "../draft";

/**
 * A YAML document parsed with the place of every node in its file, whether the file is YAML
 * or a Markdown page whose front matter holds the YAML: places are always the file's own
 * lines and columns, so a loss or a text points where the user's editor would.
 */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  /** Where a node starts in the file. */
  place(node: Node): SourcePlace;
}

/** A Markdown page split into its front matter and the body after it, by offsets in the page's text. */
export interface FrontMatterSplit {
  /** Where the YAML between the `---` lines starts and ends. */
  yamlStart: number;
  yamlEnd: number;
  /** Where the body starts (after the closing `---`). */
  bodyStart: number;
}

/**
 * Where a page's front matter is, as static-site generators read it (the same reading Astro
 * gives Ladder's own prose pages): `---` on the first line, the YAML, `---`. Undefined when
 * the page has none, or when it is TOML (`+++`), which only Hugo writes.
 */
export function findFrontMatter(text: string): FrontMatterSplit | undefined {
  const yaml = extractFrontmatter(text);
  if (yaml === undefined) return undefined;
  const opening = text.indexOf(`---${yaml}`);
  if (opening < 0) return undefined; // TOML front matter (`+++`)
  const yamlStart = opening + 3;
  const yamlEnd = yamlStart + yaml.length;
  return { yamlStart, yamlEnd, bodyStart: yamlEnd + 3 };
}

/**
 * Parses the YAML at `start…end` of a file's text (all of it by default) so that every node's
 * range is an offset in the whole file: the text before `start` is blanked (line breaks kept),
 * which YAML reads as blank lines. Syntax errors come back with their place, not thrown.
 */
export function parseYamlSource(
  text: string,
  file: string,
  start = 0,
  end = text.length,
): YamlSource | { error: string; at: SourcePlace } {
  const lineCounter = new LineCounter();
  const padded = text.slice(0, start).replace(/[^\r\n]/g, " ") + text.slice(start, end);
  const doc = parseDocument(padded, { lineCounter, prettyErrors: false });
  const place = (offset: number): SourcePlace => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const [error] = doc.errors;
  if (error) {
    const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    return { error: message, at: place(error.pos[0]) };
  }
  return { file, doc, place: (node) => place(node.range?.[0] ?? start) };
}

/**
 * A scalar's text as YAML decodes it, trimmed of the surrounding whitespace a block scalar
 * keeps (its last line break): numbers and booleans as written (`1.10`, not `1.1`). Empty for
 * a null (`key:` or `~`), which holds nothing to take or lose.
 */
export function scalarText(node: Scalar): string {
  if (node.value === null || node.value === undefined) return "";
  if (typeof node.value === "string") return node.value.trim();
  return (node.source ?? String(node.value)).trim();
}

/** Every scalar of a node (keys and values, aliases followed once), in source order. */
export function scalarsUnder(node: Node | null | undefined, doc: Document): Scalar[] {
  const scalars: Scalar[] = [];
  if (!node) return scalars;
  if (isScalar(node)) return [node];
  visit(node, {
    Scalar: (_key, scalar) => {
      scalars.push(scalar);
    },
    Alias: (_key, alias) => {
      const target = alias.resolve(doc);
      if (target) scalars.push(...scalarsUnder(target, doc));
    },
  });
  return scalars;
}
