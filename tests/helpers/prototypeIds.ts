import { idSchema } from "../../src/lib/schemas/ids";
import { minimalData } from "./dataDir";

/**
 * Every name an object inherits from `Object.prototype` (`constructor`, `toString`,
 * `__proto__`…): looked up on a plain object used as a dictionary, each is found although no
 * one put it there.
 */
export const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** The prototype names that are valid ids, so a framework may use them for anything. */
export const PROTOTYPE_IDS = PROTOTYPE_NAMES.filter((name) => idSchema.safeParse(name).success);

/** Each place an id is written in the data, with the minimal data set changed to give it `id`. */
export const ID_FIELDS = {
  track: (files, id) => renameFiles(files, (name) => name.replace(/^demo\//, `${id}/`)),
  level: (files, id) => renameFiles(files, (name) => name.replace("/levels/l1.json", `/levels/${id}.json`)),
  // `teamwork` is in the first level only: the second one lacks this category.
  category: (files, id) => {
    const track = files["demo/track.json"] as any;
    track.categories[1].id = id;
    const level = files["demo/levels/l1.json"] as any;
    level.behaviors = { craft: level.behaviors.craft, [id]: level.behaviors.teamwork };
  },
  // The second level's behavior, which grows from the first level's and has an alias.
  behavior: (files, id) => {
    (files["demo/levels/l2.json"] as any).behaviors.craft[0].id = id;
  },
  // The first level's behavior, which the second level's evolves from.
  "earlier behavior": (files, id) => {
    (files["demo/levels/l1.json"] as any).behaviors.craft[0].id = id;
    (files["demo/levels/l2.json"] as any).behaviors.craft[0].evolvesFrom = id;
  },
  "shared behavior": (files, id) => {
    (files["demo/track.json"] as any).sharedExpectations.behaviors.craft[0].id = id;
  },
  alias: (files, id) => {
    (files["demo/levels/l2.json"] as any).behaviors.craft[0].aliases = [id];
  },
  role: (files, id) => renameFiles(files, (name) => name.replace("/roles/lead.json", `/roles/${id}.json`)),
  responsibility: (files, id) => {
    (files["demo/roles/lead.json"] as any).responsibilities[0].id = id;
  },
  "prose page": (files, id) =>
    renameFiles(files, (name) => name.replace("/prose/intro.mdx", `/prose/${id}.mdx`)),
} satisfies Record<string, (files: Record<string, unknown>, id: string) => void>;

export type IdField = keyof typeof ID_FIELDS;

/** The minimal data set with `id` as its `field`, and the track it is in. */
export function dataWithId(field: IdField, id: string): { files: Record<string, unknown>; track: string } {
  const files = minimalData();
  ID_FIELDS[field](files, id);
  return { files, track: field === "track" ? id : "demo" };
}

function renameFiles(files: Record<string, unknown>, rename: (name: string) => string): void {
  for (const [name, content] of Object.entries(files)) {
    delete files[name];
    files[rename(name)] = content;
  }
}

/**
 * The minimal data set with `id` as the id of everything that has its own namespace at once:
 * the track, a level, a category, a behavior, a role and a prose page.
 */
export function dataWithIdEverywhere(id: string): Record<string, unknown> {
  const files = minimalData();
  // Renaming files last: the other changes find them by their first names.
  const fields: IdField[] = ["category", "behavior", "level", "role", "prose page", "track"];
  for (const field of fields) ID_FIELDS[field](files, id);
  return files;
}
