import { describe, expect, it } from "vitest";
import { importSource } from "../../../src/lib/import/importSource";
import { idFromText, levelIdFromName } from "../../../src/lib/import/idFromText";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { writeDataDir } from "../../helpers/dataDir";
import { PROTOTYPE_NAMES } from "../../helpers/prototypeIds";

/** "hasOwnProperty" → "Has Own Property", "__proto__" → "Proto": as a title a person would write. */
const asTitle = (name: string) => {
  const words = name
    .replace(/_/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .trim();
  return words[0].toUpperCase() + words.slice(1);
};

/** Every prototype name as a title, and as it is where Markdown reads it as text (no `_`). */
const TITLES = [
  ...new Set(PROTOTYPE_NAMES.flatMap((name) => [asTitle(name), ...(name.includes("_") ? [] : [name])])),
];

/**
 * A framework in which `title` names the track, a level, a category, a behavior and a prose
 * page: a page whose front matter holds the framework, so the level's name need not look like
 * one, and the YAML reader meets each name as a key too.
 */
const framework = (title: string) => `---
title: ${title}
description: A framework named ${title}.
levels:
  - name: ${title}
    categories:
      ${title}: [${title}, Asks questions.]
      Delivery: [Ships small changes.]
  - name: L2
    categories:
      ${title}: [Leads ${title} reviews.]
      Delivery: [Ships large changes.]
---

What ${title} means here.
`;

/** Imports a page held in memory as the track `track`. */
const importPage = (text: string, track: string) =>
  importSource(
    { path: "framework.md", isFolder: false, files: [{ path: "framework.md", bytes: Buffer.from(text) }] },
    { track },
  );

describe("importing titles whose ids would be Object.prototype names", () => {
  it("derives constructor from one of them, so the sweep reaches a prototype name", () => {
    expect(TITLES.map((title) => idFromText(title, new Set()))).toContain("constructor");
  });

  it.each(TITLES)(
    "imports %s as a level, category, behavior and page, verbatim, into valid data",
    async (title) => {
      const { files, losses, error } = await importPage(framework(title), "t");
      expect({ losses, error }).toEqual({ losses: [], error: undefined });
      const dir = writeDataDir(files);
      const { handbook, problems } = await validateDataDir(dir, dir);
      expect(problems).toEqual([]);
      const [track] = handbook!.tracks;
      const id = idFromText(title, new Set());
      const levelId = levelIdFromName(title, new Set());
      expect(track.title).toBe(title);
      expect(track.categories).toEqual([
        { id, title },
        { id: "delivery", title: "Delivery" },
      ]);
      expect(track.prose.map((page) => [page.id, page.title])).toEqual([[id, title]]);
      expect(
        track.levels.map((level) => ({
          id: level.id,
          code: level.code,
          groups: level.groups.map((group) => [group.category?.id, group.behaviors.map((b) => b.text)]),
        })),
      ).toEqual([
        {
          id: levelId,
          code: title,
          groups: [
            [id, [title, "Asks questions."]],
            ["delivery", ["Ships small changes."]],
          ],
        },
        {
          id: "l2",
          code: "L2",
          groups: [
            [id, [`Leads ${title} reviews.`]],
            ["delivery", ["Ships large changes."]],
          ],
        },
      ]);
    },
  );
});
