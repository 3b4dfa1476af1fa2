import { extractFrontmatter } from "@astrojs/markdown-remark";
import type { Heading, List, Nodes, RootContent } from "mdast";
import { tooDeepMessage } from "../../data/nesting";
import {
  emptyDraft,
  excerpt,
  isMisfit,
  type DraftCategory,
  type DraftGroup,
  type DraftLevel,
  type DraftProse,
  type ImportWarning,
  type Loss,
  type Misfit,
  type ShapeReading,
} from "../draft";
import { categoryTest, sectionTitles, titleKey } from "./categoryTitles";
import { labelOf, notReadWhy, readLevelNodes, type LevelBody } from "./levelBody";
import { proseParts, proseText, SHORTCODE_WHY } from "./proseBody";
import {
  describeNode,
  draftText,
  EMPTY_HEADING,
  htmlNotReadWhy,
  innerSpan,
  isContent,
  isHtmlComment,
  lossesOf,
  markdownSource,
  parseMarkdown,
  placeAt,
  placeOf,
  sliceOf,
  spanOf,
  type MarkdownSource,
  type Span,
} from "./source";

/** A section named for what every level shares ("All levels", "Every level", "All roles"). */
const SHARED_HEADING =
  /^(?:(?:all|every|any)\s+(?:levels?|roles?|grades?|ranks?|people|engineers|employees)|(?:shared|common|core|general|baseline)\s+expectations|expectations\s+(?:at|for)\s+(?:all|every)\s+levels?)\b/i;

/** Words that name a level (a seniority or a job), rather than a topic: headings with them (or a number) are levels. */
const LEVEL_WORDS =
  /\b(?:junior|senior|staff|principal|lead|associate|intern|apprentice|entry|mid|distinguished|fellow|novice|beginner|intermediate|advanced|expert|master|trainee|graduate|head|director|vp|chief|engineer|developer|designer|manager|analyst|scientist|architect|specialist|consultant|practitioner|contributor)\b/i;

/** A roman numeral ending a heading (`Engineer II`), case as written. */
const ROMAN_NUMBER = /\s(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$/;

/** Words that name a page of prose (a topic or a question), not a level. */
const PROSE_WORDS =
  /\b(?:overview|introduction|intro|about|how|what|why|when|who|where|faq|glossary|categories|competencies|principles|values|notes?|changelog|license|contributing|contents|background|purpose|guide|using|usage|promotions?|process|resources|references|appendix|acknowledgements?|feedback|definitions|terminology|readme)\b/i;

/** A section of the page: a heading and what follows it up to the next heading of its depth or above. */
interface Section {
  heading: Heading;
  /** Index of the heading among the page's top-level nodes, and of the first node after the section. */
  index: number;
  end: number;
  nodes: RootContent[];
}

/** A section read as a prose page: why it is not a level, when it holds a list; whether it is a heading over levels. */
type ProseSection = Section & { demoted?: string; overLevels?: boolean };

/** How one candidate level section was read, and what it is. */
interface SectionReading {
  section: Section;
  body: LevelBody;
  behaviors: number;
  kind: "level" | "shared" | "prose";
  /** Why a section holding behaviors is a prose page, for a warning. */
  demoted?: string;
}

/**
 * Reads a Markdown page as a track: level headings at whatever depth holds the behaviors, a
 * single heading above them as the title (the first paragraph after it the description), an
 * "All levels" section as shared expectations, every other section as a prose page (a prose
 * list of `Category: description` items describes the categories). Every text is a verbatim
 * slice of the page; what is not taken is a loss with its place and why. A heading whose words
 * are kept by its role (one that only groups the levels below it) or that has no words (`##`
 * alone) drops no text: it is a warning, so it does not block the import.
 */
export function readMarkdownPage(text: string, file: string): ShapeReading | Misfit {
  const frontMatterLosses: Loss[] = [];
  const source = markdownSource(blankFrontMatter(text, file, frontMatterLosses), file);
  const parsed = parseMarkdown(source.text);
  if ("tooDeep" in parsed) {
    const { line, column } = parsed.tooDeep;
    const at = line === undefined ? "" : ` (at ${file}:${line}:${column})`;
    return { misfit: `the page ${tooDeepMessage(parsed.tooDeep, "document")}${at}` };
  }
  const nodes = parsed.tree.children;
  const plain = readNodes(nodes, source, frontMatterLosses);
  const pseudo = withPseudoHeadings(nodes, source);
  if (!pseudo) return plain;
  // Paragraphs standing for headings are taken only where they find more levels than the page's headings do.
  const read = readNodes(pseudo.nodes, source, frontMatterLosses);
  if (isMisfit(read) || (!isMisfit(plain) && plain.draft.levels.length >= read.draft.levels.length))
    return plain;
  const [first, ...more] = pseudo.headings;
  read.warnings.unshift({
    at: placeOf(source, first),
    message: `"${headingText(source, first)}"${more.length > 0 ? ` and ${more.length} more paragraph${more.length > 1 ? "s" : ""}` : ""} of ${pseudo.kind === "strong" ? "bold" : "italic"} text alone on a line ${more.length > 0 ? "are" : "is"} taken as headings: they recur and name levels, as a page written without heading styles (a Google Docs export) names them`,
  });
  return read;
}

/** {@link readMarkdownPage} on the page's blocks (some paragraphs may stand for headings). */
function readNodes(
  nodes: RootContent[],
  source: MarkdownSource,
  frontMatterLosses: Loss[],
): ShapeReading | Misfit {
  const losses: Loss[] = [...frontMatterLosses];
  const warnings: ImportWarning[] = [];
  const headings = nodes.flatMap((node, index) => (node.type === "heading" ? [{ node, index }] : []));
  if (headings.length === 0) {
    return {
      misfit:
        "no heading: a level is a heading (#, ##, ###…) with its behaviors below it (a list, or a sub-heading per category with a list), and this page has none",
    };
  }

  // The title: the first heading, at the shallowest depth of the page (a `#`, or alone at its depth).
  const shallowest = Math.min(...headings.map(({ node }) => node.depth));
  const first = headings[0];
  const titleCandidate =
    headingText(source, first.node) !== "" &&
    first.node.depth === shallowest &&
    (first.node.depth === 1 || headings.filter(({ node }) => node.depth === shallowest).length === 1)
      ? first
      : undefined;

  const depths = [...new Set(headings.map(({ node }) => node.depth))].sort((a, b) => a - b);
  const readings = new Map<number, SectionReading[]>();
  const categoryTests = new Map<number, (title: string) => boolean>();
  const readDepth = (depth: number) => {
    const sections = sectionsAt(nodes, depth);
    const isCategory = categoryTest(sections.map((section) => sectionTitles(section.nodes, source)));
    categoryTests.set(depth, isCategory);
    const read = sections.map((section): SectionReading => {
      const body = readLevelNodes(section.nodes, source, { isCategory });
      const behaviors = body.groups.reduce((sum, group) => sum + group.behaviors.length, 0);
      return { section, body, behaviors, kind: "prose" };
    });
    readings.set(depth, read);
    return read;
  };
  const levelDepth = chooseLevelDepth(depths, titleCandidate?.node.depth, source, readDepth);
  if (levelDepth === undefined)
    return {
      misfit: noLevelMisfit(
        headings.map(({ node }) => node),
        nodes,
        source,
      ),
    };
  const sections = readings.get(levelDepth) ?? readDepth(levelDepth);
  const isCategoryAtLevels = categoryTests.get(levelDepth)!;
  classify(sections, source);

  const draft = emptyDraft();
  const title = titleCandidate && titleCandidate.node.depth < levelDepth ? titleCandidate : undefined;
  const readingAt = new Map(sections.map((reading) => [reading.section.index, reading]));
  const holdsLevel = (section: Section) =>
    sections.some(
      (reading) =>
        reading.kind !== "prose" &&
        reading.section.index > section.index &&
        reading.section.index < section.end,
    );
  const prose: ProseSection[] = [];
  const categoryTitles = new Map<string, string>();

  // Before the first heading (or right after the title): the description, then what else opens the page.
  const readIntro = (from: number) => {
    let at = from;
    const describes = !draft.description && !(title && from < title.index);
    if (describes && nodes[at]?.type === "paragraph")
      draft.description = draftText(source, spanOf(nodes[at++]));
    const openingStart = at;
    const opening = [] as RootContent[];
    for (; at < nodes.length && nodes[at].type !== "heading"; at++) {
      if (isContent(nodes[at])) opening.push(nodes[at]);
    }
    if (opening.length === 0) return at;
    if (title && from > title.index) {
      // The page is written of every block (a comment among them is cut out of its text).
      prose.push({ heading: title.node, index: title.index, end: at, nodes: nodes.slice(openingStart, at) });
      warnings.push({
        at: placeOf(source, opening[0]),
        message: `the page's opening goes on after the description: kept as a prose page titled "${headingText(source, title.node)}"`,
      });
    } else {
      const why = title
        ? "above the page's title: a framework's text starts at its title"
        : "before the first heading: only the first paragraph is read there (as the track's description), and there is no title to make a page of the rest";
      for (const node of opening) losses.push(...lossesOf(source, node, why));
    }
    return at;
  };
  let index = readIntro(0);
  while (index < nodes.length) {
    const heading = nodes[index] as Heading;
    const section = sectionFrom(nodes, index);
    const reading = readingAt.get(index);
    if (title && index === title.index) {
      draft.title = draftText(source, nameSpan(heading)!);
      index = readIntro(index + 1);
    } else if (reading?.kind === "level") {
      const level: DraftLevel = {
        heading: draftText(source, nameSpan(heading)!),
        facts: reading.body.facts,
        groups: reading.body.groups,
        ...(reading.body.summary && { summary: reading.body.summary }),
      };
      draft.levels.push(level);
      losses.push(...reading.body.losses);
      warnings.push(...reading.body.warnings);
      if (reading.behaviors === 0) {
        warnings.push({
          at: placeOf(source, heading),
          message: `"${level.heading.text}" holds no behaviors: read as a level not yet defined, named like the others`,
        });
      }
      collectCategories(reading.body.groups, categoryTitles);
      index = section.end;
    } else if (
      !draft.shared &&
      (reading?.kind === "shared" || (!reading && SHARED_HEADING.test(headingText(source, heading)))) &&
      !holdsLevel(section)
    ) {
      const shared = readShared(section, source, isCategoryAtLevels);
      if (shared.behaviors > 0) {
        draft.shared = { title: draftText(source, nameSpan(heading)!), groups: shared.body.groups };
        losses.push(...shared.body.losses);
        warnings.push(...shared.body.warnings);
        collectCategories(shared.body.groups, categoryTitles);
      } else prose.push(section);
      index = section.end;
    } else if (heading.depth < levelDepth && holdsLevel(section)) {
      // A heading over levels: its own text (up to the next heading) is a page; the levels are read in turn.
      const next = nodes.findIndex((node, at) => at > index && node.type === "heading");
      const own = { ...section, end: next, nodes: nodes.slice(index + 1, next) };
      if (own.nodes.some(isContent)) prose.push({ ...own, overLevels: true });
      else {
        // Its words are the heading over the levels, a role the page's structure keeps: nothing is dropped.
        warnings.push({
          at: placeOf(source, heading),
          message: overLevelsMessage(headingText(source, heading)),
        });
      }
      index = next;
    } else {
      if (reading?.kind === "shared") {
        warnings.push({
          at: placeOf(source, heading),
          message: `a second section of shared expectations: "${headingText(source, heading)}" is kept as a prose page`,
        });
      }
      prose.push({ ...section, demoted: reading?.demoted });
      index = section.end;
    }
  }

  if (draft.levels.length === 0) {
    return {
      misfit: noLevelMisfit(
        headings.map(({ node }) => node),
        nodes,
        source,
      ),
    };
  }
  for (const section of prose)
    readProse(section, source, categoryTitles, draft.categories, draft.prose, losses, warnings);
  return { draft, losses, warnings };
}

/**
 * A section of shared expectations: behaviors as a level's, but no summary or facts; the
 * paragraphs that would be those are losses.
 */
function readShared(
  section: Section,
  source: MarkdownSource,
  isCategory: (title: string) => boolean,
): { body: LevelBody; behaviors: number } {
  let lead = 0;
  while (lead < section.nodes.length && ["paragraph", "blockquote"].includes(section.nodes[lead].type))
    lead++;
  const body = readLevelNodes(section.nodes.slice(lead), source, { isCategory });
  const why = "shared expectations have no summary or facts: this is not taken";
  const leadLosses = section.nodes.slice(0, lead).flatMap((node) => lossesOf(source, node, why));
  const factLosses = body.facts.map((fact) => ({
    at: fact.at,
    what: `fact "${fact.label}: ${fact.value}"`,
    why,
  }));
  body.losses.unshift(...leadLosses, ...factLosses);
  body.facts = [];
  return { body, behaviors: body.groups.reduce((sum, group) => sum + group.behaviors.length, 0) };
}

/** The page's text with its front matter (if any) blanked out, so that offsets stay those of the file; the front matter is a loss. */
function blankFrontMatter(text: string, file: string, losses: Loss[]): string {
  const raw = extractFrontmatter(text);
  if (raw === undefined) return text;
  const fence = text.trimStart().startsWith("+++") ? "+++" : "---";
  const whole = `${fence}${raw}${fence}`;
  const start = text.indexOf(whole);
  if (start < 0) return text;
  const source = markdownSource(text, file);
  if (raw.trim())
    losses.push({
      at: placeAt(source, start),
      what: `front matter "${excerpt(raw.trim().split("\n")[0] ?? "")}"`,
      why: "front matter: a page's front matter is read by --format front-matter (a folder of pages, one per level)",
    });
  return text.slice(0, start) + whole.replace(/[^\r\n]/g, " ") + text.slice(start + whole.length);
}

/** The section starting at a heading: up to the next heading of its depth or above. */
function sectionFrom(nodes: RootContent[], index: number): Section {
  const heading = nodes[index] as Heading;
  let end = index + 1;
  while (
    end < nodes.length &&
    !(nodes[end].type === "heading" && (nodes[end] as Heading).depth <= heading.depth)
  ) {
    end++;
  }
  return { heading, index, end, nodes: nodes.slice(index + 1, end) };
}

function sectionsAt(nodes: RootContent[], depth: number): Section[] {
  return nodes.flatMap((node, index) =>
    node.type === "heading" && node.depth === depth ? [sectionFrom(nodes, index)] : [],
  );
}

/**
 * What a heading names: its text, without bold or italics around the whole of it (`#
 * **Backend Engineering**` names "Backend Engineering"), or undefined when it has none.
 */
function nameSpan(heading: Heading): Span | undefined {
  let parent: Nodes = heading;
  while (
    "children" in parent &&
    parent.children.length === 1 &&
    (parent.children[0].type === "strong" || parent.children[0].type === "emphasis")
  )
    parent = parent.children[0];
  return innerSpan(parent);
}

function headingText(source: MarkdownSource, heading: Heading): string {
  const inner = nameSpan(heading);
  return inner ? sliceOf(source, inner).trim() : "";
}

function looksLikeLevel(text: string): boolean {
  return !SHARED_HEADING.test(text) && (/\d/.test(text) || LEVEL_WORDS.test(text) || ROMAN_NUMBER.test(text));
}

/** Most words a paragraph standing for a heading has: a level's name, not a sentence. */
const MAX_PSEUDO_HEADING_WORDS = 8;

/** Paragraphs taken as headings, and the page's blocks with them in their place. */
interface PseudoHeadings {
  nodes: RootContent[];
  headings: Heading[];
  kind: "strong" | "emphasis";
}

/**
 * A page written without heading styles (a Google Docs export, a wiki page) names each level
 * in a paragraph of bold text alone: `**Level 1 — Junior Engineer**`. Such paragraphs, only
 * strong (or only emphasis) text on one line, named like a level (as level headings are) and
 * found twice or more, stand for headings one depth below every real heading of the page (a
 * `#` title stays above them), named by their inner text (the bold markers consumed).
 * Undefined when the page has none.
 */
function withPseudoHeadings(nodes: RootContent[], source: MarkdownSource): PseudoHeadings | undefined {
  const found = { strong: new Map<number, Heading>(), emphasis: new Map<number, Heading>() };
  const realDepths = nodes.flatMap((node) => (node.type === "heading" ? [node.depth] : []));
  const depth = Math.max(0, ...realDepths) + 0.5;
  nodes.forEach((node, index) => {
    const [only, ...others] = node.type === "paragraph" ? node.children : [];
    if (!only || others.length > 0 || (only.type !== "strong" && only.type !== "emphasis")) return;
    const heading = {
      type: "heading",
      depth: depth as Heading["depth"],
      children: only.children,
      position: node.position,
    } satisfies Heading;
    const name = headingText(source, heading);
    const words = name.split(/\s+/).length;
    if (!name || name.includes("\n") || words > MAX_PSEUDO_HEADING_WORDS || /[.!?;:,]$/.test(name)) return;
    if (looksLikeLevel(name)) found[only.type].set(index, heading);
  });
  const kind = found.emphasis.size > found.strong.size ? "emphasis" : "strong";
  const chosen = found[kind];
  if (chosen.size < 2) return undefined;
  return {
    nodes: nodes.map((node, index) => chosen.get(index) ?? node),
    headings: [...chosen.values()],
    kind,
  };
}

/**
 * The heading depth of the levels: the one whose sections most often hold behaviors under a
 * heading that names a level (a number or a seniority), when at least half of them do, the
 * shallowest on a tie; otherwise the shallowest depth where two sections or more hold behaviors (or one).
 * The title's depth is looked at last, for a page with one level and no title.
 */
function chooseLevelDepth(
  depths: number[],
  titleDepth: number | undefined,
  source: MarkdownSource,
  readDepth: (depth: number) => SectionReading[],
): number | undefined {
  const candidates = depths.filter((depth) => depth !== titleDepth);
  const scores = candidates.map((depth) => {
    const read = readDepth(depth).filter(
      (reading) => reading.behaviors > 0 && headingText(source, reading.section.heading) !== "",
    );
    return {
      depth,
      named: read.filter((reading) => looksLikeLevel(headingText(source, reading.section.heading))).length,
      holding: read.filter((reading) => !SHARED_HEADING.test(headingText(source, reading.section.heading)))
        .length,
    };
  });
  // Named like levels: at least half of the depth's sections (a category "Technical Lead" among many is not).
  const best = scores
    .filter((score) => score.named * 2 >= score.holding)
    .reduce<(typeof scores)[number] | undefined>(
      (chosen, score) => (score.named > (chosen?.named ?? 0) ? score : chosen),
      undefined,
    );
  if (best) return best.depth;
  const several = scores.find((score) => score.holding >= 2) ?? scores.find((score) => score.holding >= 1);
  if (several) return several.depth;
  if (titleDepth !== undefined && readDepth(titleDepth).some((reading) => reading.behaviors > 0))
    return titleDepth;
  return undefined;
}

/**
 * Decides what each section at the levels' depth is: shared expectations ("All levels"), a
 * level (it holds behaviors; or none, but its heading is named like the other levels'), or a
 * prose page. A section holding behaviors becomes a page only when its heading names no level
 * and reads as a topic or question, or when its one list describes the other levels'
 * categories (`- Impact: what impact means`); it is then reported, never silently dropped.
 */
function classify(sections: SectionReading[], source: MarkdownSource): void {
  const texts = sections.map((reading) => headingText(source, reading.section.heading));
  const named = texts.map(looksLikeLevel);
  const categoriesOf = (reading: SectionReading) =>
    reading.body.groups.flatMap((group) => (group.category ? [titleKey(group.category.text)] : []));
  sections.forEach((reading, index) => {
    const text = texts[index];
    if (!text) return; // An empty heading names nothing: its section is reported (see `readProse`).
    if (reading.behaviors > 0 && SHARED_HEADING.test(text)) {
      reading.kind = "shared";
      return;
    }
    if (reading.behaviors === 0) return;
    if (named[index]) {
      reading.kind = "level";
      return;
    }
    const namedCategories = new Set(
      sections.flatMap((other, at) =>
        at !== index && named[at] && other.behaviors > 0 ? categoriesOf(other) : [],
      ),
    );
    const anotherNamed = named.some((isNamed, at) => isNamed && at !== index && sections[at].behaviors > 0);
    const own = categoriesOf(reading);
    const describes =
      anotherNamed &&
      reading.body.groups.every(
        (group) =>
          group.category &&
          namedCategories.has(titleKey(group.category.text)) &&
          group.behaviors.length === 1 &&
          group.behaviors[0].examples.length === 0,
      );
    const namedUncategorized = sections.some(
      (other, at) => at !== index && named[at] && other.body.groups.some((group) => !group.category),
    );
    const alike =
      own.some((key) => namedCategories.has(key)) ||
      (reading.body.groups.some((group) => !group.category) && namedUncategorized);
    if (/\?\s*$/.test(text) || PROSE_WORDS.test(text)) {
      reading.demoted = `"${text}" holds a list, but reads as a topic, not a level: kept as a prose page`;
    } else if (describes) {
      reading.demoted = `"${text}" names no level and its list describes the categories of the levels: kept as a prose page`;
    } else if (anotherNamed && !alike) {
      reading.demoted = `"${text}" names no level and its list is unlike the levels' (no category in common): kept as a prose page`;
    } else {
      reading.kind = "level";
    }
  });
  // A section with no behaviors is a level when its heading is named like a level's (`IC6` among `IC2`…`IC5`).
  const patterns = new Set(
    sections.flatMap((reading, index) => (reading.kind === "level" ? [namePattern(texts[index])] : [])),
  );
  sections.forEach((reading, index) => {
    if (reading.behaviors === 0 && named[index] && patterns.has(namePattern(texts[index])))
      reading.kind = "level";
  });
}

/** A level heading's first word with its digits generalized: `IC2 · Engineer` and `IC6` are alike. */
function namePattern(text: string): string {
  return (text.split(/\s+/)[0] ?? "").toLowerCase().replace(/\d+/g, "#");
}

/** Category titles as first written in the levels, by key, to match a prose list's labels with. */
function collectCategories(groups: DraftGroup[], titles: Map<string, string>): void {
  for (const group of groups) {
    if (group.category && !titles.has(titleKey(group.category.text))) {
      titles.set(titleKey(group.category.text), group.category.text);
    }
  }
}

/**
 * A section that is not a level, as a prose page: its title and its Markdown as written. A list
 * in it of `Category: description` items for the levels' categories describes them instead,
 * and is left out of the page (unless it is all the page holds). Raw HTML blocks (`<style>`,
 * `<div>`, `<picture>`, a `<table>` this shape does not read) are not written into the page,
 * where MDX would show them as text: each is a loss naming the shapes that read HTML tables;
 * so is a line that is only a site generator's shortcode (`{{< cards >}}`). An HTML comment is
 * left out silently, from inside a paragraph or a list too: it is not shown to readers, so it
 * is not content (see `proseParts`, which the front-matter pages share).
 */
function readProse(
  section: ProseSection,
  source: MarkdownSource,
  categoryTitles: Map<string, string>,
  categories: DraftCategory[],
  pages: DraftProse[],
  losses: Loss[],
  warnings: ImportWarning[],
): void {
  const inner = nameSpan(section.heading);
  if (!inner || !sliceOf(source, inner).trim()) {
    // An empty heading holds no words, so none are dropped; what is under it is.
    warnings.push({ at: placeOf(source, section.heading), message: EMPTY_HEADING });
    const why = "under an empty heading, which names neither a level nor a page";
    for (const node of section.nodes) losses.push(...lossesOf(source, node, why));
    return;
  }
  const title = draftText(source, inner);
  /** The lists that describe categories are left out of the page; the rest is written as a reader sees it. */
  const described: RootContent[] = [];
  const rest: RootContent[] = [];
  for (const node of section.nodes) {
    if (node.type === "list" && describeCategories(node, source, categoryTitles, categories)) {
      described.push(node);
    } else rest.push(node);
  }
  const parts = proseParts(
    source,
    rest,
    section.overLevels ? "under the heading over the levels" : "kept out of the prose page",
  );
  const kept = parts.written;
  if (!kept.some(isContent) && described.length === 0) {
    if (section.overLevels) {
      // Its words are the heading over the levels, a role the page's structure keeps: nothing is dropped.
      warnings.push({ at: placeOf(source, section.heading), message: overLevelsMessage(title.text) });
    } else {
      losses.push({
        at: placeOf(source, section.heading),
        what: describeNode(source, section.heading),
        why:
          parts.losses.length > 0
            ? `a heading over nothing but ${notReadKinds(parts.losses)}: no prose page is made of it, and it is not a level`
            : "a heading with nothing under it, and not a level",
      });
    }
    losses.push(...parts.losses);
    return;
  }
  losses.push(...parts.losses);
  // A list kept on the page that would have been a level's behaviors: say so (never silently).
  if (section.demoted && kept.some((node) => node.type === "list")) {
    warnings.push({ at: placeOf(source, section.heading), message: section.demoted });
  }
  const written = kept.some(isContent) ? kept : described;
  if (written === described) {
    warnings.push({
      at: title.at,
      message: `"${title.text}" only describes the categories: kept as a prose page as well; delete the page if the descriptions are enough`,
    });
  }
  pages.push({ title, body: proseText(source, written, section.nodes, parts.cuts) });
}

/** What a prose section's losses are, as what a heading is over: `raw HTML, which is not read`. */
function notReadKinds(losses: Loss[]): string {
  const shortcodes = losses.some((loss) => loss.why === SHORTCODE_WHY);
  const html = losses.some((loss) => loss.why !== SHORTCODE_WHY);
  if (!shortcodes) return "raw HTML, which is not read";
  return `${html ? "raw HTML and " : ""}shortcodes of the site generator, which are not read`;
}

/** The warning for a heading that only groups the levels below it. */
function overLevelsMessage(heading: string): string {
  return `"${heading}" is taken as the heading over the levels: it holds no text of its own, so it is no page`;
}

/**
 * Whether a prose list is `Category: description` items, one paragraph each, every label a
 * category of the levels not yet described; if so, the descriptions are added (verbatim).
 */
function describeCategories(
  list: List,
  source: MarkdownSource,
  categoryTitles: Map<string, string>,
  categories: DraftCategory[],
): boolean {
  const described = new Set(categories.map((category) => titleKey(category.text)));
  const found: DraftCategory[] = [];
  for (const item of list.children) {
    const [only, ...more] = item.children;
    if (only?.type !== "paragraph" || more.length > 0) return false;
    const labelled = labelOf(source, spanOf(only));
    if (!labelled) return false;
    const key = titleKey(sliceOf(source, labelled.label));
    if (!categoryTitles.has(key) || described.has(key)) return false;
    described.add(key);
    found.push({ ...draftText(source, labelled.label), description: draftText(source, labelled.rest) });
  }
  if (found.length === 0) return false;
  categories.push(...found);
  return true;
}

/** Why no level was found: each heading looked at, with what its section holds. */
function noLevelMisfit(headings: Heading[], nodes: RootContent[], source: MarkdownSource): string {
  const shown = headings.slice(0, 8).map((heading) => {
    const index = nodes.indexOf(heading);
    const next = nodes.findIndex((node, at) => at > index && node.type === "heading");
    const own = nodes.slice(index + 1, next < 0 ? undefined : next);
    const holds = own.filter(isContent);
    const kinds = new Map<string, number>();
    for (const node of holds) {
      const name = node.type === "list" ? "a list with no behaviors" : notReadWhy(node).split(":")[0];
      kinds.set(name, (kinds.get(name) ?? 0) + 1);
    }
    const content =
      holds.length === 0
        ? "nothing"
        : [...kinds].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(", ");
    const { line } = placeOf(source, heading);
    return `"${excerpt(headingText(source, heading))}" (line ${line}: ${content})`;
  });
  const more = headings.length > shown.length ? ` and ${headings.length - shown.length} more` : "";
  return `no heading holds a level: a level is a heading with its behaviors below it (a list, or a sub-heading per category with a list); looked at ${shown.join(", ")}${more}`;
}
