import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import {
  comparePlaces,
  excerpt,
  type DraftBehavior,
  type DraftCategory,
  type DraftGroup,
  type DraftLevel,
  type DraftText,
  type DraftTrack,
  type ImportWarning,
  type Loss,
  type SourcePlace,
} from "../draft";
import { scalarText, scalarsUnder, type YamlSource } from "./yamlSource";

/** A YAML document read as a framework, with what was not taken. */
export interface FrameworkReading {
  draft: DraftTrack;
  losses: Loss[];
  warnings: ImportWarning[];
  /** Whether any level was found: without one the document is not a framework of these shapes. */
  foundLevels: boolean;
  /** The keys at the top, to say what was there when no level was found. */
  topKeys: string[];
}

/**
 * Reads a career framework out of a YAML document (a `.yml` file, or a page's front matter),
 * whatever its keys are called, by the few structures real frameworks keep YAML in:
 *
 * - **Topics holding criteria per level** (Monzo's progression framework and its forks): a
 *   list or map of `topics` / `categories` / `themes` / `areas`…, each with a `name` or `title`
 *   (a `name` beside a `title` is its id), an optional `description`, and criteria per level,
 *   either keyed by level (`levels: { junior: [..], senior: [..] }`, or keys naming levels
 *   listed elsewhere) or as records under `content` / `criteria`: `{ level: 2, criteria: [..],
 *   exampleCriteria: [{ criteria, examples }] }` or `{ level: 2, text: .., examples: [..] }`.
 * - **Levels holding categories**: `levels: [{ name | title | code | level, summary, years,
 *   categories: { Technical: [..] } }]` (or `competencies`, `areas`…: a map, or a list of
 *   `{ name, criteria }`), or criteria right under the level when there are no categories;
 *   `levels` may be a map keyed by the levels' names.
 * - **Flat records** (FT's engineering progression): a list of `{ level, category | area |
 *   topic | theme, text | criterion | description | summary, examples }`, at the top or under
 *   `criteria`, `competencies`…, with the levels and categories optionally listed beside it
 *   (`levels: [{ id, name }]`, `themes: [{ id, name, summary }]`) and referred to by id or name.
 *
 * A criterion is a text, or a map with a text field and `examples` (texts), or a map of one
 * text to its examples (`- Writes tests: [..]`). Level keys that give facts (years,
 * experience, salary band, scope…) become facts; a level named "All levels" (or a top-level
 * `shared` key) holds the shared expectations. Every text is the scalar's string as YAML
 * decodes it (trimmed), placed where the scalar starts. Every scalar is accounted for: it is a
 * text of the draft, or structure (a key, a level or category referred to, an id, an order),
 * or a setting of the site generator (`layout`, `permalink`…, warned about), or a loss saying
 * which key under what is not part of the shape. Keys under a topic are levels only under its
 * `levels` key or when they name levels listed elsewhere: an unknown key (`notes`) cannot be
 * told from a level's name, so it is reported rather than guessed.
 */
export function readFramework(source: YamlSource): FrameworkReading {
  const reader = new FrameworkReader(source);
  reader.readRoot();
  return reader.finish();
}

/** Key names compared without case, spaces, dashes, underscores or dots (`salary_band` = `Salary band`). */
export function keyName(key: string): string {
  return key.toLowerCase().replace(/[\s_.-]+/g, "");
}

const words = (...names: string[]) => new Set(names);

const TRACK_TITLE = words("title", "name", "track", "trackname", "framework", "frameworkname");
const DESCRIPTION = words(
  "description",
  "summary",
  "intro",
  "introduction",
  "overview",
  "about",
  "purpose",
  "definition",
);
const LEVELS = words(
  "levels",
  "grades",
  "ranks",
  "bands",
  "steps",
  "stages",
  "tiers",
  "careerlevels",
  "joblevels",
);
/** Collections of categories (topics holding criteria per level, or a level's categories). */
const CATEGORIES = words(
  "topics",
  "categories",
  "themes",
  "areas",
  "dimensions",
  "pillars",
  "skills",
  "sections",
  "attributes",
  "competencies",
  "competencyareas",
  "focusareas",
  "traits",
  "capabilities",
);
/** Collections of criteria or records (`competencies` is either, told by its entries). */
const RECORDS = words(
  "criteria",
  "behaviors",
  "behaviours",
  "expectations",
  "records",
  "items",
  "rows",
  "statements",
  "requirements",
  "content",
  "entries",
  "competencies",
);
const SHARED = words("shared", "alllevels", "everylevel", "common", "sharedexpectations");
const SHARED_LEVEL = /^(all|every|each)\s+levels?$|^shared(\s+expectations)?$/i;
const IDS = words("id", "key", "slug");
const CODES = words("code", "abbreviation", "shortname");
const NAMES = words("title", "name", "label", "jobtitle", "displayname");
const LEVEL_REF = words("level", "grade", "rank");
const ORDER = words("order", "weight", "position", "sort", "sortorder", "index");
const CATEGORY_REF = words(
  "category",
  "area",
  "topic",
  "theme",
  "competency",
  "dimension",
  "pillar",
  "skill",
  "attribute",
);
/** Fields that hold a criterion's text, the first present winning. */
const TEXT_FIELDS = [
  "text",
  "criterion",
  "criteria",
  "behavior",
  "behaviour",
  "expectation",
  "statement",
  "description",
  "summary",
  "requirement",
  "title",
  "name",
  "label",
  "content",
];
const EXAMPLES = words("examples", "example");
const EXAMPLE_CRITERIA = words("examplecriteria", "criteriawithexamples", "withexamples");
const FACTS = words("facts");
const FACT_KEY =
  /^(years|yearsofexperience|experience|typicalexperience|salary|salaryband|salaryrange|band|payband|pay|compensation|scope|tenure|timeinrole|timeatlevel|typicaltimeinrole)$/;
const GROUP = words("group", "categorygroup");
const CUMULATIVE = words("cumulative");
/** Settings of the site generator a page or file was kept for: not framework content. */
export const SITE_SETTING =
  /^(layout|permalink|path|url|linktitle|menutitle|shorttitle|sidebar.*|nav.*|menu.*|draft|date|lastmod|publishdate|expirydate|tags|keywords|aliases|redirect.*|homepage|yaml|template|type|toc|hidden|published|sitemap|comments|author|authors|lang|locale|image|og.*|seo.*|googlesheetid|islegacy|schema|version)$/;

/** What criteria are put under: a level, or the shared expectations. */
interface Target {
  groups: DraftGroup[];
  /** How a message names it: "level `Senior`". */
  name: string;
  level?: DraftLevel;
}

interface CategoryRef {
  text: DraftText;
  id?: string;
}

interface Context {
  level?: Target;
  /** `undefined`: not said here (a record may name it); `null`: no category. */
  category?: CategoryRef | null;
  /** Where we are, for messages: "topic `Technical`". */
  where: string;
}

interface KeyedPair {
  pair: Pair;
  key: string;
  /** The key compared by {@link keyName}. */
  name: string;
  value: Node | null;
}

/**
 * The state of one reading: the draft being filled, the levels and categories met so far (to
 * match references to them), and which scalars were taken or lost, so that every scalar the
 * document holds is accounted for at the end.
 */
export class FrameworkReader {
  readonly draft: DraftTrack = { categories: [], levels: [], prose: [] };
  readonly losses: Loss[] = [];
  readonly warnings: ImportWarning[] = [];
  private readonly levels: { target: Target; names: string[] }[] = [];
  private readonly categories: { category: DraftCategory; names: string[] }[] = [];
  private shared?: Target;
  private readonly accounted = new Set<Node>();
  private levelCount?: Scalar;
  private readonly topKeys: string[] = [];
  /** Whether the levels were listed (then a reference to another one is warned about). */
  private levelsListed = false;

  constructor(private readonly source: YamlSource) {}

  // ---- accounting -------------------------------------------------------------------------

  private place(node: Node): SourcePlace {
    return this.source.place(node);
  }

  /** Marks a node as taken as structure (a key, a reference, an id, an order). */
  private take(...nodes: (Node | null | undefined | unknown)[]): void {
    for (const node of nodes) if (node) this.accounted.add(node as Node);
  }

  private textOf(node: Scalar): DraftText {
    this.take(node);
    return { text: scalarText(node), at: this.place(node) };
  }

  /**
   * Reports every text under a node that is not accounted for yet as lost, with why: the values,
   * and a map's keys only when they hold nothing (a key holding a lost value is named by it).
   */
  private lose(
    node: Node | null | undefined | unknown,
    what: string,
    why: string,
    seen = new Set<Node>(),
  ): void {
    const resolved = this.resolve(node);
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    if (isScalar(resolved)) {
      if (this.accounted.has(resolved)) return;
      this.accounted.add(resolved);
      const text = scalarText(resolved);
      if (text) this.losses.push({ at: this.place(resolved), what: `${what} "${excerpt(text)}"`, why });
    } else if (isSeq(resolved)) {
      for (const item of resolved.items) this.lose(item, what, why, seen);
    } else if (isMap(resolved)) {
      for (const pair of resolved.items) {
        const holds = scalarsUnder(this.resolve(pair.value), this.source.doc).some((scalar) =>
          scalarText(scalar),
        );
        if (holds) this.take(pair.key);
        else this.lose(pair.key, what, why, seen);
        this.lose(pair.value, what, why, seen);
      }
    }
  }

  /** A key that is not part of the shape where it is: its value is lost (a warning when the value is empty). */
  private loseKey({ pair, key, value }: KeyedPair, where: string, why?: string): void {
    const reason = why ?? `key \`${key}\` under ${where} is not part of the framework shape`;
    this.take(pair.key);
    if (!scalarsUnder(value, this.source.doc).some((scalar) => scalarText(scalar))) {
      this.take(value);
      this.warnings.push({ at: this.place(pair.key as Node), message: `${reason}; it is empty` });
    } else {
      this.lose(value, `\`${key}\``, reason);
    }
  }

  /** A setting of the site generator: nothing of the framework is in it, which a warning says. */
  private skipSetting({ pair, key, value }: KeyedPair, where: string): void {
    this.take(pair.key, ...scalarsUnder(value, this.source.doc));
    this.warnings.push({
      at: this.place(pair.key as Node),
      message: `\`${key}\` under ${where} is a setting of the site or its tools, not framework content: not imported`,
    });
  }

  private resolve(node: Node | null | undefined | unknown): Node | null {
    if (node && isAlias(node)) return (node.resolve(this.source.doc) as Node | undefined) ?? null;
    return (node as Node | null | undefined) ?? null;
  }

  /** The pairs of a map; a pair whose key is not a text is lost on the way. */
  private pairs(map: YAMLMap, where: string): KeyedPair[] {
    const result: KeyedPair[] = [];
    for (const pair of map.items) {
      if (!isScalar(pair.key) || !scalarText(pair.key)) {
        this.lose(pair.key as Node, "key", `a key under ${where} is not a text`);
        this.lose(pair.value as Node, "value", `its key under ${where} is not a text`);
        continue;
      }
      const key = scalarText(pair.key);
      result.push({ pair, key, name: keyName(key), value: this.resolve(pair.value) });
    }
    return result;
  }

  /** A field holding a text: the text, or a loss saying it holds a list or map. */
  private textField(entry: KeyedPair, where: string): DraftText | undefined {
    this.take(entry.pair.key);
    const { value } = entry;
    if (!value) return undefined;
    if (isScalar(value)) return scalarText(value) ? this.textOf(value) : (this.take(value), undefined);
    this.lose(value, `\`${entry.key}\``, `\`${entry.key}\` under ${where} holds a list or map, not a text`);
    return undefined;
  }

  private isText(value: Node | null): value is Scalar {
    return isScalar(value) && scalarText(value) !== "";
  }

  // ---- the top ----------------------------------------------------------------------------

  readRoot(): void {
    const root = this.resolve(this.source.doc.contents);
    if (isMap(root)) this.readTrackMap(root, "the top level");
    else if (isSeq(root)) this.run(this.readCollection(root, "the top level", "entry"));
  }

  private run(steps: (() => void)[]): void {
    for (const step of steps) step();
  }

  /**
   * A track's map: its title, description and `cumulative`, and the collections that hold the
   * framework. Listed levels and categories are known before any criterion is read.
   */
  readTrackMap(map: YAMLMap, where: string, options: { levelsArePages?: boolean } = {}): void {
    const pairs = this.pairs(map, where);
    this.topKeys.push(...pairs.map(({ key }) => key));
    const steps: (() => void)[] = [];
    for (const entry of pairs) {
      if (!LEVELS.has(entry.name)) continue;
      if (options.levelsArePages) {
        this.loseKey(
          entry,
          where,
          `the levels are the folder's pages: \`${entry.key}\` in ${where} is not read`,
        );
        continue;
      }
      this.take(entry.pair.key);
      if (isScalar(entry.value) && typeof entry.value.value === "number") {
        this.take(entry.value);
        this.levelCount = entry.value;
      } else steps.push(...this.declareLevels(entry.value, where));
    }
    for (const entry of pairs) {
      const { pair, key, name, value } = entry;
      if (LEVELS.has(name)) continue;
      if (TRACK_TITLE.has(name) && !this.draft.title && isScalar(value)) {
        this.draft.title = this.textField(entry, where);
      } else if (DESCRIPTION.has(name) && !this.draft.description && isScalar(value)) {
        this.draft.description = this.textField(entry, where);
      } else if (CUMULATIVE.has(name) && isScalar(value) && typeof value.value === "boolean") {
        this.take(pair.key, value);
        this.draft.cumulative = value.value;
      } else if (ORDER.has(name) && isScalar(value) && typeof value.value === "number") {
        // The track's place among the others is given to `ladder import`, as a section's is to its site.
        this.skipSetting(entry, where);
      } else if (SHARED.has(name)) {
        const shared = this.sharedTarget(this.textOf(pair.key as Scalar));
        steps.push(() => this.readLevelContent(value, shared));
      } else if (CATEGORIES.has(name) || RECORDS.has(name)) {
        this.take(pair.key);
        steps.push(...this.readCollection(value, `\`${key}\``, singular(key), name));
      } else if (SITE_SETTING.test(name) || IDS.has(name)) {
        this.skipSetting(entry, where);
      } else {
        this.loseKey(entry, where);
      }
    }
    this.run(steps);
  }

  /**
   * A list or map at the top or under a collection key, read as what its entries are: records
   * (a level and a text each), topics (criteria per level) or levels. Topics and levels are
   * listed now; what they hold is read by the returned steps.
   */
  private readCollection(
    node: Node | null,
    where: string,
    entryName: string,
    collectionKey?: string,
  ): (() => void)[] {
    if (!node || (isScalar(node) && !scalarText(node))) {
      this.take(node);
      return [];
    }
    if (isScalar(node)) {
      this.lose(node, "text", `${where} holds one text, not a list of ${entryName} entries`);
      return [];
    }
    const onlyRecords =
      collectionKey !== undefined && RECORDS.has(collectionKey) && !CATEGORIES.has(collectionKey);
    if (isMap(node)) {
      // A map of names: criteria keyed by level, or topics keyed by their names.
      if (onlyRecords) return [() => this.readPerLevel(node, { category: null, where })];
      return this.declareCategories(node, entryName);
    }
    if (!isSeq(node)) return [];
    const kind = this.collectionKind(
      node.items.map((item) => this.resolve(item)),
      collectionKey,
    );
    if (kind === "levels") return this.declareLevels(node, where);
    if (kind === "categories") return this.declareCategories(node, entryName);
    return [() => this.readItems(node, { where })];
  }

  /** Whether the entries of a list are records, topics or levels, by the keys most of them have. */
  private collectionKind(
    entries: (Node | null)[],
    collectionKey?: string,
  ): "records" | "categories" | "levels" {
    const categoriesByName = collectionKey !== undefined && CATEGORIES.has(collectionKey);
    const votes = { records: 0, categories: 0, levels: 0 };
    for (const entry of entries) {
      if (!isMap(entry)) {
        votes[isScalar(entry) && categoriesByName ? "categories" : "records"] += 1;
        continue;
      }
      const fields = entry.items.map((pair) => ({
        name: isScalar(pair.key) ? keyName(scalarText(pair.key)) : "",
        value: this.resolve(pair.value),
      }));
      const has = (set: Set<string>, test: (value: Node | null) => boolean = () => true) =>
        fields.some(({ name, value }) => set.has(name) && test(value));
      const hasLevelRef = has(LEVEL_REF, (value) => this.isText(value));
      const holdsList = (value: Node | null) => isSeq(value) || isMap(value);
      if (has(LEVELS, holdsList) || fields.some(({ name }) => this.findLevel(name))) votes.categories += 1;
      else if (
        (has(CATEGORIES, holdsList) && !has(words("content"))) ||
        fields.some(({ name }) => FACT_KEY.test(name) || FACTS.has(name)) ||
        (hasLevelRef && has(NAMES, (value) => this.isText(value)) && has(RECORDS, holdsList))
      )
        votes.levels += 1;
      else if (hasLevelRef || has(CATEGORY_REF)) votes.records += 1;
      else if (has(RECORDS, holdsList) || categoriesByName) votes.categories += 1;
      else votes.records += 1;
    }
    if (votes.levels > votes.records && votes.levels > votes.categories) return "levels";
    if (votes.categories > votes.records || (categoriesByName && votes.categories === votes.records)) {
      return "categories";
    }
    return "records";
  }

  // ---- levels -----------------------------------------------------------------------------

  /**
   * Lists levels (`levels: [..]`, `levels: { Junior: .. }`) in order; what each holds is read
   * by the returned steps, once every level and category is known.
   */
  private declareLevels(node: Node | null, where: string): (() => void)[] {
    const steps: (() => void)[] = [];
    if (!node || (isScalar(node) && !scalarText(node))) {
      this.take(node);
      return steps;
    }
    this.levelsListed = true;
    if (isScalar(node)) {
      this.lose(node, "text", `the levels under ${where} are one text, not a list`);
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const entry = this.resolve(item);
        if (isScalar(entry)) {
          if (scalarText(entry)) this.levelNamed(entry);
          else this.take(entry);
        } else if (isMap(entry)) {
          steps.push(this.declareLevelMap(entry));
        } else if (entry) {
          this.lose(entry, "item", `a level listed under ${where} is a list, not a level`);
        }
      }
    } else if (isMap(node)) {
      for (const { pair, value } of this.pairs(node, `the levels under ${where}`)) {
        const target = this.levelNamed(pair.key as Scalar);
        if (isMap(value) && this.isLevelMap(value) && target.level) {
          steps.push(this.declareLevelMap(value, target));
        } else {
          steps.push(() => this.readLevelContent(value, target));
        }
      }
    }
    return steps;
  }

  /** Whether a map under a level's name holds the level's fields rather than its categories. */
  private isLevelMap(map: YAMLMap): boolean {
    return map.items.some((pair) => {
      if (!isScalar(pair.key)) return false;
      const name = keyName(scalarText(pair.key));
      return (
        [IDS, CODES, NAMES, LEVEL_REF, ORDER, DESCRIPTION, FACTS, CATEGORIES, RECORDS].some((set) =>
          set.has(name),
        ) || FACT_KEY.test(name)
      );
    });
  }

  /** A level named by a scalar (a listed name, a key, a reference met first), or the shared expectations. */
  private levelNamed(node: Scalar): Target {
    const text = scalarText(node);
    if (SHARED_LEVEL.test(text)) return this.sharedTarget(this.textOf(node));
    const found = this.findLevel(text);
    if (found) {
      this.take(node);
      return found;
    }
    const level: DraftLevel = { heading: this.textOf(node), facts: [], groups: [] };
    if (typeof node.value === "number") level.order = node.value;
    return this.addLevel(level, [text]);
  }

  private addLevel(level: DraftLevel, names: string[]): Target {
    const target: Target = { groups: level.groups, name: `level \`${level.heading.text}\``, level };
    this.draft.levels.push(level);
    this.levels.push({ target, names: names.map((name) => name.toLowerCase()) });
    return target;
  }

  private sharedTarget(title: DraftText): Target {
    if (!this.shared) {
      this.draft.shared = { title, groups: [] };
      this.shared = { groups: this.draft.shared.groups, name: `the shared expectations \`${title.text}\`` };
    }
    return this.shared;
  }

  private findLevel(name: string): Target | undefined {
    const wanted = name.trim().toLowerCase();
    return this.levels.find((entry) => entry.names.includes(wanted))?.target;
  }

  /** A level referred to (`level: junior`, `levels: { 2: [..] }`): one listed, or a new one. */
  private levelReferred(node: Scalar): Target {
    const text = scalarText(node);
    if (this.findLevel(text) || SHARED_LEVEL.test(text)) return this.levelNamed(node);
    const position = /^\d+$/.test(text) ? Number(text) : 0;
    const unnumbered = this.levels.every(({ target }) => target.level?.order === undefined);
    if (this.levelsListed && unnumbered && position >= 1 && position <= this.levels.length) {
      const { target } = this.levels[position - 1];
      this.take(node);
      this.warnings.push({
        at: this.place(node),
        message: `level \`${text}\` is taken as the level listed in place ${position}, \`${target.level!.heading.text}\``,
      });
      return target;
    }
    if (this.levelsListed) {
      this.warnings.push({
        at: this.place(node),
        message: `level \`${text}\` is not among the levels listed: it is added after them`,
      });
    }
    return this.levelNamed(node);
  }

  /**
   * A level's map: its name fields are read now (so that references find it), the rest
   * (summary, facts, categories, criteria) by the returned step.
   */
  private declareLevelMap(map: YAMLMap, named?: Target): () => void {
    const pairs = this.pairs(map, "a level");
    const field = (set: Set<string>) => pairs.find(({ name, value }) => set.has(name) && this.isText(value));
    const id = field(IDS);
    const code = field(CODES);
    const title = field(NAMES);
    const number = field(LEVEL_REF);
    const numbered = number && typeof (number.value as Scalar).value === "number";
    const nameFields = [id, code, title, number].filter((found) => found !== undefined);
    let target = named;
    if (!target) {
      const heading = title ?? code ?? number ?? id;
      if (!heading) {
        return () =>
          this.lose(map, "level", "a level listed has no name (no `title`, `name`, `code` or `level`)");
      }
      const headingText = this.textOf(heading.value as Scalar);
      if (SHARED_LEVEL.test(headingText.text)) {
        target = this.sharedTarget(headingText);
      } else {
        const level: DraftLevel = { heading: headingText, facts: [], groups: [] };
        target = this.addLevel(level, []);
      }
    }
    const names = this.levels.find((entry) => entry.target === target)?.names ?? [];
    for (const found of nameFields) {
      this.take(found.pair.key, found.value);
      names.push(scalarText(found.value as Scalar).toLowerCase());
    }
    const level = target.level;
    if (level) {
      if (id) level.id = scalarText(id.value as Scalar);
      if (numbered) level.order = (number.value as Scalar).value as number;
      // The code and title apart, when the source gives them apart (`code: L3`, `title: Senior`).
      const codeText = code
        ? scalarText(code.value as Scalar)
        : number && !numbered
          ? scalarText(number.value as Scalar)
          : named
            ? level.heading.text
            : undefined;
      if (codeText !== undefined && title) {
        level.code = codeText;
        level.title = scalarText(title.value as Scalar);
      }
    }
    const done = new Set(nameFields.map((found) => found.pair));
    const ready = target;
    return () =>
      this.readLevelFields(
        pairs.filter(({ pair }) => !done.has(pair)),
        ready,
      );
  }

  /** A level's other fields: order, summary, facts, and what it expects, by category or not. */
  private readLevelFields(pairs: KeyedPair[], target: Target): void {
    const { level, name: where } = target;
    for (const entry of pairs) {
      const { pair, key, name, value } = entry;
      if (ORDER.has(name) && isScalar(value) && typeof value.value === "number") {
        this.take(pair.key, value);
        if (level) level.order = value.value;
        else {
          this.warnings.push({
            at: this.place(pair.key as Node),
            message: `\`${key}\` of ${where} is not read: the shared expectations come before every level`,
          });
        }
      } else if (level && DESCRIPTION.has(name) && !level.summary && isScalar(value)) {
        level.summary = this.textField(entry, where);
      } else if (level && FACT_KEY.test(name) && isScalar(value)) {
        this.take(pair.key, value);
        if (scalarText(value))
          level.facts.push({ label: key, value: scalarText(value), at: this.place(value) });
      } else if (level && FACTS.has(name)) {
        this.take(pair.key);
        this.readFacts(value, level, where);
      } else if (CATEGORIES.has(name) || RECORDS.has(name)) {
        this.take(pair.key);
        if (isSeq(value) && !CATEGORIES.has(name)) this.readItems(value, { level: target, where });
        else this.readCategoriesOfLevel(value, target, singular(key));
      } else if (this.findCategory(key)) {
        const category = this.categoryReferred(pair.key as Scalar);
        this.readItems(value, { level: target, category, where: `category \`${key}\` of ${where}` });
      } else if (SITE_SETTING.test(name)) {
        this.skipSetting(entry, where);
      } else {
        this.loseKey(entry, where);
      }
    }
  }

  /** A level's `facts:`, a map of label to value or a list of `{ label, value }`. */
  private readFacts(node: Node | null, level: DraftLevel, levelName: string): void {
    const where = `the facts of ${levelName}`;
    if (isMap(node)) {
      for (const entry of this.pairs(node, where)) {
        const { pair, key, value } = entry;
        if (isScalar(value)) {
          this.take(pair.key, value);
          if (scalarText(value))
            level.facts.push({ label: key, value: scalarText(value), at: this.place(value) });
        } else {
          this.loseKey(entry, where, `the fact \`${key}\` of ${levelName} holds a list or map, not a text`);
        }
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const entry = this.resolve(item);
        const pairs = isMap(entry) ? this.pairs(entry, where) : [];
        const label = pairs.find(
          ({ name, value }) => (name === "label" || name === "name") && this.isText(value),
        );
        const value = pairs.find(({ name, value }) => name === "value" && this.isText(value));
        if (label && value && pairs.length === 2) {
          this.take(label.pair.key, label.value, value.pair.key, value.value);
          const text = scalarText(value.value as Scalar);
          level.facts.push({
            label: scalarText(label.value as Scalar),
            value: text,
            at: this.place(value.value!),
          });
        } else {
          this.lose(entry, "fact", `a fact of ${levelName} is not \`{ label, value }\``);
        }
      }
    } else if (node) {
      this.lose(node, "facts", `the facts of ${levelName} are not a map of label to value`);
    }
  }

  /** What a level (or the shared expectations) holds under its name: its fields, categories, or criteria. */
  private readLevelContent(node: Node | null, target: Target): void {
    if (isMap(node) && !this.isOneCriterion(node)) {
      if (target.level && this.isLevelMap(node)) this.readLevelFields(this.pairs(node, target.name), target);
      else this.readCategoriesOfLevel(node, target, "category");
    } else {
      this.readItems(node, { level: target, category: null, where: target.name });
    }
  }

  /** A level's categories: `{ Technical: [..] }`, or `[{ name: Technical, criteria: [..] }]`. */
  private readCategoriesOfLevel(node: Node | null, target: Target, entryName: string): void {
    const where = `the ${entryName} list of ${target.name}`;
    if (isMap(node)) {
      for (const { pair, key, value } of this.pairs(node, where)) {
        const category = this.categoryReferred(pair.key as Scalar);
        this.readItems(value, {
          level: target,
          category,
          where: `${entryName} \`${key}\` of ${target.name}`,
        });
      }
      return;
    }
    if (!isSeq(node)) return this.readItems(node, { level: target, where });
    for (const item of node.items) {
      const entry = this.resolve(item);
      const pairs = isMap(entry) ? this.pairs(entry, where) : [];
      const title = pairs.find(
        ({ name, value }) => (NAMES.has(name) || CATEGORY_REF.has(name)) && this.isText(value),
      );
      if (!isMap(entry) || !title || !pairs.some(({ name }) => RECORDS.has(name))) {
        this.readItems(entry, { level: target, where });
        continue;
      }
      this.take(title.pair.key);
      const category = this.categoryReferred(title.value as Scalar);
      const inner = `${entryName} \`${scalarText(title.value as Scalar)}\` of ${target.name}`;
      for (const field of pairs) {
        const { pair, name, value } = field;
        if (pair === title.pair) continue;
        if (RECORDS.has(name)) {
          this.take(pair.key);
          this.readItems(value, { level: target, category, where: inner });
        } else if (IDS.has(name) && isScalar(value)) {
          this.take(pair.key, value);
        } else if (DESCRIPTION.has(name)) {
          this.loseKey(
            field,
            inner,
            `a description of ${inner} has no place in the draft: categories are described once, for the track`,
          );
        } else {
          this.loseKey(field, inner);
        }
      }
    }
  }

  // ---- pages of a folder -------------------------------------------------------------------

  /**
   * A level page's front matter (`title`, `code`, `level`, `order`/`weight`, `summary`, facts,
   * and criteria if it holds any), named by `heading` (the page's `# heading`) when the front
   * matter names none. The level, or the shared expectations when it is named "All levels";
   * undefined when nothing names it.
   */
  readLevelPage(
    map: YAMLMap | null,
    heading?: DraftText,
  ): { level?: DraftLevel; shared: boolean } | undefined {
    const where = "the front matter";
    const pairs = map ? this.pairs(map, where) : [];
    const named = pairs.some(
      ({ name, value }) => (NAMES.has(name) || CODES.has(name) || LEVEL_REF.has(name)) && this.isText(value),
    );
    let target: Target | undefined;
    if (named && map) {
      this.declareLevelMap(map)();
      target = this.shared ?? this.levels[0]?.target;
    } else if (heading) {
      target = SHARED_LEVEL.test(heading.text)
        ? this.sharedTarget(heading)
        : this.addLevel({ heading, facts: [], groups: [] }, [heading.text]);
      if (map) this.declareLevelMap(map, target)();
    }
    if (!target) return undefined;
    return { level: target.level, shared: target === this.shared };
  }

  /**
   * A prose page's front matter: its title and its order among the prose pages are taken,
   * settings of the site warned about, and anything else lost (a prose page is a title and its
   * Markdown).
   */
  readProsePage(map: YAMLMap | null): { title?: DraftText; order?: number } {
    const where = "the front matter of a prose page";
    const page: { title?: DraftText; order?: number } = {};
    for (const entry of map ? this.pairs(map, where) : []) {
      const { pair, key, name, value } = entry;
      if (NAMES.has(name) && !page.title && isScalar(value)) {
        page.title = this.textField(entry, where);
      } else if (ORDER.has(name) && isScalar(value) && typeof value.value === "number") {
        this.take(pair.key, value);
        page.order = value.value;
      } else if (SITE_SETTING.test(name)) {
        this.skipSetting(entry, where);
      } else {
        this.loseKey(
          entry,
          where,
          `a prose page keeps its title and its Markdown: \`${key}\` in ${where} has no place`,
        );
      }
    }
    return page;
  }

  // ---- categories -------------------------------------------------------------------------

  private findCategory(name: string): DraftCategory | undefined {
    const wanted = name.trim().toLowerCase();
    return this.categories.find((entry) => entry.names.includes(wanted))?.category;
  }

  /** A category named where criteria are (a key, a record's `theme:`): one listed, or a title of its own there. */
  private categoryReferred(node: Scalar): CategoryRef | null {
    const listed = this.findCategory(scalarText(node));
    if (listed) {
      this.take(node);
      return {
        text: { text: listed.text, at: listed.at },
        ...(listed.id !== undefined && { id: listed.id }),
      };
    }
    return scalarText(node) ? { text: this.textOf(node) } : null;
  }

  private addCategory(text: DraftText): DraftCategory {
    const category: DraftCategory = { ...text };
    this.draft.categories.push(category);
    this.categories.push({ category, names: [text.text.toLowerCase()] });
    return category;
  }

  private refOf(category: DraftCategory): CategoryRef {
    return {
      text: { text: category.text, at: category.at },
      ...(category.id !== undefined && { id: category.id }),
    };
  }

  /** Lists topics (`[{ name, levels }]`, `{ Technical: { .. } }`); their criteria are read by the returned steps. */
  private declareCategories(node: Node | null, entryName: string): (() => void)[] {
    const steps: (() => void)[] = [];
    if (isSeq(node)) {
      for (const item of node.items) {
        const entry = this.resolve(item);
        if (isScalar(entry)) {
          if (scalarText(entry)) this.addCategory(this.textOf(entry));
          else this.take(entry);
        } else if (isMap(entry)) {
          steps.push(this.declareCategoryMap(entry, entryName));
        } else if (entry) {
          this.lose(entry, "item", `a ${entryName} listed is a list, not a ${entryName}`);
        }
      }
    } else if (isMap(node)) {
      for (const { pair, value } of this.pairs(node, `the ${entryName} list`)) {
        const category = this.addCategory(this.textOf(pair.key as Scalar));
        const where = `${entryName} \`${category.text}\``;
        if (isScalar(value)) {
          if (scalarText(value)) category.description = this.textOf(value);
          else this.take(value);
        } else if (isMap(value) && !this.isOneCriterion(value)) {
          steps.push(this.declareCategoryMap(value, entryName, category));
        } else {
          steps.push(() => this.readItems(value, { category: this.refOf(category), where }));
        }
      }
    }
    return steps;
  }

  /** A topic's map: name, id, description and group now; its criteria per level by the returned step. */
  private declareCategoryMap(map: YAMLMap, entryName: string, named?: DraftCategory): () => void {
    const pairs = this.pairs(map, `a ${entryName}`);
    const field = (set: Set<string>) => pairs.find(({ name, value }) => set.has(name) && this.isText(value));
    const id = field(IDS);
    // A title wins over a name, which is then its id (Monzo: `name: leadership`, `title: Leadership`).
    const title =
      field(words("title", "label", "displayname")) ?? field(words("name")) ?? field(CATEGORY_REF);
    const nameAsId = title && title.name !== "name" ? field(words("name")) : undefined;
    let category = named;
    if (!category) {
      const heading = title ?? id;
      if (!heading) {
        return () =>
          this.lose(map, entryName, `a ${entryName} listed has no name (no \`name\` or \`title\`)`);
      }
      category = this.addCategory(this.textOf(heading.value as Scalar));
    }
    const names = this.categories.find((entry) => entry.category === category)!.names;
    const used = new Set<Pair>();
    for (const found of [id, title, nameAsId]) {
      if (!found) continue;
      used.add(found.pair);
      this.take(found.pair.key, found.value);
      names.push(scalarText(found.value as Scalar).toLowerCase());
    }
    const idField = id ?? nameAsId;
    if (idField) category.id = scalarText(idField.value as Scalar);
    const ref = this.refOf(category);
    const where = `${entryName} \`${category.text}\``;
    const rest: KeyedPair[] = [];
    for (const entry of pairs) {
      const { pair, name, value } = entry;
      if (used.has(pair)) continue;
      if (DESCRIPTION.has(name) && !category.description && isScalar(value)) {
        category.description = this.textField(entry, where);
      } else if (GROUP.has(name) && isScalar(value)) {
        this.take(pair.key, value);
        if (scalarText(value)) category.group = scalarText(value);
      } else if (NAMES.has(name) && isScalar(value) && !scalarText(value)) {
        this.take(pair.key, value); // `title:` left empty (Monzo): the name stands
      } else rest.push(entry);
    }
    return () => {
      for (const entry of rest) {
        const { pair, key, name, value } = entry;
        if (LEVELS.has(name)) {
          this.take(pair.key);
          if (isMap(value)) this.readPerLevel(value, { category: ref, where });
          else this.readItems(value, { category: ref, where });
        } else if (RECORDS.has(name) || EXAMPLE_CRITERIA.has(name)) {
          this.take(pair.key);
          this.readItems(value, { category: ref, where });
        } else if (this.findLevel(key) || SHARED_LEVEL.test(key)) {
          const level = this.levelReferred(pair.key as Scalar);
          this.readItems(value, { level, category: ref, where: `${where}, ${level.name}` });
        } else if (SITE_SETTING.test(name)) {
          this.skipSetting(entry, where);
        } else {
          this.loseKey(entry, where);
        }
      }
    };
  }

  /** Criteria keyed by level: `{ junior: [..], senior: [..] }`. */
  private readPerLevel(map: YAMLMap, context: Context): void {
    for (const { pair, value } of this.pairs(map, context.where)) {
      const level = this.levelReferred(pair.key as Scalar);
      this.readItems(value, { ...context, level, where: `${context.where}, ${level.name}` });
    }
  }

  // ---- criteria ---------------------------------------------------------------------------

  /** A map that is one criterion with its examples: `{ "Writes tests": [..] }`. */
  private isOneCriterion(map: YAMLMap): boolean {
    if (map.items.length !== 1) return false;
    const [pair] = map.items;
    if (!isScalar(pair.key) || typeof pair.key.value !== "string") return false;
    const key = pair.key.value;
    if (isField(keyName(key)) || this.findLevel(key) || this.findCategory(key)) return false;
    const value = this.resolve(pair.value);
    return isSeq(value) && value.items.every((item) => isScalar(this.resolve(item)));
  }

  /** Criteria: a list (of texts, records or lists), one text, or one record. */
  private readItems(node: Node | null | unknown, context: Context): void {
    const resolved = this.resolve(node);
    if (!resolved) return;
    if (isSeq(resolved)) {
      for (const item of resolved.items) this.readItems(item, context);
    } else if (isScalar(resolved)) {
      if (!scalarText(resolved)) return this.take(resolved);
      if (!context.level)
        return this.lose(resolved, "criterion", `a criterion under ${context.where} names no level`);
      this.addBehavior(context, { ...this.textOf(resolved), examples: [] });
    } else if (isMap(resolved)) {
      this.readRecord(resolved, context);
    }
  }

  private addBehavior(context: Context & { level?: Target }, behavior: DraftBehavior): void {
    this.groupFor(context.level!, context.category ?? null).behaviors.push(behavior);
  }

  private groupFor(target: Target, category: CategoryRef | null): DraftGroup {
    const found = target.groups.find((group) => {
      if (category === null || group.category === null) return category === group.category;
      if (category.id !== undefined || group.categoryId !== undefined)
        return group.categoryId === category.id;
      return group.category.text === category.text.text;
    });
    if (found) return found;
    const group: DraftGroup = { category: category?.text ?? null, behaviors: [] };
    if (category?.id !== undefined) group.categoryId = category.id;
    target.groups.push(group);
    return group;
  }

  /**
   * A record: one criterion with its level and category (or those of where it is), its text,
   * examples and id; or several criteria sharing them (`{ level: 2, criteria: [..],
   * exampleCriteria: [..] }`).
   */
  private readRecord(map: YAMLMap, outer: Context): void {
    if (this.isOneCriterion(map)) {
      const [pair] = map.items;
      if (!outer.level) return this.lose(map, "criterion", `a criterion under ${outer.where} names no level`);
      const behavior: DraftBehavior = { ...this.textOf(pair.key as Scalar), examples: [] };
      this.readExamples(pair.value, behavior, outer.where);
      return this.addBehavior(outer, behavior);
    }
    const pairs = this.pairs(map, `a criterion under ${outer.where}`);
    const context: Context = { ...outer };
    const levelRef = pairs.find(({ name, value }) => LEVEL_REF.has(name) && this.isText(value));
    if (levelRef) {
      this.take(levelRef.pair.key);
      context.level = this.levelReferred(levelRef.value as Scalar);
    } else if (!outer.level) {
      return this.lose(map, "criterion", `a criterion under ${outer.where} names no level`);
    }
    const categoryRef = pairs.find(({ name, value }) => CATEGORY_REF.has(name) && this.isText(value));
    if (categoryRef) {
      this.take(categoryRef.pair.key);
      context.category = this.categoryReferred(categoryRef.value as Scalar);
    }
    const where = `a criterion under ${outer.where}${context.level !== outer.level ? `, ${context.level!.name}` : ""}`;
    const text = TEXT_FIELDS.map((field) =>
      pairs.find(({ name, value }) => name === field && this.isText(value)),
    ).find(Boolean);
    const own: DraftBehavior | undefined = text && { ...this.textOf(text.value as Scalar), examples: [] };
    if (text) this.take(text.pair.key);
    const examples: KeyedPair[] = [];
    const nested: KeyedPair[] = [];
    for (const entry of pairs) {
      const { pair, key, name, value } = entry;
      if (entry === levelRef || entry === categoryRef || entry === text) continue;
      if (EXAMPLES.has(name)) {
        examples.push(entry);
      } else if (IDS.has(name) && isScalar(value) && own) {
        this.take(pair.key, value);
        if (scalarText(value)) own.id = scalarText(value);
      } else if ((RECORDS.has(name) || EXAMPLE_CRITERIA.has(name)) && (isSeq(value) || isMap(value))) {
        this.take(pair.key);
        nested.push(entry);
      } else if (SITE_SETTING.test(name)) {
        this.skipSetting(entry, where);
      } else if (own && TEXT_FIELDS.includes(name) && isScalar(value)) {
        this.loseKey(
          entry,
          where,
          `a criterion has one text: \`${text!.key}\` is its text, and \`${key}\` a second one`,
        );
      } else {
        this.loseKey(entry, where);
      }
    }
    if (own) {
      for (const entry of examples) {
        this.take(entry.pair.key);
        this.readExamples(entry.value, own, where);
      }
      this.addBehavior(context, own);
    } else {
      for (const entry of examples) {
        this.loseKey(
          entry,
          where,
          `examples under ${where} belong to no criterion: the record has no text of its own`,
        );
      }
    }
    for (const { value } of nested) this.readItems(value, { ...context, where });
  }

  /** A criterion's examples: a list of texts (or of maps with a text), or one text. */
  private readExamples(node: Node | null | unknown, behavior: DraftBehavior, where: string): void {
    const resolved = this.resolve(node);
    if (!resolved) return;
    if (isScalar(resolved)) {
      if (scalarText(resolved)) behavior.examples.push(this.textOf(resolved));
      else this.take(resolved);
    } else if (isSeq(resolved)) {
      for (const item of resolved.items) this.readExamples(item, behavior, where);
    } else if (isMap(resolved)) {
      const inner = `an example under ${where}`;
      const pairs = this.pairs(resolved, inner);
      const text = TEXT_FIELDS.map((field) =>
        pairs.find(({ name, value }) => name === field && this.isText(value)),
      ).find(Boolean);
      if (text) {
        this.take(text.pair.key);
        behavior.examples.push(this.textOf(text.value as Scalar));
      }
      for (const entry of pairs) if (entry !== text) this.loseKey(entry, inner);
    }
  }

  // ---- the end ----------------------------------------------------------------------------

  /**
   * Orders the levels by the order the source gives (when every level has one), checks a
   * level count (`levels: 6`) against the levels found, and loses any scalar no structure took,
   * so that nothing is dropped unsaid.
   */
  finish(): FrameworkReading {
    const { levels } = this.draft;
    if (levels.length > 0 && levels.every((level) => level.order !== undefined)) {
      levels.sort((a, b) => a.order! - b.order!);
    }
    if (this.levelCount && Number(this.levelCount.value) !== levels.length && levels.length > 0) {
      this.warnings.push({
        at: this.place(this.levelCount),
        message: `the file says it has ${this.levelCount.value} levels, and ${levels.length} were found`,
      });
    }
    const root = this.resolve(this.source.doc.contents);
    this.lose(root, "value", "it is in no structure of a framework this reader knows");
    this.losses.sort(byPlace);
    this.warnings.sort(byPlace);
    return {
      draft: this.draft,
      losses: this.losses,
      warnings: this.warnings,
      foundLevels: levels.length > 0 || this.draft.shared !== undefined,
      topKeys: this.topKeys,
    };
  }
}

/** Whether a key names a field of some structure, rather than being a text of its own. */
function isField(name: string): boolean {
  const sets = [
    LEVELS,
    CATEGORIES,
    RECORDS,
    IDS,
    CODES,
    NAMES,
    LEVEL_REF,
    ORDER,
    CATEGORY_REF,
    DESCRIPTION,
    EXAMPLES,
    EXAMPLE_CRITERIA,
    FACTS,
    GROUP,
  ];
  return (
    sets.some((set) => set.has(name)) ||
    TEXT_FIELDS.includes(name) ||
    FACT_KEY.test(name) ||
    SITE_SETTING.test(name)
  );
}

function byPlace(a: { at: SourcePlace }, b: { at: SourcePlace }): number {
  return comparePlaces(a.at, b.at);
}

/** The word for one entry of a collection, for messages: `topics` → `topic`, `categories` → `category`. */
function singular(key: string): string {
  return key.replace(/ies$/i, "y").replace(/s$/i, "");
}
