import { slug } from "github-slugger";
import { MAX_ID_LENGTH } from "../schemas/ids";

/** Words that say little about a behavior; ids read better without them. */
const STOP_WORDS = new Set(
  "a am an and are as at be been by e eg for from g i ie in is it its of on or our the their this to was were with".split(
    " ",
  ),
);

/**
 * Pronouns: "you-communicate-clearly" names the reader, not the behavior, and an id becomes a
 * permanent link, so none starts with one (they are left out wherever they are).
 */
const PRONOUNS = new Set(
  "i me my mine myself you your yours yourself yourselves we us ours ourselves they them theirs themselves he him his himself she her hers herself".split(
    " ",
  ),
);

/** How many words of the text an id keeps: enough to recognize it, few enough to type. */
const MAX_WORDS = 4;

/** The text's words in kebab-case form: without accents, possessive "’s" and punctuation. */
function idWords(text: string): string[] {
  const plain = text
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    // A list's number ("1. Writes…", "2) Uses…") numbers the text; it is not a word of it.
    .replace(/^\s*\d+[.)]\s+/, "")
    // A pronoun's contraction ("you're", "I'm", "we've") is the pronoun: left out like it.
    .replace(/\b(?:you|we|they|i|he|she|it)['‘’](?:re|m|ve|ll|d|s)\b/giu, " ")
    .replace(/['’]s\b/g, "")
    // Punctuation separates words ("features/product"); the slugger would glue them together.
    .replace(/[^\p{L}\p{N}\s'’-]+/gu, " ");
  return slug(plain)
    .split("-")
    .filter((word) => /^[a-z0-9]+$/.test(word));
}

/**
 * A kebab-case id for a behavior (or category, level, page) from its text, for importers: the
 * first few meaningful words, without accents, possessive "’s" and pronouns. `taken` holds the
 * ids already used in the track, and the new id is added to it. On a clash the id grows by a
 * word that tells the two apart rather than a number: a later word of the text, then one of
 * `distinguishing` (such as the level's id, for a text that two levels restate), and only then
 * `-2`, `-3`…. Text without a letter or digit in the Latin alphabet gets `fallback`.
 */
export function idFromText(
  text: string,
  taken: Set<string>,
  fallback = "item",
  distinguishing: readonly string[] = [],
): string {
  const words = idWords(text).filter((word) => !PRONOUNS.has(word));
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  return uniqueId(meaningful.length > 0 ? meaningful : words, MAX_WORDS, taken, fallback, distinguishing);
}

/**
 * A level's id from its name: every word kept, since in a level's name each one counts
 * ("Open Source Contributor I" and "… II" differ by a numeral that reads like a pronoun).
 */
export function levelIdFromName(name: string, taken: Set<string>): string {
  return uniqueId(idWords(name), MAX_LEVEL_WORDS, taken, "level", []);
}

/** How many words of a level's name its id keeps. */
const MAX_LEVEL_WORDS = 6;

function uniqueId(
  usable: string[],
  maxWords: number,
  taken: Set<string>,
  fallback: string,
  distinguishing: readonly string[],
): string {
  const chosen = usable.slice(0, maxWords);
  const base = chosen.length > 0 ? chosen.join("-") : fallback;
  // A very long word is cut, so the id (with its suffix) still fits the limit of ids.
  const withSuffix = (suffix: string) =>
    `${base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
  const candidates = [
    "",
    ...usable.slice(maxWords).map((word) => `-${word}`),
    ...distinguishing.filter((word) => word && !base.endsWith(word)).map((word) => `-${word}`),
  ];
  let id = candidates.map(withSuffix).find((candidate) => !taken.has(candidate));
  for (let n = 2; id === undefined || taken.has(id); n += 1) id = withSuffix(`-${n}`);
  taken.add(id);
  return id;
}
