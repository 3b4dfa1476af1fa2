import { describe, expect, it } from "vitest";
import type { Handbook } from "../../src/lib/buildHandbook";
import { lockPublishedIds, unlockedIds } from "../../src/lib/lockPublishedIds";
import { permalinkTargets } from "../../src/lib/permalinkTargets";
import { createUrls } from "../../src/lib/urls";
import { validateDataDir } from "../../src/lib/validateDataDir";
import { minimalData, writeDataDir } from "../helpers/dataDir";

describe("lockPublishedIds and unlockedIds", async () => {
  const dir = writeDataDir(minimalData());
  const handbook = (await validateDataDir(dir, dir)).handbook as Handbook;
  const everyId = permalinkTargets(handbook, createUrls()).map(({ track, id }) => ({ track, id }));

  it("counts every id and alias as unlocked while there is no lock", () => {
    expect(unlockedIds(handbook)).toEqual(everyId);
    expect(everyId).toContainEqual({ track: "demo", id: "expert-git" }); // An alias.
  });

  it("locks every id and alias, sorted, and then none is unlocked", () => {
    const lock = lockPublishedIds(handbook);
    expect(lock.tracks.demo).toEqual(everyId.map(({ id }) => id).sort());
    expect(unlockedIds(handbook, lock)).toEqual([]);
  });

  it("adds only what is missing and never removes an id or a track", () => {
    const old = { tracks: { demo: ["retired-id"], gone: ["x"] } };
    const lock = lockPublishedIds(handbook, old);
    expect(Object.keys(lock.tracks)).toEqual(["demo", "gone"]);
    expect(lock.tracks.demo).toContain("retired-id");
    expect(lock.tracks.gone).toEqual(["x"]);
    expect(unlockedIds(handbook, old)).toEqual(everyId);
  });
});
