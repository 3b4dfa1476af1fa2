import type { RootContent } from "mdast";
import { hasGivenId, headingTitle, labelOf, titleOf } from "./levelBody";
import { sliceOf, spanOf, type MarkdownSource } from "./source";

/** How category titles are compared across levels: as written, ignoring case and spacing. */
export function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The titles and labels one level's section may use for categories, before it is read. */
export interface SectionTitles {
  /** Sub-headings, and list items named by a few words that hold a nested list: categories by their place. */
  structural: string[];
  /** Labels of one-line items (`- Impact: …`, `- **Adopts**: …`): categories only if they recur. */
  labels: string[];
}

/** The possible category titles of a level's nodes (see {@link SectionTitles}). */
export function sectionTitles(nodes: RootContent[], source: MarkdownSource): SectionTitles {
  const titles: SectionTitles = { structural: [], labels: [] };
  let underHeading = false;
  for (const node of nodes) {
    if (node.type === "heading") {
      underHeading = true;
      const title = headingTitle(source, node);
      if (title) titles.structural.push(sliceOf(source, title));
    } else if (node.type === "list" && !underHeading) {
      for (const item of node.children) {
        const [first, ...rest] = item.children;
        if (first?.type !== "paragraph") continue;
        const firstLine = firstLineOf(source, spanOf(first));
        const title = titleOf(source, firstLine);
        if (title && rest.some((child) => child.type === "list")) {
          titles.structural.push(sliceOf(source, title));
        }
        const labelled = !hasGivenId(sliceOf(source, spanOf(first))) && labelOf(source, firstLine);
        if (labelled) titles.labels.push(sliceOf(source, labelled.label));
      }
    }
  }
  return titles;
}

function firstLineOf(source: MarkdownSource, span: { start: number; end: number }) {
  const newline = source.text.indexOf("\n", span.start);
  return { start: span.start, end: newline < 0 || newline > span.end ? span.end : newline };
}

/**
 * Which titles name categories, from what every level section uses: a sub-heading or a
 * category item's title anywhere names one; labels of one-line items name categories when the
 * same labels recur across levels (at least half of them appear in two levels or more, or are
 * categories by their place), and then every label does. Otherwise a label is part of its
 * behavior's text (`**Adopts** new tools: …` kept whole).
 */
export function categoryTest(sections: SectionTitles[]): (title: string) => boolean {
  const structural = new Set(sections.flatMap((section) => section.structural.map(titleKey)));
  const levelsUsing = new Map<string, number>();
  for (const section of sections) {
    for (const label of new Set(section.labels.map(titleKey))) {
      levelsUsing.set(label, (levelsUsing.get(label) ?? 0) + 1);
    }
  }
  const labels = [...levelsUsing.keys()];
  const recurring = labels.filter((label) => levelsUsing.get(label)! >= 2 || structural.has(label));
  const labelsAreCategories = labels.length > 0 && recurring.length * 2 >= labels.length;
  return (title) => {
    const key = titleKey(title);
    return structural.has(key) || (labelsAreCategories && levelsUsing.has(key));
  };
}
