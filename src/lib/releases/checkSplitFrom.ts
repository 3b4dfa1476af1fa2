import type { PartialSources } from "../data/parseSources";
import type { Problem } from "../data/problems";
import { linkableIds } from "../links/linkableIds";
import { didYouMean, suggestIds } from "../links/suggestIds";
import { releasedIds } from "./publishedIds";
import type { Release } from "./release";

/**
 * `splitFrom` tells the changelog that a behavior or responsibility is a part of one that was
 * released: so it must name an id some release holds in that track, and not the item's own id
 * or alias (a part that keeps the old id is that id, not split from it). Each problem says
 * what to write instead.
 */
export function checkSplitFrom(sources: PartialSources, releases: readonly Release[]): Problem[] {
  const problems: Problem[] = [];
  const linkable = linkableIds(sources);
  const releasedByTrack = new Map<string, Set<string>>();
  /** The id and aliases of each item, by where it is written (file and path name one item). */
  const idsOf = new Map<string, typeof linkable>();
  for (const item of linkable) {
    const key = `${item.file}\0${item.itemPath}`;
    idsOf.set(key, [...(idsOf.get(key) ?? []), item]);
  }
  for (const item of linkable) {
    if (item.kind === "alias" || item.splitFrom === undefined) continue;
    const { track, splitFrom } = item;
    const at = { file: item.file, path: `${item.itemPath}.splitFrom` };
    const same = idsOf.get(`${item.file}\0${item.itemPath}`)!.find((other) => other.id === splitFrom);
    if (same) {
      problems.push({
        ...at,
        message: `names "${splitFrom}", this ${item.kind === "behavior id" ? "behavior" : "responsibility"}'s own ${same.kind === "alias" ? "alias" : "id"}: splitFrom names the released id it was split from, which another part keeps as its id or alias: name that id, or remove splitFrom`,
      });
      continue;
    }
    if (!releasedByTrack.has(track)) releasedByTrack.set(track, releasedIds(releases, track));
    const released = releasedByTrack.get(track)!;
    if (released.has(splitFrom)) continue;
    if (releases.length === 0) {
      problems.push({
        ...at,
        message: `names "${splitFrom}", but nothing is released yet: splitFrom names an id of an earlier release that this one was split from: remove it`,
      });
      continue;
    }
    const hint = didYouMean(suggestIds(splitFrom, [...released], 1));
    problems.push({
      ...at,
      message: `names "${splitFrom}", which no release of the track "${track}" holds: splitFrom names the released id this one was split from: ${hint ? `${hint} Correct it` : "correct it"}, or remove it`,
    });
  }
  return problems;
}
