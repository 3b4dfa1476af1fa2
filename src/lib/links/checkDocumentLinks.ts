import type { Handbook } from "../handbook/buildHandbook";
import type { Release } from "../releases/release";
import { checkHandbookUrl, type LinkVerdict } from "./checkHandbookUrl";
import { extractLinks, type DocumentFormat, type ExtractedLink } from "./extractLinks";
import type { Deployment } from "./handbookPath";

/** A link into the handbook, where it is written, and what checking it found. */
export type CheckedLink = ExtractedLink & LinkVerdict;

/** The links of one document: those into the handbook, checked, and how many others it has. */
export interface DocumentLinks {
  checked: CheckedLink[];
  /** Links to anything but the handbook (other sites, relative links), which are not checked. */
  others: ExtractedLink[];
}

/**
 * Finds every link of a Markdown or MDX document and checks those into the handbook against
 * its data and releases (oldest first, as `validateDataDir` gives them). Throws the parser's error for MDX that cannot be parsed (see `extractLinks`).
 */
export function checkDocumentLinks(
  text: string,
  format: DocumentFormat,
  handbook: Handbook,
  deployment: Deployment = {},
  releases: readonly Release[] = [],
): DocumentLinks {
  const checked: CheckedLink[] = [];
  const others: ExtractedLink[] = [];
  for (const link of extractLinks(text, format)) {
    const verdict = checkHandbookUrl(link.url, handbook, deployment, releases);
    if (verdict) checked.push({ ...link, ...verdict });
    else others.push(link);
  }
  return { checked, others };
}
