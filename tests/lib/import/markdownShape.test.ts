import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import type { Nodes, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit as visitMarkdown } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import {
  draftPlaces,
  isMisfit,
  type DraftGroup,
  type DraftText,
  type DraftTrack,
  type ImportInput,
  type ShapeReading,
  type SourcePlace,
} from "../../../src/lib/import/draft";
import { draftToFiles } from "../../../src/lib/import/draftToFiles";
import { importSource, readInput } from "../../../src/lib/import/importSource";
import { readLevelBody } from "../../../src/lib/import/markdown/levelBody";
import { markdownShape } from "../../../src/lib/import/shapes/markdown";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { writeDataDir } from "../../helpers/dataDir";

const FIXTURES = "tests/fixtures/import/markdown";

function inputOf(path: string, bytes: Uint8Array): ImportInput {
  return { path, isFolder: false, files: [{ path, bytes }] };
}

async function readPath(path: string) {
  const text = readFileSync(path, "utf8");
  return { text, reading: await markdownShape.read(inputOf(path, readFileSync(path))) };
}

/** Reads a fixture that must fit, and checks what every fitting reading must hold (see {@link checkAccounted}). */
async function read(name: string): Promise<ShapeReading & { text: string }> {
  const { text, reading } = await readPath(`${FIXTURES}/${name}`);
  if (isMisfit(reading)) throw new Error(`${name} did not fit: ${reading.misfit}`);
  checkVerbatim(text, reading.draft);
  checkAccounted(text, reading);
  return { ...reading, text };
}

function offsetOf(text: string, at: SourcePlace): number {
  const lines = text.split("\n");
  return lines.slice(0, at.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + at.column - 1;
}

/** Every text of the draft, with what it is. */
function draftTexts(draft: DraftTrack): DraftText[] {
  const texts: DraftText[] = [];
  const push = (text?: DraftText | null) => text && texts.push(text);
  const groups = (list: DraftGroup[]) =>
    list.forEach((group) => {
      push(group.category);
      group.behaviors.forEach((behavior) => {
        push(behavior);
        behavior.examples.forEach(push);
      });
    });
  push(draft.title);
  push(draft.description);
  draft.categories.forEach((category) => {
    push(category);
    push(category.description);
  });
  if (draft.shared) {
    push(draft.shared.title);
    groups(draft.shared.groups);
  }
  draft.levels.forEach((level) => {
    push(level.heading);
    push(level.summary);
    groups(level.groups);
  });
  draft.prose.forEach((page) => push(page.title));
  return texts;
}

/** Verbatim, by reconstruction: each text is the source at its place; each fact's value and each page's body are in the source. */
function checkVerbatim(source: string, draft: DraftTrack) {
  for (const text of draftTexts(draft)) {
    expect(text.text.length, `an empty text at ${text.at.line}:${text.at.column}`).toBeGreaterThan(0);
    expect(source.slice(offsetOf(source, text.at)).startsWith(text.text), JSON.stringify(text)).toBe(true);
  }
  for (const fact of draft.levels.flatMap((level) => level.facts)) {
    const line = source.split("\n")[fact.at.line - 1];
    expect(line.slice(fact.at.column - 1)).toContain(fact.label);
    expect(line).toContain(fact.value);
  }
  const view = readerView(source);
  for (const page of draft.prose) {
    for (const piece of page.body.split("\n\n")) {
      expect(locate(view, piece, 0), `a piece of "${page.title.text}": ${piece}`).toBeDefined();
    }
  }
}

/** A page as Markdown parses it, its front matter blanked (line breaks kept), offsets those of the page. */
function parsePage(source: string): { tree: Root; frontMatter: string } {
  const frontMatter = /^---\n(?:[\s\S]*?\n)?---(?:\n|$)/.exec(source)?.[0] ?? "";
  const tree = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .parse(frontMatter.replace(/[^\n]/g, " ") + source.slice(frontMatter.length)) as Root;
  return { tree, frontMatter };
}

/** A line of a paragraph that is only a site generator's shortcodes (`{{< card >}}`, `{% include x %}`). */
const SHORTCODE_ONLY = /^[ \t>]*(?:(?:\{\{<.*?>\}\}|\{\{%.*?%\}\}|\{%.*?%\})[ \t]*)+$/;

/**
 * The page as its reader sees it, offsets kept: every HTML comment (a node of the parsed page,
 * at any depth) and every line of a paragraph that is only shortcodes blanked with spaces.
 */
function readerView(source: string, tree = parsePage(source).tree): string {
  // Offsets are UTF-16 units: the string's units, not its code points.
  const chars = source.split("");
  const blank = (start: number, end: number) => {
    for (let at = start; at < end; at++) if (chars[at] !== "\n") chars[at] = " ";
  };
  visitMarkdown(tree, (node) => {
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    if (node.type === "html" && /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(node.value)) blank(start, end);
    if (node.type === "paragraph") {
      let lineStart = source.lastIndexOf("\n", start - 1) + 1;
      while (lineStart < end) {
        const newline = source.indexOf("\n", lineStart);
        const lineEnd = newline < 0 ? source.length : newline;
        if (SHORTCODE_ONLY.test(source.slice(lineStart, lineEnd))) blank(lineStart, lineEnd);
        lineStart = lineEnd + 1;
      }
    }
  });
  return chars.join("");
}

/**
 * Where a piece of a prose page's body is in the page as its reader sees it (white space
 * compared collapsed, since a cut joins what was either side of it), from `from` on.
 */
function locate(view: string, piece: string, from: number): { start: number; end: number } | undefined {
  const units: number[] = [];
  let collapsed = "";
  for (let at = 0; at < view.length; at++) {
    if (/\s/.test(view[at])) {
      if (collapsed.endsWith(" ") || collapsed === "") continue;
      collapsed += " ";
    } else collapsed += view[at];
    units.push(at);
  }
  const wanted = piece.trim().replace(/\s+/g, " ");
  const fromUnit = units.findIndex((at) => at >= from);
  const found = collapsed.indexOf(wanted, fromUnit < 0 ? collapsed.length : fromUnit);
  if (found < 0) return undefined;
  // A piece that starts indented (an indented code block) starts at its indentation.
  let start = units[found];
  if (/^[ \t]/.test(piece)) while (start > 0 && /[ \t]/.test(view[start - 1])) start--;
  return { start, end: units[found + wanted.length - 1] + 1 };
}

/**
 * Every item of the page, found by a walk of its own syntax tree: headings, list items,
 * paragraphs (but an item's first, which is the item's text), tables, code, HTML, quotes,
 * definitions and footnotes (not looked into). Each is accounted for when a place of the draft
 * or a loss lies in it (outside the items nested in it), or when it is on a prose page; and
 * every place of the draft and every loss lies in an item.
 */
function checkAccounted(source: string, reading: ShapeReading) {
  // Front matter is one loss of its own; the tree is made of the rest, as Markdown sees it.
  const { tree, frontMatter } = parsePage(source);
  const items: { start: number; end: number; node: Nodes; inner: { start: number; end: number }[] }[] = [];
  /** HTML comments: not content, so neither taken nor reported (no place of the reading in them). */
  const comments: { start: number; end: number }[] = [];
  const walk = (node: Nodes, parent?: Nodes): { start: number; end: number }[] => {
    const span = { start: node.position!.start.offset!, end: node.position!.end.offset! };
    if (node.type === "html" && /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(node.value)) {
      comments.push(span);
      return [];
    }
    const counted =
      [
        "heading",
        "listItem",
        "table",
        "code",
        "html",
        "blockquote",
        "definition",
        "footnoteDefinition",
      ].includes(node.type) ||
      (node.type === "paragraph" && !(parent?.type === "listItem" && parent.children[0] === node));
    const opaque = ["table", "blockquote", "footnoteDefinition", "paragraph", "heading"].includes(node.type);
    const inner =
      !opaque && "children" in node ? (node.children as Nodes[]).flatMap((child) => walk(child, node)) : [];
    if (!counted) return inner;
    items.push({ ...span, node, inner });
    return [span];
  };
  walk(tree);

  const places = [
    ...draftPlaces(reading.draft).map(({ at }) => at),
    ...reading.losses.map(({ at }) => at),
  ].map((at) => offsetOf(source, at));
  // A text taken whole (a summary of two paragraphs) takes every item that starts in it.
  const textSpans = draftTexts(reading.draft).map((text) => {
    const start = offsetOf(source, text.at);
    return { start, end: start + text.text.length };
  });
  const view = readerView(source);
  const proseSpans = reading.draft.prose.flatMap((page) => {
    let from = offsetOf(source, page.title.at) + page.title.text.length;
    return page.body.split("\n\n").map((piece) => {
      const span = locate(view, piece, from)!;
      from = span.end;
      return span;
    });
  });
  const within = (offset: number, span: { start: number; end: number }) =>
    offset >= span.start && offset < Math.max(span.end, span.start + 1);
  // A heading that drops no words (over the levels, or empty) is accounted for by a warning at it.
  const warned = reading.warnings.map(({ at }) => offsetOf(source, at));
  for (const item of items) {
    const ownPlaces = item.node.type === "heading" ? [...places, ...warned] : places;
    const own = ownPlaces.some(
      (offset) => within(offset, item) && !item.inner.some((inner) => within(offset, inner)),
    );
    const onPage = [...textSpans, ...proseSpans].some((span) => within(item.start, span));
    const where = `${item.node.type} at ${item.node.position!.start.line}:${item.node.position!.start.column}`;
    expect(own || onPage, `${where} is neither taken nor reported`).toBe(true);
  }
  for (const offset of places) {
    const inItem = items.some((item) => within(offset, item)) || offset < frontMatter.length;
    expect(inItem, `a place at offset ${offset} is in no item`).toBe(true);
  }
  for (const offset of [...places, ...warned]) {
    expect(
      comments.some((comment) => within(offset, comment)),
      `a place at offset ${offset} is in a comment`,
    ).toBe(false);
  }
  // A prose page is Markdown: no raw HTML block, comment or shortcode line is written into it.
  for (const page of reading.draft.prose) {
    const body = unified().use(remarkParse).use(remarkGfm).parse(page.body);
    expect(readerView(page.body, body), "a comment or a shortcode line on the page").toBe(page.body);
    const blocks = unified().use(remarkParse).parse(page.body).children;
    expect(
      blocks
        .filter((block) => block.type === "html")
        .map((block) => page.body.slice(block.position!.start.offset!, block.position!.end.offset!)),
    ).toEqual([]);
  }
}

/** A draft's structure, to compare with what a fixture says. */
function outline(draft: DraftTrack) {
  const groups = (list: DraftGroup[]) =>
    list.map((group) => ({
      category: group.category?.text ?? null,
      ...(group.group && { group: group.group.text }),
      behaviors: group.behaviors.map((behavior) =>
        behavior.examples.length > 0 || behavior.id
          ? {
              text: behavior.text,
              ...(behavior.id && { id: behavior.id }),
              ...(behavior.examples.length > 0 && {
                examples: behavior.examples.map((example) => example.text),
              }),
            }
          : behavior.text,
      ),
    }));
  return {
    title: draft.title?.text,
    description: draft.description?.text,
    categories: draft.categories.map((category) => [category.text, category.description?.text]),
    shared: draft.shared && { title: draft.shared.title.text, groups: groups(draft.shared.groups) },
    levels: draft.levels.map((level) => ({
      heading: level.heading.text,
      ...(level.summary && { summary: level.summary.text }),
      ...(level.facts.length > 0 && { facts: level.facts.map((fact) => [fact.label, fact.value]) }),
      groups: groups(level.groups),
    })),
    prose: draft.prose.map((page) => [page.title.text, page.body]),
  };
}

const messages = (reading: ShapeReading) =>
  reading.warnings.map((w) => `${w.at.line}:${w.at.column} ${w.message}`);
const lossLines = (reading: ShapeReading) =>
  reading.losses.map((loss) => `${loss.at.line}:${loss.at.column} ${loss.what}`);

describe("markdownShape, a list item per category holding its behaviors", () => {
  it("reads title, description, category descriptions, shared expectations and levels, inline Markdown as written", async () => {
    const reading = await read("category-items.md");
    expect(outline(reading.draft)).toEqual({
      title: "Platform engineering framework",
      description:
        "How platform engineers grow, from **first ticket** to [the whole platform](https://example.com/platform).",
      categories: [
        ["Delivery", "Shipping what matters, `safely`."],
        ["Craft", "The quality of the **work** itself."],
      ],
      shared: {
        title: "All levels",
        groups: [
          {
            category: "Delivery",
            behaviors: ["Writes a [design doc](https://example.com/design) before building."],
          },
          { category: "Craft", behaviors: ["Keeps the `main` branch green.", "Reviews code kindly."] },
        ],
      },
      levels: [
        {
          heading: "P1",
          groups: [
            {
              category: "Delivery",
              behaviors: ["Ships **small** changes with guidance.", "Asks for help early."],
            },
            { category: "Craft", behaviors: ["Writes tests for `new` code."] },
          ],
        },
        {
          heading: "P2",
          groups: [
            { category: "Delivery", behaviors: ["Ships features on their own."] },
            {
              category: "Craft",
              behaviors: ['Improves the build; see [the guide](https://example.com/build "Build guide").'],
            },
          ],
        },
      ],
      prose: [["How to read this", "Each level adds to the ones before it."]],
    });
    expect(reading.losses).toEqual([]);
  });

  it("takes a '-Keeps…' line (its marker without a space) as a behavior, with a warning at its place", async () => {
    const reading = await read("malformed-marker.md");
    expect(outline(reading.draft).levels[0].groups).toEqual([
      {
        category: "Execution",
        behaviors: ["Seeks clear ownership of their work.", "Prioritizes high-impact work."],
      },
    ]);
    expect(messages(reading)).toEqual([
      '6:3 "-Seeks clear ownership of their…" is not a list item (its "-" needs a space after it): taken as a behavior of "Execution"',
    ]);
  });

  it("reads the product framework page whole, as data/product has it", async () => {
    const path = "tests/fixtures/sources/product.md";
    const { text, reading } = await readPath(path);
    if (isMisfit(reading)) throw new Error(reading.misfit);
    checkVerbatim(text, reading.draft);
    checkAccounted(text, reading);
    expect(reading.losses).toEqual([]);
    const track = JSON.parse(readFileSync("data/product/track.json", "utf8"));
    const title = (id: string) =>
      track.categories.find((category: { id: string }) => category.id === id).title;
    const triples = (level: string, behaviors: Record<string, { text: string }[]>) =>
      Object.entries(behaviors).flatMap(([id, list]) =>
        list.map((behavior) => [level, title(id), behavior.text]),
      );
    const expected = [
      ...triples("All Levels", track.sharedExpectations.behaviors),
      ...readdirSync("data/product/levels")
        .sort()
        .flatMap((file) => {
          const level = JSON.parse(readFileSync(`data/product/levels/${file}`, "utf8"));
          return triples(level.code, level.behaviors);
        }),
    ];
    const groupsOf = (level: string, groups: DraftGroup[]) =>
      groups.flatMap((group) =>
        group.behaviors.map((behavior) => [level, group.category!.text, behavior.text]),
      );
    expect([
      ...groupsOf(reading.draft.shared!.title.text, reading.draft.shared!.groups),
      ...reading.draft.levels.flatMap((level) => groupsOf(level.heading.text, level.groups)),
    ]).toEqual(expected);
    expect(reading.draft.categories.map((category) => [category.text, category.description?.text])).toEqual(
      track.categories.map((category: { title: string; description: string }) => [
        category.title,
        category.description,
      ]),
    );
    expect(reading.draft.title?.text).toBe(track.title);
    expect(reading.draft.description?.text).toBe(track.description);
    const page = readFileSync("data/product/prose/expectations.mdx", "utf8")
      .split("---\n")
      .slice(2)
      .join("---\n");
    expect(reading.draft.prose.map((prose) => [prose.title.text, prose.body])).toEqual([
      ["What are the expectations of my role?", page.trim()],
    ]);
  });
});

describe("markdownShape, other ways of writing levels", () => {
  it("reads a sub-heading per category holding a list", async () => {
    const reading = await read("category-headings.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "D1",
        groups: [
          {
            category: "Analysis",
            behaviors: ["Answers well-scoped questions with SQL.", "Checks results with a peer."],
          },
          { category: "Communication", behaviors: ["Shares results in the team channel."] },
        ],
      },
      {
        heading: "D2",
        groups: [
          { category: "Analysis", behaviors: ["Frames the question before answering it."] },
          { category: "Communication", behaviors: ["Presents results to stakeholders."] },
        ],
      },
    ]);
    expect(reading.losses).toEqual([]);
  });

  it("finds levels at ###, under a heading that has text of its own, the other sections prose", async () => {
    const reading = await read("heading-depths.md");
    expect(outline(reading.draft)).toMatchObject({
      title: "Design career paths",
      description: "Paths for designers at every stage.",
      levels: [
        {
          heading: "Junior Designer",
          groups: [{ category: "Crafts", behaviors: ["Follows the design system."] }],
        },
        {
          heading: "Senior Designer",
          groups: [{ category: "Crafts", behaviors: ["Extends the design system."] }],
        },
      ],
      prose: [
        ["About this page", "Levels are below; each lists its behaviors."],
        ["Levels", "How to read the levels: one heading each."],
        ["Promotions", "Promotions happen twice a year.\n\n### Timeline\n\nSpring and autumn."],
      ],
    });
    expect(reading.losses).toEqual([]);
  });

  it("finds levels named without numbers above category headings, one of which names a seniority", async () => {
    const reading = await read("levels-not-named.md");
    expect(
      reading.draft.levels.map((level) => [level.heading.text, level.groups.map((g) => g.category?.text)]),
    ).toEqual([
      ["Level One", ["Technical Lead skills", "Delivery", "Communication"]],
      ["Level Two", ["Technical Lead skills", "Delivery", "Communication"]],
    ]);
  });

  it("finds levels at #, with no title", async () => {
    const reading = await read("levels-at-h1.md");
    expect(outline(reading.draft)).toMatchObject({
      title: undefined,
      levels: [
        { heading: "Level 1", groups: [{ category: null, behaviors: ["Fixes small bugs."] }] },
        {
          heading: "Level 2",
          groups: [{ category: null, behaviors: ["Fixes hard bugs.", "Mentors a new joiner."] }],
        },
      ],
    });
  });

  it("reads '- Impact: text' items in a level as behaviors of Impact, and the prose list of them as descriptions", async () => {
    const reading = await read("one-line-items.md");
    expect(outline(reading.draft)).toMatchObject({
      categories: [
        ["Impact", "The difference one's work makes."],
        ["Scope", "How wide one's work reaches."],
      ],
      levels: [
        {
          heading: "IC1",
          groups: [
            {
              category: "Impact",
              behaviors: ["Resolves tickets from the queue.", "Follows up on every ticket."],
            },
            { category: "Scope", behaviors: ["Knows one product area."] },
          ],
        },
        {
          heading: "IC2",
          groups: [
            { category: "Impact", behaviors: ["Resolves escalated tickets."] },
            { category: "Scope", behaviors: ["Knows two product areas."] },
          ],
        },
      ],
    });
    // The section that only describes the categories stays a page too, and says so.
    expect(reading.draft.prose.map((page) => page.title.text)).toEqual(["Categories"]);
    expect(messages(reading)).toEqual([
      '5:4 "Categories" only describes the categories: kept as a prose page as well; delete the page if the descriptions are enough',
    ]);
  });

  it("takes bold labels that recur across levels as categories", async () => {
    const reading = await read("bold-label-categories.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "E1",
        groups: [
          { category: "Technical", behaviors: ["Writes clear code."] },
          { category: "Leadership", behaviors: ["Supports the team."] },
        ],
      },
      {
        heading: "E2",
        groups: [
          { category: "Technical", behaviors: ["Designs small systems."] },
          { category: "Leadership", behaviors: ["Mentors others."] },
        ],
      },
    ]);
  });

  it("keeps items whole when their bold labels do not recur", async () => {
    const reading = await read("bold-label-kept.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "D1 - Developer 1",
        groups: [
          {
            category: null,
            behaviors: [
              "**Adopts**: actively learns the tools of the team",
              "**Enhances**: pushes new features to production",
            ],
          },
        ],
      },
      {
        heading: "D2 - Developer 2",
        groups: [
          {
            category: null,
            behaviors: [
              "**Designs**: designs medium-size features",
              "**Supports**: supports other team members",
            ],
          },
        ],
      },
    ]);
  });

  it("reads levels without categories as one group with category null", async () => {
    const reading = await read("no-categories.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "Contributor I",
        groups: [
          { category: null, behaviors: ["Opens issues with clear reproductions.", "Fixes small bugs."] },
        ],
      },
      { heading: "Contributor II", groups: [{ category: null, behaviors: ["Reviews pull requests."] }] },
    ]);
  });

  it("reads 'Label: value' lines as facts and other paragraphs as the summary, verbatim", async () => {
    const reading = await read("facts-and-summary.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "O1",
        summary:
          "Keeps the lights on with _guidance_, learning the [runbooks](https://example.com/runbooks).",
        facts: [
          ["Years of experience", "0–2"],
          ["Typical title", "Operations Engineer"],
        ],
        groups: [{ category: null, behaviors: ["Responds to pages during office hours."] }],
      },
      {
        heading: "O2",
        summary: "_Learns to own a service._",
        facts: [["Experience", "Typically 2–4 years in operations."]],
        groups: [{ category: null, behaviors: ["Owns one service's on-call."] }],
      },
    ]);
    expect(reading.draft.levels[0].facts.map((fact) => fact.at.line)).toEqual([5, 6]);
  });

  it("reads nested items under a behavior as its examples", async () => {
    const reading = await read("examples.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "B1",
        groups: [
          {
            category: "Reliability",
            behaviors: [
              {
                text: "Adds alerts to new services.",
                examples: [
                  "An alert on error rate for the payments API.",
                  "A dashboard linked from the alert.",
                ],
              },
              "Writes postmortems.",
            ],
          },
        ],
      },
      {
        heading: "B2",
        groups: [
          {
            category: "Reliability",
            behaviors: [
              { text: "Leads incident response.", examples: ["Was incident lead for the **March** outage."] },
            ],
          },
        ],
      },
    ]);
  });

  it("reads 'Every level' and 'All roles' as shared expectations", async () => {
    const shared = await read("shared.md");
    expect(outline(shared.draft).shared).toEqual({
      title: "Every level",
      groups: [{ category: "Quality", behaviors: ["Reports bugs with steps to reproduce."] }],
    });
    expect(shared.draft.levels.map((level) => level.heading.text)).toEqual(["QA1", "QA2"]);
    expect(
      shared.losses.map((loss) => `${loss.at.line}:${loss.at.column} ${loss.what}: ${loss.why}`),
    ).toEqual([
      '5:1 paragraph "What everyone on the team does.": shared expectations have no summary or facts: this is not taken',
    ]);
    const roles = await read("all-roles.md");
    expect(outline(roles.draft).shared).toEqual({
      title: "All roles",
      groups: [{ category: null, behaviors: ["Writes things down."] }],
    });
    expect(roles.draft.levels.map((level) => level.heading.text)).toEqual(["Engineer 1", "Engineer 2"]);
  });

  it("reads 'All levels' above a heading that groups the levels, and warns that it takes that heading as such", async () => {
    const reading = await read("shared-above-levels.md");
    expect(outline(reading.draft)).toMatchObject({
      shared: { title: "All levels", groups: [{ category: null, behaviors: ["Writes plainly."] }] },
      levels: [
        { heading: "W1", groups: [{ category: null, behaviors: ["Edits their own drafts."] }] },
        { heading: "W2", groups: [{ category: null, behaviors: ["Edits others' drafts."] }] },
      ],
      prose: [],
    });
    expect(reading.losses).toEqual([]);
    expect(messages(reading)).toEqual([
      '7:1 "Levels" is taken as the heading over the levels: it holds no text of its own, so it is no page',
    ]);
  });

  it("reads Ladder's Markdown export: ids after the text, examples nested", async () => {
    const reading = await read("export.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "IC1 · Support Engineer",
        groups: [
          {
            category: "Craft",
            behaviors: [
              {
                text: "Answers tickets with **care**.",
                id: "answers-tickets",
                examples: ["Replied within a day to every ticket in May."],
              },
              { text: "Uses the [macro library](https://example.com/macros).", id: "uses-macros" },
            ],
          },
          { category: "Teamwork", behaviors: [{ text: "Shares what they learn.", id: "shares-learning" }] },
        ],
      },
      {
        heading: "IC2 · Senior Support Engineer",
        groups: [
          { category: "Craft", behaviors: [{ text: "Writes macros for others.", id: "writes-macros" }] },
        ],
      },
    ]);
  });

  it("keeps a label in the text of an exported behavior (it has an {#id}), even when the label recurs", async () => {
    const reading = await read("export-no-categories.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "C1",
        groups: [
          {
            category: null,
            behaviors: [
              { text: "**Adopts**: the tools of the team", id: "adopts-tools" },
              { text: "Writes tests", id: "writes-tests" },
            ],
          },
        ],
      },
      {
        heading: "C2",
        groups: [
          {
            category: null,
            behaviors: [{ text: "**Adopts**: new tools for the team", id: "adopts-new-tools" }],
          },
        ],
      },
    ]);
  });

  it("keeps a section whose heading reads as a topic as a page, and a level with no behaviors named like the others, saying so", async () => {
    const reading = await read("demoted-and-undefined.md");
    expect(outline(reading.draft)).toMatchObject({
      levels: [
        { heading: "S1", groups: [{ category: "Closing", behaviors: ["Closes small deals."] }] },
        { heading: "S2", groups: [{ category: "Closing", behaviors: ["Closes large deals."] }] },
        { heading: "S3", summary: "Not yet defined.", groups: [] },
      ],
      prose: [["What is expected of me?", "- Know the product."]],
    });
    expect(messages(reading)).toEqual([
      '19:1 "S3" holds no behaviors: read as a level not yet defined, named like the others',
      '5:1 "What is expected of me?" holds a list, but reads as a topic, not a level: kept as a prose page',
    ]);
  });
});

describe("category groups: a heading over category headings", () => {
  it("names the group of the categories below it, and a category beside groups is its own group", async () => {
    const reading = await read("category-groups.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "S1",
        groups: [
          { category: "Core", group: "Core", behaviors: ["Answers tickets from the queue."] },
          { category: "Management", group: "Functional", behaviors: ["Keeps the team's board up to date."] },
          {
            category: "Delighting people",
            group: "Functional",
            behaviors: ["Thanks customers for their reports."],
          },
          { category: "Traits", group: "Behavioral", behaviors: ["**Curiosity**: asks why a bug happened."] },
        ],
      },
      {
        heading: "S2",
        groups: [
          { category: "Core", group: "Core", behaviors: ["Answers escalated tickets."] },
          { category: "Management", group: "Functional", behaviors: ["Plans the team's week."] },
          { category: "Hiring", group: "Functional", behaviors: ["Interviews candidates."] },
          { category: "Later", group: "Later", behaviors: ["Writes the support newsletter."] },
        ],
      },
      { heading: "S3", groups: [{ category: "Mentoring", behaviors: ["Mentors a new support engineer."] }] },
    ]);
    // The group heading lands as the group (one place however many categories it holds), not as a loss.
    const groupPlaces = draftPlaces(reading.draft).filter((place) => place.as === "category group");
    expect(groupPlaces.map(({ at }) => `${at.line}:${at.column}`)).toEqual(["11:5", "21:5", "33:5"]);
    // A group heading whose categories hold nothing groups nothing: it is reported, as is its empty category.
    expect(
      reading.losses.map((loss) => `${loss.at.line}:${loss.at.column} ${loss.what}: ${loss.why}`),
    ).toEqual([
      '45:1 heading "Empty": a heading with no behaviors under it',
      '43:1 heading "Behavioral": a heading over other headings, none of which holds behaviors: it groups nothing',
    ]);
  });

  it("gives the groups to the track's categories, listed together, every category in one, and the files validate", async () => {
    const reading = await read("category-groups.md");
    const { files, placements, warnings } = draftToFiles(reading.draft, "support");
    const track = files["support/track.json"] as { categories: { title: string; group: string }[] };
    expect(track.categories.map((category) => [category.title, category.group])).toEqual([
      ["Core", "Core"],
      ["Management", "Functional"],
      ["Delighting people", "Functional"],
      ["Hiring", "Functional"],
      ["Traits", "Behavioral"],
      ["Later", "Later"],
      ["Mentoring", "Mentoring"],
    ]);
    expect(warnings.map((warning) => `${warning.at.line}:${warning.at.column} ${warning.message}`)).toContain(
      '53:5 category "Mentoring" is under no group heading, while other categories are: it is its own group, "Mentoring"',
    );
    expect(placements.filter((placement) => placement.as === "category group")).toEqual([
      {
        at: expect.objectContaining({ line: 11 }),
        as: "category group",
        path: 'support category group "Functional"',
      },
      {
        at: expect.objectContaining({ line: 21 }),
        as: "category group",
        path: 'support category group "Behavioral"',
      },
      {
        at: expect.objectContaining({ line: 33 }),
        as: "category group",
        path: 'support category group "Functional"',
      },
    ]);
    const dataDir = writeDataDir(files);
    const { problems } = await validateDataDir(dataDir, dataDir);
    expect(problems).toEqual([]);
  });

  it("keeps a category in the group it was first given, warning about another", async () => {
    const page =
      "## L1\n\n### A\n\n#### Craft\n\n- Writes code.\n\n## L2\n\n### B\n\n#### Craft\n\n- Reviews code.\n";
    const reading = await markdownShape.read(inputOf("moved.md", new TextEncoder().encode(page)));
    if (isMisfit(reading)) throw new Error(reading.misfit);
    const { files, warnings } = draftToFiles(reading.draft, "t");
    expect((files["t/track.json"] as { categories: unknown[] }).categories).toEqual([
      { id: "craft", title: "Craft", group: "A" },
    ]);
    expect(warnings.map((warning) => warning.message)).toContain(
      'category "Craft" is under the group "B" here, but under "A" before: it stays in "A"',
    );
  });

  it("gives InfraCloud's level pages groups, Core Competencies its own, and the files validate", async () => {
    const result = await importSource(readInput("tests/fixtures/frameworks/infracloud/engineering"), {
      track: "t",
    });
    expect(result.shape?.name).toBe("front-matter");
    const track = result.files["t/track.json"] as { categories: { title: string; group: string }[] };
    expect(track.categories.map((category) => [category.title, category.group])).toEqual([
      ["Core Competencies", "Core Competencies"],
      ["Management", "Functional Competencies"],
      ["Delighting People", "Functional Competencies"],
      ["Organization Building", "Functional Competencies"],
      ["Social Capital", "Functional Competencies"],
      ["Enabling Traits", "Behavioral Competencies"],
    ]);
    // "Broad Indicators" holds a paragraph introducing an HTML table: both are reported, no behavior.
    expect(
      result.losses.filter((loss) => /Broad Indicators|HTML/.test(`${loss.what} ${loss.why}`)).length,
    ).toBe(3 * 5);
    expect(result.losses.map((loss) => loss.why)).not.toContainEqual(
      expect.stringMatching(/heading over other headings/),
    );
    const dataDir = writeDataDir(result.files);
    const { problems } = await validateDataDir(dataDir, dataDir);
    expect(problems).toEqual([]);
  });
});

describe("headings that are structure: warnings, not losses", () => {
  it("takes Teleport's '# Levels' as the heading over its levels, losing nothing", async () => {
    const { text, reading } = await readPath("tests/fixtures/frameworks/teleport/systems-engineer.md");
    if (isMisfit(reading)) throw new Error(reading.misfit);
    checkVerbatim(text, reading.draft);
    checkAccounted(text, reading);
    expect(reading.losses).toEqual([]);
    expect(messages(reading)).toContain(
      '20:1 "Levels" is taken as the heading over the levels: it holds no text of its own, so it is no page',
    );
    expect(reading.draft.levels.map((level) => level.heading.text)).toEqual([
      "L1",
      "L2",
      "L3",
      "L4",
      "L5",
      "L6",
    ]);
  });

  it("warns about an empty heading (no words to drop), and still reports what is under it", async () => {
    const reading = await read("empty-headings.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "E1",
        groups: [
          { category: "Craft", behaviors: ["Writes code."] },
          // Under no category: draftToFiles reports it, as any behavior outside the track's categories.
          { category: null, behaviors: ["Stray behavior."] },
        ],
      },
      { heading: "E2", groups: [{ category: "Craft", behaviors: ["Reviews code."] }] },
    ]);
    expect(messages(reading)).toEqual([
      "9:1 an empty heading: it names nothing, and holds no text to take",
      "19:1 an empty heading: it names nothing, and holds no text to take",
    ]);
    expect(
      reading.losses.map((loss) => `${loss.at.line}:${loss.at.column} ${loss.what}: ${loss.why}`),
    ).toEqual([
      '21:1 paragraph "Words under an empty heading.": under an empty heading, which names neither a level nor a page',
    ]);
  });

  it("keeps a heading that drops its words a loss: one with nothing under it, not a level", async () => {
    const page = "## L1\n\n- Does it.\n\n## Appendix\n";
    const reading = await markdownShape.read(inputOf("appendix.md", new TextEncoder().encode(page)));
    if (isMisfit(reading)) throw new Error(reading.misfit);
    expect(lossLines(reading)).toEqual(['5:1 heading "Appendix"']);
  });
});

describe("raw HTML and comments", () => {
  const HTML_SHAPES =
    "the Markdown shape does not read HTML (HTML tables of levels × categories are read by --format markdown-table or --format html)";

  it("keeps raw HTML blocks out of a prose page, each a loss saying what it is; comments are neither lost nor warned about", async () => {
    const reading = await read("html-in-prose.md");
    expect(outline(reading.draft).prose).toEqual([
      ["How to read this", "Each level adds to the one before.\n\n- Read your level first."],
    ]);
    expect(outline(reading.draft).levels).toEqual([
      { heading: "P1", groups: [{ category: null, behaviors: ["Ships small changes."] }] },
      { heading: "P2", groups: [{ category: null, behaviors: ["Ships features."] }] },
    ]);
    expect(
      reading.losses.map((loss) => `${loss.at.line}:${loss.at.column} ${loss.what}: ${loss.why}`),
    ).toEqual([
      `7:1 HTML "<style>": raw HTML (<style>) kept out of the prose page: ${HTML_SHAPES}`,
      `15:1 HTML "<div class="arrows">": raw HTML (<div>) kept out of the prose page: ${HTML_SHAPES}`,
      `19:1 HTML "<picture>": raw HTML (<picture>) kept out of the prose page: ${HTML_SHAPES}`,
      `23:1 HTML "<table>": raw HTML (<table>) kept out of the prose page: ${HTML_SHAPES}`,
      `31:1 HTML "<img src="levels.png" alt="The levels">": raw HTML (<img>) under the heading over the levels: ${HTML_SHAPES}`,
      '43:1 heading "Notes": a heading over nothing but raw HTML, which is not read: no prose page is made of it, and it is not a level',
      `45:1 HTML "<table><tr><td>Kept elsewhere.</td></tr></table>": raw HTML (<table>) kept out of the prose page: ${HTML_SHAPES}`,
    ]);
    // The comments (lines 13, 35, 37) appear in no loss and no warning.
    expect(messages(reading)).toEqual([
      '29:1 "Levels" is taken as the heading over the levels: it holds no text of its own, so it is no page',
    ]);
    // And the MDX page shows none of it.
    const { files } = draftToFiles(reading.draft, "platform");
    const page = files["platform/prose/how-read.mdx"] as string;
    expect(page).toContain("Each level adds to the one before.");
    expect(page).not.toMatch(/<|&lt;|TODO/);
  });

  it("keeps a site generator's shortcodes out of a prose page as losses, and comments out of its text, a list split by a comment whole again", async () => {
    const reading = await read("site-generator-prose.md");
    expect(outline(reading.draft).prose).toEqual([
      [
        "How promotions work",
        "Promotions happen twice a year.\n\n1) **Who decides?**  \n   Your manager, with a panel.\n\n2) **When?**  \n   In spring and autumn.",
      ],
    ]);
    const SHORTCODE = "a shortcode of the site generator (Hugo/Jekyll): not text a reader sees";
    expect(
      reading.losses.map((loss) => `${loss.at.line}:${loss.at.column} ${loss.what}: ${loss.why}`),
    ).toEqual([
      `6:1 shortcode "{{< figure src="cycle.png" >}}": ${SHORTCODE}`,
      '17:1 heading "Levels": a heading over nothing but shortcodes of the site generator, which are not read: no prose page is made of it, and it is not a level',
      `19:1 shortcode "{% include levels-nav.html %}": ${SHORTCODE}`,
    ]);
    // One ordered list of both questions, though the source's comment between them split it (the second list starting at 2).
    const page = unified().use(remarkParse).parse(reading.draft.prose[0].body);
    expect(
      page.children.map((node) => (node.type === "list" ? [node.start, node.children.length] : node.type)),
    ).toEqual(["paragraph", [1, 2]]);
    expect(reading.draft.levels.map((level) => level.heading.text)).toEqual(["S1", "S2"]);
  });

  it("reports raw HTML in a level by its element, and InfraCloud's TODO comment not at all", async () => {
    const developer = await readPath("tests/fixtures/frameworks/engineeringladders/Developer.md");
    if (isMisfit(developer.reading)) throw new Error(developer.reading.misfit);
    expect(developer.reading.losses[0]).toEqual({
      at: { file: "tests/fixtures/frameworks/engineeringladders/Developer.md", line: 17, column: 1 },
      what: 'HTML "<picture>"',
      why: `raw HTML (<picture>) in a level: ${HTML_SHAPES}`,
    });
    const infracloud = await importSource(readInput("tests/fixtures/frameworks/infracloud/engineering"), {
      track: "t",
    });
    const atComment = (at: SourcePlace) => at.file.endsWith("associate-engineer.md") && at.line === 23;
    expect(infracloud.losses.filter((loss) => atComment(loss.at))).toEqual([]);
    expect(infracloud.warnings.filter((warning) => atComment(warning.at))).toEqual([]);
  });
});

describe("pages written without heading styles (a Google Docs export)", () => {
  it("takes recurring bold paragraphs named like levels as level headings below the title, their bold and the title's consumed", async () => {
    const reading = await read("bold-paragraph-levels.md");
    const pipelines = (behaviors: unknown[]) => ({ category: "Pipelines", behaviors });
    const collaboration = (behaviors: unknown[]) => ({ category: "Collaboration", behaviors });
    expect(outline(reading.draft)).toEqual({
      title: "Data Engineering Career Framework",
      description: "How data engineers grow here, written in a shared document.",
      categories: [],
      shared: undefined,
      levels: [
        {
          heading: "Level 1 — Junior Engineer",
          facts: [["Scope", "individual tasks"]],
          groups: [
            pipelines([
              {
                text: "You fix failing jobs with a [runbook](https://example.com/runbook).",
                examples: ["Restarted the nightly `orders` load."],
              },
              "You add tests to the jobs you touch.",
            ]),
            collaboration(["You ask for a review early."]),
          ],
        },
        {
          heading: "Level 2 — Engineer",
          facts: [["Scope", "features"]],
          groups: [
            pipelines(["You build new jobs end to end."]),
            collaboration(["You review your teammates' changes."]),
          ],
        },
        {
          heading: "Level 3 — Senior Engineer",
          summary: "Leads the design of the team's data platform.",
          facts: [["Scope", "a team's systems"]],
          groups: [
            pipelines(["You design pipelines that span several teams."]),
            collaboration(["You mentor other engineers & give actionable feedback."]),
          ],
        },
      ],
      // A real heading below the levels ends the last one: the paragraphs stand one depth below every heading.
      prose: [["Questions", "Ask in #data-ladder."]],
    });
    // The heading's text is the bold text's inside, at its own place.
    expect(
      reading.draft.levels.map((level) => `${level.heading.at.line}:${level.heading.at.column}`),
    ).toEqual(["5:3", "16:3", "25:3"]);
    expect(reading.draft.title?.at).toMatchObject({ line: 1, column: 5 });
    expect(reading.losses).toEqual([]);
    expect(messages(reading)).toEqual([
      '5:1 "Level 1 — Junior Engineer" and 2 more paragraphs of bold text alone on a line are taken as headings: they recur and name levels, as a page written without heading styles (a Google Docs export) names them',
    ]);
  });

  it("splits such a level's name into code and title, and the files validate", async () => {
    const reading = await read("bold-paragraph-levels.md");
    const { files } = draftToFiles(reading.draft, "data");
    expect((files["data/track.json"] as { title: string }).title).toBe("Data Engineering Career Framework");
    const levels = Object.entries(files)
      .filter(([path]) => path.startsWith("data/levels/"))
      .map(([path, level]) => [path, (level as { code: string }).code, (level as { title: string }).title]);
    expect(levels).toEqual([
      ["data/levels/level-1.json", "Level 1", "Junior Engineer"],
      ["data/levels/level-2.json", "Level 2", "Engineer"],
      ["data/levels/level-3.json", "Level 3", "Senior Engineer"],
    ]);
    const dataDir = writeDataDir(files);
    const { problems } = await validateDataDir(dataDir, dataDir);
    expect(problems).toEqual([]);
  });

  it("takes italic paragraphs alone on a line the same way, on a page with no heading at all", async () => {
    const reading = await read("italic-paragraph-levels.md");
    expect(outline(reading.draft)).toMatchObject({
      title: undefined,
      levels: [
        { heading: "Engineer I", groups: [{ category: null, behaviors: ["Fixes small bugs."] }] },
        { heading: "Engineer II", groups: [{ category: null, behaviors: ["Fixes hard bugs."] }] },
        { heading: "Engineer III", groups: [{ category: null, behaviors: ["Leads the bug triage."] }] },
      ],
    });
    expect(messages(reading)).toEqual([
      '1:1 "Engineer I" and 2 more paragraphs of italic text alone on a line are taken as headings: they recur and name levels, as a page written without heading styles (a Google Docs export) names them',
    ]);
  });

  it("leaves bold paragraphs as they are when they are alone, sentences, no level's name, or find no more levels than the headings", async () => {
    const reading = await read("bold-paragraphs-kept.md");
    expect(outline(reading.draft)).toMatchObject({
      title: "Support ladder",
      description: "**A note on titles**",
      levels: [
        {
          heading: "IC1",
          summary: "**Junior Support Engineer**",
          groups: [{ category: null, behaviors: ["Answers tickets from the queue."] }],
        },
        {
          heading: "IC2",
          summary: "**Senior Support Engineer**",
          groups: [{ category: null, behaviors: ["Answers escalated tickets."] }],
        },
      ],
    });
    expect(messages(reading)).toEqual([]);
    expect(lossLines(reading)).toEqual(['17:1 paragraph "**Senior engineers review this level every…"']);
  });

  it("reads a fact whose label is in bold or italics, its marks and colon consumed", async () => {
    const reading = await read("emphasized-fact-labels.md");
    expect(
      reading.draft.levels.map((level) => [level.heading.text, level.facts.map((f) => [f.label, f.value])]),
    ).toEqual([
      ["F1", [["Scope", "individual tasks"]]],
      [
        "F2",
        [
          ["Scope", "features"],
          ["Years", "2–4"],
        ],
      ],
      [
        "F3",
        [
          ["Scope", "a team"],
          ["Years", "5+"],
        ],
      ],
    ]);
    expect(reading.draft.levels.every((level) => level.summary === undefined)).toBe(true);
    expect(reading.losses).toEqual([]);
  });
});

describe("markdownShape, what it does not take", () => {
  it("reports every item of a level it does not take, with its place and why", async () => {
    const reading = await read("losses.md");
    expect(outline(reading.draft).levels).toEqual([
      {
        heading: "G1",
        summary: "Learns the basics.",
        groups: [
          { category: null, behaviors: [{ text: "Ships small experiments.", examples: ["An example."] }] },
          { category: "Experiments", behaviors: ["Designs an A/B test."] },
        ],
      },
      { heading: "G2", groups: [{ category: null, behaviors: ["Ships experiments on their own.[^1]"] }] },
    ]);
    expect(
      reading.losses.map((loss) => `${loss.at.line}:${loss.at.column} ${loss.what}: ${loss.why}`),
    ).toEqual([
      '11:3 paragraph "A second paragraph in the same…": a second paragraph in a behavior\'s item: a behavior is one paragraph (nested list items are its examples)',
      '14:5 list item "A detail below the example.": nested below an example: an example has no items of its own',
      "16:1 paragraph \"A paragraph after the list.\": a paragraph after the level's behaviors begin: a level's summary is the paragraphs right under its heading",
      '18:1 table "| Skill | Note |": a table: tables are read by --format markdown-table',
      '22:1 code block "```sql": a code block: a level holds a summary, facts and behaviors, not code',
      '26:1 HTML "<div>HTML block</div>": raw HTML (<div>) in a level: the Markdown shape does not read HTML (HTML tables of levels × categories are read by --format markdown-table or --format html)',
      '28:1 block quote "A quote after the behaviors.": a block quote: not a behavior, a fact or the summary',
      '30:1 link definition "[guide]: https://example.com/guide": a link definition: texts are kept verbatim, so a reference link would lose its target; write the link inline',
      '32:1 heading "Empty category": a heading with no behaviors under it',
      '36:1 paragraph "Paragraph before the list.": a paragraph beside the list of behaviors of "Experiments": its behaviors are the list\'s items',
      '44:1 footnote "A footnote.": a footnote: footnotes are not kept',
    ]);
  });

  it("reports front matter as a loss and reads the page below it", async () => {
    const reading = await read("front-matter.md");
    expect(lossLines(reading)).toEqual(['1:1 front matter "title: Ladder"']);
    expect(reading.losses[0].why).toMatch(/--format front-matter/);
    expect(reading.draft.levels.map((level) => level.heading.text)).toEqual(["L1", "L2"]);
  });

  it("reports what opens a page with no title, past its description", async () => {
    const reading = await read("intro-without-title.md");
    expect(reading.draft.description?.text).toBe("The description, before any heading.");
    expect(lossLines(reading)).toEqual(['3:1 paragraph "A second paragraph, with no title…"']);
  });

  it("says which headings it looked at when no section holds a level", async () => {
    const noLevels = await readPath(`${FIXTURES}/no-levels.md`);
    expect(noLevels.reading).toEqual({
      misfit:
        'no heading holds a level: a level is a heading with its behaviors below it (a list, or a sub-heading per category with a list); looked at "Notes" (line 1: a paragraph), "Background" (line 5: a paragraph, a table)',
    });
    const noHeadings = await readPath(`${FIXTURES}/no-headings.md`);
    expect(isMisfit(noHeadings.reading) && noHeadings.reading.misfit).toMatch(
      /^no heading: a level is a heading/,
    );
  });

  it("does not read a folder, a file of another format, or bytes that are not UTF-8", async () => {
    const bytes = new TextEncoder().encode("## L1\n\n- Does it.\n");
    const folder: ImportInput = { path: "pages", isFolder: true, files: [{ path: "pages/a.md", bytes }] };
    expect(await markdownShape.read(folder)).toEqual({
      misfit: expect.stringMatching(/^a folder of 1 files/),
    });
    expect(await markdownShape.read(inputOf("ladder.yaml", bytes))).toEqual({
      misfit: "a .yaml file is not a Markdown page",
    });
    expect(await markdownShape.read(inputOf("ladder.md", new Uint8Array([0x23, 0xff, 0xfe])))).toEqual({
      misfit: "the file is not UTF-8 text, so not a Markdown page",
    });
  });

  it("says a page nested deeper than Ladder reads does not fit, rather than failing", async () => {
    const page = `## IC1\n\n${">".repeat(10_000)} deep\n`;
    const reading = await markdownShape.read(inputOf("deep.md", new TextEncoder().encode(page)));
    expect(isMisfit(reading) && reading.misfit).toMatch(/^the page nests quotes/);
  });
});

describe("readLevelBody", () => {
  it("reads one level's nodes, given the whole source their offsets refer to", () => {
    const source = "## L1\n\nYears of experience: 3\n\n- Craft\n  - Writes tests.\n    - For every fix.\n";
    const tree = unified().use(remarkParse).use(remarkGfm).parse(source);
    const body = readLevelBody(tree.children.slice(1), source, "l1.md");
    expect(body).toEqual({
      facts: [{ label: "Years of experience", value: "3", at: { file: "l1.md", line: 3, column: 1 } }],
      groups: [
        {
          category: { text: "Craft", at: { file: "l1.md", line: 5, column: 3 } },
          behaviors: [
            {
              text: "Writes tests.",
              at: { file: "l1.md", line: 6, column: 5 },
              examples: [{ text: "For every fix.", at: { file: "l1.md", line: 7, column: 7 } }],
            },
          ],
        },
      ],
      losses: [],
      warnings: [],
    });
  });
});

describe("markdownShape on any page made of the pieces frameworks are written with", () => {
  const line = fc.constantFrom(
    "",
    "",
    "# Ladder",
    "## IC1",
    "## IC2 · Senior",
    "## All levels",
    "## About",
    "### Impact",
    "#### Craft:",
    "- Impact",
    "- Impact:",
    "- **Impact**",
    "  - Ships **small** changes. {#ships}",
    "    - e.g. a [fix](https://example.com)",
    "      - deeper",
    "  -Seeks ownership.",
    "- Impact: Drives `clarity`.",
    "- **Adopts**: new tools",
    "* Mentors others",
    "1. Writes docs",
    "Years of experience: 2–4",
    "_Experience: 5 years_",
    "A summary paragraph.",
    "> A quote.",
    "| a | b |",
    "| - | - |",
    "```",
    "<!-- note -->",
    "[ref]: https://example.com",
    "---",
    "##",
    "- ",
    "  A second paragraph.",
    "  > quoted in an item",
    "  ```",
    "        indented code",
    "### What is this?",
    "## Every level",
    "**Years**: 3",
    "Note: this is prose, long enough to not be a fact at all, it goes on and on and on and on and on.",
    "- Scope: Knows `one` area {#knows-one}",
    "[^1]: A footnote.",
    "<div>",
    "**Level 3 — Senior**",
    "# **Ladder**",
    "*Scope:* features",
    "_Scope_: a team",
    "* **Technical skills**",
    "{{< cards >}}",
    "{% include nav.html %}",
    "Read this <!-- hidden --> first.",
    "  <!-- in an item -->",
    "1) **Will staff lead?**  ",
    "   Yes.",
  );
  it("never throws; when it fits, every text is verbatim and every item taken or reported", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 50 }), async (lines) => {
        const text = lines.join("\n");
        const reading = await markdownShape.read(inputOf("page.md", new TextEncoder().encode(text)));
        if (isMisfit(reading)) return;
        checkVerbatim(text, reading.draft);
        checkAccounted(text, reading);
      }),
      { numRuns: 400 },
    );
  });
});
