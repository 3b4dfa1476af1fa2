import type { Blockquote, ListItem, Paragraph, RootContent } from "mdast";
import { groupCategories } from "../handbook/categoryGroups";
import { examplesList, headingNode, linkNode, markdownOf } from "../links/markdown";
import type { RoadmapState } from "../schemas/roadmap";
import {
  noteOf,
  progressOf,
  statusOf,
  STATUS_LABELS,
  type ComparisonData,
  type RoadmapCategory,
  type RoadmapItem,
} from "./roadmap";

/**
 * The roadmap as a Markdown document for a career roadmap doc: a heading per category group (if
 * the track groups its categories), per category and per list of a category, each behavior as a
 * link to its permanent short link, its status and its note.
 * Titles are text, whatever they hold (see `markdown`): each title is one heading. A behavior
 * is one link whose text keeps its emphasis, strong and code (its inline tree, its own links
 * made text), reading back as its words. A note is the reader's own
 * writing and goes in as typed, Markdown included (a link to evidence stays a link), quoted
 * under its behavior: every line is quoted, so nothing in it reaches past its item.
 * The release the roadmap was written against, when it records one, follows the title, linked
 * to that release's page when `releaseUrl` gives it, so a reader later knows what it meant then.
 * Kept apart from `roadmap` so the roadmap page's script does not carry the serializer: it
 * loads this module on its own, after the roadmap shows.
 */
export function roadmapMarkdown(
  comparison: ComparisonData,
  categories: RoadmapCategory[],
  state: RoadmapState,
  trackTitle: string,
  releaseUrl?: (release: string) => string,
): string {
  const name = (level: ComparisonData["from"]) =>
    level.title ? `${level.code} (${level.title})` : level.code;
  const overall = progressOf(
    categories.flatMap((c) => [...c.growInto, ...c.keep]),
    state,
  );
  const children: RootContent[] = [
    headingNode(1, `Career roadmap: ${trackTitle}, ${name(comparison.from)} to ${name(comparison.to)}`),
    ...(state.release === undefined ? [] : [releaseParagraph(state.release, releaseUrl)]),
    paragraph(
      `${overall.demonstrated} of ${overall.total} behaviors demonstrated, ${overall.working} in progress.`,
    ),
  ];
  const list = (items: RoadmapItem[]): RootContent => ({
    type: "list",
    ordered: false,
    spread: false,
    children: items.map((item) => listItem(item, state)),
  });
  // A track's category groups head their categories, which take the next heading level.
  for (const { group, items } of groupCategories(categories, (category) => category.group)) {
    if (group !== null) children.push(headingNode(2, group));
    const [depth, listDepth] = group === null ? ([2, 3] as const) : ([3, 4] as const);
    for (const category of items) {
      const progress = progressOf([...category.growInto, ...category.keep], state);
      children.push(
        headingNode(depth, category.title),
        paragraph(`${progress.demonstrated} of ${progress.total} demonstrated.`),
      );
      if (category.growInto.length)
        children.push(
          headingNode(listDepth, `To grow into at ${comparison.to.code}`),
          list(category.growInto),
        );
      if (category.keep.length) children.push(headingNode(listDepth, "Still expected"), list(category.keep));
    }
  }
  return markdownOf({ type: "root", children });
}

/** A quote of `markdown` as it is. */
function blockquote(markdown: string): Blockquote {
  return { type: "blockquote", children: [{ type: "html", value: markdown }] };
}

/** "Written against release [v2](…/changes/v2/).", the link left out without a URL. */
function releaseParagraph(release: string, releaseUrl?: (release: string) => string): Paragraph {
  return {
    type: "paragraph",
    children: [
      { type: "text", value: "Written against release " },
      releaseUrl ? linkNode(release, releaseUrl(release)) : { type: "text", value: release },
      { type: "text", value: "." },
    ],
  };
}

function paragraph(text: string): Paragraph {
  return { type: "paragraph", children: [{ type: "text", value: text }] };
}

/** `- [text](permalink) — Status`, then its examples as a list, then the note, quoted. */
function listItem(item: RoadmapItem, state: RoadmapState): ListItem {
  const note = noteOf(state, item.id).trim();
  const line: Paragraph = {
    type: "paragraph",
    children: [
      linkNode(item.nodes, item.permalink),
      { type: "text", value: ` — ${STATUS_LABELS[statusOf(state, item.id)]}` },
    ],
  };
  return {
    type: "listItem",
    spread: false,
    children: [
      line,
      ...(item.examples.length > 0 ? [examplesList(item.examples)] : []),
      // An html node is the serializer's one way to write text as it is: the quote around it
      // prefixes every line, whatever ends it (\n, \r\n or \r).
      ...(note ? [blockquote(note)] : []),
    ],
  };
}
