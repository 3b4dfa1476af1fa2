import type { CategoryThreads, Thread, ThreadForm } from "../compare/threads";
import type { WordChange } from "../compare/wordDiff";
import { sectionAnchor, type Urls } from "../links/urls";
import { plainText } from "../text/inlineMarkdown";
import { plural } from "../text/plural";
import { levelInText } from "./levelName";
import { inWords, refersBack, removesWords, sameWords, showsDiff, threadEnd } from "./threadWords";
import type { Track } from "./buildHandbook";
import type { ChangeSide } from "./comparePageModel";
import type { PageLink } from "./pageLink";
import { UNCATEGORIZED_TITLE } from "./uncategorized";

/** One form of an expectation on the growth page: its level, and its words. */
export interface GrowthForm {
  /** Its behavior's id: the form's anchor, so `/{track}/growth/#{id}` lands on it. */
  anchor: string;
  /** A link to the behavior on its level page, shown as the level's code. */
  level: ChangeSide;
  /**
   * The form's text as written (inline Markdown): the first form's, and a later form's that is
   * rewritten whole or restates another by reference (`showsDiff`). Other forms show `diff`,
   * whose newer side is the form's plain text.
   */
  text?: string;
  /** From the form before: the words that changed, as a reader sees them. */
  diff?: WordChange[];
  /**
   * "Words removed since IC2" above the form before's text with those words marked: only when
   * the step removed words and kept some. A form reworded whole shows every word as added, and
   * the form before, just above it, is what it removed.
   */
  removed?: string;
  /** What a reader should know about this step: "Not restated at IC3", "The same words as IC2". */
  notes: string[];
}

/** One expectation level by level, with where it starts and where it stops rising. */
export interface GrowthThread {
  /** Its first form's behavior id. */
  id: string;
  /** "New at IC3": the expectation starts above the first level of its category. */
  start?: string;
  forms: GrowthForm[];
  /** "Stops rising at IC4: still expected at IC5 and IC6" or "Not listed above IC4"; none when it rises to the top. */
  end?: string;
}

/** A category's section: the threads that grow first, then those stated at one level only. */
export interface GrowthSection {
  /** Null on a track without categories, whose one section has no heading. */
  title: string | null;
  /** `category--{id}`; null on a track without categories. */
  anchor: string | null;
  /** The heading the category is listed under, null when the track does not group its categories. */
  group: string | null;
  /** "5 expectations grow across levels; 12 are stated at one level only". */
  counts: string;
  growing: GrowthThread[];
  /** The one form of each thread that has only one, listed compactly under their own heading (its level's code says where it starts). */
  single: GrowthForm[];
}

/** What the growth page of a track shows, every title, mark and link worked out. */
export interface GrowthPageModel {
  /** The page's title (the site name follows): "How expectations grow · Support". */
  title: string;
  heading: string;
  lead: string;
  /** The page's own breadcrumb. */
  breadcrumb: PageLink;
  /** One link per category section; none on a track without categories. */
  toc: (PageLink & { group: string | null })[];
  sections: GrowthSection[];
  /** The heading of the threads with one form. */
  singleHeading: string;
  /** What holds for every one of them, said once under that heading instead of on each. */
  singleNote: string;
  /** The threads as JSON. */
  api: string;
}

/** The growth page's heading, and that of its part of the track overview. */
export const GROWTH_HEADING = "How expectations grow";

/** What the growth page shows, said under both headings. */
export const GROWTH_LEAD = "Each expectation, level by level, with the words that change at each step.";

/**
 * How many expectations of a category grow and how many are stated once, as the growth page and
 * the track overview say it: "5 expectations grow across levels; 12 are stated at one level only".
 */
export function growthCounts(threads: Thread[]): string {
  const growing = threads.filter((thread) => thread.forms.length > 1).length;
  const single = threads.length - growing;
  const grow = `${plural(growing, "expectation")} ${growing === 1 ? "grows" : "grow"} across levels`;
  const once = (subject: string) => `${subject} ${single === 1 ? "is" : "are"} stated at one level only`;
  if (growing === 0 && single === 0) return "Nothing is stated in this category";
  if (single === 0) return grow;
  if (growing === 0) return once(plural(single, "expectation"));
  return `${grow}; ${once(String(single))}`;
}

/** The growth page of `track` from its threads (`threadsOf(trackEvolutionOf(track))`). */
export function growthPageModel(track: Track, threads: CategoryThreads[], urls: Urls): GrowthPageModel {
  const form = (current: ThreadForm, index: number, forms: ThreadForm[]): GrowthForm => {
    const { behavior, level, step, skipped } = current;
    const before = forms[index - 1]?.level;
    const notes: string[] = [];
    if (skipped.length > 0)
      notes.push(
        track.cumulative
          ? `Not restated at ${inWords(skipped)}, where the form before still holds`
          : `Not listed at ${inWords(skipped)}`,
      );
    if (step && before && sameWords(step.diff)) notes.push(`The same words as ${levelInText(before)}`);
    else if (step && before && !showsDiff(current) && !refersBack(behavior.text))
      notes.push(`Rewritten since ${levelInText(before)}`);
    return {
      anchor: behavior.id,
      level: {
        href: urls.behavior(behavior),
        code: level.code,
        label: `${level.code}: ${plainText(behavior.text)}`,
      },
      ...(showsDiff(current) ? { diff: step!.diff } : { text: behavior.text }),
      ...(step &&
        before &&
        showsDiff(current) &&
        removesWords(step.diff) && {
          removed: `Words removed since ${levelInText(before)}`,
        }),
      notes,
    };
  };
  const thread = (t: Thread): GrowthThread => {
    const end = threadEnd(t);
    return {
      id: t.id,
      ...(t.startsNew && { start: `New at ${levelInText(t.forms[0].level)}` }),
      forms: t.forms.map(form),
      ...(end !== undefined && { end }),
    };
  };
  const sections = threads.map(({ category, threads: list }): GrowthSection => {
    return {
      title: category?.title ?? null,
      anchor: category ? sectionAnchor("category", category.id) : null,
      group: category?.group ?? null,
      counts: growthCounts(list),
      growing: list.filter((t) => t.forms.length > 1).map(thread),
      single: list.filter((t) => t.forms.length === 1).map((t) => form(t.forms[0], 0, t.forms)),
    };
  });

  return {
    title: `${GROWTH_HEADING} · ${track.shortTitle}`,
    heading: GROWTH_HEADING,
    lead: GROWTH_LEAD,
    breadcrumb: { href: urls.growth(track.id), text: GROWTH_HEADING },
    toc: sections.flatMap((section) =>
      section.anchor && section.title
        ? [{ href: `#${section.anchor}`, text: section.title, group: section.group }]
        : [],
    ),
    sections,
    singleHeading: "Stated at one level only",
    singleNote: track.cumulative
      ? "Each still holds at the levels above the one that states it."
      : "Each is listed at the level that states it, and not above.",
    api: urls.threadsApi(track.id),
  };
}

/** The track overview's part about growth: a link to each category's section, with its counts. */
export interface GrowthOverview {
  heading: string;
  lead: string;
  /** "Craft", its section's link, and "5 expectations grow …"; one entry for a track without categories. */
  categories: (PageLink & { counts: string })[];
}

/** What the track overview says about how its expectations grow, from the same threads as the growth page. */
export function growthOverview(track: Track, threads: CategoryThreads[], urls: Urls): GrowthOverview {
  const page = urls.growth(track.id);
  return {
    heading: GROWTH_HEADING,
    lead: GROWTH_LEAD,
    categories: threads.map(({ category, threads: list }) => ({
      // A track without categories has one section, the page's.
      href: category ? `${page}#${sectionAnchor("category", category.id)}` : page,
      text: category?.title ?? UNCATEGORIZED_TITLE,
      counts: growthCounts(list),
    })),
  };
}
