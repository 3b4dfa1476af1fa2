import type { Behavior, Category, Level } from "../handbook/buildHandbook";
import { plainText } from "../text/inlineMarkdown";
import type { Evolution, TrackEvolution } from "./trackEvolution";
import { wordDiff, type WordChange } from "./wordDiff";

/** One form of an expectation: a behavior at its level, and how it differs from the form before. */
export interface ThreadForm {
  behavior: Behavior;
  level: Level;
  /** From the form before (none for the first): how the two were paired, and the words that changed, as a reader sees them. */
  step?: { source: Evolution["source"]; diff: WordChange[] };
  /** The levels between the form before and this one that do not restate the expectation. */
  skipped: Level[];
}

/** One expectation across the ladder: its forms, level by level, from the level that first states it. */
export interface Thread {
  /** The id of its first form, which names it (its anchor on the page of threads). */
  id: string;
  category: string | null;
  forms: ThreadForm[];
  /** Whether it starts above the first level that states anything in its category: a new expectation there. */
  startsNew: boolean;
  /** The last level that restates it: above, it stops rising. */
  lastRestated: Level;
  /**
   * The defined levels above `lastRestated`: on a cumulative track they still expect its last
   * form (`held`), on another they no longer list it. None when it rises to the top.
   */
  after: { levels: Level[]; held: boolean };
}

/** The threads of one category (one group, with no category, on a track without categories). */
export interface CategoryThreads {
  category: Category | null;
  /** By the level they start at, then in the order that level states them. */
  threads: Thread[];
}

/**
 * Every behavior of a track (shared expectations aside, as they are the same at every level)
 * in exactly one thread: the chains of `buildTrackEvolution`, so threads pair exactly what the
 * comparisons pair. A step is followed only upwards, to a higher level.
 */
export function trackThreads(evolution: TrackEvolution): CategoryThreads[] {
  const { track } = evolution;
  const position = new Map(track.levels.map((level, index) => [level.id, index]));
  const levelOf = (behavior: Behavior) => track.levels[position.get(behavior.level ?? "") ?? -1];
  const rises = (step: Evolution | undefined): step is Evolution =>
    step !== undefined && position.get(step.to.level ?? "")! > position.get(step.from.level ?? "")!;
  const defined = track.levels.filter((level) => level.status === "defined");

  const threadFrom = (first: Behavior): Thread => {
    const forms: ThreadForm[] = [{ behavior: first, level: levelOf(first), skipped: [] }];
    for (let step = evolution.next.get(first.id); rises(step); step = evolution.next.get(step.to.id)) {
      const before = forms[forms.length - 1].level;
      const level = levelOf(step.to);
      forms.push({
        behavior: step.to,
        level,
        step: { source: step.source, diff: wordDiff(plainText(step.from.text), plainText(step.to.text)) },
        skipped: defined.filter((between) => between.order > before.order && between.order < level.order),
      });
    }
    const lastRestated = forms[forms.length - 1].level;
    return {
      id: first.id,
      category: first.category,
      forms,
      startsNew: false,
      lastRestated,
      after: { levels: defined.filter((level) => level.order > lastRestated.order), held: track.cumulative },
    };
  };

  const sections = track.categories.length > 0 ? track.categories : [null];
  return sections.map((category) => {
    const stated = track.levels.flatMap((level) =>
      level.groups.filter((group) => group.category?.id === category?.id).flatMap((group) => group.behaviors),
    );
    const firstLevel = stated[0]?.level;
    const placed = new Set<string>();
    const threads: Thread[] = [];
    // Every behavior with no form below starts a thread; valid data puts every other one in a
    // thread it starts, yet a behavior no chain reaches would start its own, never be left out.
    for (const starts of [(b: Behavior) => !rises(evolution.previous.get(b.id)), () => true]) {
      for (const first of stated.filter((behavior) => !placed.has(behavior.id) && starts(behavior))) {
        const thread = { ...threadFrom(first), startsNew: first.level !== firstLevel };
        for (const form of thread.forms) placed.add(form.behavior.id);
        threads.push(thread);
      }
    }
    const order = new Map(stated.map((behavior, index) => [behavior.id, index]));
    threads.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { category, threads };
  });
}

const threadsByEvolution = new WeakMap<TrackEvolution, CategoryThreads[]>();

/** `trackThreads`, computed once per evolution: the growth page, its JSON and the level pages share them. */
export function threadsOf(evolution: TrackEvolution): CategoryThreads[] {
  let threads = threadsByEvolution.get(evolution);
  if (!threads) threadsByEvolution.set(evolution, (threads = trackThreads(evolution)));
  return threads;
}
