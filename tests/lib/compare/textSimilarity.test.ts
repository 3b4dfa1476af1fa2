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

describe("createTextSimilarity on texts of several sentences", () => {
  // Teleport's kind of cell: one expectation among several sentences.
  const older =
    "Writes secure code. Understands basic cryptographic principles. Reviews pull requests of the team.";
  const newer =
    "Leads the security design of new products. Applies advanced cryptographic principles. Mentors others on threat modelling and audits.";
  const corpus = [older, newer, "Plans the work of the team.", "Writes documentation for customers."];

  it("scores by the best-matching pair of sentences when the whole texts share little", () => {
    const similarity = createTextSimilarity(corpus);
    const wholeOnly = createTextSimilarity(corpus.map((text) => text.replaceAll(".", ",")));
    expect(wholeOnly(older.replaceAll(".", ","), newer.replaceAll(".", ","))).toBeLessThan(0.3);
    expect(similarity(older, newer)).toBeGreaterThan(0.3);
  });

  it("needs two shared content words in a sentence: one is a topic, not an expectation", () => {
    const similarity = createTextSimilarity(corpus);
    const oneWord = "Plans the team's roadmap. Writes nothing else of note.";
    expect(similarity(older, oneWord)).toBeLessThan(0.3);
  });

  it("does not count you and your as words a behavior is about", () => {
    expect(contentStems("You review your team's code.")).toEqual(contentStems("Reviews the team's code."));
  });
});
