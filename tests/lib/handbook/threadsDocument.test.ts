import { describe, expect, it } from "vitest";
import { trackThreads } from "../../../src/lib/compare/threads";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { API_SCHEMA_VERSION, threadsDocument } from "../../../src/lib/handbook/apiDocuments";
import type { Track } from "../../../src/lib/handbook/buildHandbook";
import { createUrls } from "../../../src/lib/links/urls";
import { plainText } from "../../../src/lib/text/inlineMarkdown";
import { realHandbook } from "../../helpers/realHandbook";
import { syntheticTrack, uncategorizedTrack } from "../../helpers/syntheticTrack";

const urls = createUrls("/handbook/", "https://example.com");
const documentOf = (track: Track) => threadsDocument(track, trackThreads(buildTrackEvolution(track)), urls);

describe("threadsDocument", () => {
  it("gives each category's threads with their forms, marks, links and steps", () => {
    const track = syntheticTrack([
      { craft: [["basic-git", "Has a *basic* understanding of Git."]] },
      { team: [["asks", "Asks questions."]] },
      { craft: [["expert-git", "Is an expert in Git.", "basic-git"]] },
      { team: [["leads", "Leads.", null]] },
    ]);
    const doc = documentOf(track);
    expect(doc.schemaVersion).toBe(API_SCHEMA_VERSION);
    expect([doc.track, doc.cumulative]).toEqual(["t", true]);
    expect(doc.categories.map(({ id, title }) => [id, title])).toEqual([
      ["craft", "Craft"],
      ["team", "Team"],
    ]);
    const [git] = doc.categories[0].threads;
    expect(git).toEqual({
      id: "basic-git",
      startsNew: false,
      lastRestated: "l3",
      after: { levels: ["l4"], held: true },
      forms: [
        {
          level: "l1",
          id: "basic-git",
          text: "Has a *basic* understanding of Git.",
          textPlain: "Has a basic understanding of Git.",
          url: "https://example.com/handbook/t/l1/#basic-git",
          permalink: "https://example.com/handbook/b/t/basic-git/",
          skipped: [],
          step: null,
        },
        {
          level: "l3",
          id: "expert-git",
          text: "Is an expert in Git.",
          textPlain: "Is an expert in Git.",
          url: "https://example.com/handbook/t/l3/#expert-git",
          permalink: "https://example.com/handbook/b/t/expert-git/",
          skipped: ["l2"],
          step: { source: "hint", diff: git.forms[1].step!.diff },
        },
      ],
    });
    // New: above the first level that states anything in its category.
    expect(doc.categories[1].threads.map((t) => [t.id, t.startsNew])).toEqual([
      ["asks", false],
      ["leads", true],
    ]);
  });

  it("gives a track without categories one category with no id or title", () => {
    const doc = documentOf(uncategorizedTrack([[["a", "Writes code."]]], false));
    expect(doc.cumulative).toBe(false);
    expect(doc.categories.map(({ id, title }) => [id, title])).toEqual([[null, null]]);
  });
});

describe("the threads documents of the example data", async () => {
  const handbook = await realHandbook();

  it.each(handbook.tracks.map((track) => [track.id, track] as const))(
    "%s: holds every behavior once, and each step's diff rebuilds both plain texts",
    (_id, track) => {
      // Through JSON, as the site writes it.
      const doc = JSON.parse(JSON.stringify(documentOf(track))) as ReturnType<typeof documentOf>;
      const behaviors = new Map(
        track.levels.flatMap((level) =>
          level.groups.flatMap((group) => group.behaviors.map((b) => [b.id, b])),
        ),
      );
      const forms = doc.categories.flatMap((c) => c.threads.flatMap((t) => t.forms));
      expect(forms.map((form) => form.id).sort()).toEqual([...behaviors.keys()].sort());
      for (const thread of doc.categories.flatMap((c) => c.threads)) {
        thread.forms.forEach((form, index) => {
          const behavior = behaviors.get(form.id)!;
          expect([form.level, form.text, form.textPlain]).toEqual([
            behavior.level,
            behavior.text,
            plainText(behavior.text),
          ]);
          if (index === 0) return expect(form.step).toBeNull();
          const join = (without: string) =>
            form
              .step!.diff.filter((part) => part.change !== without)
              .map((part) => part.value)
              .join("");
          expect(join("added")).toBe(thread.forms[index - 1].textPlain);
          expect(join("removed")).toBe(form.textPlain);
        });
        expect(thread.lastRestated).toBe(thread.forms.at(-1)!.level);
      }
    },
  );
});
