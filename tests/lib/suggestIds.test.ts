import { describe, expect, it } from "vitest";
import { trackBehaviors } from "../../src/lib/allBehaviors";
import { didYouMean, suggestIds } from "../../src/lib/suggestIds";
import { realHandbook, trackOf } from "../helpers/realHandbook";

describe("suggestIds", async () => {
  const support = trackBehaviors(trackOf(await realHandbook(), "support")).map((behavior) => behavior.id);

  it("finds the id behind a typo", () => {
    expect(suggestIds("prioritises-work", support)[0]).toBe("prioritizes-work");
    expect(suggestIds("basic-gti", support)[0]).toBe("basic-git");
  });

  it("finds the id behind reordered or extra words", () => {
    expect(suggestIds("git-basics", support)[0]).toBe("basic-git");
    expect(suggestIds("expert-in-git", support)[0]).toBe("git-expert");
    expect(suggestIds("prioritizes-own-work", support)[0]).toBe("prioritizes-work");
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

describe("didYouMean", () => {
  it.each([
    [[], ""],
    [["a"], 'did you mean "a"?'],
    [["a", "b"], 'did you mean "a" or "b"?'],
    [["a", "b", "c"], 'did you mean "a", "b" or "c"?'],
  ])("phrases %j", (ids, text) => expect(didYouMean(ids)).toBe(text));
});
