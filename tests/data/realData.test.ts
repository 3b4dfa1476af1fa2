import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import type { ReleaseData } from "../../src/lib/schemas";
import { SOURCE_BULLETS, type SourceBullet } from "../helpers/sourceBullets";
import { realHandbook, trackOf } from "../helpers/realHandbook";

const bullets = SOURCE_BULLETS;

describe("the real data", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");
  const product = trackOf(handbook, "product");

  it("validates", async () => expect((await validateDataDir("data")).problems).toEqual([]));

  it("has the support levels with the source's column counts and job titles", () => {
    const shape = support.levels.map((level) => [
      level.code,
      level.title,
      level.status,
      support.categories
        .map((c) => level.groups.find((g) => g.category?.id === c.id)?.behaviors.length ?? 0)
        .join("/"),
    ]);
    expect(shape).toEqual([
      ["IC1", "Entry Level", "defined", "4/6/3/4"],
      ["IC2", "Support Engineer", "defined", "5/7/5/5"],
      ["IC3", "Senior Support Engineer", "defined", "8/5/5/6"],
      ["IC4", "Senior Support Engineer", "defined", "6/7/5/5"],
      ["IC5", "Staff Support Engineer", "defined", "5/3/4/4"],
      ["IC6", "Principal Support Engineer", "not yet defined", "0/0/0/0"],
    ]);
    expect(support.categories.map((c) => c.title)).toEqual([
      "Non-Technical Proficiency",
      "Technical Proficiency",
      "Delivery",
      "Teamwork",
    ]);
  });

  it("keeps job titles out of the level summaries", () => {
    for (const level of support.levels) expect(level.summary).not.toContain(level.title);
  });

  it("has the Team Lead role with its four responsibilities", () => {
    expect(support.roles.map((r) => r.title)).toEqual(["SE Regional Team Leads"]);
    expect(support.roles[0].responsibilities.map((r) => r.title)).toEqual([
      "Facilitator",
      "Coordinator",
      "Mentor",
      "Liaison",
    ]);
  });

  it("has the product framework's shared expectations and levels IC2 to IC5", () => {
    expect(product.shared?.title).toBe("All Levels");
    expect(product.levels.map((l) => l.code)).toEqual(["IC2", "IC3", "IC4", "IC5"]);
    const execution = product.shared?.groups.find((g) => g.category?.id === "execution");
    // The source's malformed "-Seeks clear ownership…" item is an Execution behavior of All Levels.
    expect(execution?.behaviors[0].text).toBe(
      "Seeks clear ownership of areas of responsibility as appropriate for the level.",
    );
  });

  it("holds every source bullet verbatim, at its level, under its category, in source order", () => {
    const actual = handbook.tracks.flatMap((track) => [
      ...[...(track.shared?.groups ?? []), ...track.levels.flatMap((l) => l.groups)].flatMap((group) =>
        group.behaviors.map((b) => ({
          track: track.id,
          level: b.level,
          category: group.category?.title,
          text: b.text,
        })),
      ),
      ...track.roles.flatMap((role) =>
        role.responsibilities.map((r) => ({ track: track.id, role: role.id, title: r.title, text: r.text })),
      ),
    ]);
    // Site order (shared expectations, then levels, categories in track order) is source order.
    const key = (b: SourceBullet) =>
      JSON.stringify([b.track, b.level ?? null, b.role ?? null, b.category ?? b.title, b.text]);
    expect(actual.map(key)).toEqual(bullets.map(key));
  });

  it("has its first release, 2026-12, which took the place of the lock", async () => {
    const { releases = [], unlockedIds } = await validateDataDir("data");
    expect(releases[0]).toMatchObject({
      name: "2026-12",
      file: "data/releases/2026-12.json",
      date: "2026-12-05",
      previous: null,
    });
    expect(existsSync("data/published-ids.json")).toBe(false);
    // With releases, ids not released yet are changes waiting for the next release.
    expect(unlockedIds).toEqual([]);
  });

  it("records every source bullet verbatim in its first release, at its level, under its category, in source order", async () => {
    const release = JSON.parse(readFileSync("data/releases/2026-12.json", "utf8")) as ReleaseData;
    const actual = Object.entries(release.tracks).flatMap(([track, content]) => [
      ...content.behaviors.map((b) => ({
        track,
        level: b.level,
        category: content.categories.find((category) => category.id === b.category)?.title,
        text: b.text,
      })),
      ...content.responsibilities.map((r) => ({ track, role: r.role, text: r.text })),
    ]);
    // A release records no responsibility titles: those are the handbook's to show.
    const key = (b: SourceBullet) =>
      JSON.stringify([b.track, b.level ?? null, b.role ?? null, b.role ? null : b.category, b.text]);
    expect(actual.map(key)).toEqual(bullets.map(key));
  });
});
