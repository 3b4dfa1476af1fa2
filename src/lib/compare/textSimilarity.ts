import { stemmer } from "stemmer";

/** Words too common in career frameworks to tell two behaviors apart, or to say what a search is about. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an and or of to in on for with their they them themself themselves is are be being has have " +
    "as at by etc e g eg our all any from that this it its both while who when where which into can " +
    "able well more most other others than the one such also so not no how what we us you your " +
    "yours yourself i me my"
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

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * What a sentence of one text must share with a sentence of the other for the pair to count on
 * its own: two content words at least, as "basic cryptographic principles" and "advanced
 * cryptographic principles" share two. One shared word ("team", "customers") is a topic, not
 * an expectation.
 */
const SENTENCE_SHARED_STEMS = 2;

/**
 * A long text's best-matching sentence counts for a little less than a whole text alike: it
 * says the two behaviors share one expectation among several.
 */
const SENTENCE_WEIGHT = 0.85;

/**
 * A similarity between two texts from 0 (no meaningful word in common) to 1 (the same words):
 * the Dice coefficient of their word stems, each stem weighted by its inverse document
 * frequency in `corpus`, so words every behavior uses ("team", "customers") count for little
 * and distinctive ones ("Git", "databases") for much. Long texts of several sentences dilute
 * what they share, so two texts also score by their best-matching pair of sentences (see
 * `SENTENCE_SHARED_STEMS`, `SENTENCE_WEIGHT`), the higher of the two, unless `bySentence` is
 * false: whether one text says again what another said is a matter of the whole texts.
 */
export function createTextSimilarity(
  corpus: readonly string[],
  { bySentence = true }: { bySentence?: boolean } = {},
): (a: string, b: string) => number {
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
  interface Stems {
    whole: Set<string>;
    /** Each sentence's stems, when the text has more than one sentence. */
    sentences: Set<string>[];
  }
  const stemsOf = new Map<string, Stems>();
  const stems = (text: string) => {
    let found = stemsOf.get(text);
    if (!found) {
      // Sentences only when they are scored: whether a text restates another is a whole-text matter.
      const parts = bySentence
        ? [...sentences.segment(text)].map(({ segment }) => new Set(contentStems(segment)))
        : [];
      found = { whole: new Set(contentStems(text)), sentences: parts.length > 1 ? parts : [] };
      stemsOf.set(text, found);
    }
    return found;
  };
  const dice = (left: Set<string>, right: Set<string>, sharedAtLeast = 1) => {
    let shared = 0;
    let sharedCount = 0;
    let total = 0;
    for (const stem of left) {
      total += weight(stem);
      if (right.has(stem)) {
        shared += weight(stem);
        sharedCount++;
      }
    }
    for (const stem of right) total += weight(stem);
    return total === 0 || sharedCount < sharedAtLeast ? 0 : (2 * shared) / total;
  };
  return (a, b) => {
    const left = stems(a);
    const right = stems(b);
    let best = dice(left.whole, right.whole);
    if (left.sentences.length > 0 || right.sentences.length > 0) {
      const leftParts = left.sentences.length > 0 ? left.sentences : [left.whole];
      const rightParts = right.sentences.length > 0 ? right.sentences : [right.whole];
      for (const l of leftParts) {
        for (const r of rightParts)
          best = Math.max(best, SENTENCE_WEIGHT * dice(l, r, SENTENCE_SHARED_STEMS));
      }
    }
    return best;
  };
}
