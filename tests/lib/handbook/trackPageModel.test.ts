import { describe, expect, it } from "vitest";
import { trackThreads } from "../../../src/lib/compare/threads";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { levelMatrixColumns, trackPageModel } from "../../../src/lib/handbook/trackPageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack, uncategorizedTrack } from "../../helpers/syntheticTrack";

const urls = createUrls("/handbook/", "https://example.com");

describe("trackPageModel", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");
  const product = trackOf(handbook, "product");

  it("anchors each prose page apart from the page's own sections, keeping its HTML", () => {
    const prose = [
      { id: "expectations", title: "What are the expectations of my role?", html: "<p>Levels.</p>" },
      { id: "promotion", title: "When do I get promoted?", html: "<p>When.</p>" },
    ];
    expect(trackPageModel(support, prose, urls).prose).toEqual([
      { ...prose[0], anchor: "page--expectations" },
      { ...prose[1], anchor: "page--promotion" },
    ]);
  });

  it("lists only the categories that have a description", () => {
    expect(trackPageModel(product, [], urls).describedCategories.map((c) => c.id)).toEqual([
      "impact",
      "scope",
      "execution",
      "teamwork",
    ]);
    expect(trackPageModel(support, [], urls).describedCategories).toEqual([]);
    const track = syntheticTrack([{}]);
    track.categories = [
      { id: "craft", title: "Craft", description: "Making things." },
      ...track.categories.slice(1),
    ];
    expect(trackPageModel(track, [], urls).describedCategories.map((c) => c.title)).toEqual(["Craft"]);
  });

  it("links each role with its summary", () => {
    expect(trackPageModel(support, [], urls).roles).toEqual([
      {
        href: "/handbook/support/roles/team-lead/",
        title: "SE Regional Team Leads",
        summary: support.roles[0].summary,
      },
    ]);
    expect(trackPageModel(product, [], urls).roles).toEqual([]);
  });

  it("links each category's section of the growth page with its counts, from the threads it is given", () => {
    const threads = trackThreads(buildTrackEvolution(support));
    const { growth } = trackPageModel(support, [], urls, threads);
    expect(growth.heading).toBe("How expectations grow");
    expect(growth.categories.map((category) => category.href)).toEqual(
      support.categories.map((category) => `/handbook/support/growth/#category--${category.id}`),
    );
    expect(growth.categories.map((category) => category.text)).toEqual(
      support.categories.map((category) => category.title),
    );
    // Counted here from the threads: those with several forms grow, the rest are stated once.
    expect(growth.categories.map((category) => category.counts)).toEqual(
      threads.map(({ threads: list }) => {
        const growing = list.filter((thread) => thread.forms.length > 1).length;
        return `${growing} expectations grow across levels; ${list.length - growing} are stated at one level only`;
      }),
    );
    // Without threads given, it computes the same ones.
    expect(trackPageModel(support, [], urls).growth).toEqual(growth);
  });
});

describe("levelMatrixColumns", () => {
  it("has a column per category, in track order", () => {
    const track = syntheticTrack([{}]);
    expect(levelMatrixColumns(track)).toEqual({
      caption: "Levels and the behaviors expected in each category",
      columns: track.categories.map((category) => ({ title: category.title, category: category.id })),
    });
  });

  it("has one column, named for what it holds, on a track without categories", () => {
    expect(levelMatrixColumns(uncategorizedTrack([[["a1", "A."]]]))).toEqual({
      caption: "Levels and the behaviors expected at each",
      columns: [{ title: "Behaviors", category: null }],
    });
  });
});
