import { allBehaviors } from "./allBehaviors";
import type { Behavior, BehaviorGroup, Handbook, Level, Track } from "./buildHandbook";
import { countComparison, type ChangedBehavior, type LevelComparison } from "../compare/compareLevels";
import type { CategoryThreads } from "../compare/threads";
import type { Urls } from "../links/urls";
import { exportedTree, parseInlineMarkdown, plainText } from "../text/inlineMarkdown";

/**
 * Bumped whenever a field of the API documents changes meaning or disappears (not when one is
 * added). Texts that hold inline Markdown keep it as written (`text`, `summary`, `description`,
 * `body`), each with its plain words beside it (`textPlain`, `summaryPlain` …).
 */
export const API_SCHEMA_VERSION = 1;

const behaviorsOf = (groups: BehaviorGroup[]) =>
  groups.flatMap((group) =>
    group.behaviors.map(({ id, text, examples, aliases, category }) => ({
      id,
      category,
      text,
      textPlain: plainText(text),
      examples,
      examplesPlain: examples.map(plainText),
      aliases,
    })),
  );
const orNull = (text: string | undefined) => (text === undefined ? null : plainText(text));

/** `/api/frameworks.json`: all framework data, ordered as on the site. */
export function frameworksDocument(handbook: Handbook) {
  return {
    schemaVersion: API_SCHEMA_VERSION,
    tracks: handbook.tracks.map((track) => ({
      id: track.id,
      title: track.title,
      shortTitle: track.shortTitle,
      order: track.order,
      description: track.description,
      descriptionPlain: plainText(track.description),
      cumulative: track.cumulative,
      categories: track.categories.map((category) => ({
        ...category,
        ...(category.description !== undefined && { descriptionPlain: plainText(category.description) }),
        group: category.group ?? null,
      })),
      prose: track.prose.map(({ id, title, order, body }) => ({ id, title, order, body })),
      sharedExpectations: track.shared
        ? { title: track.shared.title, behaviors: behaviorsOf(track.shared.groups) }
        : null,
      levels: track.levels.map((level) => ({
        id: level.id,
        code: level.code,
        title: level.title ?? null,
        summary: level.summary ?? null,
        summaryPlain: orNull(level.summary),
        order: level.order,
        status: level.status,
        facts: level.facts,
        behaviors: behaviorsOf(level.groups),
      })),
      roles: track.roles.map((role) => ({
        id: role.id,
        title: role.title,
        summary: role.summary,
        summaryPlain: plainText(role.summary),
        body: role.body,
        bodyPlain: role.body.map(plainText),
        responsibilities: role.responsibilities.map(({ id, title, text, aliases }) => ({
          id,
          title: title ?? null,
          text,
          textPlain: plainText(text),
          aliases,
        })),
      })),
    })),
  };
}

/** `/api/behaviors.json`: a flat list; `level` is null for shared expectations. */
export function behaviorsDocument(handbook: Handbook, urls: Urls) {
  return allBehaviors(handbook).map((behavior) => ({
    track: behavior.track,
    level: behavior.level,
    category: behavior.category,
    id: behavior.id,
    text: behavior.text,
    textPlain: plainText(behavior.text),
    examples: behavior.examples,
    examplesPlain: behavior.examples.map(plainText),
    url: urls.absolute(urls.behavior(behavior)),
    permalink: urls.absolute(urls.permalink(behavior.track, behavior.id)),
  }));
}

/** `/api/{track}/compare/{from}/{to}.json`: the comparison behind the compare page. */
export function comparisonDocument(comparison: LevelComparison, urls: Urls) {
  const level = ({ id, code, title }: Level) => ({ id, code, title: title ?? null });
  const behavior = (b: Behavior) => ({
    id: b.id,
    level: b.level,
    text: b.text,
    textPlain: plainText(b.text),
    examples: b.examples,
    examplesPlain: b.examples.map(plainText),
    // The trees the roadmap builder shows and exports, so the browser needs no Markdown parser;
    // an example's handbook links are absolute, as the export is read away from the site.
    textNodes: parseInlineMarkdown(b.text).nodes,
    exampleNodes: b.examples.map((example) => exportedTree(example, urls)),
    url: urls.absolute(urls.behavior(b)),
    permalink: urls.absolute(urls.permalink(b.track, b.id)),
  });
  const pair = (change: ChangedBehavior) => ({
    from: behavior(change.from),
    to: behavior(change.to),
    source: change.source,
    // The forms between the two ends, oldest first: the steps that make far-apart ends one expectation.
    via: change.via.map((b) => ({
      id: b.id,
      level: b.level,
      text: b.text,
      textPlain: plainText(b.text),
      url: urls.absolute(urls.behavior(b)),
    })),
    diff: change.diff,
  });
  return {
    schemaVersion: API_SCHEMA_VERSION,
    track: comparison.track,
    cumulative: comparison.cumulative,
    from: level(comparison.from),
    to: level(comparison.to),
    totals: comparison.totals,
    // A track without categories compares its behaviors as one category with no id or title.
    categories: comparison.categories.map((c) => ({
      id: c.category?.id ?? null,
      title: c.category?.title ?? null,
      group: c.category?.group ?? null,
      counts: countComparison([c]),
      changed: c.changed.map(pair),
      unchanged: c.unchanged.map(pair),
      added: c.added.map(behavior),
      carried: c.carried.map(behavior),
    })),
    shared: comparison.shared.flatMap((group) =>
      group.behaviors.map((b) => ({ ...behavior(b), category: b.category })),
    ),
  };
}

/**
 * `/api/{track}/threads.json`: the threads behind the growth page. Each form's `step` holds the
 * words that changed from the form before (of the plain texts: joined without the added words
 * they give the form before's `textPlain`, without the removed ones this form's); null for the first.
 */
export function threadsDocument(track: Track, threads: CategoryThreads[], urls: Urls) {
  return {
    schemaVersion: API_SCHEMA_VERSION,
    track: track.id,
    cumulative: track.cumulative,
    // A track without categories has one category with no id or title, as in a comparison.
    categories: threads.map(({ category, threads: list }) => ({
      id: category?.id ?? null,
      title: category?.title ?? null,
      threads: list.map((thread) => ({
        id: thread.id,
        startsNew: thread.startsNew,
        lastRestated: thread.lastRestated.id,
        after: { levels: thread.after.levels.map((level) => level.id), held: thread.after.held },
        forms: thread.forms.map(({ behavior, level, skipped, step }) => ({
          level: level.id,
          id: behavior.id,
          text: behavior.text,
          textPlain: plainText(behavior.text),
          url: urls.absolute(urls.behavior(behavior)),
          permalink: urls.absolute(urls.permalink(behavior.track, behavior.id)),
          skipped: skipped.map((between) => between.id),
          step: step ? { source: step.source, diff: step.diff } : null,
        })),
      })),
    })),
  };
}
