import { describe, expect, it } from "vitest";
import { knownFields, schemaProblems, unknownFieldMessage } from "../../../src/lib/data/schemaProblems";
import {
  behaviorSchema,
  categorySchema,
  levelSchema,
  proseSchema,
  roleSchema,
  trackSchema,
} from "../../../src/lib/schemas";

describe("knownFields", () => {
  it("lists the fields of the object at a path, through arrays, records and optional fields", () => {
    expect(knownFields(levelSchema, [])).toEqual(Object.keys(levelSchema.shape));
    expect(knownFields(levelSchema, ["behaviors", "craft", 0])).toEqual(Object.keys(behaviorSchema.shape));
    expect(knownFields(trackSchema, ["categories", 2])).toEqual(Object.keys(categorySchema.shape));
    // Through a list whose whole is checked too (a fact's label once per level).
    expect(knownFields(levelSchema, ["facts", 1])).toEqual(["label", "value"]);
    expect(knownFields(trackSchema, ["sharedExpectations"])).toEqual(["title", "behaviors"]);
    expect(knownFields(roleSchema, ["responsibilities", 0])).toEqual([
      "id",
      "title",
      "text",
      "aliases",
      "splitFrom",
    ]);
  });

  it("is undefined where no object is", () => {
    expect(knownFields(levelSchema, ["code"])).toBeUndefined();
    expect(knownFields(levelSchema, ["nothing"])).toBeUndefined();
  });
});

describe("unknownFieldMessage", () => {
  it.each([
    [trackSchema, [], "titel", "title"],
    [trackSchema, [], "short_title", "shortTitle"],
    [trackSchema, [], "shared-expectations", "sharedExpectations"],
    [trackSchema, [], "cummulative", "cumulative"],
    [levelSchema, [], "summery", "summary"],
    [levelSchema, [], "state", "status"],
    [levelSchema, ["behaviors", "craft", 0], "alias", "aliases"],
    [levelSchema, ["behaviors", "craft", 0], "evolves_from", "evolvesFrom"],
    [roleSchema, [], "responsibility", "responsibilities"],
    [proseSchema, [], "titel", "title"],
  ] as const)("suggests for %#: %s → %s", (schema, path, key, field) => {
    expect(unknownFieldMessage(schema, path, key)).toMatch(
      new RegExp(`^is not a known field: did you mean "${field}"\\? \\(known here: `),
    );
  });

  it("lists the known fields when none is close", () => {
    expect(unknownFieldMessage(proseSchema, [], "colour")).toBe(
      'is not a known field (known here: "title" and "order"): rename or remove it (see the data reference in README.md)',
    );
  });
});

describe("schemaProblems", () => {
  it("words every issue as a problem, an unknown field with its closest known one", () => {
    const result = proseSchema.safeParse({ titel: "Intro", order: "1" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(schemaProblems("intro.mdx", proseSchema, result.error.issues)).toEqual([
      { file: "intro.mdx", path: "title", message: "is required but missing: add it" },
      { file: "intro.mdx", path: "order", message: "must be a number, not a string" },
      {
        file: "intro.mdx",
        path: "titel",
        message: 'is not a known field: did you mean "title"? (known here: "title" and "order")',
      },
    ]);
  });
});
