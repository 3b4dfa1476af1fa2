import { describe, expect, it } from "vitest";
import { trackThreads, type Thread } from "../../../src/lib/compare/threads";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { diffSide } from "../../../src/lib/compare/wordDiff";
import type { Track } from "../../../src/lib/handbook/buildHandbook";
import {
  growthCounts,
  growthOverview,
  growthPageModel,
  type GrowthForm,
} from "../../../src/lib/handbook/growthPageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { plainText } from "../../../src/lib/text/inlineMarkdown";
import { realHandbook } from "../../helpers/realHandbook";
import { syntheticTrack, uncategorizedTrack } from "../../helpers/syntheticTrack";

const urls = createUrls("/handbook/");
const modelOf = (track: Track) => growthPageModel(track, trackThreads(buildTrackEvolution(track)), urls);
/** The words a form shows: its text, or the newer side of its diff. */
const shownText = (form: GrowthForm) =>
  form.diff
    ? diffSide(form.diff, "newer")
        .map((part) => part.value)
        .join("")
    : plainText(form.text!);
const codes = (forms: GrowthForm[]) => forms.map((form) => form.level.code);

describe("growthPageModel", () => {
  const track = syntheticTrack([
    {
      craft: [
        ["basic-git", "Has a basic understanding of Git."],
        ["hosts", "Uses *one* code host."],
      ],
      team: [["asks", "Asks questions."]],
    },
    { craft: [["pro-git", "Has professional working proficiency of Git.", "basic-git"]] },
    {
      craft: [
        ["expert-git", "Is an expert in Git.", "pro-git"],
        ["all-hosts", "Uses every code host.", "hosts"],
      ],
      team: [
        ["mentors", "Mentors new hires.", null],
        ["asks-again", "Asks questions.", "asks"],
      ],
    },
  ]);
  const model = modelOf(track);
  const [craft, team] = model.sections;

  it("names the page after the track, with its breadcrumb, lead and JSON", () => {
    expect(model.title).toBe("How expectations grow · T");
    expect(model.heading).toBe("How expectations grow");
    expect(model.lead).toBe("Each expectation, level by level, with the words that change at each step.");
    expect(model.breadcrumb).toEqual({ href: "/handbook/t/growth/", text: "How expectations grow" });
    expect(model.api).toBe("/handbook/api/t/threads.json");
  });

  it("has a section per category, in track order, each in the table of contents", () => {
    expect(model.sections.map(({ title, anchor, group }) => ({ title, anchor, group }))).toEqual([
      { title: "Craft", anchor: "category--craft", group: null },
      { title: "Team", anchor: "category--team", group: null },
    ]);
    expect(model.toc).toEqual([
      { href: "#category--craft", text: "Craft", group: null },
      { href: "#category--team", text: "Team", group: null },
    ]);
  });

  it("lists the growing threads first and each form of one stated at one level only apart", () => {
    expect(craft.growing.map((thread) => thread.id)).toEqual(["basic-git", "hosts"]);
    expect(craft.growing.map((thread) => codes(thread.forms))).toEqual([
      ["L1", "L2", "L3"],
      ["L1", "L3"],
    ]);
    expect(craft.single).toEqual([]);
    expect(team.growing.map((thread) => thread.id)).toEqual(["asks"]);
    expect(team.single.map((form) => form.anchor)).toEqual(["mentors"]);
    expect(craft.counts).toBe("2 expectations grow across levels");
    expect(team.counts).toBe("1 expectation grows across levels; 1 is stated at one level only");
  });

  it("shows the first form's text as written, later ones as the words changed, each linked to its level page", () => {
    const [first, second] = craft.growing[0].forms;
    expect(first).toEqual({
      anchor: "basic-git",
      level: {
        href: "/handbook/t/l1/#basic-git",
        code: "L1",
        label: "L1: Has a basic understanding of Git.",
      },
      text: "Has a basic understanding of Git.",
      notes: [],
    });
    expect(second.anchor).toBe("pro-git");
    expect(second.level.href).toBe("/handbook/t/l2/#pro-git");
    expect(second.text).toBeUndefined();
    expect(shownText(second)).toBe("Has professional working proficiency of Git.");
    expect(second.removed).toBe("Words removed since L1");
    // Inline Markdown is kept in the text as written; its label and diffs are the words a reader sees.
    const [hosts, allHosts] = craft.growing[1].forms;
    expect(hosts.text).toBe("Uses *one* code host.");
    expect(hosts.level.label).toBe("L1: Uses one code host.");
    expect(
      diffSide(allHosts.diff!, "older")
        .map((part) => part.value)
        .join(""),
    ).toBe("Uses one code host.");
  });

  it("shows a form rewritten whole, or one that restates another by reference, as written: no word of it is marked", () => {
    const reworded = modelOf(
      syntheticTrack([
        { craft: [["x", "Answers *tickets*."]] },
        { craft: [["y", "Leads the rota.", "x"]] },
        { craft: [["z", "Same as L2.", "y"]] },
      ]),
    );
    const [, rewritten, same] = reworded.sections[0].growing[0].forms;
    expect(rewritten).toMatchObject({ text: "Leads the rota.", notes: ["Rewritten since L1"] });
    expect(rewritten.diff).toBeUndefined();
    expect(rewritten.removed).toBeUndefined();
    expect(same).toMatchObject({ text: "Same as L2.", notes: [] });
    expect(same.diff).toBeUndefined();
  });

  it("names levels whose codes are bare numbers as levels", () => {
    const numbered = syntheticTrack([
      { craft: [["a", "Writes some code."]] },
      { team: [["t", "Helps."]] },
      { craft: [["b", "Writes good code.", "a"]] },
      { team: [["u", "Helps more."]] },
    ]);
    numbered.levels.forEach((level, index) => (level.code = String(index + 1)));
    const [craftSection] = modelOf(numbered).sections;
    expect(craftSection.growing[0].forms[1].notes).toEqual([
      "Not restated at level 2, where the form before still holds",
    ]);
    expect(craftSection.growing[0].forms[1].removed).toBe("Words removed since level 1");
    expect(craftSection.growing[0].end).toBe("Stops rising at level 3: still expected at level 4");
  });

  it("marks new threads, skipped levels, unchanged words, and where a thread stops rising", () => {
    const [git, hosts] = craft.growing;
    expect(git.start).toBeUndefined();
    expect(git.end).toBeUndefined();
    expect(hosts.forms[1].notes).toEqual(["Not restated at L2, where the form before still holds"]);
    const [asks] = team.growing;
    expect(asks.forms[1].notes).toEqual([
      "Not restated at L2, where the form before still holds",
      "The same words as L1",
    ]);
    expect(asks.forms[1].removed).toBeUndefined();

    const stopping = modelOf(
      syntheticTrack([
        { craft: [["a", "Writes code."]] },
        { craft: [["b", "Writes good code.", "a"]] },
        { craft: [["c", "Reviews code.", null]] },
        { craft: [["d", "Leads.", null]] },
      ]),
    );
    const [rising] = stopping.sections[0].growing;
    expect(rising.start).toBeUndefined();
    expect(rising.end).toBe("Stops rising at L2: still expected at L3 and L4");
    expect(codes(stopping.sections[0].single)).toEqual(["L3", "L4"]);
    expect(stopping.singleNote).toBe("Each still holds at the levels above the one that states it.");
  });

  it("says a thread that starts above its category's first level is new there", () => {
    const late = modelOf(
      syntheticTrack([
        // Two behaviors at L1: a list, not a rubric whose one behavior per level follows the one below.
        {
          craft: [
            ["a", "Writes code."],
            ["p", "Plans releases."],
          ],
        },
        { craft: [["b", "Mentors others."]] },
        { craft: [["c", "Mentors many others.", "b"]] },
      ]),
    );
    expect(late.sections[0].growing.map((t) => [t.id, t.start])).toEqual([["b", "New at L2"]]);
  });

  it("says on a track that is not cumulative that a thread is not listed above its last level", () => {
    const notCumulative = modelOf(
      syntheticTrack(
        [
          { craft: [["a", "Writes code."]] },
          { craft: [["b", "Writes good code.", "a"]] },
          {
            craft: [
              ["c", "Leads."],
              ["p", "Plans releases."],
            ],
          },
          { craft: [["d", "Leads more."]] },
        ],
        false,
      ),
    );
    expect(notCumulative.sections[0].growing[0].end).toBe("Not listed above L2");
    expect(notCumulative.singleNote).toBe("Each is listed at the level that states it, and not above.");
  });

  it("lists several skipped or following levels in words", () => {
    const track = syntheticTrack([
      { craft: [["a", "Writes code."]] },
      { team: [["t2", "Helps."]] },
      { team: [["t3", "Helps more."]] },
      { craft: [["b", "Writes good code.", "a"]] },
      { team: [["t5", "Leads."]] },
      { team: [["t6", "Leads more."]] },
      { team: [["t7", "Leads most."]] },
    ]);
    const [craftSection] = modelOf(track).sections;
    expect(craftSection.growing[0].forms[1].notes).toEqual([
      "Not restated at L2 and L3, where the form before still holds",
    ]);
    expect(craftSection.growing[0].end).toBe("Stops rising at L4: still expected at L5, L6 and L7");
  });

  it("leaves levels not yet defined out of what it says about skipped and later levels", () => {
    const track = syntheticTrack([
      { craft: [["a", "Writes code."]] },
      {},
      { craft: [["b", "Writes good code.", "a"]] },
      {},
    ]);
    track.levels[1].status = "not yet defined";
    track.levels[3].status = "not yet defined";
    const [thread] = modelOf(track).sections[0].growing;
    expect(thread.forms[1].notes).toEqual([]);
    expect(thread.end).toBeUndefined();
  });

  it("gives a track without categories one section with no heading and no table of contents", () => {
    const model = modelOf(
      uncategorizedTrack([
        [["a", "Writes code."]],
        [
          ["b", "Writes good code.", "a"],
          ["c", "Reviews code."],
        ],
      ]),
    );
    expect(model.toc).toEqual([]);
    expect(model.sections).toHaveLength(1);
    const [section] = model.sections;
    expect([section.title, section.anchor, section.group]).toEqual([null, null, null]);
    expect(section.growing.map((t) => t.id)).toEqual(["a"]);
    expect(section.single.map((f) => f.anchor)).toEqual(["c"]);
  });

  it("keeps each category's group, for the page to list them under its heading", () => {
    const grouped = syntheticTrack([{ craft: [["a", "Writes code."]], team: [["b", "Helps."]] }]);
    grouped.categories = grouped.categories.map((category) => ({ ...category, group: "Skills" }));
    const model = modelOf(grouped);
    expect(model.sections.map((s) => s.group)).toEqual(["Skills", "Skills"]);
    expect(model.toc.map((entry) => entry.group)).toEqual(["Skills", "Skills"]);
  });
});

describe("growthCounts", () => {
  const thread = (forms: number) => ({ forms: Array.from({ length: forms }) }) as unknown as Thread;

  it("counts growing and single threads in words, singular or plural", () => {
    expect(growthCounts([thread(2), thread(3), thread(1)])).toBe(
      "2 expectations grow across levels; 1 is stated at one level only",
    );
    expect(growthCounts([thread(2), thread(1), thread(1)])).toBe(
      "1 expectation grows across levels; 2 are stated at one level only",
    );
    expect(growthCounts([thread(1)])).toBe("1 expectation is stated at one level only");
    expect(growthCounts([thread(1), thread(1)])).toBe("2 expectations are stated at one level only");
    expect(growthCounts([thread(4)])).toBe("1 expectation grows across levels");
    expect(growthCounts([])).toBe("Nothing is stated in this category");
  });
});

describe("growthOverview", () => {
  it("links each category's section of the growth page, with its counts", () => {
    const track = syntheticTrack([
      { craft: [["a", "Writes code."]], team: [["t", "Helps."]] },
      { craft: [["b", "Writes good code.", "a"]] },
    ]);
    expect(growthOverview(track, trackThreads(buildTrackEvolution(track)), urls)).toEqual({
      heading: "How expectations grow",
      lead: "Each expectation, level by level, with the words that change at each step.",
      categories: [
        {
          href: "/handbook/t/growth/#category--craft",
          text: "Craft",
          counts: "1 expectation grows across levels",
        },
        {
          href: "/handbook/t/growth/#category--team",
          text: "Team",
          counts: "1 expectation is stated at one level only",
        },
      ],
    });
  });

  it("links the page itself for a track without categories", () => {
    const track = uncategorizedTrack([[["a", "Writes code."]], [["b", "Writes good code.", "a"]]]);
    expect(growthOverview(track, trackThreads(buildTrackEvolution(track)), urls).categories).toEqual([
      { href: "/handbook/t/growth/", text: "Behaviors", counts: "1 expectation grows across levels" },
    ]);
  });
});

describe("the growth pages of the example data", async () => {
  const handbook = await realHandbook();

  it.each(handbook.tracks.map((track) => [track.id, track] as const))(
    "%s: shows every behavior once, anchored by its id, in its own words",
    (_id, track) => {
      const model = modelOf(track);
      const forms = model.sections.flatMap((section) => [
        ...section.growing.flatMap((thread) => thread.forms),
        ...section.single,
      ]);
      const behaviors = track.levels.flatMap((level) => level.groups.flatMap((group) => group.behaviors));
      expect(forms.map((form) => form.anchor).sort()).toEqual(behaviors.map((b) => b.id).sort());
      const byId = new Map(behaviors.map((behavior) => [behavior.id, behavior]));
      for (const form of forms) {
        const behavior = byId.get(form.anchor)!;
        if (form.text !== undefined) expect(form.text).toBe(behavior.text);
        expect(shownText(form)).toBe(plainText(behavior.text));
        expect(form.level.href).toBe(urls.behavior(behavior));
      }
    },
  );
});
