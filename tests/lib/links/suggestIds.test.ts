import { describe, expect, it } from "vitest";
import { trackBehaviors } from "../../../src/lib/handbook/allBehaviors";
import { didYouMean, quotedList, suggestIds } from "../../../src/lib/links/suggestIds";
import { realHandbook, trackOf } from "../../helpers/realHandbook";

describe("suggestIds", async () => {
  const behaviors = trackBehaviors(trackOf(await realHandbook(), "support"));
  const support = behaviors.map((behavior) => behavior.id);
  const withText = behaviors.map(({ id, text }) => ({ id, text }));

  it("finds the id behind a typo", () => {
    expect(suggestIds("prioritises-work", support)[0]).toBe("prioritizes-work");
    expect(suggestIds("basic-gti", support)[0]).toBe("basic-git");
  });

  it("finds the id behind reordered or extra words", () => {
    expect(suggestIds("git-basics", support)[0]).toBe("basic-git");
    expect(suggestIds("expert-in-git", support)[0]).toBe("git-expert");
    expect(suggestIds("prioritizes-own-work", support)[0]).toBe("prioritizes-work");
  });

  it("finds an id written in other words, by the words of the ids and of the behaviors' text", () => {
    const text = (id: string) => behaviors.find((behavior) => behavior.id === id)?.text;
    expect(text("full-professional-git")).toBe("Has full professional proficiency of Git.");
    expect(suggestIds("full-git-proficiency", withText)[0]).toBe("full-professional-git");
    expect(suggestIds("git-proficiency", withText).slice(0, 2).sort()).toEqual([
      "full-professional-git",
      "professional-git",
    ]);
    // No id says "Kubernetes"; only texts do.
    expect(suggestIds("kubernetes", support)).toEqual([]);
    const kubernetes = suggestIds("kubernetes", withText);
    expect(kubernetes.length).toBeGreaterThan(0);
    for (const id of kubernetes) expect(text(id)).toMatch(/Kubernetes/);
  });

  it("suggests field names, whatever their case", () => {
    const fields = ["title", "shortTitle", "description", "cumulative", "categories", "sharedExpectations"];
    expect(suggestIds("titel", fields, 1)).toEqual(["title"]);
    expect(suggestIds("short_title", fields, 1)).toEqual(["shortTitle"]);
    expect(suggestIds("shared-expectations", fields, 1)).toEqual(["sharedExpectations"]);
  });

  it("suggests at most `limit` ids, never the id itself, and nothing for nonsense", () => {
    expect(suggestIds("basic", support)).toHaveLength(3);
    expect(suggestIds("basic", support, 1)).toHaveLength(1);
    expect(suggestIds("basic-git", support)).not.toContain("basic-git");
    expect(suggestIds("zzqx", support)).toEqual([]);
  });

  it("works on any list of ids, such as levels", () => {
    expect(suggestIds("ic-3", ["ic1", "ic2", "ic3"])[0]).toBe("ic3");
    expect(suggestIds("suport", ["support", "product"])).toEqual(["support"]);
  });
});

describe("quotedList", () => {
  it.each([
    [[], "and", ""],
    [["a"], "and", '"a"'],
    [["a", "b"], "and", '"a" and "b"'],
    [["a", "b", "c"], "or", '"a", "b" or "c"'],
  ] as const)("lists %j with %s", (names, conjunction, text) =>
    expect(quotedList(names, conjunction)).toBe(text),
  );
});

describe("didYouMean", () => {
  it.each([
    [[], ""],
    [["a"], 'did you mean "a"?'],
    [["a", "b"], 'did you mean "a" or "b"?'],
    [["a", "b", "c"], 'did you mean "a", "b" or "c"?'],
  ])("phrases %j", (ids, text) => expect(didYouMean(ids)).toBe(text));
});
