import { describe, expect, it } from "vitest";
import { compareLevels } from "../../../src/lib/compare/compareLevels";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import type { Track } from "../../../src/lib/handbook/buildHandbook";
import { comparePageModel } from "../../../src/lib/handbook/comparePageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack, uncategorizedTrack } from "../../helpers/syntheticTrack";

const urls = createUrls("/handbook/");

const modelOf = (track: Track, from: string, to: string) =>
  comparePageModel(track, compareLevels(buildTrackEvolution(track), from, to), urls);

describe("comparePageModel on the real data", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");
  const product = trackOf(handbook, "product");

  it("titles, heads and links the page by the two levels", () => {
    const view = modelOf(support, "ic2", "ic4");
    expect(view.title).toBe("IC2 to IC4 · Support");
    expect(view.heading).toBe("What changes from IC2 to IC4");
    expect(view.breadcrumb).toEqual({ href: "/handbook/support/compare/ic2/ic4/", text: "IC2 → IC4" });
    expect(view.from).toEqual({ href: "/handbook/support/ic2/", text: "IC2 · Support Engineer" });
    expect(view.to).toEqual({ href: "/handbook/support/ic4/", text: "IC4 · Senior Support Engineer" });
    expect(view.roadmap).toEqual({
      href: "/handbook/roadmap/?track=support&from=ic2&to=ic4",
      text: "Make a roadmap from IC2 to IC4",
    });
    expect(view.api).toBe("/handbook/api/support/compare/ic2/ic4.json");
  });

  it("explains what a cumulative track's comparison lists", () => {
    expect(modelOf(support, "ic2", "ic4").lead).toMatch(
      /^Each level builds on the ones before it, so what IC2 expects still holds at IC4, in its newer form where it grew\. .* what IC4 adds, and what IC2 states that still holds at IC4 as written\.$/,
    );
  });

  it("summarizes each category and the total, without an unchanged column when nothing is restated", () => {
    const { summary } = modelOf(support, "ic2", "ic4");
    expect(summary.unchangedColumn).toBe(false);
    expect(summary.carriedColumn).toBe("Still expected");
    expect(summary.rows[0]).toEqual({
      href: "#category--non-technical-proficiency",
      title: "Non-Technical Proficiency",
      counts: { changed: 4, unchanged: 0, added: 9, carried: 1 },
    });
    expect(summary.rows.map((row) => row.title)).toEqual(
      support.categories.map((category) => category.title),
    );
    expect(summary.totals).toEqual({ changed: 14, unchanged: 0, added: 24, carried: 8 });
  });

  it("heads each category's lists, naming the level between the two that asks for a new behavior", () => {
    const [section] = modelOf(support, "ic2", "ic4").sections;
    expect(section.anchor).toBe("category--non-technical-proficiency");
    expect(section.title).toBe("Non-Technical Proficiency");
    expect(section.empty).toBe(false);
    expect(section.changed).toHaveLength(4);
    expect(section.lists.map((list) => [list.kind, list.title, list.behaviors.length])).toEqual([
      ["added", "New since IC2", 9],
      ["carried", "Still expected at IC4, stated at IC2", 1],
    ]);
    const [added] = section.lists;
    expect(added.behaviors[0]).toEqual({
      href: "/handbook/support/ic3/#diffuses-escalations",
      text: "Is skilled at diffusing customer frustrations/escalations.",
      at: "IC3",
    });
    // What IC4 itself asks for needs no level named; what IC3 asks for names IC3.
    const at = (level: string) =>
      added.behaviors.filter((behavior) => behavior.href.startsWith(`/handbook/support/${level}/`));
    expect(at("ic4").length).toBeGreaterThan(0);
    expect(at("ic4").every((behavior) => behavior.at === undefined)).toBe(true);
    expect(at("ic3").every((behavior) => behavior.at === "IC3")).toBe(true);
    expect(at("ic3").length + at("ic4").length).toBe(9);
  });

  it("labels each side of a change with its level and text", () => {
    const [change] = modelOf(support, "ic2", "ic4").sections[0].changed;
    expect(change.from).toEqual({
      href: "/handbook/support/ic2/#solves-issues-and-helps-troubleshoot",
      code: "IC2",
      label:
        "IC2: Solves customer issues, sometimes with guidance, and is able to collaborate with their teammates to help them troubleshoot problems.",
    });
    expect(change.to.code).toBe("IC3");
    expect(change.to.label).toBe(
      "IC3: Is able to effectively facilitate troubleshooting calls with customers independently.",
    );
    expect(change.diff.some((part) => part.change === "added")).toBe(true);
  });

  it("says under a pair that grew over levels between which levels, and links its whole thread", () => {
    const view = modelOf(support, "ic1", "ic4");
    const changes = view.sections.flatMap((section) => section.changed);
    const at = (id: string) => changes.find((change) => change.to.href.endsWith(`#${id}`))!;
    // Basic Git → professional (IC2) → full professional (IC3) → expert (IC4).
    expect(at("git-expert").through).toEqual({
      text: "Through IC2 and IC3",
      growth: {
        href: "/handbook/support/growth/#git-expert",
        text: "How it grows",
        label: "How it grows: Is an expert in Git.",
      },
    });
    // A step over a level that does not restate it names only the level whose form it went through.
    expect(at("full-code-hosts-one-other").through?.text).toBe("Through IC2");
    // A direct step shows its whole story in its two sides.
    expect(at("strong-databases").through).toBeUndefined();
    expect(
      modelOf(support, "ic3", "ic4")
        .sections.flatMap((section) => section.changed)
        .some((change) => change.through),
    ).toBe(false);
  });

  it("calls what adjacent levels add new at the higher one", () => {
    const titles = modelOf(support, "ic2", "ic3").sections.flatMap((section) =>
      section.lists.map((list) => list.title),
    );
    expect(titles).toContain("New at IC3");
    expect(titles).not.toContain("New since IC2");
  });

  it("counts the shared expectations of a track that has them, the same on both sides", () => {
    expect(modelOf(product, "ic2", "ic3").shared?.summary).toBe(
      "All Levels (17 behaviors, the same at IC2 and IC3)",
    );
    expect(modelOf(support, "ic2", "ic3").shared).toBeUndefined();
  });
});

describe("comparePageModel on small tracks", () => {
  const levels: Parameters<typeof syntheticTrack>[0] = [
    {
      craft: [
        ["git-1", "Has a basic understanding of Git."],
        ["linux-1", "Has a basic understanding of Linux."],
      ],
    },
    {
      craft: [
        ["git-2", "Has a strong understanding of Git."],
        ["linux-2", "Has a basic understanding of Linux."],
        ["docs-2", "Writes documentation."],
      ],
    },
  ];

  it("lists word-for-word restatements and gives them a column, on a track that is not cumulative", () => {
    const view = modelOf(syntheticTrack(levels, false), "l1", "l2");
    expect(view.lead).toBe(
      "Each level lists all of its expectations. Below, per category: the behaviors whose wording changes (changed words marked), what L2 adds, and what only L1 states.",
    );
    expect(view.summary.unchangedColumn).toBe(true);
    expect(view.summary.carriedColumn).toBe("Only at L1");
    const [craft, team] = view.sections;
    expect(craft.lists.map((list) => [list.kind, list.title])).toEqual([
      ["unchanged", "The same at both levels"],
      ["added", "New at L2"],
    ]);
    // An unchanged behavior links to its form at the higher level.
    expect(craft.lists[0].behaviors).toEqual([
      { href: "/handbook/t/l2/#linux-2", text: "Has a basic understanding of Linux." },
    ]);
    expect(team).toMatchObject({ title: "Team", empty: true, changed: [], lists: [] });
  });

  it("names each section's category group, null in a track without groups", () => {
    const plain = syntheticTrack(levels);
    expect(modelOf(plain, "l1", "l2").sections.map((section) => section.group)).toEqual([null, null]);
    const grouped = {
      ...plain,
      categories: plain.categories.map((category) => ({ ...category, group: `${category.title} group` })),
    };
    expect(modelOf(grouped, "l1", "l2").sections.map((section) => section.group)).toEqual([
      "Craft group",
      "Team group",
    ]);
  });

  it("sets the two levels' facts side by side, each label once, empty where a level lacks it", () => {
    const track = syntheticTrack(levels);
    expect(modelOf(track, "l1", "l2").facts).toEqual([]);
    track.levels[0].facts = [
      { label: "Years of experience", value: "3+" },
      { label: "Scope", value: "Task" },
    ];
    track.levels[1].facts = [
      { label: "Years of experience", value: "5+" },
      { label: "Band", value: "B" },
    ];
    expect(modelOf(track, "l1", "l2").facts).toEqual([
      { label: "Years of experience", from: "3+", to: "5+" },
      { label: "Scope", from: "Task", to: null },
      { label: "Band", from: null, to: "B" },
    ]);
  });

  it("calls what only the lower level of a non-cumulative track states by that level", () => {
    const track = syntheticTrack(
      [
        { craft: [["a", "Reviews code."]] },
        {
          craft: [
            ["b", "Plans releases."],
            ["c", "Writes documentation."],
          ],
        },
      ],
      false,
    );
    const [craft] = modelOf(track, "l1", "l2").sections;
    expect(craft.lists.map((list) => list.title)).toContain("Stated at L1 only");
  });
});

describe("comparePageModel on a pair grown through several levels", () => {
  const track = syntheticTrack(
    ["basic", "strong", "professional", "full", "expert"].map((word, index) => ({
      craft: [
        [
          `git-${index + 1}`,
          `Has a ${word} understanding of Git.`,
          ...(index > 0 ? [`git-${index}`] : []),
        ] as [string, string, string?],
      ],
    })),
  );
  const throughOf = (from: string, to: string) => modelOf(track, from, to).sections[0].changed[0].through;

  it("names the levels between in words, oldest first", () => {
    expect(throughOf("l1", "l5")?.text).toBe("Through L2, L3 and L4");
    expect(throughOf("l2", "l5")?.text).toBe("Through L3 and L4");
    expect(throughOf("l3", "l5")?.text).toBe("Through L4");
    expect(throughOf("l4", "l5")).toBeUndefined();
  });

  it("links the newer form on the growth page", () => {
    expect(throughOf("l1", "l3")?.growth).toEqual({
      href: "/handbook/t/growth/#git-3",
      text: "How it grows",
      label: "How it grows: Has a professional understanding of Git.",
    });
  });
});

describe("comparePageModel on a track without categories", () => {
  const track = uncategorizedTrack([
    [
      ["git-1", "Has a basic understanding of Git."],
      ["asks", "Asks questions in meetings."],
    ],
    [
      ["git-2", "Has a strong understanding of Git."],
      ["docs-2", "Writes customer-facing documentation."],
    ],
  ]);
  const view = modelOf(track, "l1", "l2");

  it("shows one section of behaviors, under the one name the site gives them, not a category", () => {
    expect(view.sections.map(({ anchor, title, empty }) => ({ anchor, title, empty }))).toEqual([
      { anchor: "section--behaviors", title: "Behaviors", empty: false },
    ]);
    const [section] = view.sections;
    expect(section.changed.map((change) => change.to.href)).toEqual(["/handbook/t/l2/#git-2"]);
    expect(section.lists.map((list) => [list.kind, list.behaviors.map((b) => b.text)])).toEqual([
      ["added", ["Writes customer-facing documentation."]],
      ["carried", ["Asks questions in meetings."]],
    ]);
  });

  it("sums up without a row per category, and says so", () => {
    expect(view.summary).toMatchObject({
      caption: "Summary",
      rowsHeading: "Behaviors",
      totalsTitle: "All behaviors",
      rows: [],
      totals: { changed: 1, unchanged: 0, added: 1, carried: 1 },
    });
    expect(view.lead).not.toMatch(/categor/);
    expect(view.lead).toMatch(/ Below: the behaviors whose wording grows/);
  });
});
