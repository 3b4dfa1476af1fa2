import type { SearchDocument } from "./searchDocuments";

/** A heading of the behavior index with what is listed under it, in site order. */
export interface IndexGroup<T> {
  title: string;
  items: T[];
}

/** Groups consecutive items that share a key, keeping the order they come in. */
function groupBy<T>(items: T[], key: (item: T) => string): IndexGroup<T>[] {
  const groups: IndexGroup<T>[] = [];
  for (const item of items) {
    const title = key(item);
    const last = groups.at(-1);
    if (last?.title === title) last.items.push(item);
    else groups.push({ title, items: [item] });
  }
  return groups;
}

/**
 * The behavior index's listing: track, then where the behaviors live (shared expectations,
 * a level, a role), then category, from the search documents in site order.
 */
export function behaviorIndex(documents: SearchDocument[]) {
  return groupBy(documents, (d) => d.track).map((track) => ({
    id: track.title,
    title: track.items[0].trackTitle,
    places: groupBy(track.items, (d) => d.place).map((place) => ({
      title: place.title,
      url: place.items[0].url.replace(/#.*$/, ""),
      categories: groupBy(place.items, (d) => d.categoryTitle),
    })),
  }));
}
