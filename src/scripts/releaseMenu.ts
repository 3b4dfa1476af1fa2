/**
 * What a permanent link's menu (CopyLinks) offers about the releases, read from the data
 * attributes the page sets on the link (Permalink, from `itemReleaseLinks`): a button that
 * copies the pinned link, and links to the behavior's last change and its history. Without
 * JavaScript there is no menu, and the page carries no more than the attributes.
 */

/** The data attributes of a permanent link, as `HTMLElement.dataset` names them. */
export interface ReleaseData {
  /** "Changed in v3" and where the release page tells it. */
  changed?: string;
  changedHref?: string;
  /** The history page. */
  history?: string;
  /** The release a pinned link names, and that link. */
  pinned?: string;
  pinnedHref?: string;
}

export interface ReleaseMenu {
  /** The copy button's label and the absolute URL it copies. */
  pinned?: { label: string; href: string };
  /** Links under the copy buttons, in this order. */
  links: { text: string; href: string }[];
}

/** The release part of a menu; `base` resolves a pinned link the site gave as a path, as the browser resolves the permanent link. */
export function releaseMenu(data: ReleaseData, base: string): ReleaseMenu {
  const links: ReleaseMenu["links"] = [];
  if (data.changed && data.changedHref) links.push({ text: data.changed, href: data.changedHref });
  if (data.history) links.push({ text: "History", href: data.history });
  return {
    ...(data.pinned &&
      data.pinnedHref && {
        pinned: { label: `Copy pinned link (${data.pinned})`, href: new URL(data.pinnedHref, base).href },
      }),
    links,
  };
}
