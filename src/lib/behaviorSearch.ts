import Fuse, { type Expression, type IFuseOptions, type RangeTuple } from "fuse.js";
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from "minisearch";
import type { SearchDocument } from "./searchDocuments";

/**
 * Search runs in two stages, measured side by side in docs/benchmarks.md. MiniSearch, an
 * inverted index, narrows every document to the best candidates in a millisecond even at
 * 10,000 behaviors (typo-tolerant, prefix-matching the word being typed, every word required,
 * in any field). fuse.js then ranks those candidates by fuzzy closeness, as it would over
 * everything, and reports the matched characters to highlight. What was typed reaches both
 * as plain words (see `queryWords`).
 */
const FIELDS = ["text", "place", "categoryTitle", "trackTitle"] as const;

/** The MiniSearch index: document numbers as ids, nothing stored (the documents travel alongside). */
export const INDEX_OPTIONS: Options<SearchDocument & { n: number }> = {
  idField: "n",
  fields: [...FIELDS],
  storeFields: [],
};

/**
 * How a query reaches the index: the last word, being typed, also matches as a prefix once it
 * has three letters (one or two letters would match most of a large handbook); words longer
 * than three letters may have a typo (one edit up to nine letters, two from ten).
 */
export const QUERY_OPTIONS: SearchOptions = {
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 3,
  fuzzy: (term) => (term.length > 3 ? 0.2 : false),
  combineWith: "AND",
  boost: { text: 3, place: 1, categoryTitle: 1, trackTitle: 0.5 },
};

/** How fuse.js ranks the candidates: the text counts most; matched characters are reported. */
export const SEARCH_OPTIONS: IFuseOptions<SearchDocument> = {
  keys: [
    { name: "text", weight: 3 },
    { name: "place", weight: 1 },
    { name: "categoryTitle", weight: 1 },
    { name: "trackTitle", weight: 0.5 },
  ],
  threshold: 0.3,
  ignoreLocation: true,
  includeMatches: true,
  minMatchCharLength: 2,
};

/** How many candidates the index hands to fuse.js: the ones a reader sees. */
export const CANDIDATES = 50;

/**
 * The search index as the build writes it and the browser fetches it. Documents are arrays
 * with the repeated names (tracks, places, categories) stored once, which halves the payload.
 */
export interface SearchPayload {
  tracks: [id: string, title: string][];
  places: string[];
  categories: [id: string | null, title: string][];
  /** [track, level ("" for none), place, category, id, text, url], names as indexes above. */
  documents: [number, string, number, number, string, string, string][];
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
  const categoryTitles = new Map(documents.map((d) => [d.category, d.categoryTitle]));
  const compact = documents.map((d): SearchPayload["documents"][number] => [
    indexOf(tracks, d.track),
    d.level ?? "",
    indexOf(places, d.place),
    indexOf(categories, d.category ?? ""),
    d.id,
    d.text,
    d.url,
  ]);
  const index = new MiniSearch(INDEX_OPTIONS);
  index.addAll(documents.map((document, n) => ({ ...document, n })));
  return {
    tracks: [...tracks.keys()].map((id) => [id, trackTitles.get(id)!]),
    places: [...places.keys()],
    categories: [...categories.keys()].map((id) => [id || null, categoryTitles.get(id || null)!]),
    documents: compact,
    index: index.toJSON(),
  };
}

/** The documents of a payload, whole again. */
export function expandDocuments(payload: SearchPayload): SearchDocument[] {
  return payload.documents.map(([track, level, place, category, id, text, url]) => ({
    track: payload.tracks[track][0],
    trackTitle: payload.tracks[track][1],
    level: level || null,
    place: payload.places[place],
    category: payload.categories[category][0],
    categoryTitle: payload.categories[category][1],
    id,
    text,
    url,
  }));
}

/**
 * Narrows results to a track, a level and a category (ids). The level may also be "shared"
 * (the track's shared expectations) or "roles" (role responsibilities).
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
}

/** The results to show and how many matched in all. */
export interface SearchAnswer {
  results: SearchResult[];
  total: number;
}

const matchesFilters = (document: SearchDocument, filters: SearchFilters) =>
  (!filters.track || document.track === filters.track) &&
  (!filters.level ||
    (filters.level === "shared"
      ? document.level === null && document.category !== null
      : filters.level === "roles"
        ? document.category === null
        : document.level === filters.level)) &&
  (!filters.category || document.category === filters.category);

const WORD = /[\p{L}\p{N}]/u;

/**
 * Splits `text` into pieces, marking every word that a matched range touches: fuse.js reports
 * the characters that matched, readers expect whole words.
 */
export function highlightWords(text: string, ranges: readonly RangeTuple[]): TextSegment[] {
  const marked = new Array<boolean>(text.length).fill(false);
  for (const [start, end] of ranges) {
    let from = start;
    let to = end;
    while (from > 0 && WORD.test(text[from - 1])) from--;
    while (to < text.length - 1 && WORD.test(text[to + 1])) to++;
    marked.fill(true, from, to + 1);
  }
  const segments: TextSegment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments.at(-1);
    if (last && last.match === marked[i]) last.text += text[i];
    else segments.push({ text: text[i], match: marked[i] });
  }
  return segments;
}

/** The ranges of the words of `text` that are among `terms` (lowercase), for highlighting. */
function termRanges(text: string, terms: readonly string[]): RangeTuple[] {
  const wanted = new Set(terms);
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)]
    .filter((word) => wanted.has(word[0].toLowerCase()))
    .map((word) => [word.index!, word.index! + word[0].length - 1]);
}

const KEY_NAMES = (SEARCH_OPTIONS.keys as { name: string }[]).map((key) => key.name);

/**
 * What was typed, as words: punctuation and symbols become spaces, so no character can act
 * as an operator of either search library ("^git", "git | docker", quotes).
 */
export function queryWords(query: string): string[] {
  return query
    .replace(/[^\p{L}\p{N}'-]+/gu, " ")
    .split(" ")
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * The fuse.js query for what was typed: one word as it is; several words each matched in any
 * field ("ic3 git": the place and the text), all of them required.
 */
export function toFuseQuery(query: string): string | Expression {
  const words = queryWords(query);
  if (words.length <= 1) return words[0] ?? "";
  return { $and: words.map((word) => ({ $or: KEY_NAMES.map((name) => ({ [name]: word })) })) };
}

/**
 * Makes the search function from a payload. With a query: the index's best candidates that
 * pass the filters, ranked by fuse.js (candidates fuse.js finds too far follow, in the index's
 * order). Without one: every document that passes the filters, in site order.
 */
export function createBehaviorSearch(payload: SearchPayload) {
  const documents = expandDocuments(payload);
  const index = MiniSearch.loadJS(payload.index, INDEX_OPTIONS);
  return (query: string, filters: SearchFilters = {}, limit = 50): SearchAnswer => {
    const trimmed = queryWords(query).join(" ");
    if (!trimmed) {
      const matching = documents.filter((document) => matchesFilters(document, filters));
      return {
        results: matching
          .slice(0, limit)
          .map((document) => ({ document, segments: [{ text: document.text, match: false }] })),
        total: matching.length,
      };
    }
    const found = index.search(trimmed, {
      ...QUERY_OPTIONS,
      filter: (result) => matchesFilters(documents[result.id as number], filters),
    });
    const candidates = found.slice(0, CANDIDATES);
    const ranked = new Fuse(
      candidates.map((candidate) => documents[candidate.id as number]),
      SEARCH_OPTIONS,
    ).search(toFuseQuery(trimmed));
    const seen = new Set<SearchDocument>();
    const results: SearchResult[] = [];
    for (const result of ranked) {
      seen.add(result.item);
      const ranges = (result.matches ?? []).filter((m) => m.key === "text").flatMap((m) => m.indices);
      results.push({ document: result.item, segments: highlightWords(result.item.text, ranges) });
    }
    for (const candidate of candidates) {
      const document = documents[candidate.id as number];
      if (seen.has(document)) continue;
      results.push({
        document,
        segments: highlightWords(document.text, termRanges(document.text, candidate.terms)),
      });
    }
    return { results: results.slice(0, limit), total: found.length };
  };
}
