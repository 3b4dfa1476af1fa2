import type { DraftBehavior, DraftGroup, DraftLevel, DraftText, DraftTrack, SourcePlace } from "../draft";
import { comparePlaces, excerpt, formatPlace } from "../draft";
import { type Behavior, type Category, type Level, type Track } from "../../handbook/buildHandbook";
import { behaviorLists, KEBAB_CASE } from "../../schemas";
import { idFromText } from "../idFromText";

/**
 * The data files of a track as written, parsed from their JSON with their keys in the order
 * written: a change rewrites only the lists of behaviors, so everything else of a file (and
 * every file the change leaves alone) stays exactly as it was.
 */
export interface WrittenTrack {
  /** `{track}/track.json`. */
  track: Record<string, unknown>;
  /** `{track}/levels/{level}.json`, by level id. */
  levels: Record<string, Record<string, unknown>>;
}

/** Where a behavior lives: its level (null for the shared expectations) and category (null on a track without). */
export interface BehaviorPlace {
  level: string | null;
  category: string | null;
  /** How the change names it: `IC3 / Delivery`, `All Levels / Impact`. */
  label: string;
}

/** Something a sheet says, with where. */
interface Sighting {
  /** Where the sheet says it; absent for what the sheet leaves out. */
  at?: SourcePlace;
}

export interface ChangeMessage extends Sighting {
  message: string;
}

/** What importing an edited sheet into an existing track would change. */
export interface SheetChange {
  track: string;
  added: (Sighting & { id: string; text: string; place: BehaviorPlace })[];
  /** Same id, another text. */
  reworded: (Sighting & { id: string; from: string; to: string; place: BehaviorPlace })[];
  /** Same id, another level or category. */
  moved: (Sighting & { id: string; from: BehaviorPlace; to: BehaviorPlace })[];
  /** Ids the sheet no longer lists. */
  removed: { id: string; text: string; place: BehaviorPlace }[];
  examplesChanged: (Sighting & { id: string; from: string[]; to: string[]; place: BehaviorPlace })[];
  /** Ids a row's `aliases` column adds to its behavior. */
  aliased: (Sighting & { id: string; alias: string })[];
  /** Lists whose behaviors the sheet puts in another order. */
  reordered: BehaviorPlace[];
  /** Behaviors with the same text, place and examples as before. */
  unchanged: number;
  /** What the sheet says that the change does not take (it is kept from the files), and guesses made. */
  notes: ChangeMessage[];
  /** Why the change cannot be written (a published id removed, an unknown level…); nothing is written when any. */
  errors: ChangeMessage[];
  /** The files the change rewrites, by path below the data folder (`support/levels/ic3.json`), as JSON data. */
  files: Record<string, unknown>;
}

export interface ChangeOptions {
  /**
   * Give every file holding behaviors (track.json and each level's), changed or not: to check
   * that a sheet without changes gives the files back exactly as written.
   */
  everyFile?: boolean;
}

/** A behavior as it will be written: its entry in a list of a data file. */
type RawBehavior = Record<string, unknown> & { id: string };

/** A behavior the sheet places, with the behavior it is (when it already exists). */
interface Placed {
  row: DraftBehavior;
  place: BehaviorPlace;
  id: string;
  existing?: Behavior;
}

/** Compares names as a reader would: case and runs of spaces do not count. */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

function placeKey(place: { level: string | null; category: string | null }): string {
  return JSON.stringify([place.level, place.category]);
}

function samePlace(a: BehaviorPlace, b: BehaviorPlace): boolean {
  return a.level === b.level && a.category === b.category;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** How a place is named: the level's code (or the shared section's title), and the category's title. */
function placeOf(level: Level | null, sharedTitle: string, category: Category | null): BehaviorPlace {
  const levelLabel = level ? level.code : sharedTitle;
  return {
    level: level?.id ?? null,
    category: category?.id ?? null,
    label: category ? `${levelLabel} / ${category.title}` : levelLabel,
  };
}

/** The names a level goes by in a sheet: its code, its id, its title, and code and title together. */
function levelNames(level: Level): string[] {
  const names = [level.code, level.id];
  if (level.title) {
    names.push(level.title);
    for (const separator of [" · ", " - ", " – ", " — ", ": ", " "])
      names.push(`${level.code}${separator}${level.title}`);
  }
  return names.map(nameKey);
}

/**
 * Reads a sheet (already read into a draft by a shape) as a change to an existing track. Rows
 * keep their ids: a row with the id of a behavior is that behavior, reworded if its text
 * differs, moved if its level or category does. A row without an id is the behavior with
 * exactly its text that no other row claims, or else a new behavior with an id made from its
 * text (`idFromText`, clear of every id and alias of the track and every published id). An id
 * the sheet no longer lists is removed, which is an error when the id was published (`lockedIds`,
 * from `published-ids.json`) and no row lists it in its `aliases` column: its links must keep
 * working. Everything the sheet does not hold (level titles and summaries, roles, prose,
 * `evolvesFrom` hints, aliases) is kept as the files have it, and only the files whose lists of
 * behaviors change are rewritten, the rest of each file as it was.
 */
export function changeFromDraft(
  draft: DraftTrack,
  track: Track,
  lockedIds: ReadonlySet<string>,
  written: WrittenTrack,
  options: ChangeOptions = {},
): SheetChange {
  const change: SheetChange = {
    track: track.id,
    added: [],
    reworded: [],
    moved: [],
    removed: [],
    examplesChanged: [],
    aliased: [],
    reordered: [],
    unchanged: 0,
    notes: [],
    errors: [],
    files: {},
  };
  const error = (message: string, at?: SourcePlace) => change.errors.push({ message, ...(at && { at }) });
  const note = (message: string, at?: SourcePlace) => change.notes.push({ message, ...(at && { at }) });

  const sharedTitle = track.shared?.title ?? draft.shared?.title.text ?? "All Levels";
  const { current, aliasOwner, oldOrder } = indexTrack(track, sharedTitle);
  if (draft.title && draft.title.text !== track.title)
    note(`the sheet's title is "${draft.title.text}": ${track.id}/track.json keeps its own`, draft.title.at);

  // Where each of the sheet's sections and groups goes.
  const placedGroups: { place: BehaviorPlace; behaviors: DraftBehavior[] }[] = [];
  // Rows whose level or category the track lacks: an error says so once, and their behaviors
  // are not also reported as removed, since the rows are there (a typo, not a deletion).
  const unplaced: DraftBehavior[] = [];
  const placeGroups = (level: Level | null, groups: DraftGroup[]) => {
    for (const group of groups) {
      const category = categoryOf(group);
      if (category === undefined) {
        unplaced.push(...group.behaviors);
        continue;
      }
      placedGroups.push({ place: placeOf(level, sharedTitle, category), behaviors: group.behaviors });
    }
  };
  const categoryOf = (group: DraftGroup): Category | null | undefined => {
    const first = group.behaviors[0];
    if (track.categories.length === 0) {
      if (group.category === null && group.categoryId === undefined) return null;
      error(
        `the track "${track.id}" has no categories, but the sheet puts behaviors in "${group.category?.text ?? group.categoryId}": leave their category empty`,
        group.category?.at ?? first?.at,
      );
      return undefined;
    }
    if (group.category === null && group.categoryId === undefined) {
      for (const behavior of group.behaviors)
        error(
          `"${excerpt(behavior.text)}" has no category: give it one of the track's (${track.categories.map((c) => c.title).join(", ")})`,
          behavior.at,
        );
      return undefined;
    }
    const wanted = group.categoryId ?? group.category!.text;
    const found =
      track.categories.find((category) => category.id === group.categoryId) ??
      track.categories.find((category) => nameKey(category.title) === nameKey(wanted)) ??
      track.categories.find((category) => category.id === wanted.trim());
    if (!found)
      error(
        `"${wanted}" is not a category of the track "${track.id}" (${track.categories.map((c) => c.title).join(", ")}): add it to ${track.id}/track.json first, or use one of these`,
        group.category?.at ?? first?.at,
      );
    return found;
  };

  if (draft.shared) placeGroups(null, draft.shared.groups);
  for (const draftLevel of draft.levels) {
    const wanted = [draftLevel.code ?? draftLevel.heading.text, draftLevel.heading.text].map(nameKey);
    const level =
      track.levels.find((candidate) => candidate.id === draftLevel.id) ??
      track.levels.find((candidate) => levelNames(candidate).some((name) => wanted.includes(name)));
    if (level) {
      compareLevel(draftLevel, level, note);
      placeGroups(level, draftLevel.groups);
    } else if (wanted.includes(nameKey(sharedTitle))) {
      placeGroups(null, draftLevel.groups);
    } else {
      unplaced.push(...draftLevel.groups.flatMap((group) => group.behaviors));
      error(
        `"${draftLevel.heading.text}" is not a level of the track "${track.id}" (${track.levels.map((l) => l.code).join(", ")}): add its level file first, or use one of these codes`,
        draftLevel.heading.at,
      );
    }
  }

  // Which behavior each row is: by its id, else by its exact text, else a new one.
  const rows = placedGroups.flatMap(({ place, behaviors }) => behaviors.map((row) => ({ row, place })));
  const claimed = new Map<string, DraftBehavior>();
  const placed: (Placed | undefined)[] = rows.map(({ row, place }) => {
    if (row.id === undefined) return undefined;
    const id = row.id.trim();
    const owner = current.has(id) ? id : aliasOwner.get(id);
    if (owner !== undefined && owner !== id)
      note(`the row gives "${id}", an alias of "${owner}": it is read as "${owner}"`, row.at);
    const resolved = owner ?? id;
    const earlier = claimed.get(resolved);
    if (earlier) {
      error(
        `the id "${resolved}" is on two rows (the other at ${formatPlace(earlier.at)}): give each behavior its own id, or leave the new one's empty`,
        row.at,
      );
      return undefined;
    }
    if (owner === undefined && !KEBAB_CASE.test(id)) {
      error(
        `the id "${id}" is not kebab-case (lowercase letters and digits joined by single hyphens): fix it, or leave it empty for a new id`,
        row.at,
      );
      return undefined;
    }
    claimed.set(resolved, row);
    return { row, place, id: resolved, existing: current.get(resolved)?.behavior };
  });
  // The ids new behaviors must stay clear of: every id and alias of the track, published or in the sheet.
  const taken = new Set<string>([...current.keys(), ...aliasOwner.keys(), ...lockedIds, ...claimed.keys()]);
  rows.forEach(({ row, place }, index) => {
    if (placed[index] || row.id !== undefined) return;
    const unclaimed = [...current.values()].filter(
      ({ behavior }) => !claimed.has(behavior.id) && behavior.text === row.text,
    );
    const same = unclaimed.find((candidate) => samePlace(candidate.place, place)) ?? unclaimed[0];
    if (same) {
      claimed.set(same.behavior.id, row);
      placed[index] = { row, place, id: same.behavior.id, existing: same.behavior };
    } else {
      placed[index] = { row, place, id: idFromText(row.text, taken) };
    }
  });

  // What changes for each row, and the behavior as it will be written.
  const rawBehaviors = rawBehaviorsById(written);
  const newLists = new Map<string, RawBehavior[]>();
  const newIds = new Set<string>();
  const newAliases = new Set<string>();
  for (const entry of placed) {
    if (!entry) continue;
    const { row, place, id, existing } = entry;
    const examples = row.examples.map((example) => example.text);
    const aliases = [...(existing?.aliases ?? [])];
    for (const alias of row.aliases ?? []) {
      const other = current.has(alias.text) ? alias.text : aliasOwner.get(alias.text);
      if (alias.text === id || aliases.includes(alias.text)) continue;
      if (other !== undefined && claimed.has(other) && other !== id) {
        error(
          `"${alias.text}" in the aliases of "${id}" is ${other === alias.text ? "the id" : "an alias"} of "${other}", which the sheet keeps: an id links to one behavior`,
          alias.at,
        );
        continue;
      }
      if (!KEBAB_CASE.test(alias.text)) {
        error(`the alias "${alias.text}" of "${id}" is not kebab-case: fix it`, alias.at);
        continue;
      }
      aliases.push(alias.text);
      change.aliased.push({ id, alias: alias.text, at: alias.at });
    }
    newIds.add(id);
    for (const alias of aliases) newAliases.add(alias);

    let raw: RawBehavior;
    if (!existing) {
      change.added.push({ id, text: row.text, place, at: row.at });
      raw = orderedBehavior({ id, text: row.text }, examples, aliases);
    } else {
      const was = current.get(id)!;
      const reworded = existing.text !== row.text;
      const moved = !samePlace(was.place, place);
      const examplesChanged = !sameList(existing.examples, examples);
      const aliasesChanged = !sameList(existing.aliases, aliases);
      if (reworded) change.reworded.push({ id, from: existing.text, to: row.text, place, at: row.at });
      if (moved) change.moved.push({ id, from: was.place, to: place, at: row.at });
      if (examplesChanged)
        change.examplesChanged.push({ id, from: existing.examples, to: examples, place, at: row.at });
      if (!reworded && !moved && !examplesChanged) change.unchanged += 1;
      const original = rawBehaviors.get(id)!;
      raw =
        reworded || examplesChanged || aliasesChanged
          ? orderedBehavior({ ...original, text: row.text }, examples, aliases)
          : original;
    }
    const key = placeKey(place);
    newLists.set(key, [...(newLists.get(key) ?? []), raw]);
  }

  const unplacedIds = new Set(
    unplaced.flatMap((row) => {
      const id = row.id?.trim();
      return id ? [aliasOwner.get(id) ?? id] : [];
    }),
  );
  const unplacedTexts = new Set(unplaced.map((row) => row.text));
  for (const [id, { behavior, place }] of current) {
    const rowElsewhere = unplacedIds.has(id) || unplacedTexts.has(behavior.text);
    if (!claimed.has(id) && !rowElsewhere) change.removed.push({ id, text: behavior.text, place });
  }

  // Every published id must stay an id or an alias, or its links break.
  for (const id of lockedIds) {
    if (newIds.has(id) || newAliases.has(id)) continue;
    const removed = change.removed.find((entry) => entry.id === id);
    const owner = aliasOwner.get(id);
    const ownerRemoved = owner !== undefined && change.removed.find((entry) => entry.id === owner);
    if (removed) {
      error(
        `"${id}" (${removed.place.label}: "${excerpt(removed.text)}") was published (/b/${track.id}/${id}/), and the sheet no longer lists it: list "${id}" in the aliases column of the row that takes its place, or keep its row, so its links keep working`,
      );
    } else if (ownerRemoved) {
      error(
        `"${id}", an alias of the removed "${owner}", was published (/b/${track.id}/${id}/): list "${id}" in the aliases column of the row that takes its place, so its links keep working`,
      );
    }
  }

  for (const [key, before] of oldOrder) {
    const after = (newLists.get(key) ?? [])
      .map((behavior) => behavior.id)
      .filter((id) => before.includes(id));
    const stayed = before.filter((id) => after.includes(id));
    if (!sameList(after, stayed)) {
      const [level, category] = JSON.parse(key) as [string | null, string | null];
      const section = level === null ? null : track.levels.find((candidate) => candidate.id === level)!;
      change.reordered.push(
        placeOf(section, sharedTitle, track.categories.find((c) => c.id === category) ?? null),
      );
    }
  }

  // In the sheet's order, as a reader goes through them; what no row says last.
  const bySheetOrder = (a: ChangeMessage, b: ChangeMessage) =>
    !a.at || !b.at ? Number(!a.at) - Number(!b.at) : comparePlaces(a.at, b.at);
  change.errors.sort(bySheetOrder);
  change.notes.sort(bySheetOrder);
  if (change.errors.length === 0)
    change.files = changedFiles(track, written, newLists, sharedTitle, note, options.everyFile ?? false);
  return change;
}

/**
 * The track as it is: each behavior with its place, whose behavior each alias is, and the ids
 * of each list in order.
 */
function indexTrack(track: Track, sharedTitle: string) {
  const current = new Map<string, { behavior: Behavior; place: BehaviorPlace }>();
  const aliasOwner = new Map<string, string>();
  const oldOrder = new Map<string, string[]>();
  const sections = [
    ...(track.shared ? [{ level: null, groups: track.shared.groups }] : []),
    ...track.levels.map((level) => ({ level, groups: level.groups })),
  ];
  for (const section of sections) {
    for (const group of section.groups) {
      const place = placeOf(section.level, sharedTitle, group.category);
      oldOrder.set(
        placeKey(place),
        group.behaviors.map((behavior) => behavior.id),
      );
      for (const behavior of group.behaviors) {
        current.set(behavior.id, { behavior, place });
        for (const alias of behavior.aliases) aliasOwner.set(alias, behavior.id);
      }
    }
  }
  return { current, aliasOwner, oldOrder };
}

/** Notes what the sheet says of a level that differs from its file: its file's is kept. */
function compareLevel(
  draftLevel: DraftLevel,
  level: Level,
  note: (message: string, at?: SourcePlace) => void,
) {
  const file = `${level.track}/levels/${level.id}.json`;
  if (draftLevel.title !== undefined && draftLevel.title !== level.title)
    note(
      `the sheet gives ${level.code} the title "${draftLevel.title}": ${file} keeps its own`,
      draftLevel.heading.at,
    );
  if (draftLevel.summary && draftLevel.summary.text !== level.summary)
    note(`the sheet gives ${level.code} another summary: ${file} keeps its own`, draftLevel.summary.at);
  for (const fact of draftLevel.facts) {
    const same = level.facts.find((other) => other.label === fact.label);
    if (same?.value !== fact.value)
      note(
        `the sheet gives ${level.code} "${fact.label}: ${fact.value}": ${file} keeps its own facts`,
        fact.at,
      );
  }
}

/** A behavior written with its keys in the schema's order (id, text, aliases, examples, evolvesFrom, then any other). */
function orderedBehavior(base: Record<string, unknown>, examples: string[], aliases: string[]): RawBehavior {
  const { id, text, aliases: _aliases, examples: _examples, evolvesFrom, ...rest } = base;
  return {
    id: id as string,
    text,
    ...(aliases.length > 0 && { aliases }),
    ...(examples.length > 0 && { examples }),
    ...(evolvesFrom !== undefined && { evolvesFrom }),
    ...rest,
  };
}

/** Every behavior of the written files, as written, by id. */
function rawBehaviorsById(written: WrittenTrack): Map<string, RawBehavior> {
  const byId = new Map<string, RawBehavior>();
  const add = (behaviors: unknown) => {
    for (const list of behaviorLists(behaviors as RawBehavior[] | Record<string, RawBehavior[]> | undefined))
      for (const behavior of list.behaviors) byId.set(behavior.id, behavior);
  };
  add((written.track.sharedExpectations as { behaviors?: unknown } | undefined)?.behaviors);
  for (const level of Object.values(written.levels)) add(level.behaviors);
  return byId;
}

/**
 * A level's (or the shared expectations') behaviors as written: the array of a track without
 * categories, else a record by category id, keeping the written order of categories (and any
 * empty list written) and adding new ones in the track's order.
 */
function behaviorsValue(
  track: Track,
  level: string | null,
  written: unknown,
  lists: Map<string, RawBehavior[]>,
): unknown {
  if (track.categories.length === 0) return lists.get(placeKey({ level, category: null })) ?? [];
  const writtenRecord = (
    written && typeof written === "object" && !Array.isArray(written) ? written : {}
  ) as Record<string, unknown[]>;
  const entries: [string, RawBehavior[] | unknown[]][] = [];
  for (const [category, list] of Object.entries(writtenRecord)) {
    const now = lists.get(placeKey({ level, category }));
    if (now && now.length > 0) entries.push([category, now]);
    else if (Array.isArray(list) && list.length === 0) entries.push([category, list]);
  }
  for (const category of track.categories) {
    if (Object.hasOwn(writtenRecord, category.id)) continue;
    const now = lists.get(placeKey({ level, category: category.id }));
    if (now && now.length > 0) entries.push([category.id, now]);
  }
  return Object.fromEntries(entries);
}

function isEmptyBehaviors(value: unknown): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : Object.values(value as object).every((list) => list.length === 0);
}

/** The files whose behaviors change, each the written file with its behaviors replaced. */
function changedFiles(
  track: Track,
  written: WrittenTrack,
  lists: Map<string, RawBehavior[]>,
  sharedTitle: string,
  note: (message: string, at?: SourcePlace) => void,
  everyFile: boolean,
): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => !everyFile && JSON.stringify(a) === JSON.stringify(b);

  const shared = written.track.sharedExpectations as { title: string; behaviors: unknown } | undefined;
  const sharedNow = behaviorsValue(track, null, shared?.behaviors, lists);
  if (shared ? !same(sharedNow, shared.behaviors) : !isEmptyBehaviors(sharedNow)) {
    files[`${track.id}/track.json`] = {
      ...written.track,
      sharedExpectations: shared
        ? { ...shared, behaviors: sharedNow }
        : { title: sharedTitle, behaviors: sharedNow },
    };
  } else if (everyFile) {
    files[`${track.id}/track.json`] = written.track;
  }

  for (const level of track.levels) {
    const file = written.levels[level.id];
    if (!file) continue;
    const now = behaviorsValue(track, level.id, file.behaviors, lists);
    const before = file.behaviors ?? (track.categories.length === 0 ? [] : {});
    if (same(now, before) || (!everyFile && file.behaviors === undefined && isEmptyBehaviors(now))) continue;
    const rewritten: Record<string, unknown> = { ...file, behaviors: now };
    if (isEmptyBehaviors(now)) delete rewritten.behaviors;
    if (level.status === "not yet defined" && !isEmptyBehaviors(now)) {
      rewritten.status = "defined";
      note(`${level.code} was "not yet defined": the sheet gives it behaviors, so it becomes "defined"`);
    }
    if (level.status === "defined" && isEmptyBehaviors(now)) {
      rewritten.status = "not yet defined";
      note(`the sheet lists no behavior of ${level.code} any more, so it becomes "not yet defined"`);
    }
    files[`${track.id}/levels/${level.id}.json`] = rewritten;
  }
  return files;
}

/** A text shortened for a line of the change. */
function quote(text: string): string {
  return `"${excerpt(text, 10)}"`;
}

/**
 * The change as people read it before it is written: a summary line, then each added, reworded,
 * moved, removed behavior and changed examples with where the sheet says so, then notes, then
 * errors, then the files it would rewrite.
 */
export function formatChange(change: SheetChange): string {
  const counts = [
    `${change.added.length} added`,
    `${change.reworded.length} reworded`,
    `${change.moved.length} moved`,
    `${change.removed.length} removed`,
    `${change.examplesChanged.length} with other examples`,
    ...(change.aliased.length > 0 ? [`${change.aliased.length} aliases added`] : []),
    ...(change.reordered.length > 0 ? [`${change.reordered.length} lists reordered`] : []),
    `${change.unchanged} unchanged`,
  ];
  const lines = [`${change.track}: ${counts.join(", ")}`];
  const at = (place?: SourcePlace) => (place ? `  (${formatPlace(place)})` : "");
  for (const entry of change.added)
    lines.push(`  added      ${entry.id} in ${entry.place.label}: ${quote(entry.text)}${at(entry.at)}`);
  for (const entry of change.reworded)
    lines.push(
      `  reworded   ${entry.id} in ${entry.place.label}: ${quote(entry.from)} → ${quote(entry.to)}${at(entry.at)}`,
    );
  for (const entry of change.moved)
    lines.push(`  moved      ${entry.id}: ${entry.from.label} → ${entry.to.label}${at(entry.at)}`);
  for (const entry of change.removed)
    lines.push(`  removed    ${entry.id} from ${entry.place.label}: ${quote(entry.text)}`);
  for (const entry of change.examplesChanged)
    lines.push(
      `  examples   ${entry.id} in ${entry.place.label}: ${entry.from.length} → ${entry.to.length} examples${at(entry.at)}`,
    );
  for (const entry of change.aliased) lines.push(`  alias      ${entry.alias} → ${entry.id}${at(entry.at)}`);
  for (const place of change.reordered) lines.push(`  reordered  ${place.label}`);
  for (const entry of change.notes)
    lines.push(`${entry.at ? `${formatPlace(entry.at)}: ` : ""}note: ${entry.message}`);
  for (const entry of change.errors)
    lines.push(`${entry.at ? `${formatPlace(entry.at)}: ` : ""}error: ${entry.message}`);
  const files = Object.keys(change.files);
  if (change.errors.length === 0)
    lines.push(
      files.length === 0 ? "No file changes." : `Files:\n${files.map((file) => `  ${file}`).join("\n")}`,
    );
  return lines.join("\n");
}
