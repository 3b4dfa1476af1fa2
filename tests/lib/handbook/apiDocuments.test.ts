import { describe, expect, it } from "vitest";
import { allBehaviors } from "../../../src/lib/handbook/allBehaviors";
import {
  API_SCHEMA_VERSION,
  behaviorsDocument,
  comparisonDocument,
  frameworksDocument,
} from "../../../src/lib/handbook/apiDocuments";
import { compareLevels } from "../../../src/lib/compare/compareLevels";
import { buildTrackEvolution } from "../../../src/lib/compare/trackEvolution";
import { uncategorizedTrack } from "../../helpers/syntheticTrack";
import { permalinkTargets } from "../../../src/lib/links/permalinkTargets";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook, trackOf } from "../../helpers/realHandbook";

describe("API documents and short links on the real data", async () => {
  const handbook = await realHandbook();
  const urls = createUrls("/handbook/");

  it("frameworks.json carries a schema version and every track, level and role", () => {
    const doc = frameworksDocument(handbook);
    expect(doc.schemaVersion).toBe(API_SCHEMA_VERSION);
    expect(doc.tracks.map((t) => [t.id, t.levels.map((l) => l.id), t.roles.map((r) => r.id)])).toEqual(
      handbook.tracks.map((t) => [t.id, t.levels.map((l) => l.id), t.roles.map((r) => r.id)]),
    );
    const product = doc.tracks.find((t) => t.id === "product")!;
    expect(product.sharedExpectations?.title).toBe("All Levels");
    expect(doc.tracks.find((t) => t.id === "support")!.sharedExpectations).toBeNull();
  });

  it("frameworks.json gives each level its facts and each category its group, null when none", () => {
    const support = trackOf(handbook, "support");
    const grouped = {
      tracks: [
        {
          ...support,
          categories: support.categories.map((category, index) => ({
            ...category,
            group: index < 2 ? "Proficiency" : "Work",
          })),
          levels: support.levels.map((level, index) => ({
            ...level,
            facts: index === 0 ? [{ label: "Years of experience", value: "0+" }] : [],
          })),
        },
      ],
    };
    const [track] = frameworksDocument(grouped).tracks;
    expect(track.categories).toEqual(grouped.tracks[0].categories);
    expect(track.levels.map((level) => level.facts)).toEqual(grouped.tracks[0].levels.map((l) => l.facts));
    const [plain] = frameworksDocument({ tracks: [support] }).tracks;
    expect(plain.categories.map((category) => category.group)).toEqual(support.categories.map(() => null));
    expect(plain.levels.map((level) => level.facts)).toEqual(support.levels.map(() => []));
  });

  it("behaviors.json lists every behavior once with its place and permanent link", () => {
    const doc = behaviorsDocument(handbook, urls);
    expect(doc).toHaveLength(allBehaviors(handbook).length);
    expect(new Set(doc.map((b) => `${b.track}/${b.id}`)).size).toBe(doc.length);
    expect(doc.find((b) => b.id === "basic-git")).toEqual({
      track: "support",
      level: "ic1",
      category: "technical-proficiency",
      id: "basic-git",
      text: "Has a basic understanding of Git.",
      textPlain: "Has a basic understanding of Git.",
      examples: [],
      examplesPlain: [],
      url: "/handbook/support/ic1/#basic-git",
      permalink: "/handbook/b/support/basic-git/",
    });
    const shared = doc.find((b) => b.id === "escalates-early");
    expect([shared?.level, shared?.url]).toEqual([null, "/handbook/product/#escalates-early"]);
  });

  it("makes behaviors.json links absolute when a site is set", () => {
    const doc = behaviorsDocument(handbook, createUrls("/", "https://handbook.example.com"));
    expect(doc[0].permalink).toMatch(/^https:\/\/handbook\.example\.com\/b\//);
  });

  it("gives every behavior and responsibility one short link to where it lives", () => {
    const targets = permalinkTargets(handbook, urls);
    const support = trackOf(handbook, "support");
    expect(targets).toHaveLength(allBehaviors(handbook).length + support.roles[0].responsibilities.length);
    expect(targets.find((t) => t.id === "mentor")?.target).toBe("/handbook/support/roles/team-lead/#mentor");
  });

  it("gives an alias its own short link to the current place", () => {
    const track = trackOf(handbook, "support");
    const renamed = {
      tracks: [
        {
          ...track,
          levels: track.levels.map((l) => ({
            ...l,
            groups: l.groups.map((g) => ({
              ...g,
              behaviors: g.behaviors.map((b) =>
                b.id === "basic-git" ? { ...b, aliases: ["git-basics"] } : b,
              ),
            })),
          })),
        },
      ],
    };
    const alias = permalinkTargets(renamed, urls).find((t) => t.id === "git-basics");
    expect(alias).toMatchObject({ currentId: "basic-git", target: "/handbook/support/ic1/#basic-git" });
  });
});

describe("API documents of a track without categories", () => {
  const track = uncategorizedTrack([
    [
      ["git-1", "Has a basic understanding of Git."],
      ["asks", "Asks questions in meetings."],
    ],
    [["git-2", "Has a strong understanding of Git."]],
  ]);
  const handbook = { tracks: [track] };
  const urls = createUrls("/");

  it("gives the track no categories and each behavior the category null", () => {
    const [doc] = frameworksDocument(handbook).tracks;
    expect(doc.categories).toEqual([]);
    const listed = [...doc.sharedExpectations!.behaviors, ...doc.levels.flatMap((level) => level.behaviors)];
    expect(listed.map((b) => [b.id, b.category])).toEqual(allBehaviors(handbook).map((b) => [b.id, null]));
    expect(behaviorsDocument(handbook, urls).map((b) => b.category)).toEqual(listed.map(() => null));
  });

  it("compares the behaviors as one category whose id and title are null", () => {
    const doc = comparisonDocument(compareLevels(buildTrackEvolution(track), "l1", "l2"), urls);
    expect(doc.categories.map(({ id, title, counts }) => ({ id, title, counts }))).toEqual([
      { id: null, title: null, counts: doc.totals },
    ]);
    expect(doc.shared.map((b) => [b.id, b.category])).toEqual([["shows-up", null]]);
  });
});
