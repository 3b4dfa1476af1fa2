import type { SearchDocument } from "./searchDocuments";

/*
 * Kept apart from searchDocuments, which parses Markdown at build time: the search worker asks
 * which documents are responsibilities, and must not carry the parser.
 */

/** What role responsibilities are listed under, where behaviors name their category. */
export const RESPONSIBILITIES = "Responsibilities";

/**
 * Whether a document is a role's responsibility rather than a behavior: a behavior has a
 * category id, or, on a track without categories, no category title either.
 */
export function isResponsibility(document: Pick<SearchDocument, "category" | "categoryTitle">): boolean {
  return document.category === null && document.categoryTitle === RESPONSIBILITIES;
}
