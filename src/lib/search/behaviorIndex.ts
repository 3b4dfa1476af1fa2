import type { SearchDocument } from "./searchDocuments";

/** A heading of the behavior index with what is listed under it, in site order. */
export interface IndexGroup<T, Title = string> {
  title: Title;
  items: T[];
}

/** Groups consecutive items that share a key, keeping the order they come in. */
function groupBy<T, Title>(items: T[], key: (item: T) => Title): IndexGroup<T, Title>[] {
  const groups: IndexGroup<T, Title>[] = [];
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
 * a level, a role), then category (a null title: the one list of a track without categories),
 * from the search documents in site order.
 */
export function behaviorIndex<T extends SearchDocument>(documents: T[]) {
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
