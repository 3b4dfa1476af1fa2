import type { Urls } from "../links/urls";
import type { ReleaseModel } from "../releases/model";
import type { Role, Track } from "./buildHandbook";
import { itemReleaseLinks, type ItemReleaseLinks } from "./releaseLinks";

/** A responsibility as the role page lists it. */
export interface ResponsibilityEntry {
  /** Its anchor on the page. */
  id: string;
  /** Its title, or its id for one without a title. */
  term: string;
  text: string;
  /** Its permanent short link, absolute when the site is configured: readers copy it out of the page. */
  permalink: string;
  /** What its link menu tells about the releases (none without a release model). */
  releases?: ItemReleaseLinks;
}

/** What the page of a role shows besides the role's own fields. */
export interface RolePageModel {
  /** The page's title (the site name follows): "SE Regional Team Leads · Support". */
  title: string;
  responsibilities: ResponsibilityEntry[];
}

/** The page of `role` in `track`; with the releases' model, each responsibility's release links. */
export function rolePageModel(track: Track, role: Role, urls: Urls, releases?: ReleaseModel): RolePageModel {
  return {
    title: `${role.title} · ${track.shortTitle}`,
    responsibilities: role.responsibilities.map((responsibility) => ({
      id: responsibility.id,
      term: responsibility.title ?? responsibility.id,
      text: responsibility.text,
      permalink: urls.absolute(urls.permalink(track.id, responsibility.id)),
      ...(releases && { releases: itemReleaseLinks(releases, urls, responsibility) }),
    })),
  };
}
