import { trackBehaviors } from "../handbook/allBehaviors";
import type { Handbook } from "../handbook/buildHandbook";
import type { Urls } from "./urls";

/** One permanent short link `/b/{track}/{id}/` and the page and anchor it leads to now. */
export interface PermalinkTarget {
  track: string;
  /** The id in the short link: a current id or an alias. */
  id: string;
  /** The current id, which differs from `id` for an alias. */
  currentId: string;
  text: string;
  /** A behavior's level, null for a shared expectation; undefined for a responsibility. */
  level?: string | null;
  /** A responsibility's role; undefined for a behavior. */
  role?: string;
  /** Root-relative URL of the behavior's current place, with its anchor. */
  target: string;
}

/** Every short link the site serves: one per behavior and responsibility id, and per alias. */
export function permalinkTargets(handbook: Handbook, urls: Urls): PermalinkTarget[] {
  return handbook.tracks.flatMap((track) => {
    const behaviors = trackBehaviors(track).map((behavior) => ({
      ...behavior,
      role: undefined,
      target: urls.behavior(behavior),
    }));
    const responsibilities = track.roles.flatMap((role) =>
      role.responsibilities.map((responsibility) => ({
        ...responsibility,
        level: undefined,
        target: urls.responsibility(responsibility),
      })),
    );
    return [...behaviors, ...responsibilities].flatMap((item) =>
      [item.id, ...item.aliases].map((id) => ({
        track: track.id,
        id,
        currentId: item.id,
        text: item.text,
        ...(item.level !== undefined && { level: item.level }),
        ...(item.role !== undefined && { role: item.role }),
        target: item.target,
      })),
    );
  });
}
