import { describe, expect, it } from "vitest";
import type { Handbook } from "../../../src/lib/handbook/buildHandbook";
import {
  isPublished,
  lockPublishedIds,
  outdatedIds,
  unlockedIds,
} from "../../../src/lib/links/lockPublishedIds";
import { permalinkTargets } from "../../../src/lib/links/permalinkTargets";
import { publishedIdsSchema } from "../../../src/lib/schemas";
import { createUrls } from "../../../src/lib/links/urls";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { minimalData, writeDataDir } from "../../helpers/dataDir";

describe("lockPublishedIds, unlockedIds and outdatedIds", async () => {
  const dir = writeDataDir(minimalData());
  const handbook = (await validateDataDir(dir, dir)).handbook as Handbook;
  const targets = permalinkTargets(handbook, createUrls());
  const everyId = targets.map(({ track, id }) => ({ track, id }));

  it("counts every id and alias as unlocked while there is no lock", () => {
    expect(unlockedIds(handbook)).toEqual(everyId);
    expect(everyId).toContainEqual({ track: "demo", id: "expert-git" }); // An alias.
  });

  it("locks every id and alias, sorted, with its level or role and text, and then none is unlocked", () => {
    const lock = lockPublishedIds(handbook);
    expect(Object.keys(lock.tracks.demo)).toEqual(everyId.map(({ id }) => id).sort());
    for (const target of targets) {
      expect(lock.tracks.demo[target.id].text).toBe(target.text);
    }
    expect(lock.tracks.demo["expert-git"]).toEqual({ level: "l2", text: "Is an expert in Git." });
    expect(lock.tracks.demo["shows-up"]).toEqual({ level: null, text: "Shows up." });
    expect(lock.tracks.demo.mentor).toEqual({ role: "lead", text: "Mentors others." });
    expect(unlockedIds(handbook, lock)).toEqual([]);
    expect(outdatedIds(handbook, lock)).toEqual([]);
    // What `ladder lock` writes reads back the same.
    expect(publishedIdsSchema.parse(JSON.parse(JSON.stringify(lock)))).toEqual(lock);
  });

  it("adds only what is missing and never removes an id, its record or a track", () => {
    const old = publishedIdsSchema.parse({
      tracks: { demo: { "retired-id": { level: "l1", text: "Retired." } }, gone: ["x"] },
    });
    const lock = lockPublishedIds(handbook, old);
    expect(Object.keys(lock.tracks)).toEqual(["demo", "gone"]);
    expect(lock.tracks.demo["retired-id"]).toEqual({ level: "l1", text: "Retired." });
    expect(lock.tracks.gone).toEqual({ x: {} });
    expect(unlockedIds(handbook, old)).toEqual(everyId);
  });

  it("brings a lock of ids alone, from before records were kept, up to date without losing an id", () => {
    const old = publishedIdsSchema.parse({ tracks: { demo: ["basic-git", "retired-id"] } });
    expect(outdatedIds(handbook, old)).toEqual([{ track: "demo", id: "basic-git" }]);
    const lock = lockPublishedIds(handbook, old);
    expect(lock.tracks.demo["basic-git"]).toEqual({ level: "l1", text: "Has a basic understanding of Git." });
    expect(lock.tracks.demo["retired-id"]).toEqual({});
    expect(outdatedIds(handbook, lock)).toEqual([]);
  });

  it("records a reworded text anew", () => {
    const lock = lockPublishedIds(handbook);
    lock.tracks.demo["basic-git"] = { level: "l1", text: "Knew Git a little." };
    expect(outdatedIds(handbook, lock)).toEqual([{ track: "demo", id: "basic-git" }]);
    expect(lockPublishedIds(handbook, lock).tracks.demo["basic-git"].text).toBe(
      "Has a basic understanding of Git.",
    );
  });

  it("treats ids named like object properties as ids, not as what every object has", () => {
    const lock = publishedIdsSchema.parse({ tracks: { demo: ["basic-git"] } });
    expect(isPublished(lock, "demo", "basic-git")).toBe(true);
    expect(isPublished(lock, "demo", "constructor")).toBe(false);
    expect(isPublished(lock, "constructor", "basic-git")).toBe(false);
    expect(isPublished(undefined, "demo", "basic-git")).toBe(false);
  });
});
