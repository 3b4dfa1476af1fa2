import { describe, expect, it } from "vitest";
import { inWords, refersBack, showsDiff } from "../../../src/lib/handbook/threadWords";
import { wordDiff } from "../../../src/lib/compare/wordDiff";
import type { Behavior } from "../../../src/lib/handbook/buildHandbook";

const levels = (...codes: string[]) => codes.map((code) => ({ code }));
const form = (older: string, newer: string) => ({
  behavior: { text: newer } as Behavior,
  step: { source: "similarity" as const, diff: wordDiff(older, newer) },
});

describe("threadWords", () => {
  it("lists levels in words, naming bare numbers as levels", () => {
    expect(inWords(levels("IC5"))).toBe("IC5");
    expect(inWords(levels("IC3", "IC4", "IC5"))).toBe("IC3, IC4 and IC5");
    expect(inWords(levels("3"))).toBe("level 3");
    expect(inWords(levels("3", "4"))).toBe("levels 3 and 4");
  });

  it("tells a form that restates another by naming it, as rubric tables do", () => {
    for (const text of ["Same as L1.", "Same as L3-L4", "same as previous level", "**Same as** IC2."])
      expect(refersBack(text), text).toBe(true);
    for (const text of [
      "Same-day replies to customers.",
      "Keeps the same standards as L1 while leading a team of engineers.",
    ])
      expect(refersBack(text), text).toBe(false);
  });

  it("shows the diff of a step that keeps words, not of one rewritten whole or by reference", () => {
    expect(showsDiff(form("Has a basic understanding of Git.", "Is an expert in Git."))).toBe(true);
    expect(showsDiff(form("Answers tickets.", "Leads the rota."))).toBe(false);
    expect(showsDiff(form("Understands networking concepts.", "Same as L1."))).toBe(false);
    expect(showsDiff({ behavior: { text: "First." } as Behavior, step: undefined })).toBe(false);
  });
});
