import { describe, expect, it } from "vitest";
import { wordDiff } from "../../src/lib/wordDiff";

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

  it("rebuilds both texts from its parts", () => {
    const older = "Is familiar with containerized runtimes like Docker and Kubernetes.";
    const newer = "Has a strong understanding of containerized runtimes like Docker and Kubernetes.";
    const diff = wordDiff(older, newer);
    expect(
      diff
        .filter((p) => p.change !== "added")
        .map((p) => p.value)
        .join(""),
    ).toBe(older);
    expect(
      diff
        .filter((p) => p.change !== "removed")
        .map((p) => p.value)
        .join(""),
    ).toBe(newer);
  });
});
