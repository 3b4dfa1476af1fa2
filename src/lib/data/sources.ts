import type { LevelData, ProseData, RoleData, TrackData } from "../schemas";

/** One data file: the track it belongs to, its own id (file or folder name) and its content. */
export interface Source<T> {
  /** Path relative to the project root, for error messages. */
  file: string;
  track: string;
  id: string;
  data: T;
  /** The Markdown body of a prose page. */
  body?: string;
}

/** Every data file of the handbook, by kind. `T` is `unknown` before validation. */
export interface HandbookSources<Track = TrackData, Level = LevelData, Role = RoleData, Prose = ProseData> {
  tracks: Source<Track>[];
  levels: Source<Level>[];
  roles: Source<Role>[];
  prose: Source<Prose>[];
}

/** Sources as read from disk, not yet checked against the schemas. */
export type UncheckedSources = HandbookSources<unknown, unknown, unknown, unknown>;
