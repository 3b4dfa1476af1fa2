import { describe, expect, it } from "vitest";
import { idFromText } from "../../../src/lib/import/idFromText";
import { idSchema, KEBAB_CASE, MAX_ID_LENGTH } from "../../../src/lib/schemas";

describe("idFromText", () => {
  it.each([
    ["Has a basic understanding of Git.", "has-basic-understanding-git"],
    [
      "Directly contributes to achieving the company’s strategic goals.",
      "directly-contributes-achieving-company",
    ],
    ["Primarily focuses on their team’s features/product.", "primarily-focuses-team-features"],
    ["Drives x-org alignment to advance our business goals.", "drives-x-org-alignment"],
    ["Café naïve résumé", "cafe-naive-resume"],
    ["Impact:", "impact"],
    ["IC2", "ic2"],
  ])("makes %j into %j", (text, id) => expect(idFromText(text, new Set())).toBe(id));

  it("numbers clashes with ids already taken, and records each new id", () => {
    const taken = new Set(["basic-git"]);
    expect(idFromText("Basic Git", taken)).toBe("basic-git-2");
    expect(idFromText("Basic Git!", taken)).toBe("basic-git-3");
    expect(taken).toEqual(new Set(["basic-git", "basic-git-2", "basic-git-3"]));
  });

  it("takes any word as an id, even one the page's own elements were once named by", () => {
    // The page's own element ids hold "--", which no generated id can.
    expect(idFromText("Main", new Set())).toBe("main");
    expect(idFromText("Live status", new Set())).toBe("live-status");
  });

  it("falls back for text without Latin letters or digits, and keeps only stop words when that is all", () => {
    const taken = new Set<string>();
    expect(idFromText("品質を重視する", taken, "delivery")).toBe("delivery");
    expect(idFromText("品質", taken, "delivery")).toBe("delivery-2");
    expect(idFromText("To be or not", new Set())).toBe("not");
    expect(idFromText("To be", new Set())).toBe("to-be");
  });

  it("cuts a very long word, with room for the number of a clash, to give a valid id", () => {
    const word = "x".repeat(MAX_ID_LENGTH * 2);
    const taken = new Set<string>();
    const first = idFromText(word, taken);
    const second = idFromText(word, taken);
    expect(first).toBe(word.slice(0, MAX_ID_LENGTH));
    expect(second).toBe(`${word.slice(0, MAX_ID_LENGTH - 2)}-2`);
    for (const id of [first, second]) expect(idSchema.safeParse(id).success).toBe(true);
  });

  it("always gives a kebab-case id", () => {
    for (const text of ["  Spaces  around ", "A--B", "ÆØÅ æøå", "100% on-call!", "’s"]) {
      expect(idFromText(text, new Set())).toMatch(KEBAB_CASE);
    }
  });
});

describe("idFromText for permanent links", () => {
  it("leaves out a list's number at the start of the text", () => {
    expect(idFromText("1. Writes clear, easy to follow code.", new Set())).toBe("writes-clear-easy-follow");
    expect(idFromText("2) Uses the tools.", new Set())).toBe("uses-tools");
    expect(idFromText("10x engineer habits", new Set())).toBe("10x-engineer-habits");
  });

  it("never starts an id with a pronoun", () => {
    expect(idFromText("You mentor your peers.", new Set())).toBe("mentor-peers");
    expect(idFromText("We ship it.", new Set())).toBe("ship");
    expect(idFromText("They", new Set(), "behavior")).toBe("behavior");
    expect(idFromText("You're expected to ship small changes.", new Set())).toBe(
      "expected-ship-small-changes",
    );
    expect(idFromText("You ask questions when you're blocked.", new Set())).toBe(
      "ask-questions-when-blocked",
    );
    expect(idFromText("I am an egoless, team oriented developer.", new Set())).toBe(
      "egoless-team-oriented-developer",
    );
    expect(idFromText("I'm learning how to segment work.", new Set())).toBe("learning-how-segment-work");
    expect(idFromText("I am", new Set(), "behavior")).toBe("am");
    expect(idFromText("You‘re great", new Set())).toBe("great");
  });

  it("tells a clash apart by a later word of the text, then by a distinguishing word, before numbering", () => {
    const taken = new Set<string>();
    expect(idFromText("Reviews code of the team in depth", taken)).toBe("reviews-code-team-depth");
    expect(idFromText("Reviews code of the team in depth and breadth", taken)).toBe(
      "reviews-code-team-depth-breadth",
    );
    expect(idFromText("Reviews code of the team in depth", taken, "item", ["ic3"])).toBe(
      "reviews-code-team-depth-ic3",
    );
    expect(idFromText("Reviews code of the team in depth", taken, "item", ["ic3"])).toBe(
      "reviews-code-team-depth-2",
    );
  });
});
