import { describe, expect, it } from "vitest";
import { parseRoadmapFile } from "../../../src/lib/roadmap/parseRoadmapFile";
import { emptyRoadmap, noteOf, roadmapStorageKey, statusOf } from "../../../src/lib/roadmap/roadmap";
import { hasProgress, roadmapJson, withNote, withStatus } from "../../../src/scripts/roadmap/state";
import {
  readLastChoice,
  readRoadmap,
  writeLastChoice,
  writeRoadmap,
} from "../../../src/scripts/roadmap/store";
import { PROTOTYPE_IDS, PROTOTYPE_NAMES } from "../../helpers/prototypeIds";
import { memoryStorage } from "./fakeStorage";

const TYPED = "Ran the workshop.\n\n  Slides: https://example.com/(draft)";

describe.each(PROTOTYPE_IDS)("a roadmap whose behavior, track and levels are %s", (id) => {
  const empty = emptyRoadmap(id, id, "l2");

  it("has no status and no note for it until marked", () => {
    expect(statusOf(empty, id)).toBe("not-started");
    expect(noteOf(empty, id)).toBe("");
    expect(hasProgress(empty)).toBe(false);
  });

  it("keeps the status and the note as typed, and forgets them when cleared", () => {
    const marked = withNote(withStatus(empty, id, "working"), id, TYPED);
    expect(statusOf(marked, id)).toBe("working");
    expect(noteOf(marked, id)).toBe(TYPED);
    expect(statusOf(marked, "basic-git")).toBe("not-started");
    expect(hasProgress(marked)).toBe(true);
    const cleared = withNote(withStatus(marked, id, "not-started"), id, "  ");
    expect(cleared).toEqual(empty);
    expect(hasProgress(cleared)).toBe(false);
  });

  it("stores and restores them in the browser, and in an exported file", () => {
    const marked = withNote(withStatus(empty, id, "demonstrated"), id, TYPED);
    const storage = memoryStorage();
    expect(writeRoadmap(storage, marked)).toBe(true);
    expect([...storage.entries.keys()]).toEqual([roadmapStorageKey(id, id, "l2")]);
    const restored = readRoadmap(storage, id, id, "l2");
    expect(restored).toEqual(marked);
    expect([statusOf(restored, id), noteOf(restored, id)]).toEqual(["demonstrated", TYPED]);
    // Another pair of levels has nothing for it, not what every object has.
    const elsewhere = readRoadmap(storage, id, id, "l3");
    expect([statusOf(elsewhere, id), noteOf(elsewhere, id)]).toEqual(["not-started", ""]);

    const imported = parseRoadmapFile(roadmapJson(marked));
    expect(imported).toEqual({ roadmap: marked });
    const { roadmap } = imported as { roadmap: typeof marked };
    expect([statusOf(roadmap, id), noteOf(roadmap, id)]).toEqual(["demonstrated", TYPED]);

    writeLastChoice(storage, { track: id, from: id, to: "l2" });
    expect(readLastChoice(storage)).toEqual({ track: id, from: id, to: "l2" });
  });
});

describe.each(PROTOTYPE_NAMES.filter((name) => !PROTOTYPE_IDS.includes(name)))(
  "a stored or imported roadmap with a key %s, which is no id",
  (name) => {
    // As JSON text: in an object literal, a key `__proto__` would set the prototype instead.
    const text = (statuses: string, notes: string) =>
      `{"format":"ladder-roadmap","version":1,"track":"support","from":"ic2","to":"ic3","statuses":${statuses},"notes":${notes}}`;
    const key = JSON.stringify(name);

    it("is kept in the browser without that entry, and with every other one", () => {
      const stored = text(
        `{${key}:"working","basic-git":"working"}`,
        `{${key}:"A note.","basic-git":"Kept."}`,
      );
      const storage = memoryStorage({ [roadmapStorageKey("support", "ic2", "ic3")]: stored });
      const roadmap = readRoadmap(storage, "support", "ic2", "ic3");
      expect(Object.keys(roadmap.statuses)).toEqual(["basic-git"]);
      expect(Object.keys(roadmap.notes)).toEqual(["basic-git"]);
      expect([statusOf(roadmap, name), noteOf(roadmap, name)]).toEqual(["not-started", ""]);
      expect([statusOf(roadmap, "basic-git"), noteOf(roadmap, "basic-git")]).toEqual(["working", "Kept."]);
    });

    it("is refused when imported, naming the entry", () => {
      expect(parseRoadmapFile(text(`{${key}:"working"}`, "{}"), "roadmap.json")).toEqual({
        error: expect.stringContaining(`roadmap.json: statuses.${name}: must be kebab-case`),
      });
      expect(parseRoadmapFile(text("{}", `{${key}:"A note."}`), "roadmap.json")).toEqual({
        error: expect.stringContaining(`roadmap.json: notes.${name}: must be kebab-case`),
      });
    });
  },
);
