import type { Blockquote, Heading, List, ListItem, Nodes, Paragraph, RootContent } from "mdast";
import {
  excerpt,
  type DraftBehavior,
  type DraftFact,
  type DraftGroup,
  type DraftText,
  type ImportWarning,
  type Loss,
} from "../draft";
import {
  draftText,
  EMPTY_HEADING,
  htmlNotReadWhy,
  isHtmlComment,
  innerSpan,
  lossesOf,
  markdownSource,
  placeAt,
  placeOf,
  sliceOf,
  spanOf,
  trimSpan,
  type MarkdownSource,
  type Span,
} from "./source";

/** What one level's section says, below its heading. */
export interface LevelBody {
  summary?: DraftText;
  facts: DraftFact[];
  groups: DraftGroup[];
  losses: Loss[];
  warnings: ImportWarning[];
}

export interface LevelBodyOptions {
  /**
   * Whether a title or label names a category (`- Impact` holding behaviors, `- **Adopts**: …`),
   * as the whole page tells (the same labels recur across levels). Without it, a list's titles
   * or labels are categories when every item of that list has one.
   */
  isCategory?: (title: string) => boolean;
}

/**
 * Reads the content of one level's section (everything below its heading; `source` is the
 * whole text the nodes' offsets refer to) into its summary, facts and groups of behaviors.
 * Every shape a level is written in is read: a sub-heading per category with a list of
 * behaviors (or, with no list, a paragraph per behavior), a list item per category holding
 * nested behaviors, one-line items `- Category: behavior` (or `**Category**: …`), a plain list
 * of behaviors (no category); nested items under a behavior are its examples, an `{#id}` after
 * its text its id. Paragraphs of `Label: value` lines (right under the heading, or after the
 * behaviors) are facts; the paragraphs right under the heading (or a quoted one) the summary.
 * A line `-Text` whose marker lacks its space is taken as a behavior, with a warning. What is
 * not taken is a loss, at its place, with why.
 */
export function readLevelBody(
  nodes: RootContent[],
  source: string,
  file: string,
  options: LevelBodyOptions = {},
): LevelBody {
  return readLevelNodes(nodes, markdownSource(source, file), options);
}

/** {@link readLevelBody} on a source already indexed. */
export function readLevelNodes(
  nodes: RootContent[],
  source: MarkdownSource,
  options: LevelBodyOptions = {},
): LevelBody {
  const reader = new LevelReader(source, options);
  reader.read(nodes);
  return reader.body;
}

/** A list item's marker without its space (`-Seeks…`): Markdown reads the line as text of the line before. */
const MARKER_WITHOUT_SPACE = /^[-+](?=\p{L})/u;

/** An id the source gives after a behavior's text, as Ladder's Markdown export writes it. */
const ID_SUFFIX = /[ \t]*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}$/;

/** Whether a text ends with an id the source gives (`… {#writes-tests}`). */
export function hasGivenId(text: string): boolean {
  return ID_SUFFIX.test(text.trimEnd());
}

/** A label before a colon: short, a name rather than a sentence. */
const MAX_LABEL_WORDS = 5;
const MAX_LABEL_LENGTH = 40;
/** A fact's value is short (`2–4 years`); a longer line is prose. */
const MAX_FACT_VALUE_LENGTH = 100;
/** Labels that introduce the summary itself, not a fact about the level. */
const NOT_FACTS = /^(?:summary|description|overview|about|in short|tl;?dr|note)$/i;
/** A category's title is a few words, not a sentence. */
const MAX_TITLE_WORDS = 6;

/** A `Label: rest` at the start of a text: the label without its bold, and what follows the colon. */
export interface Labelled {
  label: Span;
  rest: Span;
}

/**
 * The label a text starts with (`Impact: …`, `**Impact**: …`, `**Impact:** …`, and in italics
 * as Google Docs exports write a fact's label: `*Scope:* …`, `_Scope_: …`), or undefined.
 * A label is a few words, not a link, code or a URL's scheme.
 */
export function labelOf(source: MarkdownSource, span: Span): Labelled | undefined {
  const text = sliceOf(source, span);
  let label: Span;
  let afterLabel: number;
  const marked = /^(\*\*|__|\*|_)([^*_\n]+?)\1(?![*_])/.exec(text);
  if (marked) {
    const [whole, marker, inner] = marked;
    const colonInside = inner.trimEnd().endsWith(":");
    const labelText = colonInside ? inner.trimEnd().slice(0, -1) : inner;
    label = { start: span.start + marker.length, end: span.start + marker.length + labelText.length };
    afterLabel = span.start + whole.length;
    const colon = /^[ \t]*:/.exec(text.slice(whole.length));
    if (!colonInside && !colon) return undefined;
    if (colon && !colonInside) afterLabel += colon[0].length;
  } else {
    const plain = /^([^:*_`[\]<>\n]+?):(?=\s)/.exec(text);
    if (!plain) return undefined;
    label = { start: span.start, end: span.start + plain[1].length };
    afterLabel = span.start + plain[0].length;
  }
  const labelText = sliceOf(source, label).trim();
  if (!/^\p{L}/u.test(labelText)) return undefined;
  if (labelText.length > MAX_LABEL_LENGTH || labelText.split(/\s+/).length > MAX_LABEL_WORDS)
    return undefined;
  const rest = trimSpan(source, { start: afterLabel, end: span.end });
  if (rest.start >= rest.end || !/^\s/.test(source.text[afterLabel] ?? "")) return undefined;
  return { label: trimSpan(source, label), rest };
}

/**
 * A text as a title (of a category item): without a colon after it and bold around it; a few
 * words, not a sentence. Undefined when it reads as a sentence.
 */
export function titleOf(source: MarkdownSource, span: Span): Span | undefined {
  let { start, end } = trimSpan(source, span);
  const strip = () => {
    if (source.text[end - 1] === ":") end--;
    const text = source.text.slice(start, end).trimEnd();
    end = start + text.length;
    const bold = /^(\*\*|__)([\s\S]+)\1$/.exec(text);
    if (bold) {
      start += 2;
      end -= 2;
    }
  };
  strip();
  strip();
  const trimmed = trimSpan(source, { start, end });
  const text = sliceOf(source, trimmed);
  if (!text || /[.!?;]$/.test(text) || /:\s/.test(text) || text.includes("\n")) return undefined;
  if (text.split(/\s+/).length > MAX_TITLE_WORDS) return undefined;
  return trimmed;
}

/** A paragraph's first line(s), and the lines after it that start with a list marker lacking its space. */
interface SplitParagraph {
  head: Span;
  malformed: { marker: number; text: Span }[];
}

function splitMalformed(source: MarkdownSource, span: Span): SplitParagraph {
  const starts: number[] = [];
  for (let index = source.text.indexOf("\n", span.start); index >= 0 && index < span.end;) {
    const lineStart = index + 1;
    const indent = /^[ \t]*/.exec(source.text.slice(lineStart, span.end))![0].length;
    if (MARKER_WITHOUT_SPACE.test(source.text.slice(lineStart + indent, span.end))) {
      starts.push(lineStart + indent);
    }
    index = source.text.indexOf("\n", lineStart);
  }
  const ends = [...starts, span.end];
  return {
    head: trimSpan(source, { start: span.start, end: ends[0] }),
    malformed: starts.map((marker, index) => ({
      marker,
      text: trimSpan(source, { start: marker + 1, end: ends[index + 1] }),
    })),
  };
}

/** One list item, looked at before deciding what its list is. */
interface ItemLook {
  item: ListItem;
  split?: SplitParagraph;
  /** Its nested lists (behaviors of a category item, examples of a behavior). */
  holdsList: boolean;
  title?: Span;
  labelled?: Labelled;
}

class LevelReader {
  readonly body: LevelBody = { facts: [], groups: [], losses: [], warnings: [] };
  /** Groups of one-line items by label, so `- Impact: a` and `- Impact: b` share one group. */
  private readonly labelGroups = new Map<string, DraftGroup>();
  private uncategorized?: DraftGroup;

  constructor(
    private readonly source: MarkdownSource,
    private readonly options: LevelBodyOptions,
  ) {}

  read(nodes: RootContent[]): void {
    let index = 0;
    const lead: (Paragraph | Blockquote)[] = [];
    while (
      index < nodes.length &&
      (nodes[index].type === "paragraph" || nodes[index].type === "blockquote")
    ) {
      lead.push(nodes[index++] as Paragraph | Blockquote);
    }
    this.readLead(lead);

    /** The category sub-heading being read, its group, and whether a list follows it. */
    let heading: { node: Heading; group: DraftGroup; holdsList: boolean; holdsOther: boolean } | undefined;
    /** Headings over the category headings below them (`## Functional Competencies` over `### Management`): their groups. */
    const groupHeadings: { node: Heading; title: DraftText }[] = [];
    const allGroupHeadings: { node: Heading; title: DraftText }[] = [];
    const closeHeading = (next?: RootContent) => {
      if (!heading || heading.group.behaviors.length > 0) return;
      this.body.groups.splice(this.body.groups.indexOf(heading.group), 1);
      if (next?.type === "heading" && next.depth > heading.node.depth) {
        const groupHeading = { node: heading.node, title: heading.group.category! };
        groupHeadings.push(groupHeading);
        allGroupHeadings.push(groupHeading);
      } else this.lose(heading.node, "a heading with no behaviors under it");
    };
    nodes.slice(index).forEach((node, at, rest) => {
      if (node.type === "heading") {
        closeHeading(node);
        while (groupHeadings.length > 0 && groupHeadings[groupHeadings.length - 1].node.depth >= node.depth)
          groupHeadings.pop();
        const title = headingTitle(this.source, node);
        if (!title) {
          heading = undefined;
          this.body.warnings.push({ at: placeOf(this.source, node), message: EMPTY_HEADING });
          return;
        }
        const over = groupHeadings[groupHeadings.length - 1];
        const group: DraftGroup = {
          category: draftText(this.source, title),
          ...(over && { group: over.title }),
          behaviors: [],
        };
        this.body.groups.push(group);
        const next = rest.findIndex((later, index) => index > at && later.type === "heading");
        const section = rest.slice(at + 1, next < 0 ? undefined : next);
        const holdsList = section.some((later) => later.type === "list");
        // A table, code or HTML beside the paragraphs: they introduce it, they are no behaviors.
        const holdsOther = section.some(
          (later) => !["paragraph", "list", "thematicBreak"].includes(later.type) && !isHtmlComment(later),
        );
        heading = { node, group, holdsList, holdsOther };
      } else if (node.type === "list") {
        if (heading) for (const item of node.children) this.readBehaviorItem(item, heading.group);
        else this.readList(node);
      } else if (node.type === "paragraph" && heading && !heading.holdsList && !heading.holdsOther) {
        // A category written as a paragraph per behavior, with no list.
        heading.group.behaviors.push(...this.behaviors(spanOf(node), heading.group));
      } else if (node.type === "paragraph" && heading && !heading.holdsList) {
        this.lose(
          node,
          `a paragraph under "${heading.group.category!.text}" beside what the Markdown shape does not read (a table, code or HTML): it introduces that, and is no behavior`,
        );
      } else if (node.type === "paragraph" && heading) {
        this.lose(
          node,
          `a paragraph beside the list of behaviors of "${heading.group.category!.text}": its behaviors are the list's items`,
        );
      } else if (node.type === "paragraph") {
        const facts = this.factsOf(node);
        if (facts) this.body.facts.push(...facts);
        else {
          this.lose(
            node,
            "a paragraph after the level's behaviors begin: a level's summary is the paragraphs right under its heading",
          );
        }
      } else if (node.type !== "thematicBreak") {
        this.lose(node, notReadWhy(node));
      }
    });
    closeHeading();
    this.groupCategories(allGroupHeadings);
  }

  /**
   * Once some categories have a group heading, every category of the level has a group: one
   * whose own heading sits beside the groups (or an item's title) is its own group, since the
   * model wants every category in a group or none. A group heading none of whose categories
   * holds a behavior names nothing, and is reported.
   */
  private groupCategories(groupHeadings: { node: Heading; title: DraftText }[]): void {
    const used = new Set(this.body.groups.map((group) => group.group));
    for (const { node, title } of groupHeadings) {
      if (!used.has(title))
        this.lose(node, "a heading over other headings, none of which holds behaviors: it groups nothing");
    }
    if (!this.body.groups.some((group) => group.group)) return;
    for (const group of this.body.groups) if (group.category && !group.group) group.group = group.category;
  }

  /**
   * What comes right under the heading: facts (paragraphs of `Label: value` lines) and the
   * summary (one run of paragraphs, or a block quote of one paragraph).
   */
  private readLead(nodes: (Paragraph | Blockquote)[]): void {
    let summary: { span: Span; quoted: boolean } | undefined;
    let summaryClosed = false;
    for (const node of nodes) {
      const facts = node.type === "paragraph" ? this.factsOf(node) : undefined;
      if (facts) {
        this.body.facts.push(...facts);
        if (summary) summaryClosed = true;
        continue;
      }
      const quoted = node.type === "blockquote";
      const span = quoted ? quotedSpan(this.source, node) : spanOf(node);
      if (!span) {
        this.lose(
          node,
          "a block quote that does not open with a paragraph on one line: a level's summary is one paragraph",
        );
      } else if (summary && (summaryClosed || summary.quoted || quoted)) {
        this.lose(
          node,
          "apart from the level's summary: the summary is one run of paragraphs (or one quoted paragraph) right under the heading",
        );
      } else {
        summary = { span: summary ? { start: summary.span.start, end: span.end } : span, quoted };
        if (quoted) {
          for (const rest of node.children.slice(1)) {
            this.lose(
              rest,
              "in the quote that gives the level's summary, after its first paragraph: a summary is one paragraph of inline text",
            );
          }
        }
      }
    }
    if (summary) this.body.summary = draftText(this.source, summary.span);
  }

  /**
   * A paragraph's facts when every line of it is `Label: value` with a short value (also in
   * italics, `_Experience: 2 years_`), otherwise undefined.
   */
  private factsOf(paragraph: Paragraph): DraftFact[] | undefined {
    const span = spanOf(paragraph);
    const facts: DraftFact[] = [];
    let lineStart = span.start;
    while (lineStart < span.end) {
      const newline = this.source.text.indexOf("\n", lineStart);
      const lineEnd = newline < 0 || newline > span.end ? span.end : newline;
      let line = trimSpan(this.source, { start: lineStart, end: lineEnd });
      lineStart = lineEnd + 1;
      if (line.start >= line.end) continue;
      if (/^([_*])(?!\1)[\s\S]*[^\s\\]\1$/.test(sliceOf(this.source, line))) {
        line = trimSpan(this.source, { start: line.start + 1, end: line.end - 1 });
      }
      const labelled = labelOf(this.source, line);
      if (!labelled) return undefined;
      const label = sliceOf(this.source, labelled.label);
      const value = sliceOf(this.source, labelled.rest).replace(/\\$/, "").trimEnd();
      if (value.length > MAX_FACT_VALUE_LENGTH || NOT_FACTS.test(label) || this.options.isCategory?.(label)) {
        return undefined;
      }
      facts.push({ label, value, at: placeAt(this.source, line.start) });
    }
    return facts.length > 0 ? facts : undefined;
  }

  /** A list not under a category heading: category items, one-line items, or plain behaviors. */
  private readList(list: List): void {
    const looks = list.children.map((item) => this.look(item));
    const allTitles = looks.every(
      (look) => look.title && (look.holdsList || look.split!.malformed.length > 0),
    );
    const allLabelled = looks.every((look) => look.labelled);
    const isCategory = (span: Span, everyItem: boolean) =>
      this.options.isCategory ? this.options.isCategory(sliceOf(this.source, span)) || everyItem : everyItem;
    for (const look of looks) {
      if (
        look.title &&
        (look.holdsList || look.split!.malformed.length > 0) &&
        isCategory(look.title, allTitles)
      ) {
        this.readCategoryItem(look);
      } else if (
        look.labelled &&
        (this.options.isCategory
          ? this.options.isCategory(sliceOf(this.source, look.labelled.label))
          : allLabelled)
      ) {
        const key = sliceOf(this.source, look.labelled.label);
        let group = this.labelGroups.get(key);
        if (!group) {
          group = { category: draftText(this.source, look.labelled.label), behaviors: [] };
          this.labelGroups.set(key, group);
          this.body.groups.push(group);
        }
        this.readBehaviorItem(look.item, group, look.labelled.rest);
      } else {
        this.readBehaviorItem(look.item, this.uncategorizedGroup());
      }
    }
  }

  private look(item: ListItem): ItemLook {
    const [first, ...rest] = item.children;
    const look: ItemLook = { item, holdsList: rest.some((node) => node.type === "list") };
    if (first?.type !== "paragraph") return look;
    look.split = splitMalformed(this.source, spanOf(first));
    look.title = titleOf(this.source, look.split.head);
    // An item with an `{#id}` is Ladder's own export, where a label is part of the text.
    if (!hasGivenId(sliceOf(this.source, look.split.head)))
      look.labelled = labelOf(this.source, look.split.head);
    return look;
  }

  private uncategorizedGroup(): DraftGroup {
    if (!this.uncategorized) {
      this.uncategorized = { category: null, behaviors: [] };
      this.body.groups.push(this.uncategorized);
    }
    return this.uncategorized;
  }

  /** `- Category` holding a nested list of behaviors (and any `-Behavior` lines missing their space). */
  private readCategoryItem(look: ItemLook): void {
    const group: DraftGroup = { category: draftText(this.source, look.title!), behaviors: [] };
    this.body.groups.push(group);
    group.behaviors.push(...this.malformedBehaviors(look.split!, group));
    for (const node of look.item.children.slice(1)) {
      if (node.type === "list") for (const item of node.children) this.readBehaviorItem(item, group);
      else
        this.lose(
          node,
          `in the category item "${group.category!.text}": only a list of behaviors is read there`,
        );
    }
  }

  /**
   * A list item as a behavior of a group: its first paragraph (from `textSpan` when a label was
   * consumed) is the text, an `{#id}` after it the id, its nested items the examples.
   */
  private readBehaviorItem(item: ListItem, group: DraftGroup, textSpan?: Span): void {
    const [first, ...rest] = item.children;
    if (!first) {
      this.lose(item, "an empty list item");
      return;
    }
    if (first.type !== "paragraph") {
      this.lose(
        item,
        `a list item that opens with ${article(first)}, not text: a behavior is the item's text`,
      );
      return;
    }
    const behaviors = this.behaviors(textSpan ?? spanOf(first), group);
    group.behaviors.push(...behaviors);
    const behavior = behaviors[behaviors.length - 1];
    for (const node of rest) {
      if (node.type === "list") {
        for (const example of node.children) this.readExample(example, behavior);
      } else {
        this.lose(
          node,
          node.type === "paragraph"
            ? "a second paragraph in a behavior's item: a behavior is one paragraph (nested list items are its examples)"
            : `in a behavior's item: a behavior is one paragraph, and this is ${article(node)}`,
        );
      }
    }
  }

  /** A paragraph's text as a behavior, and each of its lines starting `-Text` (the marker's space missing) as another. */
  private behaviors(span: Span, group: DraftGroup): DraftBehavior[] {
    const split = splitMalformed(this.source, span);
    return [this.behavior(split.head), ...this.malformedBehaviors(split, group)];
  }

  /** Lines of a paragraph starting `-Text` (the marker's space missing): each a behavior, with a warning. */
  private malformedBehaviors(split: SplitParagraph, group: DraftGroup): DraftBehavior[] {
    const behaviors: DraftBehavior[] = [];
    for (const { marker, text } of split.malformed) {
      behaviors.push(this.behavior(text));
      const lineEnd = this.source.text.indexOf("\n", marker);
      const line = this.source.text.slice(marker, lineEnd < 0 ? undefined : lineEnd).trimEnd();
      const of = group.category ? `a behavior of "${group.category.text}"` : "a behavior";
      this.body.warnings.push({
        at: placeAt(this.source, marker),
        message: `"${excerpt(line, 5)}" is not a list item (its "${line[0]}" needs a space after it): taken as ${of}`,
      });
    }
    return behaviors;
  }

  private behavior(span: Span): DraftBehavior {
    const trimmed = trimSpan(this.source, span);
    const id = ID_SUFFIX.exec(sliceOf(this.source, trimmed));
    const text = id ? { start: trimmed.start, end: trimmed.end - id[0].length } : trimmed;
    return { ...draftText(this.source, text), examples: [], ...(id && { id: id[1] }) };
  }

  private readExample(item: ListItem, behavior: DraftBehavior): void {
    const [first, ...rest] = item.children;
    if (first?.type !== "paragraph") {
      this.lose(
        item,
        first
          ? `a list item that opens with ${article(first)}, not text: an example is the item's text`
          : "an empty list item",
      );
      return;
    }
    behavior.examples.push(draftText(this.source, spanOf(first)));
    for (const node of rest) {
      this.lose(
        node,
        node.type === "list"
          ? "nested below an example: an example has no items of its own"
          : `in an example's item: an example is one paragraph, and this is ${article(node)}`,
      );
    }
  }

  private lose(node: Nodes, why: string): void {
    this.body.losses.push(...lossesOf(this.source, node, why));
  }
}

/** A category heading's title, as written (any words), without a colon after it or bold around it. */
export function headingTitle(source: MarkdownSource, heading: Heading): Span | undefined {
  const inner = innerSpan(heading);
  if (!inner) return undefined;
  let { start, end } = trimSpan(source, inner);
  for (let pass = 0; pass < 2; pass++) {
    if (source.text[end - 1] === ":") end = trimSpan(source, { start, end: end - 1 }).end;
    if (/^(\*\*|__)[\s\S]+\1$/.test(source.text.slice(start, end)) && end - start > 4) {
      start += 2;
      end -= 2;
    }
  }
  const title = trimSpan(source, { start, end });
  return title.start < title.end ? title : undefined;
}

/** The first paragraph of a block quote (a summary written `> …`), without its marker, when it is on one line. */
function quotedSpan(source: MarkdownSource, quote: Blockquote): Span | undefined {
  const [first] = quote.children;
  if (first?.type !== "paragraph") return undefined;
  const span = spanOf(first);
  return sliceOf(source, span).includes("\n") ? undefined : span;
}

/** Why a node that is none of a level's parts is not taken. */
export function notReadWhy(node: Nodes): string {
  switch (node.type) {
    case "table":
      return "a table: tables are read by --format markdown-table";
    case "code":
      return "a code block: a level holds a summary, facts and behaviors, not code";
    case "html":
      return htmlNotReadWhy(node.value, "in a level");
    case "blockquote":
      return "a block quote: not a behavior, a fact or the summary";
    case "definition":
      return "a link definition: texts are kept verbatim, so a reference link would lose its target; write the link inline";
    case "footnoteDefinition":
      return "a footnote: footnotes are not kept";
    default:
      return `${article(node)}: not read in a level`;
  }
}

function article(node: Nodes): string {
  const names: Record<string, string> = {
    paragraph: "a paragraph",
    list: "a list",
    table: "a table",
    code: "a code block",
    html: "HTML",
    blockquote: "a block quote",
    heading: "a heading",
    definition: "a link definition",
    footnoteDefinition: "a footnote",
    thematicBreak: "a thematic break",
  };
  return names[node.type] ?? `a ${node.type}`;
}
