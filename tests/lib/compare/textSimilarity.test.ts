import { describe, expect, it } from "vitest";
import { contentStems, createTextSimilarity } from "../../../src/lib/compare/textSimilarity";

describe("contentStems", () => {
  it("keeps the stems of the words that say what a behavior is about, in order", () => {
    // "basic understanding" says how much, which is what changes between levels: left out.
    expect(contentStems("Has a basic understanding of Git.")).toEqual(["git"]);
    expect(contentStems("Has limited working proficiency with code hosts.")).toEqual(["code", "host"]);
    expect(contentStems("Communicates clearly, both synchronously and asynchronously")).toEqual([
      "commun",
      "clearli",
      "synchron",
      "asynchron",
    ]);
  });
});

describe("createTextSimilarity", () => {
  const corpus = [
    "Has a basic understanding of Git.",
    "Has a strong understanding of Git.",
    "Has a basic understanding of databases.",
    "Writes customer-facing documentation.",
    "Helps the team with customer issues.",
    "Helps the team with planning.",
  ];
  const similarity = createTextSimilarity(corpus);

  it("is 1 for the same words and 0 for none in common", () => {
    expect(similarity(corpus[0], corpus[0])).toBeCloseTo(1);
    expect(similarity(corpus[0], corpus[3])).toBe(0);
    expect(similarity("", corpus[0])).toBe(0);
  });

  it("is symmetric", () => {
    expect(similarity(corpus[0], corpus[2])).toBeCloseTo(similarity(corpus[2], corpus[0]));
  });

  it("weighs distinctive words above common ones", () => {
    // Both pairs share one word of two; "team" is in four texts, "Git" in two.
    const texts = [
      "Reviews Git.",
      "Teaches Git.",
      "Reviews team.",
      "Teaches team.",
      "Leads team.",
      "Joins team.",
    ];
    const weighted = createTextSimilarity(texts);
    expect(weighted("Reviews Git.", "Teaches Git.")).toBeGreaterThan(
      weighted("Reviews team.", "Teaches team."),
    );
  });
});
