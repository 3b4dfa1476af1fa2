import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type {
  DraftText,
  DraftTrack,
  ImportInput,
  Misfit,
  ShapeReading,
  SourcePlace,
} from "../../../src/lib/import/draft";
import { draftPlaces } from "../../../src/lib/import/draft";
import type { MatrixReading } from "../../../src/lib/import/tables/gridMatrix";
import { formatPlace } from "../../../src/lib/import/draft";
import { SourceText } from "../../../src/lib/import/sourceText";

/** The fixtures of the table readers. */
export const TABLES = "tests/fixtures/import/tables";

export function fixture(name: string): string {
  return readFileSync(join(TABLES, name), "utf8");
}

/** A fixture as the importer is given it, under the name the user would give (`as`). */
export function fixtureInput(name: string, as = join(TABLES, name)): ImportInput {
  return { path: as, isFolder: false, files: [{ path: as, bytes: readFileSync(join(TABLES, name)) }] };
}

export function fitting<T extends ShapeReading>(reading: T | Misfit): T {
  if ("misfit" in reading) throw new Error(`expected a reading, got the misfit: ${reading.misfit}`);
  return reading;
}

/** Every text of a draft with what it is, walked here rather than by `draftPlaces`, to check its texts. */
export function draftTexts(draft: DraftTrack): { as: string; text: DraftText }[] {
  const texts: { as: string; text: DraftText }[] = [];
  const add = (as: string, text: DraftText | null | undefined) => text && texts.push({ as, text });
  add("title", draft.title);
  add("description", draft.description);
  for (const category of draft.categories) {
    add("category", category);
    add("category description", category.description);
  }
  const groups = [...(draft.shared?.groups ?? []), ...draft.levels.flatMap((level) => level.groups)];
  add("shared", draft.shared?.title);
  for (const level of draft.levels) {
    add("level", level.heading);
    add("summary", level.summary);
    for (const fact of level.facts) add("fact", { text: fact.value, at: fact.at });
  }
  for (const group of groups) {
    add("category", group.category);
    for (const behavior of group.behaviors) {
      add("behavior", behavior);
      for (const example of behavior.examples) add("example", example);
    }
  }
  return texts;
}

/** Checks every text of the draft is the source's own text where it says it starts. */
export function expectVerbatim(draft: DraftTrack, source: string, file: string) {
  const text = new SourceText(source, file);
  for (const { as, text: item } of draftTexts(draft)) {
    expect(item.at.file).toBe(file);
    const offset = text.offsetOf(item.at);
    expect(source.slice(offset, offset + item.text.length), `${as} at ${formatPlace(item.at)}`).toBe(
      item.text,
    );
  }
}

/** The places a reading accounts for: taken (in the draft), lost, or read as labels. */
export function accountedPlaces(reading: MatrixReading): Map<string, string> {
  const places = new Map<string, string>();
  for (const { at, as } of draftPlaces(reading.draft)) places.set(formatPlace(at), as);
  for (const loss of reading.losses) places.set(formatPlace(loss.at), `loss: ${loss.why}`);
  for (const label of reading.held) places.set(formatPlace(label.at), `label: ${label.as}`);
  return places;
}

export function offsetIn(source: SourceText, at: SourcePlace): number {
  return source.offsetOf(at);
}

/** The support track of `data/`, as the comparison needs it. */
export function supportData() {
  const dir = "data/support";
  const track = JSON.parse(readFileSync(join(dir, "track.json"), "utf8"));
  const levels = readdirSync(join(dir, "levels"))
    .map((name) => JSON.parse(readFileSync(join(dir, "levels", name), "utf8")))
    .sort((a, b) => a.order - b.order);
  return { track, levels };
}

/**
 * A behavior's words as `data/` keeps them: its author dropped the links (`[text](url)` → text)
 * and set apostrophes as the rendered page shows them (’).
 */
export function asInData(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/'/g, "’")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Checks a reading of the support framework's published table against `data/support`, which was
 * made from the same page: the levels (codes), the categories, every behavior's words by level
 * and category, and each summary (which the page follows with the level's job title).
 */
export function expectSupportFramework(draft: DraftTrack) {
  const { track, levels } = supportData();
  expect(draft.categories.map((category) => category.text)).toEqual(
    track.categories.map((category: { title: string }) => category.title),
  );
  expect(draft.levels.map((level) => level.heading.text)).toEqual(levels.map((level) => level.code));
  levels.forEach((level, index) => {
    const read = draft.levels[index];
    expect(asInData(read.summary?.text ?? "").replace(/\.$/, "")).toBe(`${level.summary} ${level.title}`);
    for (const category of track.categories as { id: string; title: string }[]) {
      const expected = (level.behaviors?.[category.id] ?? []).map(
        (behavior: { text: string }) => behavior.text,
      );
      const group = read.groups.find((candidate) => candidate.category?.text === category.title);
      expect(
        group?.behaviors.map((behavior) => asInData(behavior.text)) ?? [],
        `${level.code} ${category.title}`,
      ).toEqual(expected);
    }
  });
}
