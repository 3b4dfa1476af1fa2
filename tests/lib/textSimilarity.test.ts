import { describe, expect, it } from "vitest";
import { contentStems, createTextSimilarity } from "../../src/lib/textSimilarity";

describe("contentStems", () => {
  it("keeps the stems of meaningful words, in order", () => {
    expect(contentStems("Has a basic understanding of Git.")).toEqual(["basic", "understand", "git"]);
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
    // Each pair shares one stem: "git" is in 2 texts of the corpus, "understand" in 3.
    const git = similarity("Has a basic understanding of Git.", "Is an expert in Git.");
    const understanding = similarity(
      "Has a basic understanding of Git.",
      "Has an understanding of databases.",
    );
    expect(git).toBeGreaterThan(understanding);
  });
});
