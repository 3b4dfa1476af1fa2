/**
 * The <roadmap-builder> element: glues the state (what is chosen and marked), the store (what
 * the browser keeps) and the view (what the page shows). See RoadmapBuilder.astro for its markup.
 */
import { parseRoadmapFile } from "../../lib/roadmap/parseRoadmapFile";
import {
  roadmapCategories,
  roadmapMismatch,
  roadmapStorageKey,
  type ComparisonData,
  type RoadmapCategory,
} from "../../lib/roadmap/roadmap";
import type { RoadmapState } from "../../lib/schemas/roadmap";
import type { ChangesSince, ReleaseChangesDocument } from "./changesSince";
import {
  marksElsewhere,
  releaseSummary,
  releaseUrl,
  reviewedRoadmap,
  roadmapRelease,
  type RoadmapReleases,
} from "./review";
import {
  allItems,
  choiceAfterChange,
  choiceIds,
  choiceQuery,
  comparisonUrl,
  hasProgress,
  initialChoice,
  isSameRoadmap,
  resolveChoice,
  roadmapFileName,
  roadmapJson,
  withAbsoluteLinks,
  withNote,
  withStatus,
  type Choice,
  type TrackChoice,
} from "./state";
import {
  readLastChoice,
  readRoadmap,
  removeRoadmap,
  writeLastChoice,
  writeRoadmap,
  type RoadmapStorage,
} from "./store";
import { download, RoadmapView } from "./view";

/**
 * localStorage, looked up on every call: where the browser blocks storage even reading
 * `localStorage` throws, and the store counts that as a refusal instead of breaking the page.
 */
const browserStorage: RoadmapStorage = {
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, value),
  removeItem: (key) => localStorage.removeItem(key),
};

/** A roadmap on the page: its track, the comparison it comes from and its categories. */
interface ShownRoadmap {
  track: TrackChoice;
  comparison: ComparisonData;
  categories: RoadmapCategory[];
}

/** What changed since a roadmap's release, once loaded: for that release and track. */
interface LoadedChanges {
  release: string;
  track: string;
  since: ChangesSince;
}

class RoadmapBuilder extends HTMLElement {
  private tracks: TrackChoice[] = [];
  private view!: RoadmapView;
  private roadmap!: RoadmapState;
  /** The comparison and categories of the roadmap shown; none while it loads or when it failed to. */
  private shown?: ShownRoadmap;
  private markdownExport?: Promise<typeof import("../../lib/roadmap/roadmapMarkdown")>;
  private releases!: RoadmapReleases;
  /** What changed since the shown roadmap's release, when it is older than the latest and loaded. */
  private changes?: LoadedChanges;
  /** Each release's changes, fetched once per page. */
  private documents = new Map<string, Promise<ReleaseChangesDocument>>();

  /** The handbook's latest release, which a new roadmap is written against. */
  private get latest(): string | undefined {
    return this.releases.names.at(-1);
  }

  connectedCallback() {
    this.tracks = JSON.parse(this.dataset.tracks!);
    this.releases = JSON.parse(this.dataset.releases!);
    this.view = new RoadmapView(this, JSON.parse(this.dataset.statusLabels!));
    this.view.reveal();
    this.choose(initialChoice(new URLSearchParams(location.search), readLastChoice(browserStorage)));

    this.view.onChoiceChange((changed) => this.choose(choiceAfterChange(changed, this.view.selected())));
    this.view.onAction((action) => this.act(action));
    this.view.onImport((text, fileName) => this.importFile(text, fileName));
    this.view.onStatusChange((id, status) => {
      this.update((roadmap) => withStatus(roadmap, id, status));
      this.view.showProgress(this.categories(), this.roadmap);
    });
    this.view.onNoteInput((id, note) => this.update((roadmap) => withNote(roadmap, id, note)));
    this.view.onReview(() => this.review());
    window.addEventListener("storage", (event) => {
      const { track, from, to, release } = this.roadmap;
      if (event.key === roadmapStorageKey(track, from, to) && this.shown) {
        // Another tab changed this roadmap: show its statuses and notes here too.
        this.roadmap = readRoadmap(browserStorage, track, from, to, this.latest);
        this.view.showStored(this.categories(), this.roadmap);
        // It was marked as reviewed there: what changed since is no longer marked here either.
        if (this.roadmap.release !== release) this.rerender();
      }
    });
  }

  private categories(): RoadmapCategory[] {
    return this.shown?.categories ?? [];
  }

  /**
   * Applies one change to the stored roadmap as it is now, not to this page's copy: another
   * tab may have changed other behaviors of the same roadmap since this page loaded it.
   */
  private update(change: (roadmap: RoadmapState) => RoadmapState) {
    const { track, from, to } = this.roadmap;
    const current = change(readRoadmap(browserStorage, track, from, to, this.latest));
    this.roadmap = change(this.roadmap);
    if (!writeRoadmap(browserStorage, current)) {
      this.view.say(
        "This browser refuses to keep the roadmap (its storage is full or blocked): export it before leaving.",
      );
    }
  }

  /** Shows the track and pair of levels asked for (as far as they exist), then loads that roadmap. */
  private choose(asked: Choice) {
    const resolved = resolveChoice(this.tracks, asked);
    const choice = choiceIds(resolved);
    this.view.showChoice(resolved);
    history.replaceState(null, "", `${location.pathname}?${choiceQuery(choice)}`);
    writeLastChoice(browserStorage, choice);
    this.roadmap = readRoadmap(browserStorage, choice.track, choice.from, choice.to, this.latest);
    // Nothing of the previous pair may be exported or cleared while this one loads.
    this.shown = undefined;
    this.changes = undefined;
    this.view.say("");
    this.load(resolved.track, choice);
  }

  private async load(track: TrackChoice, choice: Choice) {
    this.view.showLoading();
    try {
      const response = await fetch(comparisonUrl(this.dataset.compareUrl!, choice));
      if (!response.ok) throw new Error(String(response.status));
      const comparison: ComparisonData = await response.json();
      // The reader chose another pair while this one loaded.
      if (!isSameRoadmap(this.roadmap, choice)) return;
      const categories = roadmapCategories(comparison, track.sharedTitle ?? undefined);
      this.shown = { track, comparison, categories };
      this.view.render(track, comparison, categories, this.roadmap);
      this.loadMarkdownExport().catch(() => undefined);
    } catch {
      this.view.showLoadFailure();
      return;
    }
    await this.showRelease();
  }

  /** Renders the roadmap shown again, with what changed since its release when that is loaded. */
  private rerender() {
    if (!this.shown) return;
    const { track, comparison, categories } = this.shown;
    this.view.render(track, comparison, categories, this.roadmap);
    this.showRelease().catch(() => undefined);
  }

  /**
   * Says which release the roadmap was written against and, when it is older than the latest,
   * marks what changed in its behaviors since: loaded from the changes of each release after
   * it, with the code that composes them, only then.
   */
  private async showRelease() {
    const status = roadmapRelease(this.roadmap, this.releases.names);
    // An older roadmap is reviewed only once its changes are loaded: marking it reviewed moves
    // marks kept under old ids to the ids they lead to now, which the changes tell.
    const reviewable = status.state !== "none" && status.state !== "latest" && status.state !== "older";
    this.view.showRelease(releaseSummary(status), reviewable);
    this.view.showElsewhere([], "");
    if (status.state !== "older" || !this.shown) return;
    const roadmap = this.roadmap;
    const { track } = roadmap;
    try {
      if (this.changes?.release !== status.release || this.changes.track !== track) {
        const [{ changesSince }, documents] = await Promise.all([
          import("./changesSince"),
          Promise.all(status.after.map((release) => this.releaseChanges(release))),
        ]);
        this.changes = { release: status.release, track, since: changesSince(documents, track) };
      }
    } catch {
      if (this.roadmap === roadmap)
        this.view.showRelease(`${releaseSummary(status)} What changed since could not be loaded.`, false);
      return;
    }
    // The reader chose another roadmap, or marked this one as reviewed, meanwhile.
    if (this.roadmap.release !== status.release || !isSameRoadmap(this.roadmap, roadmap) || !this.shown)
      return;
    const { since } = this.changes;
    const shown = new Set(allItems(this.shown.categories).map((item) => item.id));
    const changed = [...shown].filter((id) => since.behaviors.has(id)).length;
    this.view.showRelease(releaseSummary(status, changed), true);
    this.view.markChanges(since.behaviors, status.release, this.roadmap);
    this.view.showElsewhere(marksElsewhere(this.roadmap, shown, since), status.release);
  }

  /** What changed in one release, as its API document; fetched once, tried again after a failure. */
  private releaseChanges(release: string): Promise<ReleaseChangesDocument> {
    let document = this.documents.get(release);
    if (!document) {
      document = fetch(releaseUrl(this.releases.apiUrl, release)).then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json() as Promise<ReleaseChangesDocument>;
      });
      document.catch(() => this.documents.delete(release));
      this.documents.set(release, document);
    }
    return document;
  }

  /**
   * Marks the roadmap as reviewed: written against the latest release from now on, its marks
   * under ids that lead elsewhere now brought to those behaviors (see `reviewedRoadmap`).
   */
  private review() {
    const latest = this.latest;
    if (!latest || !this.shown) return;
    const since = this.changes?.since;
    this.update((roadmap) => reviewedRoadmap(roadmap, latest, since));
    this.changes = undefined;
    this.rerender();
    this.view.say(`Marked as reviewed: this roadmap is written against release ${latest} now.`);
  }

  /**
   * The Markdown export, whose serializer weighs more than the rest of the page's script: it
   * is loaded once a roadmap shows, so the page does not wait for it and it is there by the
   * time the reader exports. A failed load is tried again on the next call.
   */
  private loadMarkdownExport() {
    this.markdownExport ??= import("../../lib/roadmap/roadmapMarkdown").catch((error: unknown) => {
      this.markdownExport = undefined;
      throw error;
    });
    return this.markdownExport;
  }

  /** The roadmap shown as Markdown, or undefined (and the reader told) if the export cannot load. */
  private async markdown(shown: ShownRoadmap): Promise<string | undefined> {
    const roadmap = this.roadmap;
    const loaded = await this.loadMarkdownExport().catch(() => undefined);
    if (!loaded) {
      this.view.say("Could not export Markdown: this page could not load it. Reload the page and try again.");
      return undefined;
    }
    const { track, comparison, categories } = shown;
    // Absolute links, so they work pasted into any document.
    // The release's page, when this handbook has it: the one link that says what the roadmap meant then.
    const releasePage = this.releases.names.includes(roadmap.release ?? "")
      ? (release: string) => new URL(releaseUrl(this.releases.pageUrl, release), location.href).href
      : undefined;
    return loaded.roadmapMarkdown(
      comparison,
      withAbsoluteLinks(categories, location.href),
      roadmap,
      track.title,
      releasePage,
    );
  }

  private async act(action: string) {
    if (!this.shown) return;
    const { track, comparison, categories } = this.shown;
    const name = roadmapFileName(this.roadmap);
    if (action === "markdown") {
      const markdown = await this.markdown(this.shown);
      if (markdown === undefined) return;
      download(`${name}.md`, "text/markdown", markdown);
      this.view.say("Markdown roadmap downloaded.");
    } else if (action === "copy") {
      const markdown = await this.markdown(this.shown);
      if (markdown === undefined) return;
      await navigator.clipboard.writeText(markdown).then(
        () => this.view.say("Markdown roadmap copied."),
        () => this.view.say("Could not copy: use Export Markdown instead."),
      );
    } else if (action === "json") {
      download(`${name}.json`, "application/json", roadmapJson(this.roadmap));
      this.view.say("Roadmap downloaded as JSON.");
    } else if (action === "print") {
      window.print();
    } else if (
      action === "clear" &&
      confirm("Clear every status and note of this roadmap? This cannot be undone.")
    ) {
      const { from, to } = this.roadmap;
      removeRoadmap(browserStorage, track.id, from, to);
      this.roadmap = readRoadmap(browserStorage, track.id, from, to, this.latest);
      this.view.render(track, comparison, categories, this.roadmap);
      this.showRelease().catch(() => undefined);
      this.view.say("Roadmap cleared.");
    }
  }

  private importFile(text: string, fileName: string) {
    const result = parseRoadmapFile(text, fileName);
    if ("error" in result) {
      this.view.say(`Not imported. ${result.error}`);
      return;
    }
    const { roadmap } = result;
    const mismatch = roadmapMismatch(this.tracks, roadmap);
    if (mismatch) {
      this.view.say(`Not imported: ${mismatch}`);
      return;
    }
    const track = this.tracks.find((t) => t.id === roadmap.track)!;
    const existing = readRoadmap(browserStorage, roadmap.track, roadmap.from, roadmap.to, this.latest);
    if (
      hasProgress(existing) &&
      !confirm(
        `Replace the ${track.shortTitle} roadmap from ${roadmap.from} to ${roadmap.to} kept in this browser?`,
      )
    ) {
      this.view.say("Not imported: the roadmap in this browser is kept.");
      return;
    }
    if (!writeRoadmap(browserStorage, roadmap)) {
      this.view.say(
        "Not imported: this browser refuses to keep the roadmap (its storage is full or blocked).",
      );
      return;
    }
    this.choose(roadmap);
    this.view.say(`Imported the ${track.shortTitle} roadmap from ${fileName}.`);
  }
}

customElements.define("roadmap-builder", RoadmapBuilder);
