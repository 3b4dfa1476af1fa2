import { z, type ZodTypeAny } from "astro/zod";

/** A value of which any field, at any depth, may be missing. */
export type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The schema inside optional, nullable and refined ones: the object, array or record it checks. */
export function unwrapSchema(schema: ZodTypeAny): ZodTypeAny {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodEffects) {
    inner = inner instanceof z.ZodEffects ? inner.innerType() : inner.unwrap();
  }
  return inner;
}

/**
 * The parts of `data` that match `schema` on their own: the fields of an object, the
 * elements of an array and the entries of a record that are valid, recursively. A file with
 * one wrong field still contributes its ids to the cross-file rules, so every problem is
 * reported in one run rather than one after another. Returns undefined when nothing matches.
 */
export function salvage(schema: ZodTypeAny, data: unknown): unknown {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodUnion) {
    // The branch of the data's shape (an array, an object) salvages it; the others give nothing.
    for (const option of inner.options as ZodTypeAny[]) {
      const salvaged = salvage(option, data);
      if (salvaged !== undefined) return salvaged;
    }
    return undefined;
  }
  if (inner instanceof z.ZodObject && isRecord(data)) {
    const shape = inner.shape as Record<string, ZodTypeAny>;
    return Object.fromEntries(
      Object.entries(shape).flatMap(([key, field]) => {
        const value = Object.hasOwn(data, key) ? salvage(field, data[key]) : undefined;
        return value === undefined ? [] : [[key, value]];
      }),
    );
  }
  if (inner instanceof z.ZodArray && Array.isArray(data)) {
    return data.map((item) => salvage(inner.element, item)).filter((item) => item !== undefined);
  }
  if (inner instanceof z.ZodRecord && isRecord(data)) {
    return Object.fromEntries(
      Object.entries(data).flatMap(([key, value]) => {
        const salvaged = inner.keySchema.safeParse(key).success
          ? salvage(inner.valueSchema, value)
          : undefined;
        return salvaged === undefined ? [] : [[key, salvaged]];
      }),
    );
  }
  return undefined;
}
