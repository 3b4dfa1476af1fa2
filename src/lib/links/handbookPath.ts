import { normalizeBase } from "./urls";

/** Where the handbook is published: the same `base` and `site` the build is configured with. */
export interface Deployment {
  /** The path the handbook is served under, e.g. `/handbook/`; `/` by default. */
  base?: string;
  /** The site's origin, e.g. `https://handbook.example.com`; without it absolute URLs are not the handbook's. */
  site?: string;
}

/** A URL into the handbook, taken apart. */
export interface HandbookPath {
  /** The path's segments after `base`, decoded: `/handbook/support/ic2/` → `["support", "ic2"]`. */
  segments: string[];
  /** The fragment without `#`, decoded; undefined when the URL has none. */
  anchor?: string;
  /** Whether the path ends with `/`, as every page URL of the handbook does. */
  trailingSlash: boolean;
  /** Whether the URL was absolute (on `site`) rather than root-relative. */
  absolute: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // A malformed escape is kept as written; it will not match any id.
  }
}

/**
 * Takes apart a URL that points into the handbook: an absolute URL on `site` (http or https,
 * the host decides) or a root-relative one (`/b/support/basic-git/`), either under `base`.
 * Returns undefined for every other URL: other sites, other paths of the same site, relative
 * URLs and fragments (which point into the document that holds them), `mailto:` and the like.
 */
export function handbookPath(url: string, deployment: Deployment = {}): HandbookPath | undefined {
  const base = normalizeBase(deployment.base);
  let parsed: URL;
  let absolute: boolean;
  try {
    if (SCHEME.test(url) || url.startsWith("//")) {
      if (!deployment.site) return undefined;
      const site = new URL(deployment.site);
      parsed = new URL(url, site);
      if (!/^https?:$/.test(parsed.protocol) || parsed.host !== site.host) return undefined;
      absolute = true;
    } else if (url.startsWith("/")) {
      parsed = new URL(url, "http://handbook.invalid");
      absolute = false;
    } else {
      return undefined;
    }
  } catch {
    return undefined; // Not a URL at all, so not one of the handbook's.
  }
  const pathname = parsed.pathname;
  // `/handbook` is the handbook's home without its trailing slash.
  const withinBase = pathname === base.slice(0, -1) ? base : pathname;
  if (!withinBase.startsWith(base)) return undefined;
  const segments = withinBase.slice(base.length).split("/").filter(Boolean).map(decode);
  return {
    segments,
    ...(parsed.hash.length > 1 && { anchor: decode(parsed.hash.slice(1)) }),
    trailingSlash: pathname.endsWith("/"),
    absolute,
  };
}
