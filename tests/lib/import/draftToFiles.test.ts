import { describe, expect, it } from "vitest";
import {
  draftPlaces,
  type DraftBehavior,
  type DraftTrack,
  type SourcePlace,
} from "../../../src/lib/import/draft";
import {
  draftToFiles,
  isMeaningfulId,
  proposeCumulative,
  splitLevelName,
} from "../../../src/lib/import/draftToFiles";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { writeDataDir } from "../../helpers/dataDir";

let line = 0;
/** A place on the next line of an imaginary source, so every item has its own. */
const next = (): SourcePlace => ({ file: "f.md", line: ++line, column: 1 });
const text = (value: string) => ({ text: value, at: next() });
const behavior = (value: string, examples: string[] = []): DraftBehavior => ({
  ...text(value),
  examples: examples.map(text),
});

function draftOf(
  levels: Record<string, Record<string, string[]>>,
  extra: Partial<DraftTrack> = {},
): DraftTrack {
  return {
    title: text("Engineering"),
    description: text("How we grow."),
    categories: [],
    prose: [],
    levels: Object.entries(levels).map(([heading, groups]) => ({
      heading: text(heading),
      facts: [],
      groups: Object.entries(groups).map(([category, texts]) => ({
        category: category === "-" ? null : text(category),
        behaviors: texts.map((value) => behavior(value)),
      })),
    })),
    ...extra,
  };
}

describe("splitLevelName", () => {
  it.each([
    ["D1 - Developer 1", { code: "D1", title: "Developer 1" }],
    ["IC3 · Senior Engineer", { code: "IC3", title: "Senior Engineer" }],
    ["L4: Staff Engineer", { code: "L4", title: "Staff Engineer" }],
    ["E5 | Senior", { code: "E5", title: "Senior" }],
    ["E5 — Senior", { code: "E5", title: "Senior" }],
    ["IC2 Software Engineer", { code: "IC2", title: "Software Engineer" }],
    ["Senior Engineer (IC3)", { code: "IC3", title: "Senior Engineer" }],
    ["Level 3 - Senior", { code: "Level 3", title: "Senior" }],
    ["P2.5: Between", { code: "P2.5", title: "Between" }],
    ["IC3", { code: "IC3" }],
    ["Junior Developer", { code: "Junior Developer" }],
    ["Senior 2", { code: "Senior 2" }],
  ])("splits %j", (name, expected) => expect(splitLevelName(name)).toEqual(expected));
});

describe("proposeCumulative", () => {
  it("proposes cumulative levels when each adds new behaviors", () => {
    const proposal = proposeCumulative([
      { code: "L1", texts: ["Writes tests for their code.", "Asks for help when stuck."] },
      { code: "L2", texts: ["Designs services with the team.", "Mentors new joiners."] },
    ]);
    expect(proposal.cumulative).toBe(true);
    expect(proposal.reason).toMatch(/^0 of 2 behaviors .*add to each other$/);
  });

  it("proposes levels that are not cumulative when they restate the level below", () => {
    const proposal = proposeCumulative([
      { code: "L1", texts: ["Writes tests for their code.", "Asks for help when stuck."] },
      {
        code: "L2",
        texts: ["Writes thorough tests for their code.", "Asks for help when stuck.", "Mentors."],
      },
    ]);
    expect(proposal.cumulative).toBe(false);
    expect(proposal.reason).toMatch(
      /^2 of 3 behaviors .*2 of L2's 3 restate L1's.*lists everything expected at it$/,
    );
  });
});

describe("draftToFiles", () => {
  it("gives valid data files, every item of the draft placed, texts verbatim", async () => {
    const draft = draftOf({
      "IC1 · Engineer": {
        Craft: ["Writes **tested** code, see [guide](https://example.com/g)."],
        Impact: ["Ships `small` changes."],
      },
      "IC2 · Senior Engineer": { Craft: ["Designs services."] },
    });
    draft.levels[0].facts.push({ label: "Years of experience", value: "0–2", at: next() });
    draft.levels[0].summary = text("Learns the *craft*.");
    draft.levels[0].groups[0].behaviors[0].examples.push(text("Adds a test for each bug fixed."));
    draft.prose.push({ title: text("About"), body: "We value <growth> and {curly} words." });
    const { files, placements, losses, warnings } = draftToFiles(draft, "eng");
    expect(losses).toEqual([]);
    expect(warnings).toEqual([]);
    expect(placements.map((p) => p.at)).toEqual(
      draftPlaces(draft)
        .map((p) => p.at)
        .sort((a, b) => a.line - b.line),
    );
    expect(files["eng/levels/ic1.json"]).toEqual({
      code: "IC1",
      title: "Engineer",
      order: 1,
      status: "defined",
      summary: "Learns the *craft*.",
      facts: [{ label: "Years of experience", value: "0–2" }],
      behaviors: {
        craft: [
          {
            id: "writes-tested-code-see",
            text: "Writes **tested** code, see [guide](https://example.com/g).",
            examples: ["Adds a test for each bug fixed."],
          },
        ],
        impact: [{ id: "ships-small-changes", text: "Ships `small` changes." }],
      },
    });
    const { problems } = await validateDataDir(...twice(writeDataDir(files)));
    expect(problems).toEqual([]);
    expect(files["eng/prose/about.mdx"]).toMatch(/We value \\<growth> and \\{curly} words\./);
  });

  it("tells restated texts apart by a later word, then by the level, never by a pronoun", () => {
    const { files } = draftToFiles(
      draftOf({
        L1: {
          "-": [
            "You communicate clearly with your team in meetings.",
            "You communicate clearly with your team in writing.",
          ],
        },
        L2: { "-": ["You communicate clearly with your team in meetings."] },
      }),
      "t",
    );
    const ids = (level: string) =>
      (files[`t/levels/${level}.json`] as { behaviors: { id: string }[] }).behaviors.map((b) => b.id);
    expect(ids("l1")).toEqual(["communicate-clearly-team-meetings", "communicate-clearly-team-writing"]);
    expect(ids("l2")).toEqual(["communicate-clearly-team-meetings-l2"]);
    expect((files["t/track.json"] as { categories?: unknown }).categories).toBeUndefined();
  });

  it("reports a behavior under no category in a track with categories, and a text the model refuses, at their places", () => {
    const draft = draftOf({
      L1: { Craft: ["Fine."], "-": ["Lost here."] },
      L2: { Craft: ["Has <b>raw</b> HTML."] },
    });
    const { losses, files } = draftToFiles(draft, "t");
    expect(losses.map(({ at, what }) => [at.line, what])).toEqual([
      [draft.levels[0].groups[1].behaviors[0].at.line, 'behavior "Lost here."'],
      [draft.levels[1].groups[0].behaviors[0].at.line, 'behavior "Has <b>raw</b> HTML."'],
    ]);
    expect(losses[1].why).toMatch(/HTML/);
    expect((files["t/levels/l2.json"] as { status: string }).status).toBe("not yet defined");
  });

  it("orders levels by their codes' numbers, and keeps the source's ids and order when it gives them", () => {
    const draft = draftOf({ "L3 · Senior": { A: ["Leads."] }, "L1 · Junior": { A: ["Learns."] } });
    draft.levels[0].groups[0].behaviors[0].id = "leads-projects";
    const { files } = draftToFiles(draft, "t");
    expect((files["t/levels/l3.json"] as { order: number }).order).toBe(3);
    expect((files["t/levels/l1.json"] as { order: number }).order).toBe(1);
    expect(JSON.stringify(files["t/levels/l3.json"])).toContain('"id":"leads-projects"');
  });

  it("proposes cumulative unless the source says", () => {
    const draft = draftOf({ L1: { A: ["Learns."] }, L2: { A: ["Leads."] } });
    expect(draftToFiles(draft, "t").proposals).toEqual([
      expect.stringMatching(/^"cumulative": true, since /),
    ]);
    const { files, proposals } = draftToFiles({ ...draft, cumulative: false }, "t");
    expect(proposals).toEqual([]);
    expect((files["t/track.json"] as { cumulative: boolean }).cumulative).toBe(false);
  });
});

function twice<T>(value: T): [T, T] {
  return [value, value];
}

describe("ids a source gives", () => {
  it.each([
    ["fb43098c-588c-421c-b87a-92b0bfd2ad7c", false],
    ["3f2a9c1b7d", false],
    ["42", false],
    ["basic-git", true],
    ["add-feed", true],
    ["ic3-lead", true],
  ])("%s reads as a name in a link: %s", (id, meaningful) => expect(isMeaningfulId(id)).toBe(meaningful));

  it("makes ids from the texts instead of a source's UUIDs, with one warning", () => {
    const draft = draftOf({ L1: { A: ["Learns fast.", "Asks often."] }, L2: { A: ["Leads."] } });
    const [first, second] = draft.levels[0].groups[0].behaviors;
    first.id = "fb43098c-588c-421c-b87a-92b0bfd2ad7c";
    second.id = "5a7a1356-86cd-49b4-8fae-7431837986c9";
    const { files, warnings } = draftToFiles(draft, "t");
    expect(JSON.stringify(files["t/levels/l1.json"])).toContain('"id":"learns-fast"');
    expect(warnings).toEqual([
      { at: first.at, message: expect.stringMatching(/^2 ids the source gives \(such as "fb43098c-/) },
    ]);
  });

  it("keeps every word of a level's name in its id, a roman numeral too", () => {
    const { files } = draftToFiles(
      draftOf({ "Contributor I": { A: ["Learns."] }, "Contributor II": { A: ["Leads."] } }),
      "t",
    );
    expect(Object.keys(files).filter((file) => file.includes("/levels/"))).toEqual([
      "t/levels/contributor-i.json",
      "t/levels/contributor-ii.json",
    ]);
  });
});

describe("what a refused text takes with it", () => {
  it("reports a refused behavior's examples each at its place, and places nothing of it", () => {
    const draft = draftOf({ L1: { A: ["Fine."] }, L2: { A: ["Shows ![a chart](c.png)."] } });
    const refused = draft.levels[1].groups[0].behaviors[0];
    refused.examples.push(text("An example."), text("Another."));
    const { losses, placements } = draftToFiles(draft, "t");
    expect(losses.map((loss) => loss.at)).toEqual([refused.at, ...refused.examples.map((e) => e.at)]);
    const placed = new Set(placements.map((p) => p.at));
    expect([refused, ...refused.examples].some((item) => placed.has(item.at))).toBe(false);
  });

  it("reports the examples of a behavior under no category (in a track with categories) with it", () => {
    const draft = draftOf({ L1: { A: ["Fine."], "-": ["Astray."] }, L2: { A: ["Also fine."] } });
    const astray = draft.levels[0].groups[1].behaviors[0];
    astray.examples.push(text("Its example."));
    const { losses } = draftToFiles(draft, "t");
    expect(losses.map(({ at, what }) => [at, what])).toEqual([
      [astray.at, 'behavior "Astray."'],
      [astray.examples[0].at, 'example "Its example."'],
    ]);
  });

  it("places a category description only when it is taken, and shared expectations only with a behavior", () => {
    const draft = draftOf({ L1: { A: ["Fine."] }, L2: { A: ["Also fine."] } });
    draft.categories.push({ ...text("A"), description: text("See <b>this</b>.") });
    draft.shared = {
      title: text("All levels"),
      groups: [{ category: text("A"), behaviors: [behavior("<i>x</i>")] }],
    };
    const { files, losses, placements } = draftToFiles(draft, "t");
    const placedLines = placements.map((p) => p.at.line);
    expect(placedLines).not.toContain(draft.categories[0].description!.at.line);
    expect(placedLines).not.toContain(draft.shared.title.at.line);
    expect(losses.map((loss) => loss.what)).toEqual([
      'category description "See <b>this</b>."',
      'shared expectations "All levels"',
      'behavior "<i>x</i>"',
    ]);
    expect(files["t/track.json"]).not.toHaveProperty("sharedExpectations");
  });
});

describe("levels named like the site's own pages, or ordered twice alike", () => {
  it("gives a level named Compare another id than the comparisons' segment", () => {
    const { files } = draftToFiles(draftOf({ Compare: { A: ["Learns."] }, Roles: { A: ["Leads."] } }), "t");
    expect(Object.keys(files).filter((file) => file.includes("/levels/"))).toEqual([
      "t/levels/compare-2.json",
      "t/levels/roles-2.json",
    ]);
  });

  it("orders levels as the source lists them when their given orders repeat, and says so", () => {
    const draft = draftOf({ Junior: { A: ["Learns."] }, Senior: { A: ["Leads."] } });
    draft.levels[0].order = 1;
    draft.levels[1].order = 1;
    const { files, warnings } = draftToFiles(draft, "t");
    expect(
      [files["t/levels/junior.json"], files["t/levels/senior.json"]].map(
        (f) => (f as { order: number }).order,
      ),
    ).toEqual([1, 2]);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/not one per level: .* as the source lists them/),
    ]);
  });

  it("warns when a title loses its formatting", () => {
    const draft = draftOf(
      { L1: { A: ["Learns."] }, L2: { A: ["Leads."] } },
      { title: text("The **Eng** ladder") },
    );
    const { files, warnings } = draftToFiles(draft, "t");
    expect((files["t/track.json"] as { title: string }).title).toBe("The Eng ladder");
    expect(warnings).toEqual([
      {
        at: draft.title!.at,
        message: `the framework's title "The **Eng** ladder" is kept as plain text: "The Eng ladder"`,
      },
    ]);
  });
});
