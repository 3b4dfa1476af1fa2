/**
 * Ids are data, not object keys: every name objects inherit from `Object.prototype` that the
 * id pattern accepts (`constructor`) is an id like any other, wherever an id is written. Each
 * is checked against a stand-in id: everything the site computes from the data is the same,
 * the stand-in renamed. The names the pattern rejects (`toString`, `__proto__`…) are reported
 * as problems, never crashed on or taken for something they are not.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  comparisonDocument,
  behaviorsDocument,
  frameworksDocument,
  threadsDocument,
} from "../../../src/lib/handbook/apiDocuments";
import type { Handbook } from "../../../src/lib/handbook/buildHandbook";
import { comparePageModel } from "../../../src/lib/handbook/comparePageModel";
import { homePageModel } from "../../../src/lib/handbook/homePageModel";
import { levelPageModel } from "../../../src/lib/handbook/levelPageModel";
import { levelPickerModel } from "../../../src/lib/handbook/levelPickerModel";
import { permalinkPageModel } from "../../../src/lib/handbook/permalinkPageModel";
import { roadmapPageModel } from "../../../src/lib/handbook/roadmapPageModel";
import { rolePageModel } from "../../../src/lib/handbook/rolePageModel";
import {
  comparePaths,
  growthPaths,
  levelPaths,
  permalinkPaths,
  rolePaths,
  trackPaths,
} from "../../../src/lib/handbook/staticPaths";
import { trackPageModel } from "../../../src/lib/handbook/trackPageModel";
import { growthPageModel } from "../../../src/lib/handbook/growthPageModel";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { lockPublishedIds, unlockedIds } from "../../../src/lib/links/lockPublishedIds";
import { permalinkTargets } from "../../../src/lib/links/permalinkTargets";
import { PUBLISHED_IDS_FILE, readPublishedIds } from "../../../src/lib/links/readPublishedIds";
import { createUrls } from "../../../src/lib/links/urls";
import { parseRoadmapFile } from "../../../src/lib/roadmap/parseRoadmapFile";
import {
  emptyRoadmap,
  noteOf,
  roadmapCategories,
  statusOf,
  type ComparisonData,
} from "../../../src/lib/roadmap/roadmap";
import { roadmapMarkdown } from "../../../src/lib/roadmap/roadmapMarkdown";
import { ROADMAP_STATUSES } from "../../../src/lib/roadmap/roadmapStatuses";
import type { RoadmapState } from "../../../src/lib/schemas/roadmap";
import { buildSearchPayload, createBehaviorSearch } from "../../../src/lib/search/behaviorSearch";
import { searchDocuments } from "../../../src/lib/search/searchDocuments";
import { searchFilters } from "../../../src/lib/search/searchFilters";
import { minimalData, writeDataDir } from "../../helpers/dataDir";
import {
  dataWithId,
  ID_FIELDS,
  PROTOTYPE_IDS,
  PROTOTYPE_NAMES,
  type IdField,
} from "../../helpers/prototypeIds";

/** A valid id that is no prototype name, to compare with. */
const STAND_IN = "stand-in";

const urls = createUrls("/handbook/", "https://handbook.example.com");

/** A roadmap with every behavior of `comparison` marked and noted, the note naming its behavior. */
function markedRoadmap(comparison: ComparisonData): RoadmapState {
  const roadmap = emptyRoadmap(comparison.track, comparison.from.id, comparison.to.id);
  roadmapCategories(comparison)
    .flatMap((category) => [...category.growInto, ...category.keep])
    .forEach(({ id }, index) => {
      roadmap.statuses[id] = ROADMAP_STATUSES[1 + (index % 2)];
      roadmap.notes[id] = `Evidence for ${id}:\n  a link`;
    });
  return roadmap;
}

/** Everything the site and the command line compute from a handbook, as plain data. */
function everythingComputed(handbook: Handbook) {
  const payload = buildSearchPayload(searchDocuments(handbook, urls));
  const search = createBehaviorSearch(payload);
  const filters = searchFilters(handbook);
  const comparisons = comparePaths(handbook).map(({ props: { track, comparison } }) => {
    const document = comparisonDocument(comparison, urls);
    // As the roadmap page receives it, and as the reader marks it and takes it elsewhere.
    const received: ComparisonData = JSON.parse(JSON.stringify(document));
    const categories = roadmapCategories(received, track.shared?.title);
    const marked = markedRoadmap(received);
    const empty = emptyRoadmap(track.id, comparison.from.id, comparison.to.id);
    return {
      page: comparePageModel(track, comparison, urls),
      picker: levelPickerModel(track, comparison.from.id, comparison.to.id, urls),
      document,
      roadmap: {
        categories,
        empty: roadmapMarkdown(received, categories, empty, track.title),
        marked: roadmapMarkdown(received, categories, marked, track.title),
      },
    };
  });
  return {
    handbook,
    paths: [
      ...trackPaths(handbook),
      ...levelPaths(handbook),
      ...rolePaths(handbook),
      ...permalinkPaths(handbook, urls),
      ...comparePaths(handbook),
      ...growthPaths(handbook),
    ].map(({ params }) => params),
    api: { frameworks: frameworksDocument(handbook), behaviors: behaviorsDocument(handbook, urls) },
    home: homePageModel(handbook, urls),
    tracks: handbook.tracks.map((track) =>
      trackPageModel(
        track,
        track.prose.map(({ id, title, body }) => ({ id, title, html: body })),
        urls,
      ),
    ),
    levels: handbook.tracks.flatMap((track) =>
      track.levels.map((level) => {
        const model = levelPageModel(track, level, urls);
        // As plain data: the growth of each behavior, by its id, as entries.
        return { ...model, growth: [...model.growth] };
      }),
    ),
    growth: growthPaths(handbook).map(({ props: { track, threads } }) => ({
      page: growthPageModel(track, threads, urls),
      document: threadsDocument(track, threads, urls),
    })),
    roles: handbook.tracks.flatMap((track) => track.roles.map((role) => rolePageModel(track, role, urls))),
    permalinks: permalinkTargets(handbook, urls).map((target) => permalinkPageModel(target, urls)),
    comparisons,
    roadmapPage: roadmapPageModel(handbook, urls),
    search: {
      payload: { ...payload, index: undefined },
      filters,
      // What each option of each filter finds, with and without words.
      filtered: filters.flatMap(({ name, options }) =>
        options.flatMap(({ value }) =>
          ["", "git"].map((query) =>
            search(query, { [name]: value }).results.map((result) => result.document.url),
          ),
        ),
      ),
    },
    lock: lockPublishedIds(handbook),
    unlocked: unlockedIds(handbook),
  };
}

/** `value` with every occurrence of the stand-in id replaced by `id`. */
function renamed<T>(value: T, id: string): T {
  return JSON.parse(JSON.stringify(value).replaceAll(STAND_IN, id));
}

async function validated(files: Record<string, unknown>) {
  const dir = writeDataDir(files);
  return { dir, ...(await validateDataDir(dir, dir)) };
}

/** The fields whose ids get a short link, and so are recorded in the lock. */
const LINKABLE: readonly IdField[] = [
  "behavior",
  "earlier behavior",
  "shared behavior",
  "alias",
  "responsibility",
];

it("sweeps at least one prototype name the id pattern accepts", () => {
  // Should the pattern ever reject them all, the sweep below would test nothing.
  expect(PROTOTYPE_IDS).toContain("constructor");
});

describe.each(PROTOTYPE_IDS)("the id %s", (id) => {
  describe.each(Object.keys(ID_FIELDS) as IdField[])("as the id of the %s", (field) => {
    it("is valid, and everything computed from it is what any other id gives", async () => {
      const standIn = dataWithId(field, STAND_IN);
      const withId = dataWithId(field, id);
      const expected = await validated(standIn.files);
      const actual = await validated(withId.files);
      expect(actual.problems).toEqual([]);
      expect(everythingComputed(actual.handbook!)).toEqual(
        renamed(everythingComputed(expected.handbook!), id),
      );
      expect(actual.unlockedIds).toEqual(renamed(expected.unlockedIds, id));
    });

    it("is recorded by the lock, which then reads back complete, and is missed when it vanishes", async () => {
      const { files, track } = dataWithId(field, id);
      const { dir, handbook } = await validated(files);
      const lock = lockPublishedIds(handbook!);
      expect(Object.hasOwn(lock.tracks, track)).toBe(true);
      if (LINKABLE.includes(field)) {
        expect(Object.hasOwn(lock.tracks[track], id)).toBe(true);
        expect(lock.tracks[track][id]).toEqual(
          permalinkTargets(handbook!, urls)
            .filter((target) => target.id === id)
            .map(({ level, role, text }) => (role === undefined ? { level, text } : { role, text }))[0],
        );
      }
      writeFileSync(path.join(dir, PUBLISHED_IDS_FILE), JSON.stringify(lock, null, 2));
      expect(readPublishedIds(dir, dir).lock).toEqual(lock);
      const again = await validateDataDir(dir, dir);
      expect(again.problems).toEqual([]);
      expect(again.unlockedIds).toEqual([]);

      // The same lock over the data with the stand-in: only a short link that is gone is missed.
      const moved = writeDataDir(dataWithId(field, STAND_IN).files);
      writeFileSync(path.join(moved, PUBLISHED_IDS_FILE), JSON.stringify(lock, null, 2));
      const { problems } = await validateDataDir(moved, moved);
      const vanished =
        field === "track" ? [`tracks.${id}`] : LINKABLE.includes(field) ? [`tracks.demo.${id}`] : [];
      expect(problems.map((problem) => problem.path)).toEqual(vanished);
      expect(problems.every((problem) => problem.message.includes(`"${id}"`))).toBe(true);
    });

    it("keeps its status and note on a roadmap, and has none until marked", async () => {
      const { handbook } = await validated(dataWithId(field, id).files);
      for (const { props } of comparePaths(handbook!)) {
        const comparison: ComparisonData = JSON.parse(
          JSON.stringify(comparisonDocument(props.comparison, urls)),
        );
        const ids = roadmapCategories(comparison).flatMap((c) =>
          [...c.growInto, ...c.keep].map((item) => item.id),
        );
        // The behaviors the second level asks for, itself or at every level, are on its roadmap.
        if (field === "behavior" || field === "shared behavior") expect(ids).toContain(id);
        const empty = emptyRoadmap(comparison.track, comparison.from.id, comparison.to.id);
        const marked = markedRoadmap(comparison);
        const exported = parseRoadmapFile(JSON.stringify(marked));
        expect(exported).toEqual({ roadmap: marked });
        const { roadmap } = exported as { roadmap: RoadmapState };
        for (const behavior of ids) {
          expect(statusOf(empty, behavior)).toBe("not-started");
          expect(noteOf(empty, behavior)).toBe("");
          expect(statusOf(roadmap, behavior)).toBe(marked.statuses[behavior]);
          expect(noteOf(roadmap, behavior)).toBe(`Evidence for ${behavior}:\n  a link`);
        }
      }
    });
  });

  it("as the track, level and category, is offered once by the search filters", async () => {
    const { handbook } = await validated(dataWithId("track", id).files);
    const { handbook: levelHandbook } = await validated(dataWithId("level", id).files);
    const { handbook: categoryHandbook } = await validated(dataWithId("category", id).files);
    const offered = (filters: ReturnType<typeof searchFilters>, name: string) =>
      filters.find((filter) => filter.name === name)!.options.filter((option) => option.value === id);
    expect(offered(searchFilters(handbook!), "track")).toEqual([
      { value: id, label: "Demo framework", tracks: [id] },
    ]);
    expect(offered(searchFilters(levelHandbook!), "level")).toEqual([
      { value: id, label: "L1", tracks: ["demo"] },
    ]);
    expect(offered(searchFilters(categoryHandbook!), "category")).toEqual([
      { value: id, label: "Teamwork", tracks: ["demo"] },
    ]);
  });
});

/** Prototype names the id pattern refuses: capitals and underscores. */
const REFUSED = PROTOTYPE_NAMES.filter((name) => !PROTOTYPE_IDS.includes(name));

describe.each(REFUSED)("the prototype name %s, which is no id", (name) => {
  it("is reported where it is written, as any id that is not kebab-case", async () => {
    const cases: [string, (files: Record<string, unknown>) => void, { file: string; path: string }][] = [
      ["a track folder", (files) => ID_FIELDS.track(files, name), { file: name, path: "" }],
      [
        "a level file",
        (files) => ID_FIELDS.level(files, name),
        { file: `demo/levels/${name}.json`, path: "" },
      ],
      ["a role file", (files) => ID_FIELDS.role(files, name), { file: `demo/roles/${name}.json`, path: "" }],
      [
        "a behavior id",
        (files) => ID_FIELDS.behavior(files, name),
        { file: "demo/levels/l2.json", path: "behaviors.craft[0].id" },
      ],
      [
        "a category id",
        (files) => ID_FIELDS.category(files, name),
        { file: "demo/track.json", path: "categories[1].id" },
      ],
    ];
    for (const [what, change, where] of cases) {
      const files = minimalData();
      change(files);
      const { problems, handbook } = await validated(files);
      expect(handbook, what).toBeUndefined();
      expect(problems, what).toContainEqual({ ...where, message: expect.stringMatching(/kebab-case/) });
    }
  });

  it("as a key of a level's behaviors or of the lock, is reported and taken for nothing else", async () => {
    // Written as JSON text: a key `__proto__` in an object literal would set its prototype.
    const files: Record<string, unknown> = minimalData();
    const level = JSON.stringify(files["demo/levels/l1.json"]);
    files["demo/levels/l1.json"] = level.replace('"teamwork":', `${JSON.stringify(name)}:`);
    const { problems } = await validated(files);
    expect(problems.map(({ file, path }) => `${file} ${path}`)).toContain(
      `demo/levels/l1.json behaviors.${name}`,
    );

    const locked = writeDataDir(minimalData());
    writeFileSync(
      path.join(locked, PUBLISHED_IDS_FILE),
      `{ "tracks": { "demo": { ${JSON.stringify(name)}: {} }, ${JSON.stringify(name)}: {} } }`,
    );
    const reading = readPublishedIds(locked, locked);
    expect(reading.lock).toBeUndefined();
    expect(reading.problems.map((problem) => problem.path).sort()).toEqual(
      [`tracks.${name}`, `tracks.demo.${name}`].sort(),
    );
  });
});

describe("a folder named after a prototype name in a track folder", () => {
  it.each(PROTOTYPE_NAMES)("%s is an unknown data file", async (name) => {
    const { problems } = await validated({ ...minimalData(), [`demo/${name}/l9.json`]: {} });
    expect(problems).toEqual([
      {
        file: `demo/${name}`,
        path: "",
        message:
          "is not a known data file: a track folder holds track.json and the folders levels/, roles/ and prose/",
      },
    ]);
  });
});
