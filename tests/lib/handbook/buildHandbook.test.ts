import { describe, expect, it } from "vitest";
import { buildHandbook } from "../../../src/lib/handbook/buildHandbook";
import { parseSources } from "../../../src/lib/data/parseSources";
import type { UncheckedSources } from "../../../src/lib/data/sources";

const source = <T>(track: string, id: string, data: T) => ({ file: `${track}/${id}`, track, id, data });

function sources(): UncheckedSources {
  const categories = [
    { id: "b-second", title: "Second" },
    { id: "a-first", title: "First" },
  ];
  return {
    tracks: [
      source("zeta", "zeta", {
        title: "Zeta track",
        order: 2,
        description: "Z.",
        cumulative: false,
        categories,
      }),
      source("alpha", "alpha", {
        title: "Alpha track",
        shortTitle: "Alpha",
        order: 1,
        description: "A.",
        cumulative: true,
        categories,
      }),
    ],
    levels: [
      source("alpha", "senior", {
        code: "S",
        order: 20,
        status: "defined",
        facts: [
          { label: "Years of experience", value: "5+" },
          { label: "Scope", value: "Team" },
        ],
        behaviors: { "a-first": [{ id: "s1", text: "S one." }], "b-second": [{ id: "s2", text: "S two." }] },
      }),
      source("alpha", "junior", {
        code: "J",
        order: 10,
        status: "defined",
        behaviors: { "a-first": [{ id: "j1", text: "J one.", aliases: ["old-j1"] }] },
      }),
      source("zeta", "only", { code: "O", order: 1, status: "not yet defined" }),
    ],
    roles: [
      source("alpha", "zed", {
        title: "Zed role",
        summary: "Z.",
        responsibilities: [{ id: "z", text: "Z." }],
      }),
      source("alpha", "ace", {
        title: "Ace role",
        summary: "A.",
        responsibilities: [{ id: "a", text: "A." }],
      }),
    ],
    prose: [
      source("alpha", "later", { title: "Later", order: 2 }),
      source("alpha", "first", { title: "First", order: 1 }),
    ],
  };
}

describe("buildHandbook", () => {
  const { sources: parsed, problems } = parseSources(sources());
  const handbook = buildHandbook(parsed);
  const alpha = handbook.tracks[0];

  it("parses the fixture without problems", () => expect(problems).toEqual([]));

  it("sorts tracks by order, levels by order, roles by title and prose by order, whatever the input order", () => {
    expect(handbook.tracks.map((t) => t.id)).toEqual(["alpha", "zeta"]);
    // By order, not by title or id: swapped orders swap the tracks.
    const swapped = sources();
    (swapped.tracks[0].data as { order: number }).order = 0;
    expect(buildHandbook(parseSources(swapped).sources).tracks.map((t) => t.id)).toEqual(["zeta", "alpha"]);
    expect(alpha.levels.map((l) => l.id)).toEqual(["junior", "senior"]);
    expect(alpha.roles.map((r) => r.id)).toEqual(["ace", "zed"]);
    expect(alpha.prose.map((p) => p.id)).toEqual(["first", "later"]);
  });

  it("groups behaviors in the track's category order, not the file's", () => {
    const senior = alpha.levels[1];
    expect(senior.groups.map((g) => g.category?.id)).toEqual(["b-second", "a-first"]);
    expect(senior.groups[0].behaviors[0]).toEqual({
      id: "s2",
      text: "S two.",
      aliases: [],
      examples: [],
      track: "alpha",
      level: "senior",
      category: "b-second",
    });
  });

  it("leaves out categories a level has no behaviors in", () => {
    expect(alpha.levels[0].groups.map((g) => g.category?.id)).toEqual(["a-first"]);
    expect(handbook.tracks[1].levels[0].groups).toEqual([]);
  });

  it("keeps a level's facts in their order, and gives a level without facts none", () => {
    expect(alpha.levels.map((level) => level.facts)).toEqual([
      [],
      [
        { label: "Years of experience", value: "5+" },
        { label: "Scope", value: "Team" },
      ],
    ]);
  });

  it("keeps aliases and defaults the short title to the title", () => {
    expect(alpha.levels[0].groups[0].behaviors[0].aliases).toEqual(["old-j1"]);
    expect(alpha.shortTitle).toBe("Alpha");
    expect(handbook.tracks[1].shortTitle).toBe("Zeta track");
  });
});
