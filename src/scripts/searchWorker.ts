/**
 * The behavior search, off the main thread: typing never waits for the index to load or for a
 * query to run. Messages in: `load` (the index URL), `search`; out: `ready`, `results`, `error`.
 */
import { createBehaviorSearch, type SearchFilters, type SearchPayload } from "../lib/search/behaviorSearch";

export type SearchRequest =
  | { type: "load"; url: string }
  | { type: "search"; id: number; query: string; filters: SearchFilters; limit: number };

let search: ReturnType<typeof createBehaviorSearch> | undefined;
let loading: Promise<void> | undefined;

self.addEventListener("message", async (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  try {
    if (request.type === "load") {
      loading ??= fetch(request.url)
        .then((response) => {
          if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
          return response.json() as Promise<SearchPayload>;
        })
        .then((payload) => {
          search = createBehaviorSearch(payload);
        });
      await loading;
      self.postMessage({ type: "ready" });
    } else {
      await loading;
      const answer = search!(request.query, request.filters, request.limit);
      self.postMessage({ type: "results", id: request.id, ...answer });
    }
  } catch (error) {
    self.postMessage({ type: "error", message: (error as Error).message });
  }
});
