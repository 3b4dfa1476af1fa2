import { describe, expect, it } from "vitest";
import { emptyRoadmap, roadmapStorageKey } from "../../../src/lib/roadmap/roadmap";
import {
  LAST_CHOICE_KEY,
  readLastChoice,
  readRoadmap,
  removeRoadmap,
  writeLastChoice,
  writeRoadmap,
} from "../../../src/scripts/roadmap/store";
import { memoryStorage, refusingStorage } from "./fakeStorage";

const KEY = roadmapStorageKey("support", "ic2", "ic3");
const marked = {
  ...emptyRoadmap("support", "ic2", "ic3"),
  statuses: { "basic-git": "demonstrated" as const, "leads-reviews": "working" as const },
  notes: { "basic-git": "Ran the Git workshop." },
};

describe("the roadmap store", () => {
  it("reads back what it wrote, under the key of its track and levels", () => {
    const storage = memoryStorage();
    expect(writeRoadmap(storage, marked)).toBe(true);
    expect([...storage.entries.keys()]).toEqual([KEY]);
    expect(readRoadmap(storage, "support", "ic2", "ic3")).toEqual(marked);
    expect(readRoadmap(storage, "support", "ic2", "ic4")).toEqual(emptyRoadmap("support", "ic2", "ic4"));
  });

  it("starts afresh from a missing, broken or foreign entry", () => {
    const empty = emptyRoadmap("support", "ic2", "ic3");
    for (const stored of ["not json{", "null", "42", '"text"', "[]", '{"format":"other","statuses":{}}']) {
      expect(readRoadmap(memoryStorage({ [KEY]: stored }), "support", "ic2", "ic3"), stored).toEqual(empty);
    }
    expect(readRoadmap(memoryStorage(), "support", "ic2", "ic3")).toEqual(empty);
  });

  it("leaves out only the entries the schema refuses, keeping the rest of the roadmap", () => {
    const stored = {
      ...marked,
      statuses: { ...marked.statuses, "not an id": "demonstrated", "leads-calls": "finished" },
      notes: { ...marked.notes, "leads-calls": 42, "long-one": "x".repeat(10_001) },
      extra: true,
    };
    expect(readRoadmap(memoryStorage({ [KEY]: JSON.stringify(stored) }), "support", "ic2", "ic3")).toEqual(
      marked,
    );
  });

  it("keeps the track and levels of its key, whatever the entry says", () => {
    const elsewhere = { ...marked, track: "product", from: "ic1", to: "ic5" };
    expect(readRoadmap(memoryStorage({ [KEY]: JSON.stringify(elsewhere) }), "support", "ic2", "ic3")).toEqual(
      marked,
    );
  });

  it("writes a new roadmap against the latest release, and keeps the release a roadmap was written against", () => {
    expect(readRoadmap(memoryStorage(), "support", "ic2", "ic3", "v3")).toEqual(
      emptyRoadmap("support", "ic2", "ic3", "v3"),
    );
    const storage = memoryStorage();
    writeRoadmap(storage, { ...marked, release: "v2" });
    expect(readRoadmap(storage, "support", "ic2", "ic3", "v3")).toEqual({ ...marked, release: "v2" });
  });

  it("reads a roadmap kept before releases were recorded as written against an unknown release", () => {
    // As Ladder kept roadmaps before: version 1, no release.
    const before = memoryStorage({ [KEY]: JSON.stringify(marked) });
    expect(readRoadmap(before, "support", "ic2", "ic3", "v3")).toEqual(marked);
    expect(readRoadmap(before, "support", "ic2", "ic3", "v3").release).toBeUndefined();
    // A release that is no release's name is left out, and the rest kept.
    const wrong = memoryStorage({ [KEY]: JSON.stringify({ ...marked, release: "Not a release!" }) });
    expect(readRoadmap(wrong, "support", "ic2", "ic3", "v3")).toEqual(marked);
  });

  it("removes a roadmap", () => {
    const storage = memoryStorage();
    writeRoadmap(storage, marked);
    expect(removeRoadmap(storage, "support", "ic2", "ic3")).toBe(true);
    expect(storage.entries.size).toBe(0);
  });

  it("reports storage the browser refuses instead of throwing", () => {
    expect(readRoadmap(refusingStorage, "support", "ic2", "ic3")).toEqual(
      emptyRoadmap("support", "ic2", "ic3"),
    );
    expect(writeRoadmap(refusingStorage, marked)).toBe(false);
    expect(removeRoadmap(refusingStorage, "support", "ic2", "ic3")).toBe(false);
    expect(readLastChoice(refusingStorage)).toEqual({});
    expect(writeLastChoice(refusingStorage, { track: "support", from: "ic2", to: "ic3" })).toBe(false);
  });

  it("remembers the last choice, keeping only its ids", () => {
    const storage = memoryStorage();
    expect(writeLastChoice(storage, { track: "support", from: "ic2", to: "ic3" })).toBe(true);
    expect(JSON.parse(storage.entries.get(LAST_CHOICE_KEY)!)).toEqual({
      track: "support",
      from: "ic2",
      to: "ic3",
    });
    expect(readLastChoice(storage)).toEqual({ track: "support", from: "ic2", to: "ic3" });
    const partly = memoryStorage({
      [LAST_CHOICE_KEY]: JSON.stringify({ track: "support", from: 3, to: "Not An Id" }),
    });
    expect(readLastChoice(partly)).toEqual({ track: "support" });
    for (const stored of ["null", "broken", "[1]"]) {
      expect(readLastChoice(memoryStorage({ [LAST_CHOICE_KEY]: stored })), stored).toEqual({});
    }
  });
});
