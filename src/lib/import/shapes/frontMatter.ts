import type { RootContent } from "mdast";
import { isMap, isScalar, type YAMLMap } from "yaml";
import { tooDeepMessage } from "../../data/nesting";
import {
  comparePlaces,
  decodeText,
  emptyDraft,
  type DraftLevel,
  type DraftText,
  type DraftTrack,
  type ImportInput,
  type ImportWarning,
  type Loss,
  type Misfit,
  type Shape,
  type ShapeReading,
  type SourceFile,
  type SourcePlace,
} from "../draft";
import { categoryTest, sectionTitles } from "../markdown/categoryTitles";
import { readLevelBody, type LevelBody } from "../markdown/levelBody";
import { proseParts, proseText } from "../markdown/proseBody";
import {
  describeNode,
  draftText,
  innerSpan,
  isContent,
  lossesOf,
  markdownSource,
  parseMarkdown,
  placeAt,
} from "../markdown/source";
import { FrameworkReader, keyName, readFramework } from "../yaml/readFramework";
import { findFrontMatter, parseYamlSource, type FrontMatterSplit, type YamlSource } from "../yaml/yamlSource";
import { MARKDOWN_PAGE } from "./yaml";

/** The page that describes the track: a static-site generator's section index, or the folder's README. */
const INDEX_PAGE = /^(_?index|readme)\.(md|mdx|markdown)$/i;
/** Titles of pages that explain the framework rather than define a level, even when they hold lists. */
const PROSE_TITLE =
  /\b(faq|frequently asked|about|introduction|overview|how to|glossary|changelog|contributing|licen[cs]e|readme)\b/i;
/** Front-matter keys that make a page a level whatever its body holds. */
const LEVEL_KEYS = new Set(["level", "grade", "rank", "code"]);
/** Front-matter keys that hold criteria (a level page may keep its behaviors there). */
const CRITERIA_KEYS = new Set([
  "categories",
  "competencies",
  "areas",
  "criteria",
  "behaviors",
  "behaviours",
  "expectations",
]);

/**
 * A framework kept as a folder of Markdown pages with YAML front matter, as static-site
 * generators (Jekyll, Hugo, Gatsby, Astro…) keep them: one page per level, plus an index page
 * for the track (`index.md`, `_index.md` or `README.md`: its `title`, `description`,
 * `categories` in order, with descriptions, and `cumulative`; its body a prose page).
 *
 * A level page is named by its front matter (`title`, `name`, `code`, `level`; a `code` or a
 * textual `level` beside a `title` gives the code and title apart), or by its `#` heading; its
 * `summary` / `description`, facts (`years`, `salary band`…), `order` / `weight` and any
 * criteria kept in the front matter are read as the YAML shape reads a level, and its body
 * by `readLevelBody` (category sub-headings or items, behaviors, examples, facts, summary).
 * A page is a level when its front matter has a level key (`level`, `code`) or criteria, or
 * it has front matter, its body holds behaviors and its title is not an explainer's (FAQ,
 * About, How to…); any other page (a page without front matter among them) is a prose page
 * (its title, and its body verbatim). Levels are ordered by their
 * `order` / `weight` (else their `level` number) when every level page gives one, otherwise
 * by file name. Files that are not Markdown pages are warned about and not read.
 */
export const frontMatterShape: Shape = {
  name: "front-matter",
  label: "Front matter: a folder of Markdown pages, one per level, and an index page for the track",
  async read(input: ImportInput): Promise<ShapeReading | Misfit> {
    return readPagesFolder(input);
  },
};

/** One page of the folder: its text, front matter and body. */
interface Page {
  file: SourceFile;
  text: string;
  frontMatter?: FrontMatterSplit;
  yaml: YamlSource;
  /** The front matter's keys and values; null when the page has none (or it is empty). */
  map: YAMLMap | null;
  /** The body's blocks, with offsets in the page's text. */
  nodes: RootContent[];
  /** The body's `#` heading when it opens the body. */
  heading?: DraftText;
}

interface Collected {
  draft: DraftTrack;
  losses: Loss[];
  warnings: ImportWarning[];
}

/** A folder of pages with front matter read into one track, or why it is not one. */
export function readPagesFolder(input: ImportInput): ShapeReading | Misfit {
  if (!input.isFolder) {
    return {
      misfit: `${input.path} is one file: front matter is read from a folder of pages, one per level (a page whose front matter holds the whole framework is --format yaml)`,
    };
  }
  const out: Collected = { draft: emptyDraft(), losses: [], warnings: [] };
  const pages: Page[] = [];
  for (const file of input.files) {
    if (!MARKDOWN_PAGE.test(file.path)) {
      out.warnings.push({ at: startOf(file.path), message: `${file.path} is not a Markdown page: not read` });
      continue;
    }
    const page = readPage(file);
    if ("misfit" in page) return page;
    if ("loss" in page) out.losses.push(page.loss);
    else pages.push(page);
  }
  if (pages.length === 0) return { misfit: `no Markdown pages (.md, .mdx, .markdown) in ${input.path}` };
  if (!pages.some((page) => page.frontMatter)) {
    return { misfit: `no page in ${input.path} starts with YAML front matter (\`---\` lines at its top)` };
  }
  for (const page of pages) {
    const whole = holdsWholeFramework(page);
    if (whole) return { misfit: whole };
  }

  const depth = (page: Page) => page.file.path.split("/").length;
  const indexes = pages.filter((page) => INDEX_PAGE.test(baseName(page.file.path)));
  const index = indexes.sort((a, b) => depth(a) - depth(b))[0];
  const others = pages.filter((page) => page !== index);

  // A first reading of every body tells which pages are levels (they hold behaviors).
  const looks = others.map((page) => {
    const keys = frontMatterKeys(page);
    const titled = frontMatterTitle(page) ?? page.heading?.text ?? "";
    const body = readLevelBody(bodyNodes(page, titled), page.text, page.file.path);
    const behaviors = body.groups.reduce((count, group) => count + group.behaviors.length, 0);
    const isLevel =
      keys.some((key) => LEVEL_KEYS.has(key) || CRITERIA_KEYS.has(key)) ||
      (page.frontMatter !== undefined && behaviors > 0 && !PROSE_TITLE.test(titled));
    return { page, isLevel, body };
  });
  // Which titles and labels name categories, decided across the level pages as the Markdown
  // shape decides it across a page's level sections.
  const isCategory = categoryTest(
    looks
      .filter((look) => look.isLevel)
      .map(({ page }) =>
        sectionTitles(
          bodyNodes(page, frontMatterTitle(page) ?? page.heading?.text),
          markdownSource(page.text, page.file.path),
        ),
      ),
  );

  if (index) readIndexPage(index, out);
  const prose: { title: DraftText; body: string; order?: number }[] = [];
  for (const { page, isLevel } of looks) {
    if (isLevel) readLevelPage(page, out, isCategory);
    else readProsePage(page, out, prose);
  }
  if (prose.every((page) => page.order !== undefined)) prose.sort((a, b) => a.order! - b.order!);
  out.draft.prose.push(...prose.map(({ title, body }) => ({ title, body })));

  const { levels } = out.draft;
  if (levels.length === 0 && !out.draft.shared) {
    return {
      misfit: `no page of ${input.path} is a level: none names a level in its front matter (\`level\`, \`code\`) or lists behaviors`,
    };
  }
  orderLevels(levels, out.warnings);
  out.losses.sort(byPlace);
  out.warnings.sort(byPlace);
  return out;
}

/** A page's text, front matter and body blocks; a misfit for broken front matter YAML. */
function readPage(file: SourceFile): Page | Misfit | { loss: Loss } {
  const text = decodeText(file);
  if (text === undefined) {
    return { loss: { at: startOf(file.path), what: `page ${file.path}`, why: "it is not UTF-8 text" } };
  }
  const frontMatter = findFrontMatter(text);
  const yaml = frontMatter
    ? parseYamlSource(text, file.path, frontMatter.yamlStart, frontMatter.yamlEnd)
    : parseYamlSource("", file.path);
  if ("error" in yaml) {
    const { line, column } = yaml.at;
    return {
      misfit: `YAML syntax error in the front matter of ${file.path}:${line}:${column}: ${yaml.error}`,
    };
  }
  const contents = yaml.doc.contents;
  const map = isMap(contents) ? (contents as YAMLMap) : null;
  // The front matter blanked (line breaks kept), so the body's offsets are the page's own.
  const bodyStart = frontMatter?.bodyStart ?? 0;
  const blanked = text.slice(0, bodyStart).replace(/[^\r\n]/g, " ") + text.slice(bodyStart);
  const parsed = parseMarkdown(blanked);
  if ("tooDeep" in parsed) {
    const { line = 1, column = 1 } = parsed.tooDeep;
    return {
      loss: {
        at: { file: file.path, line, column },
        what: `page ${file.path}`,
        why: tooDeepMessage(parsed.tooDeep, "document"),
      },
    };
  }
  const nodes = parsed.tree.children;
  const page: Page = { file, text, frontMatter, yaml, map, nodes };
  const [first] = nodes;
  if (first?.type === "heading" && first.depth === 1) {
    const inner = innerSpan(first);
    if (inner) page.heading = draftText(markdownSource(text, file.path), inner);
  }
  return page;
}

/** Why a page that holds a whole framework in its front matter (Monzo's shape) makes this not a folder of level pages. */
function holdsWholeFramework(page: Page): string | undefined {
  if (!page.map || INDEX_PAGE.test(baseName(page.file.path))) return undefined;
  if (frontMatterKeys(page).some((key) => LEVEL_KEYS.has(key))) return undefined;
  const { draft } = readFramework(page.yaml);
  if (draft.levels.length < 2) return undefined;
  const names = draft.levels.map((level) => `\`${level.heading.text}\``).join(", ");
  return `${page.file.path} holds a whole framework in its front matter (levels ${names}): read such a page with --format yaml`;
}

/** The front matter's keys, compared as the YAML reader compares them. */
function frontMatterKeys(page: Page): string[] {
  return (page.map?.items ?? []).map((pair) => (isScalar(pair.key) ? keyName(String(pair.key.value)) : ""));
}

/** The front matter's `title` (or `name`), as the page names itself. */
function frontMatterTitle(page: Page): string | undefined {
  const pair = page.map?.items.find(
    (item) => isScalar(item.key) && ["title", "name"].includes(keyName(String(item.key.value))),
  );
  const value = isScalar(pair?.value) ? pair.value.value : undefined;
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** The body's blocks without its opening `#` heading when that heading is the page's title. */
function bodyNodes(page: Page, title: string | undefined): RootContent[] {
  if (page.heading && title !== undefined && page.heading.text === title) return page.nodes.slice(1);
  return page.nodes;
}

function readIndexPage(page: Page, out: Collected): void {
  const reader = new FrameworkReader(page.yaml);
  if (page.map) reader.readTrackMap(page.map, "the index page's front matter", { levelsArePages: true });
  const reading = reader.finish();
  const { draft } = reading;
  out.losses.push(...reading.losses);
  out.warnings.push(...reading.warnings);
  out.draft.title = draft.title ?? page.heading;
  out.draft.description = draft.description;
  out.draft.categories.push(...draft.categories);
  if (draft.cumulative !== undefined) out.draft.cumulative = draft.cumulative;
  if (draft.shared) out.draft.shared = draft.shared;
  const nodes = bodyNodes(page, out.draft.title?.text);
  // The index page's title is the track's: it is taken whether or not its body makes a page.
  addBody(page, nodes, out.draft.title, out, (body) => out.draft.prose.push(body), false);
}

/**
 * A page's body as a prose page titled `title`, written as the Markdown shape writes its prose
 * pages (`proseParts`): verbatim from its first block after the title heading, but raw HTML
 * blocks and lines that are only a site generator's shortcodes (`{{< cards >}}`) are kept out
 * as losses, and HTML comments (the authors' hidden notes) are left out silently, also from
 * inside a paragraph or a list. A page with nothing left to show is no page: its title is lost
 * when something was kept out of it. Without a title, every block is lost.
 */
function addBody(
  page: Page,
  nodes: RootContent[],
  title: DraftText | undefined,
  out: Collected,
  add: (page: { title: DraftText; body: string }) => void,
  titleIsPage = true,
): void {
  const source = markdownSource(page.text, page.file.path);
  if (!title) {
    const why = `the page has no title (no \`title\` in its front matter, no \`#\` heading) to make a prose page of its text`;
    for (const node of nodes) out.losses.push(...lossesOf(source, node, why));
    return;
  }
  const parts = proseParts(source, nodes, "kept out of the prose page");
  out.losses.push(...parts.losses);
  const body = parts.written.some(isContent) ? proseText(source, parts.written, nodes, parts.cuts) : "";
  if (body) add({ title, body });
  else if (titleIsPage && parts.losses.length > 0) {
    out.losses.push({
      at: title.at,
      what: `page title "${title.text}"`,
      why: "the page's body holds nothing a reader sees but raw HTML or shortcodes, which are not read: no prose page is made of it",
    });
  }
}

function readProsePage(
  page: Page,
  out: Collected,
  prose: { title: DraftText; body: string; order?: number }[],
): void {
  const reader = new FrameworkReader(page.yaml);
  const { title, order } = reader.readProsePage(page.map);
  const reading = reader.finish();
  out.losses.push(...reading.losses);
  out.warnings.push(...reading.warnings);
  const pageTitle = title ?? page.heading;
  addBody(page, bodyNodes(page, pageTitle?.text), pageTitle, out, (body) =>
    prose.push({ ...body, ...(order !== undefined && { order }) }),
  );
}

function readLevelPage(page: Page, out: Collected, isCategory: (title: string) => boolean): void {
  const reader = new FrameworkReader(page.yaml);
  const named = reader.readLevelPage(page.map, page.heading);
  const reading = reader.finish();
  out.losses.push(...reading.losses);
  out.warnings.push(...reading.warnings);
  const { draft } = reading;
  if (!named) {
    const source = markdownSource(page.text, page.file.path);
    for (const node of page.nodes) {
      out.losses.push({
        at: placeAt(source, node.position!.start.offset!),
        what: describeNode(source, node),
        why: "the page names no level (no `title`, `name`, `code` or `level` in its front matter, no `#` heading)",
      });
    }
    return;
  }
  const heading = named.shared ? draft.shared!.title : named.level!.heading;
  const body = readLevelBody(bodyNodes(page, heading.text), page.text, page.file.path, { isCategory });
  out.losses.push(...body.losses);
  out.warnings.push(...body.warnings);
  if (named.shared) {
    if (out.draft.shared) out.draft.shared.groups.push(...draft.shared!.groups, ...body.groups);
    else out.draft.shared = { title: heading, groups: [...draft.shared!.groups, ...body.groups] };
    loseSummaryAndFacts(body, "the shared expectations have no summary or facts", out);
  } else {
    mergeBody(named.level!, body, out);
  }
  out.draft.levels.push(...draft.levels);
  out.draft.categories.push(...draft.categories);
}

/** A level's body read into the level its front matter names: a second summary is lost. */
function mergeBody(level: DraftLevel, body: LevelBody, out: Collected): void {
  if (body.summary) {
    if (level.summary) {
      out.losses.push({
        at: body.summary.at,
        what: `paragraph "${body.summary.text.split("\n")[0].slice(0, 40)}"`,
        why: `the level's summary is its front matter's ("${level.summary.text.slice(0, 30)}…"): this paragraph would be a second one`,
      });
    } else level.summary = body.summary;
  }
  level.facts.push(...body.facts);
  level.groups.push(...body.groups);
}

function loseSummaryAndFacts(body: LevelBody, why: string, out: Collected): void {
  if (body.summary) out.losses.push({ at: body.summary.at, what: "paragraph", why });
  for (const fact of body.facts)
    out.losses.push({ at: fact.at, what: `fact "${fact.label}: ${fact.value}"`, why });
}

/** Levels by the order their pages give, when every one gives one; otherwise in file-name order. */
function orderLevels(levels: DraftLevel[], warnings: ImportWarning[]): void {
  const ordered = levels.filter((level) => level.order !== undefined);
  if (ordered.length === levels.length) {
    levels.sort((a, b) => a.order! - b.order!);
  } else if (ordered.length > 0) {
    const unordered = levels.find((level) => level.order === undefined)!;
    warnings.push({
      at: unordered.heading.at,
      message: `levels are in file-name order: this level's page gives no \`order\`, \`weight\` or \`level\` number, and others do`,
    });
  }
}

function byPlace(a: { at: SourcePlace }, b: { at: SourcePlace }): number {
  return comparePlaces(a.at, b.at);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function startOf(file: string) {
  return { file, line: 1, column: 1 };
}
