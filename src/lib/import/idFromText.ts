import { slug } from "github-slugger";
import { MAX_ID_LENGTH } from "../schemas/ids";

/** Words that say little about a behavior; ids read better without them. */
const STOP_WORDS = new Set(
  "a an and are as at be by e eg for from g i ie in is it its of on or our the their this to with".split(" "),
);

/** How many words of the text an id keeps: enough to recognize it, few enough to type. */
const MAX_WORDS = 4;

/**
 * A kebab-case id for a behavior (or category, level, page) from its text, for importers: the
 * first few meaningful words, without accents and possessive "’s". `taken` holds the ids
 * already used in the track; a clash gets `-2`, `-3`…, and the new id is added to `taken`.
 * Text without a letter or digit in the Latin alphabet gets `fallback`, numbered the same way.
 */
export function idFromText(text: string, taken: Set<string>, fallback = "item"): string {
  const plain = text
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/['’]s\b/g, "")
    // Punctuation separates words ("features/product"); the slugger would glue them together.
    .replace(/[^\p{L}\p{N}\s'’-]+/gu, " ");
  const words = slug(plain)
    .split("-")
    .filter((word) => /^[a-z0-9]+$/.test(word));
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, MAX_WORDS);
  const base = chosen.length > 0 ? chosen.join("-") : fallback;
  // A very long word is cut, so the id (with its number) still fits the limit of ids.
  const numbered = (suffix: string) =>
    `${base.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
  let id = numbered("");
  for (let n = 2; taken.has(id); n += 1) id = numbered(`-${n}`);
  taken.add(id);
  return id;
}
