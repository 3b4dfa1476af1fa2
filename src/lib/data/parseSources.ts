import type { ZodType } from "astro/zod";
import type { Problem } from "./problems";
import { salvage, type DeepPartial } from "./salvage";
import { schemaProblems } from "./schemaProblems";
import {
  levelSchema,
  proseSchema,
  roleSchema,
  trackSchema,
  type LevelData,
  type ProseData,
  type RoleData,
  type TrackData,
} from "../schemas";
import type { HandbookSources, Source, UncheckedSources } from "./sources";

/** A source whose data may lack what failed its schema; `complete` when nothing did. */
export type PartialSource<T> = Source<DeepPartial<T>> & { complete: boolean };

/** Every source as far as it is valid, for the cross-file rules. */
export interface PartialSources {
  tracks: PartialSource<TrackData>[];
  levels: PartialSource<LevelData>[];
  roles: PartialSource<RoleData>[];
  prose: PartialSource<ProseData>[];
}

/**
 * Checks every source against its schema. Files that pass are returned typed in `sources`;
 * the others become problems, and what is valid in them still goes into `partial`, so the
 * cross-file rules can report their problems in the same run.
 */
export function parseSources(unchecked: UncheckedSources): {
  sources: HandbookSources;
  partial: PartialSources;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const parseAll = <T>(schema: ZodType<T>, list: Source<unknown>[]) => {
    const valid: Source<T>[] = [];
    const partial: PartialSource<T>[] = [];
    for (const source of list) {
      const result = schema.safeParse(source.data);
      if (result.success) {
        valid.push({ ...source, data: result.data });
        partial.push({ ...source, data: result.data as DeepPartial<T>, complete: true });
      } else {
        problems.push(...schemaProblems(source.file, schema, result.error.issues));
        const data = (salvage(schema, source.data) ?? {}) as DeepPartial<T>;
        partial.push({ ...source, data, complete: false });
      }
    }
    return { valid, partial };
  };
  const tracks = parseAll(trackSchema, unchecked.tracks);
  const levels = parseAll(levelSchema, unchecked.levels);
  const roles = parseAll(roleSchema, unchecked.roles);
  const prose = parseAll(proseSchema, unchecked.prose);
  return {
    sources: { tracks: tracks.valid, levels: levels.valid, roles: roles.valid, prose: prose.valid },
    partial: { tracks: tracks.partial, levels: levels.partial, roles: roles.partial, prose: prose.partial },
    problems,
  };
}

/** Marks valid sources complete, for callers (such as the content collections) that have only those. */
export function asPartialSources(sources: HandbookSources): PartialSources {
  const complete = <T>(list: Source<T>[]) =>
    list.map((source) => ({ ...source, data: source.data as DeepPartial<T>, complete: true }));
  return {
    tracks: complete(sources.tracks),
    levels: complete(sources.levels),
    roles: complete(sources.roles),
    prose: complete(sources.prose),
  };
}
