/**
 * What changed in a roadmap's behaviors since the release it was written against, composed in
 * the browser from `/api/changes/{release}.json` of each release after it. Each of those says
 * what changed from the release before; chained, they say where each behavior of the roadmap's
 * release went and what it is now, the way the changelog compares two releases (see
 * `releaseChanges`): renamed, merged and removed ids followed through their aliases, a part
 * split off from the behavior it names, and the net change of text and place, so a behavior
 * reworded and then worded back is not marked. Pure: no DOM, no fetching.
 */
import { wordDiff, type WordChange } from "../../lib/compare/wordDiff";
import type { ChangeKind } from "../../lib/releases/changes";
import { placeKey, sameExamples } from "../../lib/releases/items";

/** A behavior or responsibility as an API document of a release's changes gives it. */
export interface ChangedItem {
  id: string;
  /** Verbatim, inline Markdown as written. */
  text: string;
  /** The words a reader sees (what word diffs compare). */
  textPlain: string;
  /** Where it was, in words: "L2 · Engineer II, Craft", "Tech Lead (role)". */
  where: string;
  level?: string | null;
  category?: string | null;
  examples?: string[];
  role?: string;
}

/** The parts of `/api/changes/{release}.json` the roadmap reads. */
export interface ReleaseChangesDocument {
  release: string;
  tracks: {
    track: string;
    /** `added` or `removed`: the whole track came or went, and its changes are not listed. */
    status: string;
    changes: { kinds: ChangeKind[]; before: ChangedItem[]; after: ChangedItem[] }[];
  }[];
}

/** How a current behavior differs from the roadmap's release. */
export interface BehaviorChange {
  /** Its id now. */
  id: string;
  /** In the changelog's order (added, removed, reworded, moved, renamed, split, merged); never empty. */
  kinds: ChangeKind[];
  /** What it was in the roadmap's release: one item, or those merged into it; none when added or split off. */
  then: ChangedItem[];
  /** It now, as the latest release has it. */
  now: ChangedItem;
  /** When its text changed and it was one item then: the word diff from then to now. */
  textDiff?: WordChange[];
  /** Items of the roadmap's release removed since, whose links lead here now. */
  removed: ChangedItem[];
  /** When split: the item it was split from (a part split off), or the parts split off it. */
  splitFrom?: ChangedItem;
  splitInto?: ChangedItem[];
}

/** What changed in one track since a release. */
export interface ChangesSince {
  /** By current id. */
  behaviors: Map<string, BehaviorChange>;
  /** Every id of the roadmap's release (and alias then) that leads to another now: old id → current id. */
  leadsTo: Map<string, string>;
}

/** A current item's descent from the roadmap's release. */
interface Lineage {
  /** Items of the roadmap's release whose ids lead here now (its own, renamed, merged, removed), as they were then. */
  links: ChangedItem[];
  /** The item of the roadmap's release it continues, when it continues one. */
  self?: ChangedItem;
  /** The item of the roadmap's release a part was split off. */
  partOf?: ChangedItem;
  now: ChangedItem;
}

/** An item no change had touched since the roadmap's release: as it was then. */
const untouched = (item: ChangedItem): Lineage => ({ links: [item], self: item, now: item });

/**
 * The changes of `track` since the release the roadmap was written against, from the API
 * documents of every release after it, oldest first.
 */
export function changesSince(documents: readonly ReleaseChangesDocument[], track: string): ChangesSince {
  let lineages = new Map<string, Lineage>();
  for (const document of documents) {
    const changes = document.tracks.find((candidate) => candidate.track === track);
    // A track new since the roadmap's release is new as a whole, as the changelog counts it.
    if (changes?.status === "added") return { behaviors: new Map(), leadsTo: new Map() };
    if (!changes || changes.status !== "changed") continue;
    const next = new Map(lineages);
    const of = (item: ChangedItem) => lineages.get(item.id) ?? untouched(item);
    const absorbed: [ChangedItem, Lineage][] = [];
    for (const { kinds, before, after } of changes.changes) {
      for (const item of before) next.delete(item.id);
      if (kinds.includes("removed")) {
        if (after[0]) absorbed.push([after[0], of(before[0])]);
      } else if (kinds.includes("added")) {
        next.set(after[0].id, { links: [], now: after[0] });
      } else if (kinds.includes("merged")) {
        next.set(after[0].id, { links: before.flatMap((item) => of(item).links), now: after[0] });
      } else if (kinds.includes("split")) {
        const [successor, ...parts] = after;
        const source = of(before[0]);
        next.set(successor.id, { ...source, now: successor });
        for (const part of parts) next.set(part.id, { links: [], partOf: source.self, now: part });
      } else {
        next.set(after[0].id, { ...of(before[0]), now: after[0] });
      }
    }
    // After every other change of the release: the item a removed one leads to may have changed too.
    for (const [target, removed] of absorbed) {
      const lineage = next.get(target.id) ?? untouched(target);
      next.set(target.id, { ...lineage, links: [...lineage.links, ...removed.links] });
    }
    lineages = next;
  }
  return {
    behaviors: new Map(
      [...lineages].flatMap(([id, lineage]) => {
        const change = netChange(id, lineage, lineages);
        return change ? [[id, change] as const] : [];
      }),
    ),
    leadsTo: new Map(
      [...lineages].flatMap(([id, lineage]) =>
        lineage.links.filter((item) => item.id !== id).map((item) => [item.id, id] as const),
      ),
    ),
  };
}

/** What a current item's descent amounts to, as the changelog would name it; undefined when nothing. */
function netChange(id: string, lineage: Lineage, lineages: Map<string, Lineage>): BehaviorChange | undefined {
  const { links, now } = lineage;
  if (links.length === 0) {
    return lineage.partOf
      ? { id, kinds: ["split"], then: [], now, removed: [], splitFrom: lineage.partOf }
      : { id, kinds: ["added"], then: [], now, removed: [] };
  }
  const same = links.find((item) => item.id === id);
  if (links.length > 1 && !same) return { id, kinds: ["merged"], then: links, now, removed: [] };
  const old = same ?? links[0];
  const removed = links.filter((item) => item !== old);
  const parts = [...lineages.values()]
    .filter((other) => other.links.length === 0 && other.partOf?.id === old.id)
    .map((other) => other.now);
  const textChanged = old.text !== now.text;
  const kinds: ChangeKind[] = [];
  if (removed.length > 0) kinds.push("removed");
  if (parts.length === 0) {
    if (textChanged || !sameExamples(old.examples, now.examples)) kinds.push("reworded");
    if (placeKey(old) !== placeKey(now)) kinds.push("moved");
    if (old.id !== id) kinds.push("renamed");
  } else {
    kinds.push("split");
  }
  if (kinds.length === 0) return undefined;
  return {
    id,
    kinds,
    then: [old],
    now,
    ...(textChanged && { textDiff: wordDiff(old.textPlain, now.textPlain) }),
    removed,
    ...(parts.length > 0 && { splitInto: parts }),
  };
}
