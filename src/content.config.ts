import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { dataDir } from "./lib/dataDir";
import { levelSchema, proseSchema, roleSchema, trackSchema } from "./lib/schemas";

const base = dataDir();

/**
 * `glob()` would lowercase ids and drop dots; ids here are exact: `{track}` for a track,
 * `{track}/{file name}` for everything inside it.
 */
function exactId({ entry }: { entry: string }): string {
  const [track, ...rest] = entry.split("/");
  const file = rest.at(-1)!;
  return file === "track.json" ? track : `${track}/${file.replace(/\.[^.]+$/, "")}`;
}

export const collections = {
  tracks: defineCollection({
    loader: glob({ base, pattern: "*/track.json", generateId: exactId }),
    schema: trackSchema,
  }),
  levels: defineCollection({
    loader: glob({ base, pattern: "*/levels/*.json", generateId: exactId }),
    schema: levelSchema,
  }),
  roles: defineCollection({
    loader: glob({ base, pattern: "*/roles/*.json", generateId: exactId }),
    schema: roleSchema,
  }),
  prose: defineCollection({
    loader: glob({ base, pattern: "*/prose/*.mdx", generateId: exactId }),
    schema: proseSchema,
  }),
};
