import { z, type ZodIssue, type ZodTypeAny } from "astro/zod";
import { zodIssuesToProblems, type Problem } from "./problems";
import { unwrapSchema } from "./salvage";
import { didYouMean, quotedList, suggestIds } from "../links/suggestIds";

/**
 * The fields an object at `path` in data checked by `schema` may have, in the schema's order;
 * undefined when no object schema is there. Array indexes and record keys step into the
 * element or value schema.
 */
export function knownFields(schema: ZodTypeAny, path: readonly (string | number)[]): string[] | undefined {
  const current = unwrapSchema(schema);
  // A union (behaviors as an array or a record): the branch the path leads through.
  if (current instanceof z.ZodUnion) {
    for (const option of current.options as ZodTypeAny[]) {
      const fields = knownFields(option, path);
      if (fields) return fields;
    }
    return undefined;
  }
  if (path.length === 0) return current instanceof z.ZodObject ? Object.keys(current.shape) : undefined;
  const [key, ...rest] = path;
  if (current instanceof z.ZodObject) {
    const shape = current.shape as Record<string, ZodTypeAny>;
    return Object.hasOwn(shape, key) ? knownFields(shape[key], rest) : undefined;
  }
  if (current instanceof z.ZodArray)
    return typeof key === "number" ? knownFields(current.element, rest) : undefined;
  if (current instanceof z.ZodRecord) return knownFields(current.valueSchema, rest);
  return undefined;
}

/**
 * What is wrong with a field the schema does not know: the known field it is closest to
 * (`titel` → `did you mean "title"?`), and the fields that belong there.
 */
export function unknownFieldMessage(
  schema: ZodTypeAny,
  path: readonly (string | number)[],
  key: string,
): string {
  const fields = knownFields(schema, path) ?? [];
  if (fields.length === 0) {
    return "is not a known field: check its spelling against the data reference in README.md";
  }
  const known = `known here: ${quotedList(fields)}`;
  const hint = didYouMean(suggestIds(key, fields, 1));
  return hint
    ? `is not a known field: ${hint} (${known})`
    : `is not a known field (${known}): rename or remove it (see the data reference in README.md)`;
}

/** Zod's issues for one file checked by `schema`, as problems; unknown fields name their closest known one. */
export function schemaProblems(file: string, schema: ZodTypeAny, issues: readonly ZodIssue[]): Problem[] {
  return zodIssuesToProblems(file, issues, (path, key) => unknownFieldMessage(schema, path, key));
}
