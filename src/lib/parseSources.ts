import type { ZodType } from "astro/zod";
import { zodIssuesToProblems, type Problem } from "./problems";
import { levelSchema, proseSchema, roleSchema, trackSchema } from "./schemas";
import type { HandbookSources, Source, UncheckedSources } from "./sources";

/**
 * Checks every source against its schema. Files that pass are returned typed; the others
 * become problems, so cross-file rules only ever see well-formed data.
 */
export function parseSources(unchecked: UncheckedSources): { sources: HandbookSources; problems: Problem[] } {
  const problems: Problem[] = [];
  const parseAll = <T>(schema: ZodType<T>, list: Source<unknown>[]): Source<T>[] =>
    list.flatMap((source) => {
      const result = schema.safeParse(source.data);
      if (result.success) return [{ ...source, data: result.data }];
      problems.push(...zodIssuesToProblems(source.file, result.error.issues));
      return [];
    });
  const sources: HandbookSources = {
    tracks: parseAll(trackSchema, unchecked.tracks),
    levels: parseAll(levelSchema, unchecked.levels),
    roles: parseAll(roleSchema, unchecked.roles),
    prose: parseAll(proseSchema, unchecked.prose),
  };
  return { sources, problems };
}
