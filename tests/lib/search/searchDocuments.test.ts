import { describe, expect, it } from "vitest";
import { allBehaviors } from "../../../src/lib/handbook/allBehaviors";
import { behaviorIndex } from "../../../src/lib/search/behaviorIndex";
import { searchDocuments } from "../../../src/lib/search/searchDocuments";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook } from "../../helpers/realHandbook";
import { uncategorizedTrack } from "../../helpers/syntheticTrack";

describe("search documents of the real data", async () => {
  const handbook = await realHandbook();
  const documents = searchDocuments(handbook, createUrls("/handbook/", "https://handbook.example.com"));

  it("hold every behavior and every responsibility once", () => {
    expect(documents).toHaveLength(allBehaviors(handbook).length + 4);
    expect(new Set(documents.map((d) => `${d.track}/${d.id}`)).size).toBe(documents.length);
  });

  it("name where each lives and link to it", () => {
    expect(documents.find((d) => d.id === "basic-git")).toEqual({
      track: "support",
      trackTitle: "Support",
      level: "ic1",
      place: "IC1",
      levelTitle: "Entry Level",
      category: "technical-proficiency",
      categoryTitle: "Technical Proficiency",
      id: "basic-git",
      text: "Has a basic understanding of Git.",
      markdown: "Has a basic understanding of Git.",
      title: null,
      examples: [],
      url: "/handbook/support/ic1/#basic-git",
    });
    expect(documents.find((d) => d.id === "escalates-early")).toMatchObject({
      level: null,
      place: "All Levels",
      levelTitle: null,
      url: "/handbook/product/#escalates-early",
    });
    expect(documents.find((d) => d.id === "liaison")).toMatchObject({
      place: "SE Regional Team Leads",
      levelTitle: null,
      category: null,
      categoryTitle: "Responsibilities",
      url: "/handbook/support/roles/team-lead/#liaison",
    });
    expect(documents.find((d) => d.id === "liaison")?.text).toMatch(/^Liaison: Listen to feedback/);
    // A level without a job title (the product track's) has none to search by.
    expect(documents.find((d) => d.id === "begins-to-mentor")).toMatchObject({
      place: "IC3",
      levelTitle: null,
    });
    expect(documents.find((d) => d.id === "full-professional-git")?.levelTitle).toBe(
      "Senior Support Engineer",
    );
  });

  it("group into the index by track, place and category, in site order", () => {
    const index = behaviorIndex(documents);
    expect(index.map((t) => t.title)).toEqual(["Support", "Product"]);
    expect(index[0].places.map((p) => p.title)).toEqual([
      "IC1",
      "IC2",
      "IC3",
      "IC4",
      "IC5",
      "SE Regional Team Leads",
    ]);
    expect(index[1].places[0]).toMatchObject({ title: "All Levels", url: "/handbook/product/" });
    expect(index[0].places[0].categories.map((c) => [c.title, c.items.length])).toEqual([
      ["Non-Technical Proficiency", 4],
      ["Technical Proficiency", 6],
      ["Delivery", 3],
      ["Teamwork", 4],
    ]);
    expect(index.flatMap((t) => t.places.flatMap((p) => p.categories.flatMap((c) => c.items)))).toEqual(
      documents,
    );
  });
});

describe("search documents of a track without categories", () => {
  const track = uncategorizedTrack([
    [
      ["a1", "A."],
      ["b1", "B."],
    ],
    [["a2", "A again."]],
  ]);
  const documents = searchDocuments({ tracks: [track] }, createUrls("/"));

  it("give its behaviors no category, and its responsibilities theirs", () => {
    expect(documents.map((d) => [d.id, d.category, d.categoryTitle])).toEqual([
      ["shows-up", null, null],
      ["a1", null, null],
      ["b1", null, null],
      ["a2", null, null],
      ["mentor", null, "Responsibilities"],
    ]);
  });

  it("are listed in the index by place, under no category heading", () => {
    const [listing] = behaviorIndex(documents);
    expect(
      listing.places.map((place) => [place.title, place.categories.map((c) => [c.title, c.items.length])]),
    ).toEqual([
      ["Every level", [[null, 1]]],
      ["L1", [[null, 2]]],
      ["L2", [[null, 1]]],
      ["Lead", [["Responsibilities", 1]]],
    ]);
  });
});
