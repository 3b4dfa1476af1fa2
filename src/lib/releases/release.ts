import { createHash } from "node:crypto";
import { trackBehaviors } from "../handbook/allBehaviors";
import type { Handbook } from "../handbook/buildHandbook";
import type { ReleaseData, ReleasedTrackData } from "../schemas";

export { RELEASES_FOLDER } from "../links/urls";
export { isResponsibility, releasedItems, type ReleasedItem } from "./items";

/** A release as read from its file: its name (the file's), where it is, and its content. */
export interface Release extends ReleaseData {
  name: string;
  /** The file, as shown in messages. */
  file: string;
}

/**
 * The framework as it is now, in the shape a release records it: for every track, its names
 * and every behavior and responsibility with its id, text, place, aliases, examples and
 * `splitFrom`. Optional fields are left out when empty, so a release reads like the data.
 */
export function snapshotTracks(handbook: Handbook): Record<string, ReleasedTrackData> {
  return Object.fromEntries(
    handbook.tracks.map((track): [string, ReleasedTrackData] => [
      track.id,
      {
        title: track.title,
        levels: track.levels.map(({ id, code, title }) => ({
          id,
          code,
          ...(title !== undefined && { title }),
        })),
        categories: track.categories.map(({ id, title }) => ({ id, title })),
        roles: track.roles.map(({ id, title }) => ({ id, title })),
        ...(track.shared && { shared: track.shared.title }),
        behaviors: trackBehaviors(track).map((behavior) => ({
          id: behavior.id,
          text: behavior.text,
          level: behavior.level,
          category: behavior.category,
          ...(behavior.aliases.length > 0 && { aliases: behavior.aliases }),
          ...(behavior.examples.length > 0 && { examples: behavior.examples }),
          ...(behavior.splitFrom !== undefined && { splitFrom: behavior.splitFrom }),
        })),
        responsibilities: track.roles.flatMap((role) =>
          role.responsibilities.map((responsibility) => ({
            id: responsibility.id,
            text: responsibility.text,
            role: role.id,
            ...(responsibility.aliases.length > 0 && { aliases: responsibility.aliases }),
            ...(responsibility.splitFrom !== undefined && { splitFrom: responsibility.splitFrom }),
          })),
        ),
      },
    ]),
  );
}

/** JSON with every object's keys sorted: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * The digest a release records of itself: SHA-256 of its content without `digest`, as
 * canonical JSON, so reformatting the file keeps it and changing a character does not.
 */
export function releaseDigest(release: Omit<ReleaseData, "digest">): string {
  const { date, previous, tracks } = release;
  return `sha256:${createHash("sha256").update(canonicalJson({ date, previous, tracks })).digest("hex")}`;
}

/** A new release of the handbook as it is now, after `previous` (null for the first). */
export function makeRelease(
  handbook: Handbook,
  { date, previous }: { date: string; previous: Pick<Release, "name" | "digest"> | null },
): ReleaseData {
  const content = {
    date,
    previous: previous && { name: previous.name, digest: previous.digest },
    tracks: snapshotTracks(handbook),
  };
  return { ...content, digest: releaseDigest(content) };
}
