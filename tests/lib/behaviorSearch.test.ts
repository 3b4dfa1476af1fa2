import { describe, expect, it } from "vitest";
import {
  buildSearchPayload,
  createBehaviorSearch,
  expandDocuments,
  highlightWords,
  toFuseQuery,
} from "../../src/lib/behaviorSearch";
import { searchDocuments } from "../../src/lib/searchDocuments";
import { createUrls } from "../../src/lib/urls";
import { realHandbook } from "../helpers/realHandbook";

describe("highlightWords", () => {
  it("marks whole words around the matched characters", () => {
    const text = "Has a basic understanding of Git.";
    expect(highlightWords(text, [[30, 31]])).toEqual([
      { text: "Has a basic understanding of ", match: false },
      { text: "Git", match: true },
      { text: ".", match: false },
    ]);
  });

  it("leaves the text whole when nothing matched", () => {
    expect(highlightWords("Is flexible to change.", [])).toEqual([
      { text: "Is flexible to change.", match: false },
    ]);
  });
});

describe("toFuseQuery", () => {
  it("searches one word as it is and requires every word of several, in any field", () => {
    expect(toFuseQuery(" git ")).toBe("git");
    const query = toFuseQuery("ic3 git") as { $and: { $or: Record<string, string>[] }[] };
    expect(query.$and).toHaveLength(2);
    expect(query.$and[0].$or).toContainEqual({ text: "ic3" });
    expect(query.$and[1].$or).toContainEqual({ place: "git" });
  });
});

describe("behavior search on the real data", async () => {
  const documents = searchDocuments(await realHandbook(), createUrls("/"));
  // Through JSON, as the browser receives it.
  const answer = createBehaviorSearch(JSON.parse(JSON.stringify(buildSearchPayload(documents))));
  const search = (...args: Parameters<typeof answer>) => answer(...args).results;
  const ids = (results: ReturnType<typeof search>) => results.map((r) => r.document.id);

  it('finds the Git behavior of every level first for "git", then the code hosts that mention GitHub', () => {
    const results = search("git");
    expect(ids(results).slice(0, 4).sort()).toEqual([
      "basic-git",
      "full-professional-git",
      "git-expert",
      "professional-git",
    ]);
    expect(results.slice(4).every((r) => r.document.text.includes("GitHub"))).toBe(true);
    expect(results[0].segments.filter((s) => s.match).map((s) => s.text)).toEqual(["Git"]);
  });

  it("tolerates a typo", () => {
    expect(
      search("kubernets")
        .map((r) => r.document.text)
        .every((text) => text.includes("Kubernetes")),
    ).toBe(true);
    expect(search("kubernets").length).toBeGreaterThan(0);
  });

  it("matches several words across fields: the level and the text", () => {
    expect(ids(search("ic3 git"))).toEqual(["full-professional-git"]);
  });

  it("narrows by track, level, category, shared expectations and roles", () => {
    expect(search("mentor", { track: "product" }).every((r) => r.document.track === "product")).toBe(true);
    expect(ids(search("git", { level: "ic2" }))).toEqual(["professional-git", "professional-code-hosts"]);
    expect(
      search("", { track: "support", category: "delivery", level: "ic1" }).map((r) => r.document.id),
    ).toEqual(["plans-commitments-with-guidance", "exercises-compassion", "asks-for-support-when-blocked"]);
    expect(search("", { level: "shared" }, 1000)).toHaveLength(17);
    expect(ids(search("", { level: "roles" }))).toEqual(["facilitator", "coordinator", "mentor", "liaison"]);
  });

  it("lists everything in site order for an empty query, up to the limit, and counts them all", () => {
    expect(search("", {}, 1000).map((r) => r.document)).toEqual(documents);
    expect(answer("", {}, 10).results).toHaveLength(10);
    expect(answer("", {}, 10).total).toBe(documents.length);
  });

  it("counts every match, beyond the ones it shows", () => {
    const { results, total } = answer("the", {}, 3);
    expect(results).toHaveLength(3);
    expect(total).toBeGreaterThan(3);
  });

  it("travels as a payload that holds every document once, compactly", () => {
    const payload = buildSearchPayload(documents);
    expect(expandDocuments(JSON.parse(JSON.stringify(payload)))).toEqual(documents);
    expect(payload.tracks.map(([id]) => id)).toEqual(["support", "product"]);
  });

  it("treats punctuation and symbols as spaces, so nothing acts as a search operator", () => {
    const git = ids(search("git"));
    for (const query of ["^git", "=git", "git$", '"git"', "'git", "!git", "git!", "(git)"]) {
      expect(ids(search(query)), query).toEqual(git);
    }
    expect(ids(search("git | kubernetes"))).toEqual(ids(search("git kubernetes")));
    expect(search("!!! ^^^ |")).toEqual(search(""));
  });

  it("matches one or two letters as a whole word only, and longer ones by their beginning too", () => {
    expect(search("gi")).toEqual([]);
    expect(ids(search("gi")).length).toBeLessThan(ids(search("git")).length);
  });

  it("finds the word being typed by its beginning", () => {
    expect(ids(search("kuber"))).toEqual(ids(search("kubernetes")));
    expect(
      search("escal")
        .map((r) => r.document.text)
        .every((text) => /escalat/i.test(text)),
    ).toBe(true);
  });

  it("finds nothing for words the handbook does not use", () => {
    expect(search("xylophone")).toEqual([]);
  });
});
