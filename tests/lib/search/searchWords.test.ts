import { describe, expect, it } from "vitest";
import { wordStem } from "../../../src/lib/compare/textSimilarity";
import {
  editDistance,
  indexTerms,
  isFiller,
  MAX_WORDS,
  queryWords,
} from "../../../src/lib/search/searchWords";

describe("indexTerms", () => {
  it("holds a text's words in lower case, punctuation apart", () => {
    expect(indexTerms("Has a basic understanding of Git.")).toEqual([
      "has",
      "a",
      "basic",
      "understanding",
      "of",
      "git",
    ]);
    expect(indexTerms("frustrations/escalations (Go, Python)")).toEqual([
      "frustrations",
      "escalations",
      "go",
      "python",
    ]);
  });

  it("holds a hyphenated word's parts and the word joined, so it is found either way", () => {
    expect(indexTerms("the reasoning and trade-offs")).toEqual([
      "the",
      "reasoning",
      "and",
      "trade",
      "offs",
      "tradeoffs",
    ]);
    expect(indexTerms("kept up-to-date")).toEqual(["kept", "up", "to", "date", "uptodate"]);
  });

  it("keeps letters of any script and digits", () => {
    expect(indexTerms("Größe 95% 日本語")).toEqual(["größe", "95", "日本語"]);
  });
});

describe("wordStem", () => {
  it("gives the forms of a word one stem", () => {
    const same = (...words: string[]) => expect(new Set(words.map(wordStem)).size, words.join(" ")).toBe(1);
    same("mentor", "mentors", "mentoring", "mentored", "mentorship", "mentorships");
    same("relation", "relations", "relationship", "relationships");
    same("prioritize", "prioritizes", "prioritizing", "prioritization");
    same("estimate", "estimates", "estimating", "estimation");
    same("escalate", "escalates", "escalating", "escalations");
  });

  it("keeps words apart that only look alike", () => {
    expect(wordStem("mentoring")).not.toBe(wordStem("monitoring"));
    // "-ship" comes off only a word long enough to stay a word.
    expect(wordStem("worship")).toBe("worship");
  });
});

describe("queryWords", () => {
  it("turns punctuation and symbols into spaces, so nothing acts as a search operator", () => {
    expect(queryWords('^git | "docker" (kubernetes)!')).toEqual(["git", "docker", "kubernetes"]);
  });

  it("splits hyphenated words into their parts", () => {
    expect(queryWords("cross-functional")).toEqual(["cross", "functional"]);
  });

  it("leaves out words that tell nothing, unless nothing else was typed", () => {
    expect(queryWords("Is an expert in Git.")).toEqual(["expert", "git"]);
    expect(queryWords("on-call")).toEqual(["call"]);
    expect(queryWords("the team’s culture")).toEqual(["team", "culture"]);
    expect(queryWords("the")).toEqual(["the"]);
    expect(queryWords("1:1 meetings")).toEqual(["1", "meetings"]);
  });

  it("keeps each word once, in lower case", () => {
    expect(queryWords("Day to day")).toEqual(["day"]);
  });

  it("keeps the first words of a pasted paragraph", () => {
    const paragraph = Array.from({ length: MAX_WORDS + 5 }, (_, i) => `word${i}`).join(" ");
    expect(queryWords(paragraph)).toEqual(paragraph.split(" ").slice(0, MAX_WORDS));
  });

  it("finds no words in what has none", () => {
    expect(queryWords("  !!! ^^^ | ")).toEqual([]);
  });
});

describe("isFiller", () => {
  it("is true of common words and lone letters, not of digits or words that say something", () => {
    expect(["on", "the", "in", "s"].filter(isFiller)).toEqual(["on", "the", "in", "s"]);
    expect(["git", "1", "call"].filter(isFiller)).toEqual([]);
  });
});

describe("editDistance", () => {
  it("counts added, removed and replaced letters, and a swap of two neighbours as one edit", () => {
    expect(editDistance("git", "git", 2)).toBe(0);
    expect(editDistance("gti", "git", 2)).toBe(1);
    expect(editDistance("mentro", "mentor", 2)).toBe(1);
    expect(editDistance("lunix", "linux", 2)).toBe(2);
    expect(editDistance("team", "teams", 2)).toBe(1);
    expect(editDistance("teams", "team", 2)).toBe(1);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("", "abc", 3)).toBe(3);
  });

  it("stops past the most it was asked for", () => {
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});
