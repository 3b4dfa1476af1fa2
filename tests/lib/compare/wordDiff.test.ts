import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareLevels } from "../../../src/lib/compare/compareLevels";
import { comparePairs } from "../../../src/lib/compare/comparePairs";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { diffSide, wordDiff, wordTokens, type WordChange } from "../../../src/lib/compare/wordDiff";
import { realHandbook } from "../../helpers/realHandbook";

const join = (diff: WordChange[], side: "older" | "newer") =>
  diffSide(diff, side)
    .map((part) => part.value)
    .join("");

/** Asserts that both texts come back, character for character, from the pieces of their diff. */
function expectReconstructs(older: string, newer: string): WordChange[] {
  const diff = wordDiff(older, newer);
  expect(join(diff, "older")).toBe(older);
  expect(join(diff, "newer")).toBe(newer);
  return diff;
}

describe("wordTokens", () => {
  it("keeps every character, with words, punctuation and whitespace runs apart", () => {
    const text = "On-call  for CI/CD, “quoted”\t\n日本語のテキスト 👩‍👩‍👧 3.5";
    const tokens = wordTokens(text);
    expect(tokens.join("")).toBe(text);
    expect(tokens).toContain("  ");
    expect(tokens).toContain("\t\n");
    expect(tokens).toContain("👩‍👩‍👧");
    expect(tokens).toContain("3.5");
  });
});

describe("wordDiff", () => {
  it("marks whole words, not characters", () => {
    expect(
      wordDiff("Has professional working proficiency of Git.", "Has full professional proficiency of Git."),
    ).toEqual([
      { value: "Has ", change: "same" },
      { value: "full ", change: "added" },
      { value: "professional ", change: "same" },
      { value: "working ", change: "removed" },
      { value: "proficiency of Git.", change: "same" },
    ]);
  });

  it("keeps the spaces and punctuation jsdiff's diffWords loses (issue 11's examples)", () => {
    const cases: [string, string][] = [
      [
        "Suggests improvements to team processes and helps keep them current.",
        "Suggests improvements to team processes, and helps keep the team's processes current.",
      ],
      ["Solves common customer issues with guidance.", "Solves most customer issues without guidance."],
      ["Contributes to a respectful team culture.", "Builds a respectful team culture."],
      ["Knows the supported code hosts.", "Knows every supported code host and its APIs."],
    ];
    for (const [older, newer] of cases) expectReconstructs(older, newer);
  });

  it("reads a change of neighbouring words as one change, not several around kept spaces", () => {
    expect(wordDiff("a basic understanding", "an expert understanding")).toEqual([
      { value: "a basic", change: "removed" },
      { value: "an expert", change: "added" },
      { value: " understanding", change: "same" },
    ]);
  });

  it("reads a rewritten sentence as one change, not as many around a recurring 'and' or 'with'", () => {
    const older = "Troubleshoots and resolves common customer issues with guidance.";
    const newer =
      "Solves customer issues, sometimes with guidance, and is able to collaborate with their teammates.";
    expect(wordDiff(older, newer)).toEqual([
      { value: older.slice(0, -1), change: "removed" },
      { value: newer.slice(0, -1), change: "added" },
      { value: ".", change: "same" },
    ]);
  });

  it("puts what was removed before what was added within each change", () => {
    const diff = wordDiff("one two three", "one four five three");
    const changes = diff.map((part) => part.change);
    expect(changes).toEqual(["same", "removed", "added", "same"]);
  });

  const words = fc.constantFrom(
    "Git",
    "git",
    "databases",
    "on-call",
    "CI/CD",
    "e.g.",
    "“quoted”",
    "don’t",
    "(team)",
    "3.5",
    "naïve",
    "Größe",
    "日本語",
    "проект",
    "مرحبا",
    "👩‍👩‍👧",
    "🎉",
    ",",
    ".",
    "—",
    "/",
    "-",
    "'",
    '"',
  );
  const spaces = fc.constantFrom(" ", "  ", "\t", "\n", " \n ", "\u00a0", "");
  const sentence = fc
    .array(fc.tuple(words, spaces), { maxLength: 14 })
    .chain((pairs) => spaces.map((lead) => lead + pairs.map(([word, space]) => word + space).join("")));

  it("gives back both texts exactly, for any sentences", () => {
    fc.assert(
      fc.property(sentence, sentence, (older, newer) => {
        expectReconstructs(older, newer);
      }),
      { numRuns: 500 },
    );
  });

  it("gives back both texts exactly when one is an edit of the other", () => {
    const edited = sentence.chain((older) =>
      fc
        .tuple(fc.nat(older.length), fc.nat(older.length), sentence)
        .map(([a, b, insert]) => [
          older,
          older.slice(0, Math.min(a, b)) + insert + older.slice(Math.max(a, b)),
        ]),
    );
    fc.assert(
      fc.property(edited, ([older, newer]) => {
        const diff = expectReconstructs(older, newer);
        if (older === newer) expect(diff.every((part) => part.change === "same")).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("reconstructs every changed pair of every comparison of the real tracks", async () => {
    const handbook = await realHandbook();
    for (const track of handbook.tracks) {
      let pairs = 0;
      const evolution = buildTrackEvolution(track);
      for (const { from, to } of comparePairs(track)) {
        for (const category of compareLevels(evolution, from.id, to.id).categories) {
          for (const pair of category.changed) {
            expect(join(pair.diff, "older")).toBe(pair.from.text);
            expect(join(pair.diff, "newer")).toBe(pair.to.text);
            pairs += 1;
          }
        }
      }
      // Every example track has behaviors that evolve: the loop above must have checked some.
      expect(pairs, track.id).toBeGreaterThan(0);
    }
  });
});
