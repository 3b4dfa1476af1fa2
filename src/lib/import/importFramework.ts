import type { Heading, List, ListItem, Paragraph, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { compareText } from "../handbook/buildHandbook";
import { parseWithinNesting, tooDeepMessage } from "../data/nesting";
import { idFromText } from "./idFromText";
import type { BehaviorData, BehaviorsByCategoryData, CategoryData, LevelData, TrackData } from "../schemas";

/** Something the importer could not take over as it is, at its place in the source. */
export interface ImportNote {
  line: number;
  column: number;
  /** `error`: nothing can be written; `warning`: written, but check this place. */
  severity: "error" | "warning";
  message: string;
}

/** The data files of one track, ready to write into the data folder. */
export interface ImportedFramework {
  /**
   * By path relative to the data folder (`{track}/levels/ic2.json`): the data of JSON files,
   * the text of prose pages (`.mdx`).
   */
  files: Record<string, unknown>;
  notes: ImportNote[];
}

/** The heading of the section that holds the expectations shared by every level. */
const SHARED_HEADING = /^all levels$/i;

/** A list item whose marker lacks its space (`-Seeks…`): Markdown reads it as text of the line before. */
const MARKER_WITHOUT_SPACE = /^[-*+](?=\S)/;

/** Anything with a place in the source, like the syntax tree's nodes. */
interface Place {
  position?: { start: { line: number; column: number } };
}

/** Records a note at a place (the start of the file when there is none). */
type Note = (at: Place | undefined, severity: ImportNote["severity"], message: string) => void;

interface Section {
  heading: Heading;
  nodes: RootContent[];
}

interface CategoryBehaviors {
  title: string;
  texts: string[];
}

/** Text of a node on one line: soft line breaks become spaces, as they do on the page. */
function plainText(node: RootContent | Heading): string {
  return toString(node)
    .replace(/[ \t]*\n[ \t]*/g, " ")
    .trim();
}

/**
 * Turns a framework page shaped like the product seed into data files: `# Title` and a
 * paragraph (the track), `## All Levels` (shared expectations), one `## {level}` per level with
 * a list item per category holding a nested list of behaviors, and any other `##` section as
 * a prose page. A list of `Category: description` items in prose gives the categories their
 * descriptions. Every id is generated from its text (see `idFromText`), to be reviewed by a
 * person before anything is published. Text is kept verbatim; what does not fit the shape is
 * reported in `notes`, with its place. `order` places the new track among the others: give
 * one no track of the data folder has (`ladder import` gives the highest one plus one).
 */
export function importFramework(markdown: string, track: string, order = 1): ImportedFramework {
  // As deep as Ladder reads any Markdown: a page nested thousands deep is reported, not a crash.
  const parsed = parseWithinNesting(markdown, (text) => unified().use(remarkParse).parse(text));
  if ("tooDeep" in parsed) {
    const { line = 1, column = 1 } = parsed.tooDeep;
    return {
      files: {},
      notes: [{ line, column, severity: "error", message: tooDeepMessage(parsed.tooDeep, "document") }],
    };
  }
  const { tree } = parsed;
  const sourceLines = markdown.split(/\r?\n/);
  const notes: ImportNote[] = [];
  const note: Note = (at, severity, message) => {
    const start = at?.position?.start ?? { line: 1, column: 1 };
    notes.push({ line: start.line, column: start.column, severity, message });
  };

  let titleHeading: Heading | undefined;
  const intro: RootContent[] = [];
  const sections: Section[] = [];
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth === 1 && !titleHeading && sections.length === 0) {
      titleHeading = node;
    } else if (node.type === "heading" && node.depth === 2) {
      sections.push({ heading: node, nodes: [] });
    } else if (sections.length > 0) {
      sections[sections.length - 1].nodes.push(node);
    } else {
      intro.push(node);
    }
  }

  if (!titleHeading) note(undefined, "error", `the framework needs a title: start the file with "# Title"`);
  const [descriptionNode, ...restOfIntro] = intro;
  if (descriptionNode?.type !== "paragraph") {
    note(
      descriptionNode ?? titleHeading,
      "error",
      "the title needs a paragraph after it that describes the framework",
    );
  }
  for (const node of restOfIntro) {
    note(
      node,
      "warning",
      "only the first paragraph after the title is imported (as the description): move the rest into a prose page by hand",
    );
  }

  // Levels first: their categories decide which prose lists describe categories.
  const categories: CategoryData[] = [];
  const categoryIds = new Set<string>();
  const categoryId = (title: string) => {
    const known = categories.find((category) => category.title === title);
    if (known) return known.id;
    const id = idFromText(title, categoryIds, "category");
    categories.push({ id, title });
    return id;
  };
  const behaviorIds = new Set<string>();
  const toBehaviors = (groups: CategoryBehaviors[]): BehaviorsByCategoryData => {
    // A Map: a category titled "Constructor" gets the id `constructor`, which every object has.
    const byCategory = new Map<string, BehaviorData[]>();
    for (const group of groups) {
      const id = categoryId(group.title);
      const list = byCategory.get(id) ?? [];
      for (const text of group.texts) list.push({ id: idFromText(text, behaviorIds, id), text });
      byCategory.set(id, list);
    }
    return Object.fromEntries(byCategory);
  };

  let shared: TrackData["sharedExpectations"];
  const levels: { section: Section; summary?: string; groups: CategoryBehaviors[] }[] = [];
  const prose: Section[] = [];
  for (const section of sections) {
    const shape = levelShape(section, note, sourceLines);
    if (SHARED_HEADING.test(plainText(section.heading))) {
      if (!shape) {
        note(
          section.heading,
          "error",
          `"${plainText(section.heading)}" needs a list item per category, each with a nested list of behaviors`,
        );
      } else {
        if (shape.summary)
          note(
            section.nodes[0],
            "warning",
            "shared expectations have no summary: this paragraph is not imported",
          );
        shared = { title: plainText(section.heading), behaviors: toBehaviors(shape.groups) };
      }
    } else if (shape) {
      levels.push({ section, ...shape });
    } else {
      prose.push(section);
    }
  }
  if (levels.length === 0) {
    note(
      undefined,
      "error",
      `found no level: add "## {level}" sections with a list item per category and a nested list of behaviors`,
    );
  }

  const files: Record<string, unknown> = {};
  const numbers = levels.map((level) => Number(/\d+/.exec(plainText(level.section.heading))?.[0]));
  // "IC2" is order 2 when every level has its own number; otherwise levels go in source order.
  const numbered = numbers.every(Number.isFinite) && new Set(numbers).size === numbers.length;
  const levelIds = new Set<string>();
  levels.forEach((level, index) => {
    const code = plainText(level.section.heading);
    const behaviors = toBehaviors(level.groups);
    const defined = Object.values(behaviors).some((list) => list.length > 0);
    const data: LevelData = {
      code,
      ...(level.summary && { summary: level.summary }),
      order: numbered ? numbers[index] : index + 1,
      status: defined ? "defined" : "not yet defined",
      ...(defined && { behaviors }),
    };
    files[`${track}/levels/${idFromText(code, levelIds, "level")}.json`] = data;
  });

  const proseIds = new Set<string>();
  const pages = prose
    .map((section) => ({
      section,
      kept: section.nodes.filter((node) => !describeCategories(node, categories)),
    }))
    // A section that only described the categories has nothing left to say as a page.
    .filter(({ kept }) => kept.length > 0);
  pages.forEach(({ section, kept }, index) => {
    const title = plainText(section.heading);
    const body = mdxBody(markdown, kept);
    const id = idFromText(title, proseIds, "page");
    files[`${track}/prose/${id}.mdx`] =
      `---\ntitle: ${JSON.stringify(title)}\norder: ${index + 1}\n---\n\n${body}\n`;
  });

  const trackData: TrackData = {
    title: titleHeading ? plainText(titleHeading) : "",
    order,
    description: descriptionNode?.type === "paragraph" ? plainText(descriptionNode) : "",
    cumulative: true,
    categories,
    ...(shared && { sharedExpectations: shared }),
  };
  files[`${track}/track.json`] = trackData;
  return { files: sortedByPath(files), notes: notes.sort((a, b) => a.line - b.line || a.column - b.column) };
}

/**
 * The categories and behaviors of a level section, or undefined when the section is not
 * shaped like one: optional paragraphs (the summary), then one list whose every item names a
 * category and lists its behaviors.
 */
function levelShape(
  section: Section,
  note: Note,
  sourceLines: string[],
): { summary?: string; groups: CategoryBehaviors[] } | undefined {
  const lists = section.nodes.filter((node): node is List => node.type === "list");
  if (lists.length !== 1) return undefined;
  const [list] = lists;
  const before = section.nodes.slice(0, section.nodes.indexOf(list));
  const after = section.nodes.slice(section.nodes.indexOf(list) + 1);
  if (after.length > 0 || before.some((node) => node.type !== "paragraph")) return undefined;
  if (!list.children.every(isCategoryItem)) return undefined;

  const groups = list.children.map((item) => categoryGroup(item, note, sourceLines));
  const summary = before.length > 0 ? before.map(plainText).join(" ") : undefined;
  return { summary, groups };
}

/** A list item that names a category and holds behaviors: nested, or (malformed) on the lines below. */
function isCategoryItem(item: ListItem): boolean {
  const [first, ...rest] = item.children;
  return (
    first?.type === "paragraph" &&
    (rest.some((node) => node.type === "list") ||
      toString(first)
        .split("\n")
        .slice(1)
        .some((line) => MARKER_WITHOUT_SPACE.test(line.trim())))
  );
}

function categoryGroup(item: ListItem, note: Note, sourceLines: string[]): CategoryBehaviors {
  const [first, ...rest] = item.children as [Paragraph, ...RootContent[]];
  // The item's own paragraph: the category title, then any behaviors whose "-" lacks its space.
  const lines = toString(first)
    .split("\n")
    .map((line) => line.trim());
  const pieces: string[] = [lines[0]];
  lines.slice(1).forEach((line, index) => {
    if (MARKER_WITHOUT_SPACE.test(line)) {
      const text = line.slice(1).trim();
      const lineNumber = (first.position?.start.line ?? 0) + index + 1;
      const column = (sourceLines[lineNumber - 1] ?? "").search(/\S/) + 1;
      const at = { position: { start: { line: lineNumber, column } } };
      note(
        at,
        "warning",
        `"${excerpt(line)}" is not a list item (its "-" needs a space after it): imported as a behavior of "${lines[0].replace(/:$/, "")}"`,
      );
      pieces.push(text);
    } else {
      pieces[pieces.length - 1] += ` ${line}`; // A wrapped line continues the one before.
    }
  });
  const [titleLine, ...malformed] = pieces;
  const title = titleLine.replace(/\s*:\s*$/, "").trim();
  const texts = [...malformed];
  for (const node of rest) {
    if (node.type !== "list") {
      note(
        node,
        "warning",
        `only lists of behaviors are imported under a category: this ${node.type} is not`,
      );
      continue;
    }
    for (const behavior of node.children) {
      const [text, ...more] = behavior.children;
      if (text?.type !== "paragraph") {
        note(behavior, "warning", "a behavior is a list item with text: this one is not imported");
        continue;
      }
      texts.push(plainText(text));
      for (const extra of more) {
        note(
          extra,
          "warning",
          "a behavior is one paragraph: what follows it in the same item is not imported",
        );
      }
    }
  }
  return { title, texts };
}

/** Whether a node is a list of `Category: description` items for categories of the track, and fills in their descriptions. */
function describeCategories(node: RootContent, categories: CategoryData[]): boolean {
  if (node.type !== "list" || categories.length === 0) return false;
  const definitions = node.children.map((item) => {
    const match = /^([^:]+):\s+([\s\S]+)$/.exec(
      item.children.length === 1 ? plainText(item.children[0]) : "",
    );
    const category = match && categories.find((candidate) => candidate.title === match[1].trim());
    return category && match ? { category, description: match[2].trim() } : undefined;
  });
  if (!definitions.every(Boolean)) return false;
  for (const definition of definitions) definition!.category.description = definition!.description;
  return true;
}

/**
 * The Markdown of prose nodes for an MDX page: the source text as written, unless MDX would
 * read it as code (a `<` or `{` in the text); then written out again with those escaped.
 */
function mdxBody(markdown: string, nodes: RootContent[]): string {
  const verbatim = nodes
    .map((node) => markdown.slice(node.position!.start.offset, node.position!.end.offset))
    .join("\n\n");
  if (isPlainMdx(verbatim)) return verbatim;
  const root: Root = { type: "root", children: nodes };
  return unified().use(remarkStringify).use(remarkMdx).stringify(root).trim();
}

/** Whether MDX reads the text as plain Markdown: no JSX, no expressions, no syntax error. */
function isPlainMdx(text: string): boolean {
  try {
    let plain = true;
    visit(unified().use(remarkParse).use(remarkMdx).parse(text), (node) => {
      if (node.type.startsWith("mdx")) plain = false;
    });
    return plain;
  } catch {
    return false;
  }
}

/** The first words of a line, to recognize it by in a message. */
function excerpt(line: string): string {
  const words = line.split(/\s+/);
  return words.length > 5 ? `${words.slice(0, 5).join(" ")}…` : line;
}

function sortedByPath(files: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => compareText(a, b)));
}
