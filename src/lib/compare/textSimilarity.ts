import { stemmer } from "stemmer";

/** Words too common in career frameworks to tell two behaviors apart, or to say what a search is about. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an and or of to in on for with their they them themself themselves is are be being has have " +
    "as at by etc e g eg our all any from that this it its both while who when where which into can " +
    "able well more most other others than the one such also so not no how what we us"
  ).split(" "),
);

/**
 * Words that say how much, not what: they are what changes between the levels of one
 * behavior ("basic" → "professional working" → "expert"), so they must not decide whether two
 * behaviors are about the same thing.
 */
const DEGREE_WORDS = new Set(
  (
    "basic limited familiar general strong advanced expert expertise professional full working " +
    "proficiency proficient understanding understand knowledge skilled deep firmly firm consistently " +
    "actively proactively independently effectively"
  ).split(" "),
);

/** A word: letters and digits of any script. Everything else (punctuation, symbols) separates words. */
export const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The stem a word (lower case) shares with its other forms (Porter's, from `stemmer`): mentor,
 * mentors, mentoring → mentor; prioritizes, prioritization → priorit. Porter leaves "-ship"
 * nouns alone, but "mentorship" is about mentors, and "ownership" about owning.
 */
export function wordStem(word: string): string {
  return stemmer(word.length > 7 ? word.replace(/ships?$/, "") : word);
}

/** The stems of a text's words, in order, without the words too common to tell texts apart. */
export function wordStems(text: string, { withDegree = true } = {}): string[] {
  return (text.toLowerCase().match(WORD) ?? [])
    .filter((word) => !STOP_WORDS.has(word) && (withDegree || !DEGREE_WORDS.has(word)))
    .map(wordStem);
}

/** The stems of a text's meaningful words, in order: "Has a basic understanding of Git." → git. */
export function contentStems(text: string): string[] {
  return wordStems(text, { withDegree: false });
}

/**
 * A similarity between two texts from 0 (no meaningful word in common) to 1 (the same words):
 * the Dice coefficient of their word stems, each stem weighted by its inverse document
 * frequency in `corpus`, so words every behavior uses ("team", "customers") count for little
 * and distinctive ones ("Git", "databases") for much.
 */
export function createTextSimilarity(corpus: readonly string[]): (a: string, b: string) => number {
  const documentFrequency = new Map<string, number>();
  for (const text of corpus) {
    for (const stem of new Set(contentStems(text))) {
      documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
    }
  }
  // Weights computed once: the matcher asks for them millions of times on a large track.
  const weights = new Map(
    [...documentFrequency].map(([stem, count]) => [stem, Math.log((corpus.length + 1) / (count + 1)) + 1]),
  );
  const unseenWeight = Math.log(corpus.length + 1) + 1;
  const weight = (stem: string) => weights.get(stem) ?? unseenWeight;
  const stemsOf = new Map<string, Set<string>>();
  const stems = (text: string) => {
    let set = stemsOf.get(text);
    if (!set) stemsOf.set(text, (set = new Set(contentStems(text))));
    return set;
  };
  return (a, b) => {
    const left = stems(a);
    const right = stems(b);
    let shared = 0;
    let total = 0;
    for (const stem of left) {
      total += weight(stem);
      if (right.has(stem)) shared += weight(stem);
    }
    for (const stem of right) total += weight(stem);
    return total === 0 ? 0 : (2 * shared) / total;
  };
}
