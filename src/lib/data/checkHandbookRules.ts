import type { PartialSource, PartialSources } from "./parseSources";
import { formatFieldPath, type Problem } from "./problems";
import type { DeepPartial } from "./salvage";
import {
  behaviorLists,
  differingCharacters,
  lookAlikeKey,
  type CategoryData,
  type LevelBehaviorsData,
  type LevelData,
} from "../schemas";
import { linkableIds } from "../links/linkableIds";
import { didYouMean, quotedList, suggestIds } from "../links/suggestIds";
import { RESERVED_LEVEL_IDS, RESERVED_TRACK_IDS } from "../links/urls";

/**
 * The rules no single schema can express: everything that relates two fields or two files.
 * Track orders must be unique, so the order of the tracks never depends on their folder names.
 * Ids must be unique within a track (behaviors, responsibilities and their aliases share one
 * namespace because each gets a permanent link), behaviors are listed by category on a track
 * with categories (which must exist) and as one array on a track without, level orders and codes
 * must be unique, a level that is not yet defined lists no behaviors and a defined one does,
 * evolution hints name a behavior below in the same category. Files that failed their schema
 * take part with whatever of them is valid; rules that need a whole file skip incomplete ones.
 */
export function checkHandbookRules(sources: PartialSources): Problem[] {
  const problems: Problem[] = [];

  problems.push(...sharedOrders(sources.tracks, "each track"));
  const allLinkableIds = linkableIds(sources);

  for (const track of sources.tracks) {
    const file = track.file;
    if ((RESERVED_TRACK_IDS as readonly string[]).includes(track.track)) {
      problems.push({
        file,
        path: "",
        message: `track id "${track.track}" is used by the site itself: rename the folder`,
      });
    }
    const categoryIds = new Set<string>();
    (track.data.categories ?? []).forEach((category, index) => {
      if (category.id === undefined) return;
      if (categoryIds.has(category.id)) {
        problems.push({
          file,
          path: `categories[${index}].id`,
          message: `category "${category.id}" is listed twice: give each category its own id`,
        });
      }
      categoryIds.add(category.id);
    });
    problems.push(...categoryGroupProblems(file, track.data.categories ?? [], track.complete));

    const levels = sources.levels.filter((level) => level.track === track.track);
    const prose = sources.prose.filter((page) => page.track === track.track);

    // Every linkable id of the track, with the first place it was seen.
    const seen = new Map<string, string>();
    const claim = (id: string | undefined, where: { file: string; path: string }, what: string) => {
      if (id === undefined) return;
      const first = seen.get(id);
      if (first) {
        problems.push({
          ...where,
          message: `${what} "${id}" is already used at ${first}: ids must be unique within the track "${track.track}"; choose another id`,
        });
      } else {
        seen.set(id, where.path ? `${where.file}: ${where.path}` : where.file);
      }
    };
    // A track that failed its schema may have lost its categories: its shape is then unknown.
    const categorized = track.data.categories !== undefined;
    const checkCategories = (
      sourceFile: string,
      prefix: (string | number)[],
      behaviors: DeepPartial<LevelBehaviorsData>,
    ) => {
      if (!track.complete) return;
      if (Array.isArray(behaviors) === categorized) {
        problems.push({
          file: sourceFile,
          path: formatFieldPath(prefix),
          message: categorized
            ? `this track has categories: list the behaviors by category id, as an object whose keys are ${quotedList([...categoryIds], "or")} (the categories of ${track.file})`
            : `this track has no categories: list the behaviors as an array, or add categories to ${track.file}`,
        });
        return;
      }
      for (const { category, path } of behaviorLists(behaviors)) {
        if (category !== null && !categoryIds.has(category)) {
          problems.push({
            file: sourceFile,
            path: formatFieldPath([...prefix, ...path]),
            message: unknownCategory(category, [...categoryIds], track.file),
          });
        }
      }
    };

    const shared = track.data.sharedExpectations;
    if (shared?.behaviors) {
      checkCategories(file, ["sharedExpectations", "behaviors"], shared.behaviors);
      if (track.complete && behaviorLists(shared.behaviors).every((list) => !list.behaviors.length)) {
        problems.push({
          file,
          path: "sharedExpectations.behaviors",
          message:
            "lists no behavior: add the behaviors expected at every level, or remove sharedExpectations",
        });
      }
    }

    problems.push(...sharedOrders(levels, "each level of a track"));
    const codes = new Map<string, string>();
    for (const level of levels) {
      const { data } = level;
      if ((RESERVED_LEVEL_IDS as readonly string[]).includes(level.id)) {
        problems.push({
          file: level.file,
          path: "",
          message: `level id "${level.id}" is used by the site itself: rename the file`,
        });
      }
      if (data.code !== undefined) {
        const sameCode = codes.get(data.code);
        if (sameCode) {
          problems.push({
            file: level.file,
            path: "code",
            message: `code "${data.code}" is also the code of ${sameCode}: give each level of a track its own code`,
          });
        } else codes.set(data.code, level.file);
      }
      if (level.complete) {
        const count = behaviorLists(data.behaviors).reduce((sum, list) => sum + list.behaviors.length, 0);
        if (data.status === "not yet defined" && count > 0) {
          problems.push({
            file: level.file,
            path: "behaviors",
            message: `a level that is "not yet defined" lists no behaviors: remove them or set status to "defined"`,
          });
        }
        if (data.status === "defined" && count === 0) {
          problems.push({
            file: level.file,
            path: "behaviors",
            message: `a "defined" level needs at least one behavior: add behaviors or set status to "not yet defined"`,
          });
        }
      }
      if (data.behaviors) checkCategories(level.file, ["behaviors"], data.behaviors);
    }

    for (const linkable of allLinkableIds) {
      if (linkable.track === track.track) {
        claim(linkable.id, { file: linkable.file, path: linkable.path }, linkable.kind);
      }
    }

    checkEvolutionHints(track.track, levels, problems);

    // Names readers tell apart by sight, and search and filters by characters: both must agree.
    const roles = sources.roles.filter((role) => role.track === track.track);
    const named = <T extends { file: string }>(list: T[], path: string, value: (item: T) => unknown) =>
      list.map((item) => ({ file: item.file, path, value: value(item) }));
    problems.push(
      ...lookAlikes(
        named(levels, "code", (level) => level.data.code),
        "code",
        "give each level of a track its own code",
      ),
      ...lookAlikes(
        named(levels, "title", (level) => level.data.title),
        "title",
      ),
      ...lookAlikes(
        (track.data.categories ?? []).map((category, index) => ({
          file,
          path: `categories[${index}].title`,
          value: category.title,
        })),
        "category title",
      ),
      ...lookAlikes(
        (track.data.categories ?? []).map((category, index) => ({
          file,
          path: `categories[${index}].group`,
          value: category.group,
        })),
        "category group",
      ),
      ...lookAlikes(factLabelsOf(levels), "fact label"),
      ...lookAlikes(
        named(roles, "title", (role) => role.data.title),
        "role title",
      ),
      ...lookAlikes(
        named(prose, "title", (page) => page.data.title),
        "prose title",
      ),
    );

    problems.push(...sharedOrders(prose, "each prose page of a track"));
  }
  return problems;
}

/** Each order that an earlier file already has, as a problem of the later file: siblings sort by order. */
function sharedOrders(
  siblings: readonly { file: string; data: { order?: number } }[],
  each: string,
): Problem[] {
  const first = new Map<number, string>();
  const problems: Problem[] = [];
  for (const { file, data } of siblings) {
    if (data.order === undefined) continue;
    const same = first.get(data.order);
    if (same) {
      problems.push({
        file,
        path: "order",
        message: `order ${data.order} is also the order of ${same}: give ${each} its own order`,
      });
    } else first.set(data.order, file);
  }
  return problems;
}

/**
 * Each name of `named` that looks the same as an earlier one (see `lookAlikeKey`) but is written
 * with other characters, such as "é" composed in one file and decomposed in another, or a
 * zero-width space: a problem of its own file, saying which characters differ.
 */
function lookAlikes(
  named: readonly { file: string; path: string; value: unknown }[],
  what: string,
  fix = "write both with the same characters, or make them differ visibly",
): Problem[] {
  const first = new Map<string, { value: string; where: string }>();
  const problems: Problem[] = [];
  for (const { file, path, value } of named) {
    if (typeof value !== "string") continue;
    const key = lookAlikeKey(value);
    const seen = first.get(key);
    if (!seen) {
      first.set(key, { value, where: `${file}: ${path}` });
    } else if (seen.value !== value) {
      const [here, there] = differingCharacters(value, seen.value);
      problems.push({
        file,
        path,
        message: `${what} "${value}" looks the same as "${seen.value}" at ${seen.where} but is written with other characters (${here} here, ${there} there): ${fix}`,
      });
    }
  }
  return problems;
}

/**
 * The fact labels of `levels`, where they are, each level's labels once: a label twice in one
 * level is its schema's problem, so only labels of different levels are compared.
 */
function factLabelsOf(levels: readonly PartialSource<LevelData>[]) {
  return levels.flatMap((level) => {
    const keys = new Set<string>();
    return (level.data.facts ?? []).flatMap(({ label }, index) => {
      if (typeof label !== "string" || keys.has(lookAlikeKey(label))) return [];
      keys.add(lookAlikeKey(label));
      return [{ file: level.file, path: `facts[${index}].label`, value: label }];
    });
  });
}

/**
 * Category groups: either every category of a track has a group or none has (`complete`: when
 * the track file passed its schema, so a missing group is missing, not invalid), and the
 * categories of a group are listed together, since each group is shown as one heading.
 */
function categoryGroupProblems(
  file: string,
  categories: readonly DeepPartial<CategoryData>[],
  complete: boolean,
): Problem[] {
  const problems: Problem[] = [];
  const firstGrouped = categories.find((category) => category.group !== undefined);
  if (!firstGrouped) return problems;
  const name = (category: DeepPartial<CategoryData>) => `category "${category.id ?? category.title}"`;
  // Each group listed so far, with its first category; and the last category with a group.
  const seen = new Map<string, DeepPartial<CategoryData>>();
  let previous: DeepPartial<CategoryData> | undefined;
  categories.forEach((category, index) => {
    const { group } = category;
    if (group === undefined) {
      if (complete) {
        problems.push({
          file,
          path: `categories[${index}]`,
          message: `${name(category)} has no group, but ${name(firstGrouped)} is in the group "${firstGrouped.group}": give every category of the track a group, or none`,
        });
      }
      return;
    }
    const earlier = seen.get(group);
    if (earlier && previous?.group !== group) {
      problems.push({
        file,
        path: `categories[${index}].group`,
        message: `${name(category)} is in the group "${group}", but is listed apart from the group's other categories (from ${name(earlier)}), after ${name(previous!)} of the group "${previous!.group}": list the categories of a group one after another`,
      });
    }
    if (!earlier) seen.set(group, category);
    previous = category;
  });
  return problems;
}

/** `unknown category "craf": did you mean "craft"? …`, listing the categories there are. */
function unknownCategory(category: string, categories: string[], trackFile: string): string {
  const hint = didYouMean(suggestIds(category, categories, 1));
  const use = `use one of ${quotedList(categories, "or")}`;
  return hint
    ? `unknown category "${category}": ${hint} (${use}, the categories of ${trackFile})`
    : `unknown category "${category}": ${use} (the categories of ${trackFile})`;
}

/**
 * `evolvesFrom` must name a behavior of a lower level in the same category, and no behavior
 * may be named twice: each behavior has at most one next form.
 */
function checkEvolutionHints(track: string, levels: PartialSource<LevelData>[], problems: Problem[]): void {
  const behaviors = new Map<
    string,
    { level: PartialSource<LevelData>; category: string | null; text?: string }
  >();
  for (const level of levels) {
    for (const { category, behaviors: list } of behaviorLists(level.data.behaviors)) {
      for (const behavior of list) {
        if (behavior.id) behaviors.set(behavior.id, { level, category, text: behavior.text });
      }
    }
  }
  // A hint to a behavior that did not parse cannot be judged; its own problem is reported.
  const everyLevelComplete = levels.every((level) => level.complete);
  const namedBy = new Map<string, string>();
  for (const level of levels) {
    for (const { category, path, behaviors: list } of behaviorLists(level.data.behaviors)) {
      list.forEach((behavior, index) => {
        const hint = behavior.evolvesFrom;
        if (typeof hint !== "string") return;
        const where = {
          file: level.file,
          path: formatFieldPath(["behaviors", ...path, index, "evolvesFrom"]),
        };
        const target = behaviors.get(hint);
        const [targetOrder, order] = [target?.level.data.order, level.data.order];
        if (!target) {
          if (everyLevelComplete) {
            // The closest among those it may name: lower levels, same category.
            const candidates = [...behaviors]
              .filter(
                ([, b]) => b.category === category && (b.level.data.order ?? Infinity) < (order ?? Infinity),
              )
              .map(([id, b]) => ({ id, text: b.text }));
            const hintText = didYouMean(suggestIds(hint, candidates));
            problems.push({
              ...where,
              message: `"${hint}" is not a behavior of a level of the track "${track}": use the id of the behavior this one evolves from${hintText ? ` (${hintText})` : ""}`,
            });
          }
        } else if (targetOrder !== undefined && order !== undefined && targetOrder >= order) {
          problems.push({
            ...where,
            message: `"${hint}" is at ${target.level.data.code}, not below ${level.data.code}: a behavior evolves from one at a lower level`,
          });
        } else if (target.category !== category && target.category !== null && category !== null) {
          problems.push({
            ...where,
            message: `"${hint}" is in the category "${target.category}", not "${category}": a behavior evolves within its category`,
          });
        } else if (namedBy.has(hint)) {
          problems.push({
            ...where,
            message: `"${hint}" already evolves into "${namedBy.get(hint)}": a behavior has one next form; remove one of the hints`,
          });
        } else {
          namedBy.set(hint, behavior.id ?? "");
        }
      });
    }
  }
}
