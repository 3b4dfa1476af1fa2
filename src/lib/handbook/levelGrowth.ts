import { threadsOf, type Thread } from "../compare/threads";
import type { TrackEvolution } from "../compare/trackEvolution";
import type { WordChange } from "../compare/wordDiff";
import type { Urls } from "../links/urls";
import type { Level } from "./buildHandbook";
import type { PageLink } from "./pageLink";
import { levelInText } from "./levelName";
import { removesWords, sameWords, showsDiff, threadEnd } from "./threadWords";

/** What a level page says under one of its behaviors about the rest of its thread. */
export interface BehaviorGrowth {
  /** Its next form, up the ladder, if a higher level restates it. */
  next?: {
    /** "Grows into its IC4 form"; "Restated in the same words at IC4" when no word changes. */
    summary: string;
    /** The next form where it lives, named by its level's code ("IC4"). */
    link: PageLink;
    /** The code of the page's level, naming the older side of the diff. */
    fromCode: string;
    /** The words that change from this behavior to its next form (the next form's `step.diff`). */
    diff: WordChange[];
    /**
     * The next form's text as written, shown instead of the diff when it is rewritten whole or
     * restates this one by reference (`showsDiff`): marking every word would say nothing.
     */
    text?: string;
    /** Whether the older side is worth showing (`removesWords`, as on the growth page). */
    showsOlder: boolean;
  };
  /**
   * As the last form of a thread that had earlier forms, below levels that do not restate it:
   * where the thread stops rising, as the growth page says it (`threadEnd`).
   */
  stops?: string;
  /** The whole thread on the growth page: "How it grows from IC1 to IC5". */
  thread: PageLink;
}

/** Where each behavior of a track sits in its thread. */
type ThreadPlaces = Map<string, { thread: Thread; index: number }>;

// Keyed by the evolution, which the level pages of a track share: the threads (and their word
// diffs) are worked out once per track, not once per level page.
const placesByEvolution = new WeakMap<TrackEvolution, ThreadPlaces>();

function threadPlaces(evolution: TrackEvolution): ThreadPlaces {
  let places = placesByEvolution.get(evolution);
  if (!places) {
    places = new Map();
    for (const { threads } of threadsOf(evolution))
      for (const thread of threads)
        thread.forms.forEach((form, index) => places!.set(form.behavior.id, { thread, index }));
    placesByEvolution.set(evolution, places);
  }
  return places;
}

/**
 * For each behavior `level` states, by id, what its thread says beyond it: its next form and
 * the words that change, or where it stops rising, and a link to the whole thread. A behavior
 * alone in its thread has no entry: there is nothing to say about its growth.
 */
export function levelGrowth(
  evolution: TrackEvolution,
  level: Level,
  urls: Urls,
): Map<string, BehaviorGrowth> {
  const places = threadPlaces(evolution);
  const growth = new Map<string, BehaviorGrowth>();
  for (const behavior of level.groups.flatMap((group) => group.behaviors)) {
    const place = places.get(behavior.id);
    if (!place || place.thread.forms.length < 2) continue;
    const { thread, index } = place;
    const first = thread.forms[0].level;
    const next = thread.forms[index + 1];
    // Only a last form that had earlier forms gets here: one alone in its thread is skipped above.
    const stopsHere = next === undefined && thread.after.levels.length > 0;
    growth.set(behavior.id, {
      ...(next && {
        next: {
          summary: sameWords(next.step!.diff)
            ? `Restated in the same words at ${levelInText(next.level)}`
            : `Grows into its ${levelInText(next.level)} form`,
          link: { href: urls.behavior(next.behavior), text: next.level.code },
          fromCode: level.code,
          diff: next.step!.diff,
          ...(!showsDiff(next) && { text: next.behavior.text }),
          showsOlder: showsDiff(next) && removesWords(next.step!.diff),
        },
      }),
      ...(stopsHere ? { stops: threadEnd(thread) } : {}),
      thread: {
        href: urls.growthForm(behavior),
        text: `How it grows from ${levelInText(first)} to ${thread.lastRestated.code}`,
      },
    });
  }
  return growth;
}
