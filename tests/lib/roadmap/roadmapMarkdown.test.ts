import fc from "fast-check";
import type { Link, List, ListItem, Paragraph, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { comparisonDocument } from "../../../src/lib/handbook/apiDocuments";
import { checkDocumentLinks } from "../../../src/lib/links/checkDocumentLinks";
import { compareLevels } from "../../../src/lib/compare/compareLevels";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { createUrls } from "../../../src/lib/links/urls";
import {
  emptyRoadmap,
  progressOf,
  roadmapCategories,
  statusOf,
  STATUS_LABELS,
  type ComparisonData,
  type RoadmapCategory,
  type RoadmapItem,
} from "../../../src/lib/roadmap/roadmap";
import { roadmapMarkdown } from "../../../src/lib/roadmap/roadmapMarkdown";
import { ROADMAP_STATUSES } from "../../../src/lib/roadmap/roadmapStatuses";
import type { RoadmapState } from "../../../src/lib/schemas/roadmap";
import {
  asMarkdownReads,
  HOSTILE_TEXTS,
  markdownishText,
  markdownReaders,
  nonTextNodes,
} from "../../helpers/markdownReadBack";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { parseInlineMarkdown, plainText } from "../../../src/lib/text/inlineMarkdown";
import { breaksAsText, linkLabelNodes, plainTextOf, type InlineNode } from "../../../src/lib/text/inlineTree";

/** A behavior's text with no Markdown, as its tree: one text node. */
const asText = (text: string) => ({ text, nodes: [{ type: "text" as const, value: text }] });
/** The kinds of node in a tree other than text, as `nonTextNodes` lists those read back. */
const nonTextOf = (nodes: InlineNode[]): string[] =>
  nodes.flatMap((node) =>
    node.type === "text" ? [] : [node.type, ...("children" in node ? nonTextOf(node.children) : [])],
  );

const LINE_ENDING = /\r\n|\r|\n/;

/**
 * An exported roadmap as a reader reads it, block by block: headings and paragraphs as their
 * text, lists as their items (the behavior's link, the status after it, the note's lines as
 * written inside the quote), and anything in them that is not text.
 */
function outlineOf(markdown: string, reader: string) {
  // GitHub links bare addresses in titles whatever escapes them: allowed (see isAddressAutolink).
  const addresses = reader === "GFM";
  const item = (node: ListItem) => {
    const [line] = node.children;
    const examples = node.children.find((child) => child.type === "list");
    const quote = node.children.find((child) => child.type === "blockquote");
    const [link, ...rest] = (line as Paragraph).children;
    return {
      blocks: node.children.map((child) => child.type),
      inline: (line as Paragraph).children.map((child) => child.type),
      text: toString(link),
      url: (link as Link).url,
      nonText: nonTextNodes(link),
      status: rest.map((child) => toString(child)).join(""),
      examples: examples?.children.map((example) => ({
        blocks: example.children.map((child) => child.type),
        text: toString(example),
        // The list item's blocks are above; what its paragraph holds that is not text.
        nonText: example.children.flatMap((child) => nonTextNodes(child, addresses)),
      })),
      note: quote && quotedLines(markdown, quote),
    };
  };
  return markdownReaders[reader](markdown).children.map((node) => {
    if (node.type === "heading")
      return { heading: node.depth, text: toString(node), nonText: nonTextNodes(node, addresses) };
    if (node.type === "paragraph")
      return { paragraph: toString(node), nonText: nonTextNodes(node, addresses) };
    if (node.type === "list")
      return { list: node.ordered ? "ordered" : "bullets", items: node.children.map(item) };
    return { unexpected: node.type };
  });
}

/** The source lines of a quote, without their `>` marks: the note as the document holds it. */
function quotedLines(markdown: string, quote: RootContent): string[] {
  return (
    markdown
      .slice(quote.position!.start.offset, quote.position!.end.offset)
      // A quote ending in an unclosed fence ends after its last line ending, not before.
      .replace(/(\r\n|\r|\n)$/, "")
      .split(LINE_ENDING)
      .map((line) => line.replace(/^ *> ?/, ""))
  );
}

/** The outline `roadmapMarkdown` must give for these inputs, built from them alone. */
function expectedOutline(
  comparison: ComparisonData,
  categories: RoadmapCategory[],
  state: RoadmapState,
  trackTitle: string,
) {
  const name = (level: ComparisonData["from"]) =>
    level.title ? `${level.code} (${level.title})` : level.code;
  const text = (value: string) => ({ text: asMarkdownReads(value), nonText: [] });
  const list = (items: RoadmapItem[]) => ({
    list: "bullets",
    items: items.map((item) => {
      const note = state.notes[item.id]?.trim();
      const examples = item.examples.length > 0;
      return {
        blocks: ["paragraph", ...(examples ? ["list"] : []), ...(note ? ["blockquote"] : [])],
        inline: ["link", "text"],
        text: asMarkdownReads(item.text),
        // The emphasis, strong and code the behavior's text holds, and nothing else.
        nonText: nonTextOf(linkLabelNodes(item.nodes)),
        url: asMarkdownReads(item.permalink),
        status: ` — ${STATUS_LABELS[statusOf(state, item.id)]}`,
        examples: examples
          ? item.examples.map((example) => ({ blocks: ["paragraph"], ...text(plainTextOf(example)) }))
          : undefined,
        note: note ? note.split(LINE_ENDING) : undefined,
      };
    }),
  });
  const overall = progressOf(
    categories.flatMap((c) => [...c.growInto, ...c.keep]),
    state,
  );
  return [
    {
      heading: 1,
      ...text(`Career roadmap: ${trackTitle}, ${name(comparison.from)} to ${name(comparison.to)}`),
    },
    {
      paragraph: `${overall.demonstrated} of ${overall.total} behaviors demonstrated, ${overall.working} in progress.`,
      nonText: [],
    },
    ...categories.flatMap((category, index) => {
      const progress = progressOf([...category.growInto, ...category.keep], state);
      // A category in a group: the group's heading before its first category, then one level down.
      const { group } = category;
      const startsGroup = group !== undefined && group !== categories[index - 1]?.group;
      const depth = group === undefined ? 2 : 3;
      return [
        ...(startsGroup ? [{ heading: 2, ...text(group) }] : []),
        { heading: depth, ...text(category.title) },
        { paragraph: `${progress.demonstrated} of ${progress.total} demonstrated.`, nonText: [] },
        ...(category.growInto.length
          ? [
              { heading: depth + 1, ...text(`To grow into at ${comparison.to.code}`) },
              list(category.growInto),
            ]
          : []),
        ...(category.keep.length
          ? [{ heading: depth + 1, ...text("Still expected") }, list(category.keep)]
          : []),
      ];
    }),
  ];
}

/** Checks, for every reader, that the export reads back as exactly the outline of its inputs. */
function expectReadBack(
  comparison: ComparisonData,
  categories: RoadmapCategory[],
  state: RoadmapState,
  title: string,
) {
  const markdown = roadmapMarkdown(comparison, categories, state, title);
  const expected = expectedOutline(comparison, categories, state, title);
  for (const reader of Object.keys(markdownReaders))
    expect(outlineOf(markdown, reader), reader).toEqual(expected);
  return markdown;
}

/** Notes that would reach past their item if they were not quoted line by line. */
const HOSTILE_NOTES = [
  "# a heading\n- an item\n\n[a link](https://example.com)",
  "line\r# after a lone carriage return",
  "line\r\n## after a CRLF",
  "```\nan unclosed fence",
  "<div>\nunclosed HTML",
  "para\n---",
  "para\n===",
  "- item\n\n  continued",
  "trailing backslash\\",
  "[foo]: https://example.com/defined-here",
  "    indented code\n\n\n\nafter blank lines",
  "> already quoted",
];

describe("roadmapMarkdown on the real data", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");
  const urls = createUrls("/");
  // As the page receives it: the comparison JSON of two levels.
  const comparisonOf = (track: typeof support, from: string, to: string): ComparisonData =>
    JSON.parse(JSON.stringify(comparisonDocument(compareLevels(buildTrackEvolution(track), from, to), urls)));
  const comparison = comparisonOf(support, "ic2", "ic3");
  const categories = roadmapCategories(comparison);
  const items = categories.flatMap((c) => [...c.growInto, ...c.keep]);

  it("links every behavior by its permanent short link, in the format documents are written in", () => {
    const state = emptyRoadmap("support", "ic2", "ic3");
    state.statuses["full-professional-git"] = "demonstrated";
    state.notes["full-professional-git"] =
      "Ran the Git workshop.\nSee [the notes](https://example.com/notes).";
    const markdown = expectReadBack(comparison, categories, state, support.title);
    expect(markdown).toMatch(
      /^# Career roadmap: Customer support career framework, IC2 \(Support Engineer\) to IC3 \(Senior Support Engineer\)\n/,
    );
    expect(markdown).toContain(
      "- [Has full professional proficiency of Git.](/b/support/full-professional-git/) — Demonstrated\n  > Ran the Git workshop.\n  > See [the notes](https://example.com/notes).",
    );
    const { checked } = checkDocumentLinks(markdown, "markdown", handbook, {});
    expect(checked).toHaveLength(items.length);
    expect(checked.filter((link) => link.status !== "ok")).toEqual([]);
  });

  it("reads back with every status and a note on every behavior, from each track's first level to its last", () => {
    for (const track of handbook.tracks) {
      const [from, to] = [track.levels[0].id, track.levels.at(-1)!.id];
      const pair = comparisonOf(track, from, to);
      const pairCategories = roadmapCategories(pair, track.shared?.title);
      const state = emptyRoadmap(track.id, from, to);
      pairCategories
        .flatMap((c) => [...c.growInto, ...c.keep])
        .forEach((item, n) => {
          state.statuses[item.id] = ROADMAP_STATUSES[n % ROADMAP_STATUSES.length];
          state.notes[item.id] = `Evidence for ${item.id}:\n- [a ticket](https://example.com/${n})`;
        });
      expectReadBack(pair, pairCategories, state, track.title);
    }
  });

  it("keeps hostile titles and texts one heading or link each, and notes inside their item", () => {
    // The widest roadmap of the track: the most behaviors to hold hostile texts.
    const widest = comparisonOf(support, support.levels[0].id, support.levels.at(-1)!.id);
    const widestItems = roadmapCategories(widest).flatMap((c) => [...c.growInto, ...c.keep]);
    const hostile = (n: number) => HOSTILE_TEXTS[n % HOSTILE_TEXTS.length];
    const hostileComparison: ComparisonData = {
      ...widest,
      from: { ...widest.from, code: hostile(0), title: hostile(1) },
      to: { ...widest.to, code: hostile(2), title: null },
    };
    let n = 3;
    const hostileCategories = roadmapCategories(widest).map((category) => ({
      ...category,
      title: hostile(n++),
      growInto: category.growInto.map((item) => ({
        ...item,
        ...asText(hostile(n++)),
        examples: [asText(hostile(n++)).nodes],
      })),
      keep: category.keep.map((item) => ({
        ...item,
        ...asText(hostile(n++)),
        examples: [asText(hostile(n++)).nodes, asText(hostile(n++)).nodes],
      })),
    }));
    // Enough behaviors that every hostile text is a title or a behavior once.
    expect(n).toBeGreaterThan(HOSTILE_TEXTS.length);
    const state = emptyRoadmap("support", "ic2", "ic3");
    widestItems.forEach((item, i) => (state.notes[item.id] = HOSTILE_NOTES[i % HOSTILE_NOTES.length]));
    expectReadBack(hostileComparison, hostileCategories, state, hostile(n));
  });
});

describe("roadmapMarkdown of examples with inline Markdown", () => {
  it("writes each example as a paragraph that reads back as its tree, links included", () => {
    const examples = [
      "**Adopts**: new tools _early_",
      "Uses `</script>` and \\<b>escaped\\</b> markup",
      'Reads [the guide](https://example.com/a_(b) "Title") and [IC3](https://h.example.com/support/ic3/)',
      "a line  \nbreak",
      "]( **[x](https://e.example)** \\[",
    ];
    const trees = examples.map((example) => {
      const { nodes, problems } = parseInlineMarkdown(example);
      expect(problems).toEqual([]);
      return nodes;
    });
    const item: RoadmapItem = {
      id: "b",
      ...asText("A behavior"),
      examples: trees,
      permalink: "/b/t/b/",
      url: "",
      kind: "kept",
    };
    const comparison: ComparisonData = {
      track: "t",
      from: { id: "a", code: "A", title: null },
      to: { id: "b", code: "B", title: null },
      categories: [],
      shared: [],
    };
    const markdown = roadmapMarkdown(
      comparison,
      [{ id: "c", title: "C", growInto: [], keep: [item] }],
      emptyRoadmap("t", "a", "b"),
      "T",
    );
    for (const reader of Object.keys(markdownReaders)) {
      const list = markdownReaders[reader](markdown).children.find((node) => node.type === "list")!;
      const written = ((list as List).children[0].children[1] as List).children.map(
        (entry) =>
          parseInlineMarkdown(
            markdown.slice(entry.children[0].position!.start.offset, entry.children[0].position!.end.offset),
          ).nodes,
      );
      // A line break comes back as a line-break character: the same words (see breaksAsText).
      expect(written, reader).toEqual(trees.map(breaksAsText));
    }
  });
});

describe("roadmapMarkdown of behaviors with inline Markdown", () => {
  it("keeps their emphasis, strong and code, each behavior one link reading its words", () => {
    const texts = [
      "**Adopts**: new tools _early_",
      "Uses `</script>` and \\<b>escaped\\</b> markup",
      'Reads [the guide](https://example.com/a_(b) "Title") and [IC3](/support/ic3/)',
      "a line  \nbreak",
      "]( **[x](https://e.example)** \\[",
    ];
    const items: RoadmapItem[] = texts.map((text, n) => {
      expect(parseInlineMarkdown(text).problems).toEqual([]);
      const nodes = parseInlineMarkdown(text).nodes;
      return {
        id: `b${n}`,
        text: plainText(text),
        nodes,
        examples: [],
        permalink: `/b/t/b${n}/`,
        url: "",
        kind: "new",
      };
    });
    const comparison: ComparisonData = {
      track: "t",
      from: { id: "a", code: "A", title: null },
      to: { id: "b", code: "B", title: null },
      categories: [],
      shared: [],
    };
    const markdown = expectReadBack(
      comparison,
      [{ id: "c", title: "C", growInto: items, keep: [] }],
      emptyRoadmap("t", "a", "b"),
      "T",
    );
    expect(markdown).toContain("- [**Adopts**: new tools *early*](/b/t/b0/) — Not started\n");
  });
});

describe("roadmapMarkdown of a track that groups its categories", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");
  const grouped = {
    ...support,
    // Hostile group titles, each heading two categories.
    categories: support.categories.map((category, index) => ({
      ...category,
      group: HOSTILE_TEXTS[Math.floor(index / 2)],
    })),
  };
  const comparison: ComparisonData = JSON.parse(
    JSON.stringify(
      comparisonDocument(compareLevels(buildTrackEvolution(grouped), "ic1", "ic3"), createUrls("/")),
    ),
  );

  it("heads each group's categories with the group's title, a level above them", () => {
    const categories = roadmapCategories(comparison, "Expected at every level");
    expect(categories.map((category) => category.group)).toEqual(
      grouped.categories.map((category) => category.group),
    );
    // The outline it must read back as has each group's heading at 2 and its categories at 3.
    expectReadBack(comparison, categories, emptyRoadmap("support", "ic1", "ic3"), support.title);
  });
});

describe("roadmapMarkdown on any text", () => {
  const level = fc.record({ id: fc.constant("x"), code: markdownishText, title: fc.option(markdownishText) });
  const items = fc.array(
    fc.record({
      text: markdownishText,
      // As the data holds them: showing something, no white space at either end.
      examples: fc.array(
        markdownishText.filter((text) => text.trim() === text && text !== ""),
        { maxLength: 2 },
      ),
      note: fc.option(markdownishText),
    }),
    { maxLength: 3 },
  );
  const roadmap = fc.record({
    title: markdownishText,
    from: level,
    to: level,
    categories: fc.array(fc.record({ title: markdownishText, growInto: items, keep: items }), {
      minLength: 1,
      maxLength: 2,
    }),
    status: fc.constantFrom(...ROADMAP_STATUSES),
  });

  it("reads back as its titles, behaviors, statuses and notes", () => {
    fc.assert(
      fc.property(roadmap, ({ title, from, to, categories, status }) => {
        const state = emptyRoadmap("t", "a", "b");
        let n = 0;
        const toItems = (list: { text: string; examples: string[]; note: string | null }[]): RoadmapItem[] =>
          list.map(({ text, examples, note }) => {
            const id = `b${n++}`;
            if (note !== null) state.notes[id] = note;
            state.statuses[id] = status;
            return {
              id,
              ...asText(text),
              examples: examples.map((example) => asText(example).nodes),
              permalink: `https://h.example.com/b/t/${id}/`,
              url: "",
              kind: "kept",
            };
          });
        const roadmapCategoriesOf = categories.map((category, i) => ({
          id: `c${i}`,
          title: category.title,
          growInto: toItems(category.growInto),
          keep: toItems(category.keep),
        }));
        const comparison: ComparisonData = { track: "t", from, to, categories: [], shared: [] };
        expectReadBack(comparison, roadmapCategoriesOf, state, title);
      }),
      { numRuns: 40 },
    );
  });
});

describe("roadmapMarkdown and releases", () => {
  const comparison: ComparisonData = {
    track: "t",
    from: { id: "a", code: "A", title: null },
    to: { id: "b", code: "B", title: null },
    categories: [],
    shared: [],
  };
  const urls = createUrls("/handbook/", "https://h.example.com");
  const pageOf = (release: string) => urls.absolute(urls.release(release));

  it("says which release the roadmap was written against, linked to that release's page", () => {
    const markdown = roadmapMarkdown(comparison, [], emptyRoadmap("t", "a", "b", "2026-h2"), "T", pageOf);
    expect(markdown.split("\n").slice(0, 5)).toEqual([
      "# Career roadmap: T, A to B",
      "",
      "Written against release [2026-h2](https://h.example.com/handbook/changes/2026-h2/).",
      "",
      "0 of 0 behaviors demonstrated, 0 in progress.",
    ]);
    expect(roadmapMarkdown(comparison, [], emptyRoadmap("t", "a", "b", "v2"), "T")).toContain(
      "\nWritten against release v2.\n",
    );
  });

  it("says nothing of a release when the roadmap records none", () => {
    expect(roadmapMarkdown(comparison, [], emptyRoadmap("t", "a", "b"), "T", pageOf)).not.toContain(
      "release",
    );
  });
});
