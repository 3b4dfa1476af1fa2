/**
 * The roadmap builder's DOM: fills the selects, renders the roadmap and its progress from the
 * state, and turns the reader's clicks and typing into calls with ids and values. Every text
 * from the data is set as text, never parsed as HTML.
 */
import {
  noteOf,
  progressOf,
  statusOf,
  type ComparisonData,
  type RoadmapCategory,
  type RoadmapItem,
} from "../../lib/roadmap/roadmap";
import { examplesView } from "../../lib/handbook/behaviorExamples";
import { groupCategories } from "../../lib/handbook/categoryGroups";
import { ELEMENT_IDS } from "../../lib/links/urls";
import type { WordChange } from "../../lib/compare/wordDiff";
import type { BehaviorChange, ChangedItem } from "./changesSince";
import {
  carriedMarks,
  carriedMarkText,
  changeNotes,
  elsewhereText,
  type ChangeNote,
  type MarkElsewhere,
} from "./review";
import { inlineDomNodes } from "../inlineNodes";
import type { InlineNode } from "../../lib/text/inlineTree";
import { ROADMAP_STATUSES, type RoadmapStatus } from "../../lib/roadmap/roadmapStatuses";
import { NOTE_MAX_LENGTH, type RoadmapState } from "../../lib/schemas/roadmap";
import {
  allItems,
  levelOptions,
  progressText,
  type Choice,
  type ChoiceName,
  type LevelOption,
  type ResolvedChoice,
  type TrackChoice,
} from "./state";

/** A new element, with a class and text if given. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/** Offers a file for download, as an export button does. */
export function download(name: string, type: string, content: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Later, not now: the browser may still be reading the file when click() returns.
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/**
 * A word diff as one paragraph, each piece as written: removed words in <del>, added ones in
 * <ins>, so the old wording reads without the <ins> and the new one without the <del>.
 */
export function diffParagraph(diff: readonly WordChange[]): HTMLParagraphElement {
  const paragraph = element("p", "roadmap-diff diff");
  paragraph.append(
    ...diff.map((piece) =>
      piece.change === "same"
        ? piece.value
        : element(piece.change === "removed" ? "del" : "ins", undefined, piece.value),
    ),
  );
  return paragraph;
}

/** The behavior id of the roadmap item an event happened in. */
const itemId = (target: Element) => target.closest<HTMLElement>("[data-id]")!.dataset.id!;

/** The markup of one <roadmap-builder>, rendered and wired. */
export class RoadmapView {
  private readonly form: HTMLElement;
  private readonly body: HTMLElement;
  private readonly message: HTMLElement;

  /**
   * @param root the <roadmap-builder> element, with the markup of RoadmapBuilder.astro
   * @param labels how each status reads
   */
  constructor(
    private readonly root: HTMLElement,
    private readonly labels: Record<RoadmapStatus, string>,
  ) {
    this.form = root.querySelector(".roadmap-choice")!;
    this.body = root.querySelector(".roadmap-body")!;
    this.message = root.querySelector(".roadmap-message")!;
  }

  /** Shows the builder, and hides the page's notice for browsers without JavaScript. */
  reveal(): void {
    this.root.hidden = false;
    for (const notice of document.querySelectorAll<HTMLElement>(".roadmap-needs-js")) notice.hidden = true;
  }

  private select(name: ChoiceName): HTMLSelectElement {
    return this.form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  }

  /** What the three selects say now. */
  selected(): Choice {
    return {
      track: this.select("track").value,
      from: this.select("from").value,
      to: this.select("to").value,
    };
  }

  /** Sets the selects to a track and pair of levels, each level select offering only what fits. */
  showChoice(choice: ResolvedChoice): void {
    const option = ({ id, label, disabled }: LevelOption) => {
      const created = element("option", undefined, label);
      created.value = id;
      created.disabled = disabled;
      return created;
    };
    const options = levelOptions(choice);
    this.select("track").value = choice.track.id;
    this.select("from").replaceChildren(...options.from.map(option));
    this.select("to").replaceChildren(...options.to.map(option));
    this.select("from").selectedIndex = choice.fromIndex;
    this.select("to").selectedIndex = choice.toIndex;
  }

  /** Says something in the status line (empty clears it). */
  say(text: string): void {
    this.message.textContent = text;
  }

  /** Stands in for the roadmap while its comparison loads. */
  showLoading(): void {
    this.body.replaceChildren(element("p", "muted", "Loading…"));
  }

  /** Says the comparison failed to load, in place of the roadmap. */
  showLoadFailure(): void {
    this.body.replaceChildren(
      element("p", "notice", "This comparison could not be loaded. Reload the page to try again."),
    );
  }

  /** Renders a whole roadmap: its title, each category's behaviors with their status and note, the progress. */
  render(
    track: TrackChoice,
    comparison: ComparisonData,
    categories: RoadmapCategory[],
    roadmap: RoadmapState,
  ) {
    const { from, to } = comparison;
    this.root.querySelector(`#${ELEMENT_IDS.roadmapTitle}`)!.textContent =
      `${track.shortTitle}: from ${from.code} to ${to.code}`;
    // A track's category groups head their categories, which take the next heading level.
    const sections = groupCategories(categories, (category) => category.group).flatMap(({ group, items }) => {
      const inGroup = group !== null;
      const categorySections = items.map((category) =>
        this.renderCategory(category, to.code, roadmap, inGroup),
      );
      if (!inGroup) return categorySections;
      const groupSection = element("section", "category-group");
      groupSection.append(element("h2", "category-group-title", group), ...categorySections);
      return [groupSection];
    });
    this.body.replaceChildren(...sections);
    this.showProgress(categories, roadmap);
  }

  /** A category of the roadmap with its behaviors; headed at h2, or h3 in a group. */
  private renderCategory(
    category: RoadmapCategory,
    toCode: string,
    roadmap: RoadmapState,
    inGroup: boolean,
  ): HTMLElement {
    const [headingTag, listHeadingTag] = inGroup ? (["h3", "h4"] as const) : (["h2", "h3"] as const);
    const section = element("section", "roadmap-category");
    section.dataset.category = category.id;
    const heading = element(headingTag, undefined, category.title);
    const bar = element("progress");
    bar.max = 1;
    section.append(heading, element("p", "category-progress"), bar);
    if (category.growInto.length) {
      const list = element("ul", "roadmap-items");
      list.append(...category.growInto.map((item) => this.renderItem(item, roadmap)));
      section.append(
        element(listHeadingTag, undefined, `To grow into at ${toCode} (${category.growInto.length})`),
        list,
      );
    }
    if (category.keep.length) {
      const list = element("ul", "roadmap-items");
      list.append(...category.keep.map((item) => this.renderItem(item, roadmap)));
      section.append(element(listHeadingTag, undefined, `Still expected (${category.keep.length})`), list);
    }
    return section;
  }

  private renderItem(item: RoadmapItem, roadmap: RoadmapState): HTMLLIElement {
    const entry = element("li", "roadmap-item");
    entry.dataset.id = item.id;
    const text = element("p", "roadmap-text");
    const link = element("a");
    link.append(...inlineDomNodes<Node>(item.nodes, document));
    link.href = item.url;
    text.append(link);
    if (item.kind !== "kept") text.append(" ", element("span", "tag", item.kind === "new" ? "new" : "grows"));
    entry.append(text);
    if (item.beforeNodes) {
      const before = element("p", "roadmap-before muted", "Now: ");
      before.append(...inlineDomNodes<Node>(item.beforeNodes, document));
      entry.append(before);
    }
    if (item.examples.length > 0) entry.append(this.renderExamples(item.examples));
    const statuses = element("fieldset", "roadmap-status");
    statuses.append(element("legend", "visually-hidden", `Status of: ${item.text}`));
    for (const status of ROADMAP_STATUSES) {
      const label = element("label");
      const radio = element("input");
      radio.type = "radio";
      radio.name = `status-${item.id}`;
      radio.value = status;
      radio.checked = statusOf(roadmap, item.id) === status;
      label.append(radio, ` ${this.labels[status]}`);
      statuses.append(label);
    }
    entry.append(statuses, element("p", "print-status"));
    const noteLabel = element("label", "roadmap-note");
    const area = element("textarea");
    area.rows = 2;
    // What the roadmap schema accepts: a longer note would be dropped when the roadmap is read back.
    area.maxLength = NOTE_MAX_LENGTH;
    area.placeholder = "Notes and evidence";
    area.value = noteOf(roadmap, item.id);
    noteLabel.append(element("span", "visually-hidden", `Note on: ${item.text}`), area);
    // Printed in place of the textarea, which the print styles hide with the other controls.
    entry.append(noteLabel, element("p", "print-note", area.value));
    return entry;
  }

  /** A behavior's examples, folded as on the level page when there are many (see `examplesView`). */
  private renderExamples(examples: InlineNode[][]): HTMLElement {
    const view = examplesView(examples)!;
    const list = element("ul");
    list.append(
      ...examples.map((example) => {
        const entry = element("li");
        entry.append(...inlineDomNodes<Node>(example, document));
        return entry;
      }),
    );
    if (!view.collapsed) {
      list.className = "examples";
      list.setAttribute("aria-label", view.label);
      return list;
    }
    const details = element("details", "examples");
    details.append(element("summary", undefined, view.label), list);
    return details;
  }

  /** Updates the overall and per-category progress (counts and bars) and each printed status. */
  showProgress(categories: RoadmapCategory[], roadmap: RoadmapState): void {
    const overall = progressOf(allItems(categories), roadmap);
    this.root.querySelector(".roadmap-overall")!.textContent = `${progressText(overall)}.`;
    const bar = this.root.querySelector<HTMLProgressElement>(".roadmap-bar")!;
    bar.value = overall.share;
    bar.setAttribute("aria-label", `Overall: ${progressText(overall)}`);
    for (const category of categories) {
      const section = this.body.querySelector(`[data-category="${CSS.escape(category.id)}"]`);
      if (!section) continue;
      const progress = progressOf(allItems([category]), roadmap);
      section.querySelector(".category-progress")!.textContent = `${progressText(progress)}.`;
      const categoryBar = section.querySelector<HTMLProgressElement>("progress")!;
      categoryBar.value = progress.share;
      categoryBar.setAttribute("aria-label", `${category.title}: ${progressText(progress)}`);
    }
    for (const item of this.body.querySelectorAll<HTMLElement>("[data-id]")) {
      item.querySelector(".print-status")!.textContent = this.labels[statusOf(roadmap, item.dataset.id!)];
    }
  }

  /**
   * Shows the statuses and notes of a roadmap changed elsewhere (another tab) on the items
   * already rendered; a note being typed here is left as it is.
   */
  showStored(categories: RoadmapCategory[], roadmap: RoadmapState): void {
    for (const item of this.body.querySelectorAll<HTMLElement>("[data-id]")) {
      const id = item.dataset.id!;
      const status = statusOf(roadmap, id);
      for (const radio of item.querySelectorAll<HTMLInputElement>('input[type="radio"]'))
        radio.checked = radio.value === status;
      const area = item.querySelector("textarea")!;
      if (document.activeElement !== area) area.value = noteOf(roadmap, id);
      item.querySelector(".print-note")!.textContent = area.value;
    }
    this.showProgress(categories, roadmap);
  }

  /**
   * Says which release the roadmap was written against, and offers to mark it as reviewed
   * (written against the latest from now on) when it is not the latest.
   */
  showRelease(text: string, reviewable: boolean): void {
    const line = this.root.querySelector<HTMLElement>(".roadmap-release")!;
    line.hidden = text === "";
    line.querySelector(".roadmap-release-text")!.textContent = text;
    line.querySelector<HTMLButtonElement>("button[data-review]")!.hidden = !reviewable;
  }

  /**
   * Marks each behavior shown that changed since `release` with what changed (the word diff of
   * its wording, where it moved from, what was merged into it or split off it, what was removed
   * into it) and the marks the roadmap keeps for it under its ids then; clears earlier marks.
   */
  markChanges(changes: ReadonlyMap<string, BehaviorChange>, release: string, roadmap: RoadmapState): void {
    for (const old of this.body.querySelectorAll(".roadmap-change")) old.remove();
    for (const item of this.body.querySelectorAll<HTMLElement>("[data-id]")) {
      const change = changes.get(item.dataset.id!);
      if (!change) continue;
      const block = element("div", "roadmap-change");
      block.append(
        element("p", "roadmap-change-title", `Changed since ${release}: ${change.kinds.join(", ")}`),
      );
      block.append(...changeNotes(change, release).map((note) => this.renderNote(note)));
      for (const mark of carriedMarks(roadmap, change)) {
        block.append(element("p", undefined, carriedMarkText(mark, roadmap, change.id)));
        if (mark.note !== undefined) block.append(element("blockquote", "roadmap-old-note", mark.note));
      }
      // After the behavior's words, before its status: what changed is part of what it asks.
      item.querySelector(".roadmap-status")!.before(block);
    }
  }

  /** Lists the marks the roadmap keeps for behaviors that changed and are no longer on it. */
  showElsewhere(marks: readonly MarkElsewhere[], release: string): void {
    const section = this.root.querySelector<HTMLElement>(".roadmap-elsewhere")!;
    section.hidden = marks.length === 0;
    if (marks.length === 0) {
      section.replaceChildren();
      return;
    }
    const list = element("ul");
    list.append(
      ...marks.map((mark) => {
        const entry = element("li", undefined, elsewhereText(mark, release));
        if (mark.note !== undefined) entry.append(element("blockquote", "roadmap-old-note", mark.note));
        return entry;
      }),
    );
    section.replaceChildren(
      element(
        "p",
        undefined,
        `Marked in this roadmap, and changed since ${release} into behaviors it no longer holds:`,
      ),
      list,
    );
  }

  /** One line of what changed: words, then the word diff or the behaviors it names. */
  private renderNote(note: ChangeNote): HTMLElement {
    const paragraph = element("p", undefined, note.text);
    if (!note.diff && !note.items) return paragraph;
    const block = element("div");
    block.append(paragraph);
    if (note.diff) block.append(diffParagraph(note.diff));
    if (note.items) {
      const list = element("ul", "roadmap-change-items");
      list.append(
        ...note.items.map((item: ChangedItem) =>
          element("li", undefined, `“${item.text}” (${item.id}, ${item.where})`),
        ),
      );
      block.append(list);
    }
    return block;
  }

  /** Calls back when the reader marks the roadmap as reviewed. */
  onReview(handler: () => void): void {
    this.root.querySelector("button[data-review]")!.addEventListener("click", () => handler());
  }

  /** Calls back with the name of the select the reader changed. */
  onChoiceChange(handler: (changed: ChoiceName) => void): void {
    this.form.addEventListener("change", (event) =>
      handler((event.target as HTMLSelectElement).name as ChoiceName),
    );
  }

  /** Calls back with the action of the button clicked: "markdown", "copy", "json", "print" or "clear". */
  onAction(handler: (action: string) => void): void {
    this.root.querySelector(".roadmap-actions")!.addEventListener("click", (event) => {
      const action = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-action]")?.dataset
        .action;
      if (action) handler(action);
    });
  }

  /** Calls back with the text and name of the file chosen to import, then empties the input for the next one. */
  onImport(handler: (text: string, fileName: string) => void): void {
    const input = this.root.querySelector<HTMLInputElement>('input[name="import"]')!;
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      if (!file) return;
      const text = await file.text();
      input.value = "";
      handler(text, file.name);
    });
  }

  /** Calls back with the behavior and status the reader marked. */
  onStatusChange(handler: (id: string, status: RoadmapStatus) => void): void {
    this.body.addEventListener("change", (event) => {
      const input = event.target as HTMLInputElement;
      if (input.type === "radio") handler(itemId(input), input.value as RoadmapStatus);
    });
  }

  /** Calls back with the behavior and note as the reader types, and keeps its printed copy in step. */
  onNoteInput(handler: (id: string, note: string) => void): void {
    this.body.addEventListener("input", (event) => {
      const area = event.target as HTMLTextAreaElement;
      if (area.tagName !== "TEXTAREA") return;
      handler(itemId(area), area.value);
      area.closest("li")!.querySelector(".print-note")!.textContent = area.value;
    });
  }
}
