import Fuse, { type Expression, type IFuseOptions } from "fuse.js";
import MiniSearch, {
  type AsPlainObject,
  type Options,
  type Query,
  type SearchOptions,
  type SearchResult as IndexResult,
} from "minisearch";
import { isResponsibility } from "./responsibilities";
import type { SearchDocument } from "./searchDocuments";
import { editDistance, indexTerms, isFiller, queryWords, TEXT_WORD } from "./searchWords";
import { wordStem } from "../compare/textSimilarity";
import { PLACES } from "../links/urls";

/**
 * Search runs in two stages, measured side by side in docs/benchmarks.md. MiniSearch, an
 * inverted index, narrows every document to those with the words in a millisecond even at
 * 10,000 behaviors: each word as typed or in another form of it (mentoring → mentor,
 * mentorship; see `wordStem`), the last word also by its beginning, an unknown word by its
 * spelling; a level's job title and code count as its behaviors' words. The documents are put
 * in tiers: most words first (when none has all), then words in the text before words in the
 * names, as typed before other forms, beginnings and typos. fuse.js then ranks the best of
 * them within each tier by fuzzy closeness to what was typed.
 */
const FIELDS = ["text", "examples", "place", "levelTitle", "categoryTitle", "trackTitle"] as const;

/** The MiniSearch index: document numbers as ids, nothing stored (the documents travel alongside). */
export const INDEX_OPTIONS: Options<SearchDocument & { n: number }> = {
  idField: "n",
  fields: [...FIELDS],
  storeFields: [],
  // A behavior's examples are one field: each read as its own line of text.
  extractField: (document, field) =>
    field === "examples" ? document.examples.join("\n") : (document[field as keyof SearchDocument] as string),
  tokenize: indexTerms,
  // indexTerms lower-cases; what is looked up comes from the vocabulary or from queryWords.
  processTerm: (term) => term,
};

/** How the index scores what it finds: the text counts most. */
export const QUERY_OPTIONS: SearchOptions = {
  boost: { text: 3, examples: 1.5, place: 1, levelTitle: 1, categoryTitle: 1, trackTitle: 0.5 },
};

/** A word the index lacks (a typo) may be off by one letter in five, once it has four letters. */
const FUZZY = 0.2;

/** Whether `term`, found for the unknown `word`, is within the typo MiniSearch allowed (`FUZZY`). */
const isMisspelling = (term: string, word: string) => {
  const allowed = Math.round(word.length * FUZZY);
  return editDistance(term, word, allowed) <= allowed;
};

/**
 * How fuse.js ranks the candidates within a tier: by their text, as the tiers already say
 * which words were found in the names (level, category, track).
 */
export const SEARCH_OPTIONS: IFuseOptions<SearchDocument> = {
  keys: ["text"],
  threshold: 0.3,
  ignoreLocation: true,
  includeScore: true,
  minMatchCharLength: 2,
};

/** How many candidates fuse.js ranks: the ones a reader sees. */
export const CANDIDATES = 50;

/**
 * The search index as the build writes it and the browser fetches it. Documents are arrays
 * with the repeated names (tracks, places, categories) stored once, which halves the payload.
 */
export interface SearchPayload {
  tracks: [id: string, title: string][];
  /** Where documents live, with the level's job title ("" for none). */
  places: [place: string, levelTitle: string][];
  /** Responsibilities have no category id; behaviors of a track without categories neither id nor title. */
  categories: [id: string | null, title: string | null][];
  /** [track, level ("" for none), place, category, id, text, url, examples?], names as indexes above. */
  documents: [number, string, number, number, string, string, string, string[]?][];
  index: AsPlainObject;
}

/** Builds the payload once at build time: the documents, compacted, and their MiniSearch index. */
export function buildSearchPayload(documents: SearchDocument[]): SearchPayload {
  const tracks = new Map<string, number>();
  const places = new Map<string, number>();
  const categories = new Map<string, number>();
  const indexOf = <K>(map: Map<K, number>, key: K) => {
    if (!map.has(key)) map.set(key, map.size);
    return map.get(key)!;
  };
  const trackTitles = new Map(documents.map((d) => [d.track, d.trackTitle]));
  const compact = documents.map((d): SearchPayload["documents"][number] => {
    const names = [
      indexOf(tracks, d.track),
      d.level ?? "",
      indexOf(places, JSON.stringify([d.place, d.levelTitle ?? ""])),
      // By id and title: responsibilities and the behaviors of a track without categories both lack an id.
      indexOf(categories, JSON.stringify([d.category, d.categoryTitle])),
      d.id,
      d.text,
      d.url,
    ] as const;
    // Most behaviors have no examples: nothing is written for them.
    return d.examples.length > 0 ? [...names, d.examples] : [...names];
  });
  const index = new MiniSearch(INDEX_OPTIONS);
  index.addAll(documents.map((document, n) => ({ ...document, n })));
  return {
    tracks: [...tracks.keys()].map((id) => [id, trackTitles.get(id)!]),
    places: [...places.keys()].map((key) => JSON.parse(key)),
    categories: [...categories.keys()].map((key) => JSON.parse(key)),
    documents: compact,
    index: index.toJSON(),
  };
}

/** The documents of a payload, whole again. */
export function expandDocuments(payload: SearchPayload): SearchDocument[] {
  return payload.documents.map(([track, level, place, category, id, text, url, examples = []]) => ({
    track: payload.tracks[track][0],
    trackTitle: payload.tracks[track][1],
    level: level || null,
    place: payload.places[place][0],
    levelTitle: payload.places[place][1] || null,
    category: payload.categories[category][0],
    categoryTitle: payload.categories[category][1],
    id,
    text,
    examples,
    url,
  }));
}

/**
 * Narrows results to a track, a level and a category (ids). The level may also be
 * `PLACES.shared` (the track's shared expectations) or `PLACES.roles` (role responsibilities).
 */
export interface SearchFilters {
  track?: string;
  level?: string;
  category?: string;
}

/** A piece of a result's text, highlighted when a searched word matched it. */
export interface TextSegment {
  text: string;
  match: boolean;
}

export interface SearchResult {
  document: SearchDocument;
  /** The document's text in pieces, the matched words marked. */
  segments: TextSegment[];
  /** The first of its examples that has a searched word, the matched words marked. */
  example?: TextSegment[];
  /** Where it lives (`whereItLives`), the words matched there marked: "senior" finds IC3 by its title. */
  where: TextSegment[];
}

/** Where a document lives, as a result shows it: "Support · IC3 · Senior Support Engineer · Delivery". */
export function whereItLives(document: SearchDocument): string {
  return [document.trackTitle, document.place, document.levelTitle, document.categoryTitle]
    .filter(Boolean)
    .join(" · ");
}

/** Another search that finds more than this one, offered when it found nothing or only some of the words. */
export interface SearchSuggestion {
  /** A closer spelling from the index's words, fewer words, or one filter less. */
  kind: "spelling" | "fewer-words" | "filter";
  query: string;
  filters: SearchFilters;
  /** The filters it clears. */
  cleared?: (keyof SearchFilters)[];
  /** How many it finds. */
  total: number;
}

/** The results to show and how many matched in all. */
export interface SearchAnswer {
  results: SearchResult[];
  total: number;
  /** The words searched for: what was typed, without the words that tell nothing ("in", "on"). */
  words: string[];
  /** No behavior has all the words: the results are those with most of them. */
  partial: boolean;
  /** Searches that do better, when nothing or only some of the words were found. */
  suggestions: SearchSuggestion[];
}

const FILTER_NAMES = ["track", "level", "category"] as const;

const matchesFilters = (document: SearchDocument, filters: SearchFilters) =>
  (!filters.track || document.track === filters.track) &&
  (!filters.level ||
    (filters.level === PLACES.shared
      ? document.level === null && !isResponsibility(document)
      : filters.level === PLACES.roles
        ? isResponsibility(document)
        : document.level === filters.level)) &&
  (!filters.category || document.category === filters.category);

/**
 * Splits `text` into pieces, marking the words whose index term is among `terms` (lower case,
 * as `indexTerms` makes them). A hyphenated word is marked whole when it matched joined
 * ("tradeoffs") or when all its parts that tell something matched ("on-call" for "call"), so
 * "on-call" never lights up "on" alone; otherwise only its matched parts are marked.
 */
export function highlightTerms(text: string, terms: ReadonlySet<string>): TextSegment[] {
  if (terms.size === 0) return [{ text, match: false }];
  const marks: [number, number][] = [];
  for (const found of text.matchAll(TEXT_WORD)) {
    const word = found[0];
    const start = found.index!;
    if (!word.includes("-")) {
      if (terms.has(word.toLowerCase())) marks.push([start, start + word.length]);
      continue;
    }
    // Offsets from the word as written: lower-casing may change a word's length.
    let offset = 0;
    const parts = word.split("-").map((part) => {
      const at = start + offset;
      offset += part.length + 1;
      const term = part.toLowerCase();
      return { term, at, end: at + part.length, marked: terms.has(term) };
    });
    const whole =
      terms.has(parts.map(({ term }) => term).join("")) ||
      (parts.some(({ marked }) => marked) && parts.every(({ term, marked }) => marked || isFiller(term)));
    if (whole) marks.push([start, start + word.length]);
    else for (const { at, end, marked } of parts) if (marked) marks.push([at, end]);
  }
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [from, to] of marks) {
    if (from > at) segments.push({ text: text.slice(at, from), match: false });
    segments.push({ text: text.slice(from, to), match: true });
    at = to;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), match: false });
  return segments;
}

/**
 * The fuse.js query for the words searched for: any of them, so a text closer to more of them
 * ranks better. One word goes as it is, without the cost of a logical query.
 */
export function toFuseQuery(words: readonly string[]): string | Expression {
  return words.length === 1 ? words[0] : { $or: words.map((word) => ({ text: word })) };
}

/** The index's own words, by stem and in order: where word forms and closer spellings come from. */
export function createVocabulary(terms: readonly string[]) {
  const sorted = [...terms].sort();
  const known = new Set(sorted);
  const byStem = new Map<string, string[]>();
  for (const term of sorted) {
    const stem = wordStem(term);
    const forms = byStem.get(stem);
    if (forms) forms.push(term);
    else byStem.set(stem, [term]);
  }
  return {
    /** Every word of the index, in order. */
    words: sorted as readonly string[],
    /** Whether the index has `word` as it is. */
    has: (word: string) => known.has(word),
    /** The index's words that share a stem with `word`, itself included when the index has it. */
    forms: (word: string): readonly string[] => byStem.get(wordStem(word)) ?? [],
    /** The index's words that begin with `prefix`. */
    beginningWith(prefix: string): string[] {
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (sorted[middle] < prefix) low = middle + 1;
        else high = middle;
      }
      const words: string[] = [];
      for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) words.push(sorted[i]);
      return words;
    },
  };
}

/** How one word of a query is looked up in the index. */
interface WordLookup {
  word: string;
  /** The index's words that share its stem. */
  forms: readonly string[];
  /** The last word, perhaps still being typed (three letters or more): its beginning counts too. */
  prefix: boolean;
  /** Neither it nor another form of it is in the index: a typo, found by its spelling. */
  unknown: boolean;
  /** Whether an index word is a typo of it away (asked of every word of thousands of results: kept). */
  misspells: (term: string) => boolean;
}

/**
 * How well a document matched a word: in its text before in its names (level, category,
 * track), then as typed, in another form, by its beginning, by its spelling.
 */
const EXACT = 4;
const FORM = 3;
const BEGINNING = 2;
const SPELLING = 1;
const IN_TEXT = 10;
/** A word in a behavior's examples: below its text, above the names of where it lives. */
const IN_EXAMPLES = 5;

function wordMatch(lookup: WordLookup, result: IndexResult): number {
  let best = 0;
  for (const term of result.terms) {
    const kind =
      term === lookup.word
        ? EXACT
        : lookup.forms.includes(term)
          ? FORM
          : lookup.prefix && term.startsWith(lookup.word)
            ? BEGINNING
            : lookup.unknown && lookup.misspells(term)
              ? SPELLING
              : 0;
    if (!kind) continue;
    const fields = result.match[term];
    best = Math.max(
      best,
      kind + (fields.includes("text") ? IN_TEXT : fields.includes("examples") ? IN_EXAMPLES : 0),
    );
  }
  return best;
}

/** A document found by the index, with its tier (how many of the words it has, then how well) and which words it has (bits). */
interface Found {
  result: IndexResult;
  tier: number;
  has: number;
}

/**
 * Makes the search function from a payload. With a query: the documents with all the words
 * (or, when none has all, with most of them), that pass the filters, best tier first, ranked
 * by fuse.js within a tier. Without one: every document that passes the filters, in site order.
 * When nothing or only some words were found, it suggests searches that do better.
 */
export function createBehaviorSearch(payload: SearchPayload) {
  const documents = expandDocuments(payload);
  const index = MiniSearch.loadJS(payload.index, INDEX_OPTIONS);
  const vocabulary = createVocabulary(payload.index.index.map(([term]) => term));

  const lookUp = (words: readonly string[]): WordLookup[] =>
    words.map((word, i) => {
      const forms = vocabulary.forms(word);
      const prefix = i === words.length - 1 && word.length >= 3;
      const unknown = forms.length === 0 && !(prefix && vocabulary.beginningWith(word).length > 0);
      const known = new Map<string, boolean>();
      const misspells = (term: string) => {
        if (!known.has(term)) known.set(term, isMisspelling(term, word));
        return known.get(term)!;
      };
      return { word, forms, prefix, unknown, misspells };
    });

  const toQuery = (lookup: WordLookup): Query => ({
    combineWith: "OR",
    prefix: false,
    fuzzy: false,
    queries: [
      // The beginning of the word being typed finds its forms that begin like it.
      ...(lookup.prefix ? lookup.forms.filter((form) => !form.startsWith(lookup.word)) : lookup.forms),
      ...(lookup.prefix ? [{ queries: [lookup.word], prefix: true }] : []),
      ...(lookup.unknown && lookup.word.length > 3 ? [{ queries: [lookup.word], fuzzy: FUZZY }] : []),
    ],
  });

  /** The documents with all the words, or with any of them, in tiers. */
  function find(lookups: WordLookup[], filters: SearchFilters, combineWith: "AND" | "OR"): Found[] {
    const results = index.search(
      { combineWith, queries: lookups.map(toQuery) },
      { ...QUERY_OPTIONS, filter: (result) => matchesFilters(documents[result.id as number], filters) },
    );
    return results.map((result) => {
      let has = 0;
      let words = 0;
      let quality = 0;
      lookups.forEach((lookup, i) => {
        const match = wordMatch(lookup, result);
        if (match === 0) return;
        has |= 1 << i;
        words++;
        quality += match;
      });
      return { result, has, tier: words * 100_000 + quality };
    });
  }

  /** The documents with all the words if some have all, else those with most of them. */
  function search(words: readonly string[], filters: SearchFilters) {
    const lookups = lookUp(words);
    const all = find(lookups, filters, "AND");
    if (all.length > 0 || lookups.length === 1) return { found: all, partial: false };
    const some = find(lookups, filters, "OR");
    return { found: some, partial: some.length > 0 };
  }

  /** How many documents pass the filters, for a search without words. */
  const countListed = (filters: SearchFilters) =>
    documents.reduce((count, document) => count + (matchesFilters(document, filters) ? 1 : 0), 0);

  /**
   * Searches that do better than one that found nothing (any results) or only some of the
   * words (all of them): each unknown word spelled like the closest word of the index, fewer
   * words, one filter less. `found` is what the search found, with most of the words.
   */
  function suggest(
    words: readonly string[],
    query: string,
    filters: SearchFilters,
    partial: boolean,
    found: readonly Found[],
  ) {
    const suggestions: SearchSuggestion[] = [];
    const better = (candidate: string[], candidateFilters: SearchFilters) => {
      if (candidate.length === 0) return countListed(candidateFilters);
      const { found, partial: some } = search(candidate, candidateFilters);
      return found.length > 0 && !(partial && some) ? found.length : 0;
    };
    const respelled = respell(lookUp(words));
    const isRespelled = respelled.join(" ") !== words.join(" ");
    if (isRespelled) {
      const total = better(respelled, filters);
      if (total) suggestions.push({ kind: "spelling", query: respelled.join(" "), filters, total });
    }
    // A word less, of the words as respelled: the documents found that have all the others,
    // as a search for them would find them. Searched again when the words were respelled, or
    // when the word that becomes the last one, then also matched by its beginning, begins
    // words that are not its forms.
    const fewerWords: SearchSuggestion[] = [];
    for (let left = 0; respelled.length > 1 && left < respelled.length; left++) {
      const fewer = respelled.filter((_, i) => i !== left);
      const last = fewer.at(-1)!;
      const total =
        isRespelled ||
        (left === respelled.length - 1 &&
          last.length >= 3 &&
          vocabulary.beginningWith(last).some((word) => !vocabulary.forms(last).includes(word)))
          ? better(fewer, filters)
          : found.filter((item) => (item.has | (1 << left)) === (1 << words.length) - 1).length;
      if (total) fewerWords.push({ kind: "fewer-words", query: fewer.join(" "), filters, total });
    }
    suggestions.push(...fewerWords.sort((a, b) => b.total - a.total));
    // One filter less; all of them when no one alone does better.
    const set = FILTER_NAMES.filter((name) => filters[name]);
    const without = (cleared: readonly string[]): SearchFilters =>
      Object.fromEntries(set.filter((name) => !cleared.includes(name)).map((name) => [name, filters[name]]));
    const clearings: SearchSuggestion[] = [];
    for (const name of set) {
      const total = better([...words], without([name]));
      if (total) clearings.push({ kind: "filter", query, filters: without([name]), cleared: [name], total });
    }
    if (clearings.length === 0 && set.length > 1) {
      const total = better([...words], {});
      if (total) clearings.push({ kind: "filter", query, filters: {}, cleared: set, total });
    }
    suggestions.push(...clearings);
    return suggestions;
  }

  /** The words as the index spells them: each word it lacks as the closest word it has. */
  const respell = (lookups: readonly WordLookup[]): string[] =>
    lookups.map(({ word, unknown }) => (unknown ? (closestWord(word) ?? word) : word));

  /** The words, with a code typed apart joined as the index has it: "ic 3", "IC-3" → ic3. */
  function joinSplitCodes(words: readonly string[]): string[] {
    const joined: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const code = words[i] + (words[i + 1] ?? "");
      if (i + 1 < words.length && !vocabulary.has(words[i]) && vocabulary.has(code)) {
        joined.push(code);
        i++;
      } else joined.push(words[i]);
    }
    return joined;
  }

  /**
   * The index's word closest in spelling to `word` (three letters or more), up to one edit in
   * three letters (a swap of two letters is one): among the closest, the one in the text of
   * most documents, so "mentro" is "mentor" rather than a word of a job title. Never a word
   * that tells nothing ("in", "a"). Only for suggestions, as it looks further than a search.
   */
  function closestWord(word: string): string | undefined {
    if (word.length < 3) return undefined;
    const farthest = Math.max(1, Math.round(word.length / 3));
    let closest: string[] = [];
    let nearest = farthest;
    for (const term of vocabulary.words) {
      if (term.length < 3 || isFiller(term)) continue;
      const distance = editDistance(word, term, nearest);
      if (distance > nearest) continue;
      if (distance < nearest) closest = [];
      nearest = distance;
      closest.push(term);
    }
    const inTexts = (term: string) =>
      index.search(term, { fields: ["text"], prefix: false, fuzzy: false }).length;
    return closest
      .map((term) => ({ term, count: inTexts(term) }))
      .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1))[0]?.term;
  }

  return (query: string, filters: SearchFilters = {}, limit = 50): SearchAnswer => {
    const words = joinSplitCodes(queryWords(query));
    if (words.length === 0) {
      const matching = documents.filter((document) => matchesFilters(document, filters));
      return {
        results: matching.slice(0, limit).map((document) => ({
          document,
          segments: [{ text: document.text, match: false }],
          where: [{ text: whereItLives(document), match: false }],
        })),
        total: matching.length,
        words,
        partial: false,
        suggestions: matching.length > 0 ? [] : suggest(words, query, filters, false, []),
      };
    }
    const { found, partial } = search(words, filters);
    const candidates = bestTiers(found, CANDIDATES);
    // fuse.js ranks within a tier; what it finds too far keeps the index's order, after.
    const scores = new Map<number, number>();
    for (const ranked of new Fuse(
      candidates.map((candidate) => documents[candidate.result.id as number]),
      SEARCH_OPTIONS,
    ).search(toFuseQuery(words))) {
      scores.set(ranked.refIndex, ranked.score ?? 1);
    }
    const order = candidates
      .map((candidate, i) => ({ candidate, i, score: scores.get(i) ?? Infinity }))
      .sort((a, b) => b.candidate.tier - a.candidate.tier || a.score - b.score || a.i - b.i);
    const results = order.slice(0, limit).map(({ candidate: { result } }) => {
      const document = documents[result.id as number];
      const termsIn = (field: string) =>
        new Set(result.terms.filter((term) => result.match[term].includes(field)));
      const inExamples = termsIn("examples");
      const elsewhere = result.terms.filter((term) =>
        result.match[term].some((field) => field !== "text" && field !== "examples"),
      );
      const example = [...inExamples].length > 0 ? matchedExample(document.examples, inExamples) : undefined;
      return {
        document,
        segments: highlightTerms(document.text, termsIn("text")),
        ...(example && { example }),
        where: highlightTerms(whereItLives(document), new Set(elsewhere)),
      };
    });
    return {
      results,
      total: found.length,
      words,
      partial,
      suggestions: found.length === 0 || partial ? suggest(words, query, filters, partial, found) : [],
    };
  };
}

/** The first example with a word among `terms`, its matched words marked. */
function matchedExample(examples: readonly string[], terms: ReadonlySet<string>): TextSegment[] | undefined {
  for (const example of examples) {
    const segments = highlightTerms(example, terms);
    if (segments.some((segment) => segment.match)) return segments;
  }
  return undefined;
}

/**
 * The best `count` of the documents found, by tier, keeping the index's order (its score)
 * within a tier. In one pass: a search can find thousands.
 */
function bestTiers(found: Found[], count: number): Found[] {
  const tiers = new Map<number, Found[]>();
  for (const item of found) {
    const tier = tiers.get(item.tier);
    if (tier) tier.push(item);
    else tiers.set(item.tier, [item]);
  }
  const best: Found[] = [];
  for (const tier of [...tiers.keys()].sort((a, b) => b - a)) {
    for (const item of tiers.get(tier)!) {
      if (best.length === count) return best;
      best.push(item);
    }
  }
  return best;
}
