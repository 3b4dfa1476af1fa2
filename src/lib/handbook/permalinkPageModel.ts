import type { PermalinkTarget } from "../links/permalinkTargets";
import type { Urls } from "../links/urls";

/** What the page of a permanent short link shows: where it sends the reader, three ways. */
export interface PermalinkPageModel {
  /** "Redirecting to {current id}". */
  title: string;
  /** Where the behavior or responsibility lives now, root-relative. */
  href: string;
  /** The same place on the published site, when the site is configured. */
  canonical: string;
  /** The meta refresh that sends browsers there without JavaScript. */
  refresh: string;
  /** The behavior's or responsibility's text, for the plain link. */
  text: string;
}

/** The page of one short link `/b/{track}/{id}/`. */
export function permalinkPageModel(permalink: PermalinkTarget, urls: Urls): PermalinkPageModel {
  // Relative, so a preview or staging build never sends readers to production; the canonical
  // link names the published place.
  const href = permalink.target;
  return {
    title: `Redirecting to ${permalink.currentId}`,
    href,
    canonical: urls.absolute(href),
    refresh: `0; url=${href}`,
    text: permalink.text,
  };
}
