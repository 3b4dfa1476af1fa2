import type { Handbook } from "../handbook/buildHandbook";
import { plural } from "../text/plural";

/** Counts what the handbook holds, for humans: "2 tracks, 11 levels, 162 behaviors, 1 role". */
export function summarizeHandbook(handbook: Handbook): string {
  const levels = handbook.tracks.flatMap((track) => track.levels);
  const behaviors =
    levels.flatMap((level) => level.groups).flatMap((group) => group.behaviors).length +
    handbook.tracks.flatMap((track) => track.shared?.groups ?? []).flatMap((group) => group.behaviors).length;
  const roles = handbook.tracks.flatMap((track) => track.roles).length;
  return [
    plural(handbook.tracks.length, "track"),
    plural(levels.length, "level"),
    plural(behaviors, "behavior"),
    plural(roles, "role"),
  ].join(", ");
}
