import { threadsOf, type CategoryThreads } from "../compare/threads";
import { trackEvolutionOf } from "../compare/trackEvolution";
import type { Urls } from "../links/urls";
import type { Category, Track } from "./buildHandbook";
import { growthOverview, type GrowthOverview } from "./growthPageModel";
import { UNCATEGORIZED_TITLE } from "./uncategorized";

/** A prose page of the track with its rendered HTML, as the site reads it. */
export interface RenderedProse {
  id: string;
  title: string;
  html: string;
}

/** What the page of a track shows besides the track's own fields. */
export interface TrackPageModel {
  /** The track's prose pages, each a section of the page with its own anchor. */
  prose: (RenderedProse & { anchor: string })[];
  /** The categories that say what they mean; the page lists only those, and no list without any. */
  describedCategories: Category[];
  roles: { href: string; title: string; summary: string }[];
  /** How its expectations grow: a link to each category's section of the growth page, with its counts. */
  growth: GrowthOverview;
}

/**
 * The page of `track`, its prose already rendered (`prose`, in the track's order). Its threads
 * tell how its expectations grow: by default the track's own, computed once per track and
 * shared with its growth page (`threadsOf`).
 */
export function trackPageModel(
  track: Track,
  prose: RenderedProse[],
  urls: Urls,
  threads: CategoryThreads[] = threadsOf(trackEvolutionOf(track)),
): TrackPageModel {
  return {
    // `page--` keeps a prose page's anchor apart from the page's own sections (`section--…`).
    prose: prose.map((page) => ({ ...page, anchor: `page--${page.id}` })),
    describedCategories: track.categories.filter((category) => category.description),
    roles: track.roles.map((role) => ({
      href: urls.role(track.id, role.id),
      title: role.title,
      summary: role.summary,
    })),
    growth: growthOverview(track, threads, urls),
  };
}

/** A column of the levels matrix: a category, or the one list of a track without categories. */
export interface MatrixColumn {
  title: string;
  /** The category's id; null for the one list of a track without categories. */
  category: string | null;
}

/** The levels matrix's caption and columns: one per category, or one in all on a track without categories. */
export function levelMatrixColumns(track: Track): { caption: string; columns: MatrixColumn[] } {
  return track.categories.length > 0
    ? {
        caption: "Levels and the behaviors expected in each category",
        columns: track.categories.map((category) => ({ title: category.title, category: category.id })),
      }
    : {
        caption: "Levels and the behaviors expected at each",
        columns: [{ title: UNCATEGORIZED_TITLE, category: null }],
      };
}
