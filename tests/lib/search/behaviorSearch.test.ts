import { PLACES } from "../../../src/lib/links/urls";
import { describe, expect, it } from "vitest";
import {
  buildSearchPayload,
  createBehaviorSearch,
  createVocabulary,
  expandDocuments,
  highlightTerms,
  toFuseQuery,
  whereItLives,
  type SearchSuggestion,
} from "../../../src/lib/search/behaviorSearch";
import {
  searchDocuments,
  type ListedDocument,
  type SearchDocument,
} from "../../../src/lib/search/searchDocuments";
import { isFiller } from "../../../src/lib/search/searchWords";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook } from "../../helpers/realHandbook";
import { uncategorizedTrack } from "../../helpers/syntheticTrack";

/** A listed document as the search payload carries it: what is searched, not what is rendered. */
const searchedOnly = ({ markdown: _markdown, title: _title, ...document }: ListedDocument): SearchDocument =>
  document;

const marked = (segments: { text: string; match: boolean }[]) =>
  segments.filter((s) => s.match).map((s) => s.text);

describe("highlightTerms", () => {
  it("marks whole words whose term matched, whatever their case, and keeps the text whole", () => {
    const segments = highlightTerms("Has a basic understanding of Git.", new Set(["git"]));
    expect(segments).toEqual([
      { text: "Has a basic understanding of ", match: false },
      { text: "Git", match: true },
      { text: ".", match: false },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe("Has a basic understanding of Git.");
  });

  it("leaves the text whole when nothing matched", () => {
    expect(highlightTerms("Is flexible to change.", new Set())).toEqual([
      { text: "Is flexible to change.", match: false },
    ]);
  });

  it("never marks a word inside another word: “call” is not in “all”, “on” not in “only”", () => {
    expect(
      marked(highlightTerms("Is an expert in all deployment types, only on call.", new Set(["call"]))),
    ).toEqual(["call"]);
  });

  it("marks a hyphenated word whole when it matched joined or in all its telling parts", () => {
    const text = "Knows the trade-offs, stays on-call, keeps it up-to-date.";
    expect(marked(highlightTerms(text, new Set(["tradeoffs"])))).toEqual(["trade-offs"]);
    expect(marked(highlightTerms(text, new Set(["trade", "offs"])))).toEqual(["trade-offs"]);
    // "on" and "to" tell nothing: matching the other parts is matching the word.
    expect(marked(highlightTerms(text, new Set(["call"])))).toEqual(["on-call"]);
    expect(marked(highlightTerms(text, new Set(["up", "date"])))).toEqual(["up-to-date"]);
  });

  it("marks only the matched part of a hyphenated word that means something else whole", () => {
    expect(marked(highlightTerms("non-technical decisions", new Set(["technical"])))).toEqual(["technical"]);
  });
});

describe("toFuseQuery", () => {
  it("looks for one word as it is, and for any of several in the text", () => {
    expect(toFuseQuery(["git"])).toBe("git");
    expect(toFuseQuery(["ic3", "git"])).toEqual({ $or: [{ text: "ic3" }, { text: "git" }] });
  });
});

describe("createVocabulary", () => {
  const vocabulary = createVocabulary(["mentor", "mentoring", "mentorship", "monitoring", "git", "github"]);

  it("finds the words of the index that are forms of a word, whether or not the index has the word", () => {
    expect(vocabulary.forms("mentors")).toEqual(["mentor", "mentoring", "mentorship"]);
    expect(vocabulary.forms("git")).toEqual(["git"]);
    expect(vocabulary.forms("xylophone")).toEqual([]);
  });

  it("finds the words of the index that begin with what is being typed", () => {
    expect(vocabulary.beginningWith("git")).toEqual(["git", "github"]);
    expect(vocabulary.beginningWith("mentor")).toEqual(["mentor", "mentoring", "mentorship"]);
    expect(vocabulary.beginningWith("gitl")).toEqual([]);
    expect(vocabulary.beginningWith("zz")).toEqual([]);
  });
});

describe("behavior search on the real data", async () => {
  const documents = searchDocuments(await realHandbook(), createUrls("/"));
  // The documents as search sees them: without the text as written, which only the index page lists.
  const searched = documents.map(searchedOnly);
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
    expect(search("", { level: PLACES.shared }, 1000)).toHaveLength(17);
    expect(ids(search("", { level: PLACES.roles }))).toEqual([
      "facilitator",
      "coordinator",
      "mentor",
      "liaison",
    ]);
  });

  it("lists everything in site order for an empty query, up to the limit, and counts them all", () => {
    expect(search("", {}, 1000).map((r) => r.document)).toEqual(searched);
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
    expect(expandDocuments(JSON.parse(JSON.stringify(payload)))).toEqual(searched);
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

  it("finds nothing for words the handbook does not use, and has nothing to suggest", () => {
    expect(answer("xylophone")).toMatchObject({ results: [], total: 0, partial: false, suggestions: [] });
  });

  it("finds the other forms of a word, each highlighted whole, and never a word spelled alike", () => {
    expect(ids(search("mentoring")).sort()).toEqual(
      documents
        .filter((d) => /\bmentor(s|ing|ship)?\b/i.test(d.text))
        .map((d) => d.id)
        .sort(),
    );
    expect(search("mentoring").some((r) => /monitoring/i.test(r.document.text))).toBe(false);
    for (const query of ["prioritizing", "prioritization"]) {
      const results = search(query);
      expect(ids(results), query).toEqual(
        expect.arrayContaining(["prioritizes-work", "prioritizes-high-impact-work"]),
      );
      expect(new Set(results.flatMap((r) => marked(r.segments))), query).toEqual(new Set(["Prioritizes"]));
    }
    expect(ids(search("estimating"))).toEqual(["estimates-methodically"]);
  });

  it("ranks the word as typed before its other forms", () => {
    const results = search("mentor");
    const exact = results.map((r) => marked(r.segments).some((word) => word.toLowerCase() === "mentor"));
    expect(exact.indexOf(false)).toBeGreaterThan(0);
    expect(exact.slice(exact.indexOf(false))).not.toContain(true);
    expect(ids(search("mentoring"))[0]).toBe("mentors-and-coaches");
  });

  it("finds a level's behaviors by its job title, and marks the title where the result says where it lives", () => {
    const senior = answer("Senior Support Engineer", {}, 1000);
    const levels = new Set(senior.results.map((r) => `${r.document.track}/${r.document.level}`));
    expect(levels).toEqual(new Set(["support/ic3", "support/ic4"]));
    expect(senior.total).toBe(documents.filter((d) => d.levelTitle === "Senior Support Engineer").length);
    expect(marked(senior.results[0].where)).toEqual(expect.arrayContaining(["Senior", "Engineer"]));
    expect(search("staff git").every((r) => r.document.level === "ic5")).toBe(true);
    expect(ids(search("senior git")).slice(0, 2).sort()).toEqual(["full-professional-git", "git-expert"]);
  });

  it("highlights what “on-call” matched, not “on” or “all”", () => {
    const results = search("on-call");
    expect(results.flatMap((r) => marked(r.segments))).toEqual(["calls"]);
  });

  it("shows the behaviors with most of the words when none has all, and says so", () => {
    const both = answer("git databases");
    expect(both).toMatchObject({ partial: true, words: ["git", "databases"] });
    expect(ids(both.results).sort()).toEqual(
      [
        "basic-git",
        "professional-git",
        "full-professional-git",
        "git-expert",
        "basic-databases",
        "strong-databases",
      ].sort(),
    );
    // Three words, one of them nowhere: those with the other two come first.
    const most = answer("git expert xylophone");
    expect(most.partial).toBe(true);
    expect(ids(most.results)[0]).toBe("git-expert");
    // Some behavior has all the words: only those.
    expect(answer("docker kubernetes")).toMatchObject({
      partial: false,
      total: documents.filter((d) => /\bdocker\b/i.test(d.text) && /\bkubernetes\b/i.test(d.text)).length,
    });
  });

  it("suggests searches that do better, each of which finds what it promises", () => {
    const check = (suggestion: SearchSuggestion) => {
      const found = answer(suggestion.query, suggestion.filters);
      expect(found.total, suggestion.query).toBe(suggestion.total);
      expect(found.partial, suggestion.query).toBe(false);
    };
    // Fewer words, when none has all of them.
    const fewer = answer("git databases").suggestions;
    expect(fewer.map((s) => [s.kind, s.query])).toEqual([
      ["fewer-words", "git"],
      ["fewer-words", "databases"],
    ]);
    fewer.forEach(check);
    // A closer spelling from the index's own words, when nothing was found.
    const spelling = answer("basic lunix").suggestions;
    expect(spelling.map((s) => [s.kind, s.query])).toContainEqual(["spelling", "basic linux"]);
    spelling.forEach(check);
    // One filter less, or all of them when no one alone does better.
    const track = answer("git", { track: "product" }).suggestions;
    expect(track).toEqual([
      { kind: "filter", query: "git", filters: {}, cleared: ["track"], total: answer("git").total },
    ]);
    track.forEach(check);
    const both = answer("git", { track: "product", category: "execution" }).suggestions;
    expect(both).toEqual([
      {
        kind: "filter",
        query: "git",
        filters: {},
        cleared: ["track", "category"],
        total: answer("git").total,
      },
    ]);
    // Filters that exclude each other, without words.
    const none = answer("", { level: "ic1", category: "execution" });
    expect(none.total).toBe(0);
    expect(none.suggestions.map((s) => s.cleared)).toEqual([["level"], ["category"]]);
    none.suggestions.forEach(check);
  });

  it("suggests the word meant when two letters are swapped, never a word that tells nothing", () => {
    const spelling = (query: string) =>
      answer(query)
        .suggestions.filter((s) => s.kind === "spelling")
        .map((s) => s.query);
    expect(spelling("gti")).toEqual(["git"]);
    expect(spelling("mentro")).toEqual(["mentor"]);
    expect(spelling("tema")).toEqual(["team"]);
    // Two letters off, in a word of five.
    expect(spelling("lunix")).toEqual(["linux"]);
    // Too short to guess: no "in" or "a" for "xz".
    expect(answer("xz").suggestions).toEqual([]);
    for (const query of ["gti", "mentro", "tema", "qzx kubernets"])
      for (const suggestion of answer(query).suggestions)
        for (const word of suggestion.query.split(" "))
          expect(isFiller(word), `${query} → ${word}`).toBe(false);
  });

  it("offers fewer words as respelled: “gti databses” offers git and databases", () => {
    const fewer = answer("gti databses").suggestions.filter((s) => s.kind === "fewer-words");
    expect(fewer.map((s) => s.query).sort()).toEqual(["databases", "git"]);
    for (const suggestion of fewer) expect(answer(suggestion.query).total).toBe(suggestion.total);
  });

  it("finds a level code typed apart or hyphenated as the code", () => {
    const ic3 = ids(search("ic3", {}, 1000)).sort();
    expect(ic3.length).toBeGreaterThan(0);
    expect(ids(search("IC 3", {}, 1000)).sort()).toEqual(ic3);
    expect(ids(search("ic-3", {}, 1000)).sort()).toEqual(ic3);
  });

  it("says where each result lives, the level's job title included", () => {
    const where = (id: string) => whereItLives(documents.find((d) => d.id === id)!);
    expect(where("full-professional-git")).toBe(
      "Support · IC3 · Senior Support Engineer · Technical Proficiency",
    );
    expect(where("begins-to-mentor")).toBe("Product · IC3 · Teamwork");
    expect(where("escalates-early")).toBe("Product · All Levels · Teamwork");
    expect(where("liaison")).toBe("Support · SE Regional Team Leads · Responsibilities");
  });
});

describe("behavior search of examples", async () => {
  const real = searchDocuments(await realHandbook(), createUrls("/"));
  // Two behaviors of the real data given examples whose words no behavior text holds.
  const examples: Record<string, string[]> = {
    "basic-git": ["Rebases a branch onto main before asking for review."],
    "professional-git": ["Bisects a regression to its commit.", "Writes commit messages that say why."],
  };
  const documents = real.map((document) => ({ ...document, examples: examples[document.id] ?? [] }));
  const payload = JSON.parse(JSON.stringify(buildSearchPayload(documents)));
  const answer = createBehaviorSearch(payload);

  it("travels with the payload, only for the behaviors that have examples", () => {
    expect(expandDocuments(payload)).toEqual(documents.map(searchedOnly));
    const withExamples = payload.documents.filter((document: unknown[]) => document.length === 8);
    expect(withExamples.map((document: unknown[]) => document[4])).toEqual(Object.keys(examples));
  });

  it("finds a behavior by a word of its examples, and shows the example it is in, marked", () => {
    for (const word of ["rebases", "bisects"])
      expect(real.some((d) => d.text.toLowerCase().includes(word))).toBe(false);
    const [result, ...rest] = answer("bisects").results;
    expect(rest).toEqual([]);
    expect(result.document.id).toBe("professional-git");
    expect(result.example?.map((segment) => segment.text).join("")).toBe(examples["professional-git"][0]);
    expect(marked(result.example!)).toEqual(["Bisects"]);
    expect(marked(result.segments)).toEqual([]);
  });

  it("ranks a behavior whose text has the word above one whose examples have it", () => {
    const results = answer("review").results;
    const textHas = (id: string) => /\breview/i.test(documents.find((d) => d.id === id)!.text);
    const byExample = results.findIndex((r) => r.document.id === "basic-git");
    expect(byExample).toBeGreaterThan(0);
    expect(results.slice(0, byExample).every((r) => textHas(r.document.id))).toBe(true);
    expect(results.slice(byExample + 1).some((r) => textHas(r.document.id))).toBe(false);
    // Found by its text, a result shows no example.
    expect(results[0].example).toBeUndefined();
    expect(marked(results[byExample].example!)).toEqual(["review"]);
  });
});

describe("behavior search with a track without categories", async () => {
  const real = await realHandbook();
  const track = { ...uncategorizedTrack([[["a1", "Asks questions in meetings."]]]), order: 9 };
  const documents = searchDocuments({ tracks: [...real.tracks, track] }, createUrls("/"));
  const answer = createBehaviorSearch(JSON.parse(JSON.stringify(buildSearchPayload(documents))));
  const found = (filters: Parameters<typeof answer>[1]) =>
    answer("", filters, 1000).results.map((r) => r.document.id);

  it("keeps its behaviors apart from role responsibilities, which have no category either", () => {
    expect(expandDocuments(JSON.parse(JSON.stringify(buildSearchPayload(documents))))).toEqual(
      documents.map(searchedOnly),
    );
    expect(found({ track: "t", level: PLACES.shared })).toEqual(["shows-up"]);
    expect(found({ track: "t", level: PLACES.roles })).toEqual(["mentor"]);
    expect(found({ track: "t", level: "l1" })).toEqual(["a1"]);
    // The real tracks' roles are found as before, and no behavior with them.
    expect(found({ level: PLACES.roles })).toEqual(
      documents.filter((d) => d.categoryTitle === "Responsibilities").map((d) => d.id),
    );
  });

  it("shows where its behaviors live without a category", () => {
    const a1 = documents.find((d) => d.track === "t" && d.id === "a1")!;
    expect(whereItLives(a1)).toBe("T · L1");
  });
});
