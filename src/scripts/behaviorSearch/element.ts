/**
 * The <behavior-search> element: runs the search in a worker, keeps the query and filters in
 * the address, and lists results in place of the page's full index. See BehaviorSearch.astro
 * for its markup; the form's logic without the DOM is in ./filters.
 */
import type {
  SearchAnswer,
  SearchFilters,
  SearchSuggestion,
  TextSegment,
} from "../../lib/search/behaviorSearch";
import { ELEMENT_IDS } from "../../lib/links/urls";
import { resultCount, searchStatus, suggestionLabel } from "../../lib/search/searchMessages";
import type { SearchRequest } from "../searchWorker";
import {
  FILTER_NAMES,
  filterOptions,
  isSearching,
  searchAddress,
  searchFromAddress,
  type FilterName,
  type FilterOption,
  type FilterSelection,
} from "./filters";

/** Results shown at once; the status says how many matched in all. */
const SHOWN = 50;

/** Text with its matched words in <mark>, every part as text. */
function marked(segments: TextSegment[]): (string | HTMLElement)[] {
  return segments.map((segment) => {
    if (!segment.match) return segment.text;
    const mark = document.createElement("mark");
    mark.textContent = segment.text;
    return mark;
  });
}

class BehaviorSearch extends HTMLElement {
  private worker?: Worker;
  private ready?: Promise<void>;
  private asked = 0;
  private urlTimer?: ReturnType<typeof setTimeout>;
  private form!: HTMLFormElement;
  private input!: HTMLInputElement;
  private results!: HTMLOListElement;
  private status!: HTMLElement;
  private suggestions!: HTMLUListElement;
  /** Every option of each filter select, with the tracks it belongs to, as the component lists them. */
  private options!: Record<FilterName, FilterOption[]>;

  connectedCallback() {
    this.form = this.querySelector("form")!;
    this.input = this.form.elements.namedItem("q") as HTMLInputElement;
    this.results = this.querySelector(".search-results")!;
    this.status = this.querySelector(".search-status")!;
    this.suggestions = this.querySelector(".search-suggestions")!;
    const optionsOf = (name: FilterName) =>
      [...this.select(name).options].map((option) => ({
        value: option.value,
        tracks: option.dataset.tracks?.split(" ").filter(Boolean) ?? [],
      }));
    this.options = { track: optionsOf("track"), level: optionsOf("level"), category: optionsOf("category") };
    this.form.hidden = false;

    this.readUrl();
    if (this.isActive()) this.update();
    this.input.addEventListener("focus", () => this.load(), { once: true });
    this.input.addEventListener("input", () => this.update());
    this.form.addEventListener("change", (event) => {
      const target = event.target as HTMLElement;
      if (!(target instanceof HTMLSelectElement)) return;
      this.limitOptions({ name: target.name as FilterName, index: target.selectedIndex });
      this.update(true);
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.focusFirst();
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        this.focusFirst();
      }
    });
    this.results.addEventListener("keydown", (event) => this.moveThrough(this.results, event));
    this.suggestions.addEventListener("keydown", (event) => this.moveThrough(this.suggestions, event));
    this.suggestions.addEventListener("click", (event) => this.followSuggestion(event));
    window.addEventListener("popstate", () => {
      this.readUrl();
      this.update(false, false);
    });
  }

  /**
   * Starts the search worker, which fetches the index, the first time search is used. A
   * failure is not final: the next keystroke tries again with a new worker.
   */
  private load(): Promise<void> {
    this.ready ??= new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL("../searchWorker.ts", import.meta.url), { type: "module" });
      this.worker = worker;
      worker.addEventListener("message", (event) => {
        const message = event.data;
        if (message.type === "ready") resolve();
        else if (message.type === "error") reject(new Error(message.message));
        else if (message.type === "results" && message.id === this.asked) this.render(message);
      });
      worker.addEventListener("error", () => reject(new Error("the search worker failed")));
      this.post({ type: "load", url: new URL(this.dataset.indexUrl!, location.href).href });
    }).catch((error) => {
      this.worker?.terminate();
      this.worker = undefined;
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private post(request: SearchRequest) {
    this.worker!.postMessage(request);
  }

  private select(name: FilterName): HTMLSelectElement {
    return this.form.elements.namedItem(name) as HTMLSelectElement;
  }

  /** What the filter selects hold now. */
  private filters(): FilterSelection {
    return {
      track: this.select("track").value,
      level: this.select("level").value,
      category: this.select("category").value,
    };
  }

  private isActive(): boolean {
    return isSearching(this.input.value, this.filters());
  }

  /** Puts the query and filters of the address bar into the form. */
  private readUrl() {
    const { query, selection } = searchFromAddress(location.search);
    this.input.value = query;
    for (const name of FILTER_NAMES) this.select(name).value = selection[name];
    this.limitOptions();
  }

  /** Offers only the levels and categories of the chosen track (`picked`: the option just chosen). */
  private limitOptions(picked?: { name: FilterName; index: number }) {
    const { enabled, selectedIndex } = filterOptions(this.options, this.filters(), picked);
    for (const name of FILTER_NAMES) {
      const select = this.select(name);
      [...select.options].forEach((option, index) => (option.disabled = !enabled[name][index]));
      select.selectedIndex = selectedIndex[name];
    }
  }

  /** Asks for the results of the form, and keeps the address bar in step (one entry per filter change). */
  private update(push = false, writeUrl = true) {
    this.limitOptions();
    if (push) this.writeUrl(true);
    else if (writeUrl) {
      // Typing updates the address bar once it pauses: replaceState costs milliseconds
      // that belong to the results.
      clearTimeout(this.urlTimer);
      this.urlTimer = setTimeout(() => this.writeUrl(false), 300);
    }
    const id = ++this.asked;
    if (!this.isActive()) {
      this.render({ id, results: [], total: 0, words: [], partial: false, suggestions: [] });
      return;
    }
    if (!this.worker) this.status.textContent = "Loading…";
    this.load().then(
      () => this.post({ type: "search", id, query: this.input.value, filters: this.filters(), limit: SHOWN }),
      () => (this.status.textContent = "The search index could not be loaded."),
    );
  }

  /** Puts the query and filters into the address bar: a new history entry, or the current one. */
  private writeUrl(push: boolean) {
    clearTimeout(this.urlTimer);
    const url = this.urlFor(this.input.value, this.filters());
    if (url !== `${location.pathname}${location.search}`)
      history[push ? "pushState" : "replaceState"](null, "", url);
  }

  /** This page's address for a query and filters. */
  private urlFor(query: string, filters: SearchFilters): string {
    return searchAddress(location.pathname, query, filters);
  }

  private render({ results, total, words, partial, suggestions }: SearchAnswer & { id: number }) {
    const active = this.isActive();
    // Only on change: setting `hidden` again, even to the same value, restyles the whole
    // listing, which at 10,000 behaviors costs more than the search itself.
    const listing = document.getElementById(ELEMENT_IDS.behaviorIndex)!;
    if (listing.hidden !== active) listing.hidden = active;
    if (this.results.hidden === active) this.results.hidden = !active;
    const items = document.createDocumentFragment();
    for (const { document: item, segments, example, where } of results) {
      const link = document.createElement("a");
      link.href = item.url;
      link.append(...marked(segments));
      const meta = document.createElement("span");
      meta.className = "result-meta";
      meta.append(...marked(where));
      const entry = document.createElement("li");
      entry.append(link);
      // The example the words were found in, so a result found by it says why.
      if (example) {
        const shown = document.createElement("span");
        shown.className = "result-example";
        shown.append("Example: ", ...marked(example));
        entry.append(shown);
      }
      entry.append(meta);
      items.append(entry);
    }
    this.results.replaceChildren(items);
    this.renderSuggestions(active ? suggestions : []);
    this.status.textContent = active
      ? searchStatus({ total, shown: results.length, words, partial, suggestions }, this.input.value.trim())
      : "";
    // For the benchmark and tests: the results of the latest query are on screen.
    this.dispatchEvent(new CustomEvent("search-rendered", { detail: { query: this.input.value } }));
  }

  /** Lists the searches that do better, as links to them. */
  private renderSuggestions(suggestions: SearchSuggestion[]) {
    const items = suggestions.map((suggestion) => {
      const link = document.createElement("a");
      link.href = this.urlFor(suggestion.query, suggestion.filters);
      link.textContent = suggestionLabel(suggestion, (name) => this.select(name).options[0].text);
      const entry = document.createElement("li");
      entry.append(link, ` (${resultCount(suggestion.total)})`);
      return entry;
    });
    this.suggestions.replaceChildren(...items);
    if (this.suggestions.hidden !== (items.length === 0)) this.suggestions.hidden = items.length === 0;
  }

  /** Searches what a suggestion links to in place, as a new history entry, and goes back to the search box. */
  private followSuggestion(event: MouseEvent) {
    const link = (event.target as HTMLElement).closest("a");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState(null, "", link.href);
    this.readUrl();
    this.update(false, false);
    this.input.focus();
  }

  /** Moves to the first result; with none, to the first suggestion, which is where the reader goes next. */
  private focusFirst() {
    (this.results.querySelector("a") ?? this.suggestions.querySelector("a"))?.focus();
  }

  /** Arrow keys move through a list (results or suggestions); Escape goes back to the search box. */
  private moveThrough(list: HTMLElement, event: KeyboardEvent) {
    const links = [...list.querySelectorAll("a")];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown") links[Math.min(index + 1, links.length - 1)]?.focus();
    else if (event.key === "ArrowUp") (index <= 0 ? this.input : links[index - 1]).focus();
    else if (event.key === "Escape") this.input.focus();
    else return;
    event.preventDefault();
  }
}

customElements.define("behavior-search", BehaviorSearch);
