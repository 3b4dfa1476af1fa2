import Fuse, { type Expression, type FuseIndex, type IFuseOptions, type RangeTuple } from "fuse.js";
import type { SearchDocument } from "./searchDocuments";

/**
 * What fuse.js searches and how. The text counts most; the track, place and category names
 * let "support ic3 git" narrow to where a behavior lives. Whitespace-separated words must all
 * match (extended search), each fuzzily, anywhere in the text (ignoreLocation).
 */
export const SEARCH_OPTIONS: IFuseOptions<SearchDocument> = {
  keys: [
    { name: "text", weight: 3 },
    { name: "place", weight: 1 },
    { name: "categoryTitle", weight: 1 },
    { name: "trackTitle", weight: 0.5 },
  ],
  threshold: 0.3,
  ignoreLocation: true,
  useExtendedSearch: true,
  includeMatches: true,
  minMatchCharLength: 2,
};

/** The search index as the build writes it and the browser fetches it. */
export interface SearchPayload {
  documents: SearchDocument[];
  index: ReturnType<FuseIndex<SearchDocument>["toJSON"]>;
}

/** Builds the serialized index once at build time, so the browser only parses it. */
export function buildSearchPayload(documents: SearchDocument[]): SearchPayload {
  const keys = SEARCH_OPTIONS.keys!;
  return { documents, index: Fuse.createIndex(keys, documents).toJSON() };
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

const matchesFilters = (document: SearchDocument, filters: SearchFilters) =>
  (!filters.track || document.track === filters.track) &&
  (!filters.level ||
    (filters.level === "shared"
      ? document.level === null && document.category !== null
      : filters.level === "roles"
        ? document.category === null
        : document.level === filters.level)) &&
  (!filters.category || document.category === filters.category);

/**
 * Splits `text` into pieces, marking every word that a matched range touches: fuse.js reports
 * the characters that matched, readers expect whole words.
 */
export function highlightWords(text: string, ranges: readonly RangeTuple[]): TextSegment[] {
  const marked = new Array<boolean>(text.length).fill(false);
  for (const [start, end] of ranges) {
    let from = start;
    let to = end;
    while (from > 0 && /[\p{L}\p{N}]/u.test(text[from - 1])) from--;
    while (to < text.length - 1 && /[\p{L}\p{N}]/u.test(text[to + 1])) to++;
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

const KEY_NAMES = (SEARCH_OPTIONS.keys as { name: string }[]).map((key) => key.name);

/**
 * The fuse.js query for what was typed: one word as it is; several words each matched in any
 * field ("ic3 git": the place and the text), all of them required.
 */
export function toFuseQuery(query: string): string | Expression {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words[0] ?? "";
  return { $and: words.map((word) => ({ $or: KEY_NAMES.map((name) => ({ [name]: word })) })) };
}

/**
 * Makes the search function from a payload: results best first, filtered; with an empty
 * query, every document that passes the filters, in site order.
 */
export function createBehaviorSearch(payload: SearchPayload) {
  const fuse = new Fuse(payload.documents, SEARCH_OPTIONS, Fuse.parseIndex(payload.index));
  return (query: string, filters: SearchFilters = {}, limit = 50): SearchResult[] => {
    const trimmed = query.trim();
    if (!trimmed) {
      return payload.documents
        .filter((document) => matchesFilters(document, filters))
        .slice(0, limit)
        .map((document) => ({ document, segments: [{ text: document.text, match: false }] }));
    }
    const results: SearchResult[] = [];
    for (const result of fuse.search(toFuseQuery(trimmed))) {
      if (!matchesFilters(result.item, filters)) continue;
      const ranges = (result.matches ?? []).filter((m) => m.key === "text").flatMap((m) => m.indices);
      results.push({ document: result.item, segments: highlightWords(result.item.text, ranges) });
      if (results.length === limit) break;
    }
    return results;
  };
}
