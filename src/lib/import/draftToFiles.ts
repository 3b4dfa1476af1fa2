import type { Root, RootContent } from "mdast";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { compareText } from "../handbook/buildHandbook";
import { createTextSimilarity } from "../compare/textSimilarity";
import { SIMILARITY_THRESHOLD } from "../compare/trackEvolution";
import { markdownTextSchema } from "../schemas/markdownText";
import { textSchema } from "../schemas/text";
import { idSchema } from "../schemas/ids";
import type { BehaviorData, CategoryData, LevelBehaviorsData, LevelData, TrackData } from "../schemas";
import { plainText } from "../text/inlineMarkdown";
import {
  comparePlaces,
  excerpt,
  type DraftBehavior,
  type DraftGroup,
  type DraftText,
  type DraftTrack,
  type ImportWarning,
  type Loss,
  type SourcePlace,
} from "./draft";
import { idFromText, levelIdFromName } from "./idFromText";
import { RESERVED_LEVEL_IDS } from "../links/urls";

/** Where an item of the source lands in the data: for `--dry-run`, and for tests. */
export interface Placement {
  at: SourcePlace;
  /** What it becomes: `behavior`, `example`, `level`, `category`… */
  as: string;
  /** Where: `t/ic3/technical#writes-docs`, `t/ic3 (level IC3)`. */
  path: string;
}

/** The data files of one track, and what became of every item of the draft. */
export interface TrackFiles {
  /** By path below the data folder: JSON data as objects, prose pages (`.mdx`) as text. */
  files: Record<string, unknown>;
  placements: Placement[];
  /** Items of the draft that cannot be data as written (a text the model refuses, a behavior outside any category). */
  losses: Loss[];
  warnings: ImportWarning[];
  /** Decisions the importer made for the user to check, such as `cumulative`. */
  proposals: string[];
}

/**
 * A level's name split into its code and job title: `D1 - Developer 1`, `IC3 · Senior
 * Engineer`, `L4: Staff`, `E5 | Senior`, `Senior Engineer (IC3)`. The code is a short token
 * with a digit (`IC3`, `L4`, `P1.5`, `Level 3`); a name without one is all code (`Junior`).
 */
export function splitLevelName(name: string): { code: string; title?: string } {
  const text = name.trim();
  const code = String.raw`(?:[Ll]evel\s+\d+(?:\.\d+)?|[A-Za-z]{0,4}-?\d+(?:\.\d+)?[A-Za-z]?)`;
  const leading = new RegExp(String.raw`^(${code})\s*(?:[-–—·:|/•]\s*|\s+(?=\p{Lu}))(.+)$`, "u").exec(text);
  if (leading) return { code: leading[1], title: leading[2].trim() };
  const trailing = new RegExp(String.raw`^(.+?)\s*[(\[](${code})[)\]]$`, "u").exec(text);
  if (trailing) return { code: trailing[2], title: trailing[1].trim() };
  return { code: text };
}

/**
 * Whether an id a source gives reads as a name in a permanent link: a UUID, a hash or a bare
 * number (a database's key) does not, so the importer makes one from the text instead.
 */
export function isMeaningfulId(id: string): boolean {
  const uuid = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(id);
  const hash = /^[0-9a-f]{8,}$/i.test(id) && /\d/.test(id);
  return !uuid && !hash && !/^\d+$/.test(id);
}

/** The number in a level's code (`IC3` → 3, `Level 2.5` → 2.5), to order levels by. */
function codeNumber(code: string): number | undefined {
  const match = /\d+(?:\.\d+)?/.exec(code);
  return match ? Number(match[0]) : undefined;
}

/**
 * Whether the levels restate their predecessors (each level lists everything expected at it)
 * rather than add to them (a cumulative track): proposed from how many of a level's behaviors
 * say again what the level below said, word for word or nearly (the comparison's own
 * similarity). Returns the proposal and the reason, to be reported.
 */
export function proposeCumulative(levels: { code: string; texts: string[] }[]): {
  cumulative: boolean;
  reason: string;
} {
  const defined = levels.filter((level) => level.texts.length > 0);
  if (defined.length < 2) {
    return { cumulative: true, reason: "fewer than two levels list behaviors, so none restates another" };
  }
  // Whole texts: a long cell sharing one sentence with the one below does not restate it.
  const similarity = createTextSimilarity(
    defined.flatMap((level) => level.texts),
    { bySentence: false },
  );
  let restated = 0;
  let compared = 0;
  const examples: string[] = [];
  for (let index = 1; index < defined.length; index += 1) {
    const below = defined[index - 1];
    const level = defined[index];
    const count = level.texts.filter((text) =>
      below.texts.some((older) => older === text || similarity(older, text) >= SIMILARITY_THRESHOLD),
    ).length;
    restated += count;
    compared += level.texts.length;
    if (examples.length < 2)
      examples.push(`${count} of ${level.code}'s ${level.texts.length} restate ${below.code}'s`);
  }
  const cumulative = restated * 2 < compared;
  const share = `${restated} of ${compared} behaviors above the first level restate one of the level below (${examples.join("; ")}…)`;
  return {
    cumulative,
    reason: cumulative
      ? `${share}: the levels add to each other`
      : `${share}: each level lists everything expected at it`,
  };
}

/**
 * Turns a draft into the data files of the track `track`: gives every level, category,
 * behavior and page an id (unless the source gave one), splits level names into code and
 * title, orders the levels, proposes `cumulative` unless the source says, and checks each text
 * as the model will, so that a text the model would refuse is reported at its place in the
 * source. `order` places the track among the others.
 */
export function draftToFiles(draft: DraftTrack, track: string, order = 1): TrackFiles {
  const losses: Loss[] = [];
  const warnings: ImportWarning[] = [];
  const placements: Placement[] = [];
  const place = (text: DraftText | undefined, as: string, path: string) =>
    text && placements.push({ at: text.at, as, path });

  /** A title as plain text, as the model keeps titles, with a warning when formatting goes. */
  const plainTitle = (title: DraftText, what: string): string => {
    const plain = plainText(title.text);
    if (plain !== title.text) {
      warnings.push({ at: title.at, message: `${what} "${title.text}" is kept as plain text: "${plain}"` });
    }
    return plain;
  };

  /** A text as the model takes it, or undefined (and a loss) when the model would refuse it. */
  const checked = (text: DraftText, what: string, markdown: boolean): string | undefined => {
    const result = (markdown ? markdownTextSchema : textSchema).safeParse(text.text);
    if (result.success) return text.text;
    losses.push({
      at: text.at,
      what: `${what} "${excerpt(text.text)}"`,
      why: result.error.issues.map((issue) => issue.message).join("; "),
    });
    return undefined;
  };

  // Categories: those the source describes, then those only named by a level, in order of first use.
  const categoryIds = new Set<string>();
  const categories: (CategoryData & { at: SourcePlace })[] = [];
  const categoryByKey = new Map<string, string>();
  const addCategory = (title: DraftText, id: string | undefined, description?: DraftText, group?: string) => {
    const key = id ?? title.text;
    const known = categoryByKey.get(key) ?? categoryByKey.get(title.text);
    if (known) {
      if (group)
        groupCategory(
          categories.find((category) => category.id === known)!,
          group,
          title.at,
        );
      return known;
    }
    const categoryTitle = plainTitle(title, "category title");
    const newId =
      id && !categoryIds.has(id)
        ? (categoryIds.add(id), id)
        : idFromText(categoryTitle, categoryIds, "category");
    const data: CategoryData & { at: SourcePlace } = { id: newId, title: categoryTitle, at: title.at };
    const describedAs = description && checked(description, "category description", true);
    if (describedAs) data.description = describedAs;
    categories.push(data);
    if (group) groupCategory(data, group, title.at);
    categoryByKey.set(key, newId);
    categoryByKey.set(title.text, newId);
    if (describedAs) place(description, "category description", `${track} category ${newId}`);
    return newId;
  };
  /** A category's group is the first the source gives it; another one is warned about. */
  const groupCategory = (category: CategoryData, group: string, at: SourcePlace) => {
    const title = plainText(group);
    if (category.group === undefined) category.group = title;
    else if (category.group !== title) {
      warnings.push({
        at,
        message: `category "${category.title}" is under the group "${title}" here, but under "${category.group}" before: it stays in "${category.group}"`,
      });
    }
  };
  /** Group headings placed so far (one heading holds several categories), as `draftPlaces` lists them. */
  const placedGroups = new Set<DraftText>();
  const placeGroup = (group: DraftGroup) => {
    if (!group.group || group.group === group.category || placedGroups.has(group.group)) return;
    placedGroups.add(group.group);
    place(group.group, "category group", `${track} category group "${plainText(group.group.text)}"`);
  };

  for (const category of draft.categories) {
    const id = addCategory(category, category.id, category.description, category.group);
    place(category, "category", `${track} category ${id}`);
  }

  const allGroups = [...(draft.shared?.groups ?? []), ...draft.levels.flatMap((level) => level.groups)];
  const categorized = allGroups.some((group) => group.category !== null) || draft.categories.length > 0;

  // Levels: ids from their codes, orders from the codes' numbers when every level has its own.
  // The site's own segments below a track are taken, so `## Compare` gets `compare-2`.
  const levelIds = new Set<string>(RESERVED_LEVEL_IDS);
  const levels = draft.levels.map((level) => {
    const split =
      level.code === undefined
        ? splitLevelName(plainText(level.heading.text))
        : { code: level.code, title: level.title };
    const id =
      level.id && !levelIds.has(level.id)
        ? (levelIds.add(level.id), level.id)
        : levelIdFromName(split.code, levelIds);
    return { draft: level, id, ...split };
  });
  const numbers = levels.map((level) => codeNumber(level.code));
  const numbered = numbers.every((n) => n !== undefined) && new Set(numbers).size === numbers.length;
  // Orders the source gives (a page's weight) are kept when each level has its own.
  const sourceOrders = draft.levels.map((level) => level.order);
  const givenOrders =
    sourceOrders.every((order) => order !== undefined) && new Set(sourceOrders).size === sourceOrders.length;
  if (!givenOrders && sourceOrders.some((order) => order !== undefined)) {
    warnings.push({
      at: draft.levels.find((level) => level.order !== undefined)!.heading.at,
      message: `the levels' orders (a page's weight or order) are not one per level: the levels are ordered ${numbered ? "by the numbers in their codes" : "as the source lists them"} instead`,
    });
  }

  const behaviorIds = new Set<string>();
  const givenIds = new Set(
    allGroups.flatMap((group) => group.behaviors.flatMap((behavior) => behavior.id ?? [])),
  );
  for (const id of givenIds) behaviorIds.add(id);
  const seenGiven = new Set<string>();
  const meaninglessIds: { at: SourcePlace; id: string }[] = [];

  /** What hangs on a behavior that is not taken goes with it, each named at its own place. */
  const loseWithBehavior = (behavior: DraftBehavior) => {
    const items = [
      ...behavior.examples.map((item) => ({ item, kind: "example" })),
      ...(behavior.aliases ?? []).map((item) => ({ item, kind: "alias" })),
    ];
    for (const { item, kind } of items) {
      losses.push({
        at: item.at,
        what: `${kind} "${excerpt(item.text)}"`,
        why: `it belongs to the behavior at line ${behavior.at.line}, which is not taken (see there)`,
      });
    }
  };

  const behaviorData = (
    behavior: DraftBehavior,
    where: string,
    categoryId: string | null,
    levelId: string,
  ) => {
    const text = checked(behavior, "behavior", true);
    if (text === undefined) {
      loseWithBehavior(behavior);
      return undefined;
    }
    let id = behavior.id;
    if (id !== undefined && !isMeaningfulId(id)) {
      meaninglessIds.push({ at: behavior.at, id });
      id = undefined;
    }
    if (id !== undefined && (!idSchema.safeParse(id).success || seenGiven.has(id))) {
      warnings.push({
        at: behavior.at,
        message: `id "${id}" is ${seenGiven.has(id) ? "given twice" : "not a valid id"}: a new one is generated`,
      });
      id = undefined;
    }
    if (id !== undefined) seenGiven.add(id);
    id ??= idFromText(plainText(text), behaviorIds, categoryId ?? "behavior", [
      levelId,
      ...(categoryId ? [categoryId] : []),
    ]);
    const data: BehaviorData = { id, text };
    place(behavior, "behavior", `${where}#${id}`);
    const aliases = (behavior.aliases ?? []).filter((alias) => {
      const valid = idSchema.safeParse(alias.text).success && !behaviorIds.has(alias.text);
      if (valid) place(alias, "alias", `${where}#${id}`);
      else
        losses.push({
          at: alias.at,
          what: `alias "${alias.text}"`,
          why: "it is not a kebab-case id, or another behavior has it",
        });
      if (valid) behaviorIds.add(alias.text);
      return valid;
    });
    if (aliases.length > 0) data.aliases = aliases.map((alias) => alias.text);
    const examples = behavior.examples.flatMap((example, index) => {
      const kept = checked(example, "example", true);
      if (kept !== undefined) place(example, `example ${index + 1}`, `${where}#${id}`);
      return kept === undefined ? [] : [kept];
    });
    if (examples.length > 0) data.examples = examples;
    return data;
  };

  const behaviorsOf = (
    groups: DraftGroup[],
    levelId: string,
    where: string,
  ): LevelBehaviorsData | undefined => {
    if (!categorized) {
      const list = groups.flatMap((group) =>
        group.behaviors.flatMap((behavior) => behaviorData(behavior, `${where}`, null, levelId) ?? []),
      );
      return list.length > 0 ? list : undefined;
    }
    const byCategory = new Map<string, BehaviorData[]>();
    for (const group of groups) {
      if (group.category === null) {
        for (const behavior of group.behaviors) {
          losses.push({
            at: behavior.at,
            what: `behavior "${excerpt(behavior.text)}"`,
            why: "it is under no category, while the track's other behaviors are: put it under a category",
          });
          loseWithBehavior(behavior);
        }
        continue;
      }
      const categoryId = addCategory(group.category, group.categoryId, undefined, group.group?.text);
      place(group.category, "category", `${where}/${categoryId}`);
      placeGroup(group);
      const list = byCategory.get(categoryId) ?? [];
      for (const behavior of group.behaviors) {
        const data = behaviorData(behavior, `${where}/${categoryId}`, categoryId, levelId);
        if (data) list.push(data);
      }
      byCategory.set(categoryId, list);
    }
    const nonEmpty = [...byCategory].filter(([, list]) => list.length > 0);
    return nonEmpty.length > 0 ? Object.fromEntries(nonEmpty) : undefined;
  };

  const files: Record<string, unknown> = {};
  let shared: TrackData["sharedExpectations"];
  if (draft.shared) {
    const behaviors = behaviorsOf(draft.shared.groups, "shared", `${track}/shared`);
    if (behaviors) {
      shared = { title: plainTitle(draft.shared.title, "the shared expectations' title"), behaviors };
      place(draft.shared.title, "shared expectations", `${track}/shared`);
    } else {
      losses.push({
        at: draft.shared.title.at,
        what: `shared expectations "${excerpt(draft.shared.title.text)}"`,
        why: "none of its behaviors is taken (see each), so the track has no shared expectations",
      });
    }
  }

  const levelTexts: { code: string; order: number; texts: string[] }[] = [];
  levels.forEach((level, index) => {
    const { draft: source, id, code, title } = level;
    const behaviors = behaviorsOf(source.groups, id, `${track}/${id}`);
    const data: LevelData = {
      code,
      ...(title && { title }),
      order: givenOrders ? source.order! : numbered ? numbers[index]! : index + 1,
      status: behaviors ? "defined" : "not yet defined",
    };
    place(source.heading, "level", `${track}/${id} (${code}${title ? ` · ${title}` : ""})`);
    const summary = source.summary && checked(source.summary, "level summary", true);
    if (summary) {
      data.summary = summary;
      place(source.summary, "level summary", `${track}/${id}`);
    }
    const facts = source.facts.flatMap((fact) => {
      const label = checked({ text: fact.label, at: fact.at }, "fact label", false);
      const value = checked({ text: fact.value, at: fact.at }, "fact value", false);
      if (label === undefined || value === undefined) return [];
      placements.push({ at: fact.at, as: "level fact", path: `${track}/${id} fact "${label}"` });
      return [{ label, value }];
    });
    if (facts.length > 0) data.facts = facts;
    if (behaviors) data.behaviors = behaviors;
    files[`${track}/levels/${id}.json`] = data;
    const texts = (Array.isArray(behaviors) ? behaviors : Object.values(behaviors ?? {}).flat()).map((b) =>
      plainText(b.text),
    );
    levelTexts.push({ code, order: data.order, texts });
  });

  if (meaninglessIds.length > 0) {
    const [first] = meaninglessIds;
    warnings.push({
      at: first.at,
      message: `${meaninglessIds.length === 1 ? "an id" : `${meaninglessIds.length} ids`} the source gives (such as "${first.id}") say nothing a reader recognizes in a link: ids are made from the texts instead`,
    });
  }

  const proposals: string[] = [];
  let cumulative = draft.cumulative;
  if (cumulative === undefined) {
    const proposal = proposeCumulative([...levelTexts].sort((a, b) => a.order - b.order));
    cumulative = proposal.cumulative;
    proposals.push(`"cumulative": ${cumulative}, since ${proposal.reason}`);
  }

  const proseIds = new Set<string>();
  draft.prose.forEach((page, index) => {
    const title = plainTitle(page.title, "the page title");
    const id = idFromText(title, proseIds, "page");
    files[`${track}/prose/${id}.mdx`] =
      `---\ntitle: ${JSON.stringify(title)}\norder: ${index + 1}\n---\n\n${mdxBody(page.body)}\n`;
    place(page.title, "prose page", `${track}/prose/${id}.mdx`);
  });

  listGroupsTogether(categories, warnings);

  const trackData: TrackData = {
    title: draft.title ? plainTitle(draft.title, "the framework's title") : track,
    order,
    description: (draft.description && checked(draft.description, "track description", true)) || "",
    cumulative,
    ...(categorized && { categories: categories.map(({ at: _, ...category }) => category) }),
    ...(shared && { sharedExpectations: shared }),
  };
  if (!trackData.description) {
    // A track needs a description; the title stands in for one, in the author's own words.
    trackData.description = trackData.title;
    warnings.push({
      at: draft.title?.at ?? { file: draft.levels[0]?.heading.at.file ?? "", line: 1, column: 1 },
      message: `the source gives no description of the framework: track.json repeats its title as one until you write it`,
    });
  }
  place(draft.title, "track title", `${track}/track.json`);
  if (draft.description && trackData.description)
    place(draft.description, "track description", `${track}/track.json`);
  if (!draft.title) {
    warnings.push({
      at: { file: draft.levels[0]?.heading.at.file ?? "", line: 1, column: 1 },
      message: `the source names no title for the framework: the track is titled "${track}" until you set "title" in track.json`,
    });
  }
  files[`${track}/track.json`] = trackData;
  const byPlace = (a: { at: SourcePlace }, b: { at: SourcePlace }) => comparePlaces(a.at, b.at);
  return {
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => compareText(a, b))),
    placements: placements.sort(byPlace),
    losses: losses.sort(byPlace),
    warnings: warnings.sort(byPlace),
    proposals,
  };
}

/**
 * The model's rule for category groups: every category of a track has a group or none does,
 * and a group's categories are listed together (each group is shown as one heading). A
 * category under no group heading while others are (a level written without its group
 * headings) becomes its own group, with a warning; categories are then ordered by their
 * group's first category, keeping their order within a group.
 */
function listGroupsTogether(
  categories: (CategoryData & { at: SourcePlace })[],
  warnings: ImportWarning[],
): void {
  if (!categories.some((category) => category.group !== undefined)) return;
  for (const category of categories) {
    if (category.group !== undefined) continue;
    category.group = category.title;
    warnings.push({
      at: category.at,
      message: `category "${category.title}" is under no group heading, while other categories are: it is its own group, "${category.title}"`,
    });
  }
  const firstOfGroup = new Map<string, number>();
  categories.forEach((category, index) => {
    if (!firstOfGroup.has(category.group!)) firstOfGroup.set(category.group!, index);
  });
  const order = new Map(categories.map((category, index) => [category, index]));
  categories.sort(
    (a, b) => firstOfGroup.get(a.group!)! - firstOfGroup.get(b.group!)! || order.get(a)! - order.get(b)!,
  );
}

/**
 * A prose page's Markdown for an MDX page: as written, unless MDX would read it as code (a `<`
 * or `{` in the text); then written out again with those escaped.
 */
function mdxBody(markdown: string): string {
  if (isPlainMdx(markdown)) return markdown;
  const root = unified().use(remarkParse).parse(markdown) as Root;
  // Raw HTML would be JSX in MDX: it is kept as the text it is, escaped.
  visit(root, "html", (node) => {
    (node as unknown as { type: string }).type = "text";
  });
  const children: RootContent[] = root.children;
  return unified().use(remarkStringify).use(remarkMdx).stringify({ type: "root", children }).trim();
}

/** Whether MDX reads the text as plain Markdown: no JSX, no expressions, no syntax error. */
function isPlainMdx(text: string): boolean {
  try {
    let plain = true;
    visit(unified().use(remarkParse).use(remarkMdx).parse(text), (node) => {
      if (node.type.startsWith("mdx")) plain = false;
    });
    return plain;
  } catch {
    return false;
  }
}
