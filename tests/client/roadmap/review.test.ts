import { describe, expect, it } from "vitest";
import { emptyRoadmap } from "../../../src/lib/roadmap/roadmap";
import type { RoadmapState } from "../../../src/lib/schemas/roadmap";
import { changesSince } from "../../../src/scripts/roadmap/changesSince";
import {
  carriedMarks,
  carriedMarkText,
  changeNotes,
  elsewhereText,
  marksElsewhere,
  releaseSummary,
  releaseUrl,
  reviewedRoadmap,
  roadmapRelease,
} from "../../../src/scripts/roadmap/review";
import { fixtureDocuments } from "./releaseDocuments";

const NAMES = ["v1", "v2", "v3"];

/** The fixture's eng track: what changed since v1, as a roadmap written against v1 sees it. */
const sinceV1 = changesSince(fixtureDocuments().slice(1), "eng");

/** A roadmap of the fixture's eng track written against `release`, with some marks. */
function roadmap(release: string | undefined, marks: Partial<Pick<RoadmapState, "statuses" | "notes">> = {}) {
  const state = emptyRoadmap("eng", "l1", "l2", release);
  return {
    ...state,
    statuses: { ...state.statuses, ...marks.statuses },
    notes: { ...state.notes, ...marks.notes },
  };
}

describe("roadmapRelease", () => {
  it("tells a roadmap of the latest release, an older one, an unknown one and another handbook's", () => {
    expect(roadmapRelease(roadmap("v3"), NAMES)).toEqual({ state: "latest", release: "v3" });
    expect(roadmapRelease(roadmap("v1"), NAMES)).toEqual({
      state: "older",
      release: "v1",
      latest: "v3",
      after: ["v2", "v3"],
    });
    expect(roadmapRelease(roadmap(undefined), NAMES)).toEqual({ state: "unknown", latest: "v3" });
    expect(roadmapRelease(roadmap("2026-h2"), NAMES)).toEqual({
      state: "foreign",
      release: "2026-h2",
      latest: "v3",
    });
    expect(roadmapRelease(roadmap("v1"), [])).toEqual({ state: "none" });
  });
});

describe("releaseSummary", () => {
  it("says which release the roadmap was written against, and how many of its behaviors changed since", () => {
    const older = roadmapRelease(roadmap("v2"), NAMES);
    expect(releaseSummary(older)).toBe("Written against release v2; the latest is v3.");
    expect(releaseSummary(older, 3)).toBe(
      "Written against release v2; the latest is v3. 3 behaviors of this roadmap changed since: each is marked below.",
    );
    expect(releaseSummary(older, 1)).toContain(" 1 behavior of this roadmap changed since");
    expect(releaseSummary(older, 0)).toBe(
      "Written against release v2; the latest is v3. No behavior of this roadmap changed since.",
    );
    expect(releaseSummary(roadmapRelease(roadmap("v3"), NAMES))).toBe(
      "Written against release v3, the latest.",
    );
    expect(releaseSummary(roadmapRelease(roadmap(undefined), NAMES))).toMatch(
      /^Written against an unknown release/,
    );
    expect(releaseSummary({ state: "none" })).toBe("");
  });
});

describe("releaseUrl", () => {
  it("puts a release's name in a template, encoded", () => {
    expect(releaseUrl("/api/changes/__release__.json", "v3.1")).toBe("/api/changes/v3.1.json");
  });
});

describe("changeNotes", () => {
  it("says how each behavior changed since the roadmap's release, with the diff of a rewording", () => {
    const git = changeNotes(sinceV1.behaviors.get("basic-git")!, "v1");
    expect(git).toEqual([{ text: "Reworded since v1:", diff: sinceV1.behaviors.get("basic-git")!.textDiff }]);
    expect(changeNotes(sinceV1.behaviors.get("fixes-defects")!, "v1")).toEqual([
      { text: "Renamed since v1: its id was fixes-bugs." },
    ]);
    expect(changeNotes(sinceV1.behaviors.get("writes-docs")!, "v1")).toEqual([
      { text: "Moved since v1, from L2 · Engineer II, Teamwork to L2 · Engineer II, Craft." },
    ]);
    expect(changeNotes(sinceV1.behaviors.get("reviews-code")!, "v1")).toEqual([
      { text: "Its examples changed since v1." },
    ]);
    const merged = changeNotes(sinceV1.behaviors.get("supports-team")!, "v1");
    expect(merged[0].text).toBe("Merged since v1, from:");
    expect(merged[0].items!.map((item) => item.text).sort()).toEqual([
      "Mentors peers.",
      "Runs demos.",
      "Shares updates in standup.",
    ]);
    expect(changeNotes(sinceV1.behaviors.get("owns-features")!, "v1")).toMatchObject([
      { text: "Split since v1; the other parts:", items: [{ id: "supports-features" }] },
      { text: "Its wording:" },
    ]);
    expect(changeNotes(sinceV1.behaviors.get("supports-features")!, "v1")).toMatchObject([
      {
        text: "Split off since v1, from:",
        items: [{ id: "owns-features", text: "Owns features end to end." }],
      },
    ]);
    expect(changeNotes(sinceV1.behaviors.get("sets-direction")!, "v1")).toEqual([{ text: "New since v1." }]);
  });
});

describe("marks kept under ids that lead elsewhere now", () => {
  const marked = roadmap("v1", {
    statuses: { "fixes-bugs": "demonstrated", "mentors-peers": "working", "supports-team": "working" },
    notes: { "fixes-bugs": "Fixed the login bug.", "designs-systems": "Drew the queue design." },
  });

  it("are found on the behavior they lead to, and said whether reviewing brings them", () => {
    const defects = sinceV1.behaviors.get("fixes-defects")!;
    expect(carriedMarks(marked, defects)).toEqual([
      { id: "fixes-bugs", status: "Demonstrated", note: "Fixed the login bug." },
    ]);
    expect(carriedMarkText(carriedMarks(marked, defects)[0], marked, "fixes-defects")).toBe(
      "This roadmap marks it “Demonstrated”, with a note, under its id then, fixes-bugs: marking the roadmap as reviewed brings it here.",
    );
    const team = sinceV1.behaviors.get("supports-team")!;
    expect(carriedMarks(marked, team)).toEqual([{ id: "mentors-peers", status: "Working on it" }]);
    expect(carriedMarkText(carriedMarks(marked, team)[0], marked, "supports-team")).toMatch(
      /has a mark of its own, which marking the roadmap as reviewed keeps/,
    );
  });

  it("are listed when the behavior they lead to is not on the roadmap", () => {
    const shown = new Set(["basic-git", "reads-code", "fixes-defects", "supports-team"]);
    const elsewhere = marksElsewhere(marked, shown, sinceV1);
    expect(elsewhere.map(({ id, leadsTo }) => [id, leadsTo])).toEqual([
      ["designs-systems", "designs-architecture"],
    ]);
    expect(elsewhereText(elsewhere[0], "v1")).toBe(
      "“Designs systems across teams.” (designs-systems): its links lead to designs-architecture now (L3 · Senior Engineer, Craft), outside this roadmap.",
    );
    // A behavior moved out of the roadmap's levels keeps its id.
    const moved = marksElsewhere(
      roadmap("v1", { statuses: { "asks-questions": "working" } }),
      shown,
      sinceV1,
    );
    expect(elsewhereText(moved[0], "v1")).toBe(
      "“Asks questions early.” (asks-questions), marked “Working on it”: moved since v1, now outside this roadmap (L2 · Engineer II, Teamwork).",
    );
    // Unchanged and shown, or unchanged and not shown: nothing to say.
    expect(
      marksElsewhere(
        roadmap("v1", { statuses: { "reads-code": "working", other: "working" } }),
        shown,
        sinceV1,
      ),
    ).toEqual([]);
  });

  it("move to that behavior when the roadmap is marked as reviewed, never over its own", () => {
    const reviewed = reviewedRoadmap(marked, "v3", sinceV1);
    expect(reviewed.release).toBe("v3");
    expect({ ...reviewed.statuses }).toEqual({
      "fixes-defects": "demonstrated",
      // supports-team had its own status: mentors-peers' stays where it was.
      "mentors-peers": "working",
      "supports-team": "working",
    });
    expect({ ...reviewed.notes }).toEqual({
      "fixes-defects": "Fixed the login bug.",
      "designs-architecture": "Drew the queue design.",
    });
    // Without changes loaded (an unknown release), only the release moves.
    const unknown = roadmap(undefined, { statuses: { "fixes-bugs": "working" } });
    expect(reviewedRoadmap(unknown, "v3")).toEqual({ ...unknown, release: "v3" });
  });

  it("keep both notes of behaviors merged into one, one after the other", () => {
    const merged = roadmap("v1", {
      notes: { "shares-updates": "Ran the standup in May.", "mentors-peers": "Mentored Sam." },
    });
    const reviewed = reviewedRoadmap(merged, "v3", sinceV1);
    expect({ ...reviewed.notes }).toEqual({
      "supports-team": "Ran the standup in May.\n\nMentored Sam.",
    });
  });
});
