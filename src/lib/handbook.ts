/**
 * The one module that reads the content collections: each collection is loaded once, turned
 * into the sorted handbook model and cached for every page of the build.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { buildHandbook, type Handbook } from "./buildHandbook";
import { checkHandbookRules } from "./checkHandbookRules";
import { asPartialSources } from "./parseSources";
import { formatProblem } from "./problems";
import { comparePaths } from "./staticPaths";
import type { Source } from "./sources";

type Entry = CollectionEntry<"tracks" | "levels" | "roles" | "prose">;

function toSource<T>(entry: Entry & { data: T }): Source<T> {
  const [track, id = track] = entry.id.split("/");
  const body = "body" in entry && typeof entry.body === "string" ? { body: entry.body.trim() } : {};
  return { file: entry.filePath ?? entry.id, track, id, data: entry.data, ...body };
}

let cached: Promise<{ handbook: Handbook; prose: CollectionEntry<"prose">[] }> | undefined;

async function load() {
  const [tracks, levels, roles, prose] = await Promise.all([
    getCollection("tracks"),
    getCollection("levels"),
    getCollection("roles"),
    getCollection("prose"),
  ]);
  const sources = {
    tracks: tracks.map(toSource),
    levels: levels.map(toSource),
    roles: roles.map(toSource),
    prose: prose.map(toSource),
  };
  // `npm run build` validates first; this guards `astro dev` and direct `astro build`.
  const problems = checkHandbookRules(asPartialSources(sources));
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join("\n"));
  return { handbook: buildHandbook(sources), prose };
}

/** The whole handbook, sorted. */
export async function getHandbook(): Promise<Handbook> {
  cached ??= load();
  return (await cached).handbook;
}

/** The prose entries of a track, in the order of the handbook model, ready for `render()`. */
export async function getTrackProse(trackId: string): Promise<CollectionEntry<"prose">[]> {
  cached ??= load();
  const { handbook, prose } = await cached;
  const track = handbook.tracks.find((candidate) => candidate.id === trackId);
  return (track?.prose ?? []).map((section) =>
    prose.find((entry) => entry.id === `${trackId}/${section.id}`)!,
  );
}

let comparisons: Promise<ReturnType<typeof comparePaths>> | undefined;

/**
 * Every comparison of the handbook with its route parameters, computed once for the compare
 * pages and their JSON alike (word diffs are the costliest part of a large build).
 */
export async function getComparePaths(): Promise<ReturnType<typeof comparePaths>> {
  comparisons ??= getHandbook().then(comparePaths);
  return comparisons;
}
