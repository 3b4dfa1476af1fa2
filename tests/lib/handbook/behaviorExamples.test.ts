import { describe, expect, it } from "vitest";
import { EXAMPLES_SHOWN_OPEN, examplesView } from "../../../src/lib/handbook/behaviorExamples";

describe("examplesView", () => {
  const examples = (count: number) => Array.from({ length: count }, (_, i) => `Example ${i + 1}.`);

  it("shows nothing for a behavior without examples", () => {
    expect(examplesView([])).toBeUndefined();
  });

  it("shows a short list open and folds a longer one, named by how many it holds", () => {
    expect(examplesView(examples(1))).toEqual({ collapsed: false, label: "1 example" });
    expect(examplesView(examples(EXAMPLES_SHOWN_OPEN))).toEqual({
      collapsed: false,
      label: `${EXAMPLES_SHOWN_OPEN} examples`,
    });
    expect(examplesView(examples(EXAMPLES_SHOWN_OPEN + 1))).toEqual({
      collapsed: true,
      label: `${EXAMPLES_SHOWN_OPEN + 1} examples`,
    });
  });
});
