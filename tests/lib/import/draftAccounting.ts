/**
 * Independent walks of a source (its YAML, its Markdown body) that list every item the
 * reading does not account for, so the YAML and front-matter tests check "nothing lost"
 * without trusting the readers' own bookkeeping.
 */
import type { Nodes, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit as visitMarkdown } from "unist-util-visit";
import { expect } from "vitest";
import { isScalar, LineCounter, parseDocument, visit, type Scalar } from "yaml";
import {
  draftPlaces,
  type DraftGroup,
  type DraftText,
  type DraftTrack,
  type ShapeReading,
  type SourcePlace,
} from "../../../src/lib/import/draft";

export const placeKey = (at: SourcePlace) => `${at.file}:${at.line}:${at.column}`;

/** Every text of a draft by its place (facts by their value), checked against `draftPlaces`. */
export function placedTexts(draft: DraftTrack): Map<string, string> {
  const placed = new Map<string, string>();
  const add = (item: DraftText | null | undefined) => item && placed.set(placeKey(item.at), item.text);
  const addGroups = (groups: DraftGroup[]) => {
    for (const group of groups) {
      add(group.category);
      for (const behavior of group.behaviors) {
        add(behavior);
        behavior.examples.forEach(add);
      }
    }
  };
  add(draft.title);
  add(draft.description);
  for (const category of draft.categories) {
    add(category);
    add(category.description);
  }
  for (const level of draft.levels) {
    add(level.heading);
    add(level.summary);
    for (const fact of level.facts) placed.set(placeKey(fact.at), fact.value);
    addGroups(level.groups);
  }
  if (draft.shared) {
    add(draft.shared.title);
    addGroups(draft.shared.groups);
  }
  for (const page of draft.prose) add(page.title);
  expect(new Set(draftPlaces(draft).map(({ at }) => placeKey(at)))).toEqual(new Set(placed.keys()));
  return placed;
}

/** A page's text with everything but its front matter blanked (line breaks kept), found by its `---` lines. */
export function frontMatterOnly(page: string): string {
  const lines = page.split("\n");
  const close = lines[0] === "---" ? lines.indexOf("---", 1) : -1;
  return lines.map((line, index) => (index > 0 && index < close ? line : "")).join("\n");
}

/** A page's text with its front matter blanked (line breaks kept). */
export function bodyOnly(page: string): string {
  const lines = page.split("\n");
  const close = lines[0] === "---" ? lines.indexOf("---", 1) : -1;
  return lines.map((line, index) => (index <= close ? "" : line)).join("\n");
}

/** Field names the fixtures use as keys (structure, not text). */
const FIELDS = new Set(
  "title name description summary topics categories levels level criteria criterion text examples content exampleCriteria id code order weight facts competencies areas area category years cumulative".split(
    " ",
  ),
);
/** Keys whose values are structure: a reference to a level or category, an id, an order. */
const REFERENCES = new Set("level area category id code order weight name title levels".split(" "));

/**
 * The scalars of a file's YAML (`yaml`: the file's text with anything that is not YAML blanked)
 * that the reading does not account for: each must be a text of the draft at its place (equal
 * to the scalar's decoded value, which this checks), a loss, under a warned key, or structure
 * (a field name, a value naming a level or category, an id, an order, a fact's label).
 */
export function unaccountedScalars(file: string, yaml: string, reading: ShapeReading): string[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter });
  const placeOf = (node: Scalar) => {
    const { line, col } = lineCounter.linePos(node.range![0]);
    return placeKey({ file, line, column: col });
  };
  const valueOf = (node: Scalar) =>
    typeof node.value === "string" ? node.value.trim() : node.value === null ? "" : String(node.source);

  const { draft, losses, warnings } = reading;
  const placed = placedTexts(draft);
  const lost = new Set(losses.map(({ at }) => placeKey(at)));
  const warned = new Set(warnings.map(({ at }) => placeKey(at)));
  const names = new Set<string>();
  const addName = (name: unknown) => name !== undefined && names.add(String(name).toLowerCase());
  for (const level of draft.levels) {
    [level.heading.text, level.code, level.title, level.id, level.order].forEach(addName);
    for (const group of level.groups) for (const behavior of group.behaviors) addName(behavior.id);
  }
  for (const category of draft.categories) [category.text, category.id].forEach(addName);
  const factLabels = new Set(draft.levels.flatMap((level) => level.facts.map((fact) => fact.label)));

  const unaccounted: string[] = [];
  const checkValue = (node: Scalar, keyText?: string) => {
    const value = valueOf(node);
    const place = placeOf(node);
    if (!value || lost.has(place)) return;
    if (placed.has(place)) return expect(placed.get(place), place).toBe(value);
    const structure =
      (keyText === undefined || REFERENCES.has(keyText)) &&
      (names.has(value.toLowerCase()) || (keyText !== undefined && typeof node.value === "number"));
    if (!structure && typeof node.value !== "boolean") unaccounted.push(`${place} ${value}`);
  };
  visit(doc, {
    Pair: (_, pair) => {
      if (!isScalar(pair.key)) return;
      const keyText = valueOf(pair.key);
      const keyPlace = placeOf(pair.key);
      if (warned.has(keyPlace)) return visit.SKIP;
      const under: Scalar[] = [];
      if (isScalar(pair.value)) under.push(pair.value);
      else if (pair.value) visit(pair.value as never, { Scalar: (_k, scalar) => void under.push(scalar) });
      const keyAccounted =
        FIELDS.has(keyText) ||
        names.has(keyText.toLowerCase()) ||
        factLabels.has(keyText) ||
        placed.has(keyPlace) ||
        lost.has(keyPlace) ||
        under.some((scalar) => lost.has(placeOf(scalar)));
      if (!keyAccounted) unaccounted.push(`key ${keyPlace} ${keyText}`);
      if (isScalar(pair.value)) checkValue(pair.value, keyText);
    },
    Seq: (_, seq) => {
      for (const item of seq.items) if (isScalar(item)) checkValue(item);
    },
  });
  // No text was left for the reader's last resort: each loss says which key under what.
  for (const loss of losses) expect(loss.why).not.toMatch(/no structure of a framework/);
  return unaccounted;
}

/**
 * The blocks and list items of a page's body (`body`: its text with the front matter blanked)
 * that the reading does not account for: a prose page accounts for its whole body; otherwise a
 * heading, a paragraph or a list item needs a text of the draft or a loss starting on its
 * first line (a paragraph: on any of its lines), other blocks a loss, and a `#` heading that
 * repeats its level's name is that name. An HTML comment is not content: it needs nothing.
 */
export function unaccountedBlocks(file: string, body: string, reading: ShapeReading): string[] {
  const { draft, losses } = reading;
  if (draft.prose.some((page) => page.title.at.file === file)) return [];
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  const places = [...placedTexts(draft).keys(), ...losses.map(({ at }) => placeKey(at))]
    .filter((key) => key.startsWith(`${file}:`))
    .map((key) =>
      key
        .slice(file.length + 1)
        .split(":")
        .map(Number),
    );
  const levelNames = new Set(
    [...draft.levels.map((level) => level.heading), ...(draft.shared ? [draft.shared.title] : [])]
      .filter((text) => text.at.file === file)
      .map((text) => text.text),
  );
  const unaccounted: string[] = [];
  const startsOn = (node: Nodes, lastLine = node.position!.start.line) =>
    places.some(
      ([line, column]) =>
        line >= node.position!.start.line &&
        line <= lastLine &&
        (line > node.position!.start.line || column >= node.position!.start.column),
    );
  visitMarkdown(tree, (node, _index, parent) => {
    if (node.type === "root" || node.type === "thematicBreak") return;
    if (node.type === "list") return;
    // An HTML comment is not content: no reader sees it, so it is neither taken nor reported.
    if (node.type === "html" && /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(node.value)) return "skip";
    const where = `${file}:${node.position!.start.line}:${node.position!.start.column} ${node.type}`;
    if (node.type === "listItem") {
      if (!startsOn(node)) unaccounted.push(where);
      return;
    }
    if (parent?.type === "listItem" || parent?.type === "tableRow" || parent?.type === "table") return "skip";
    if (node.type === "heading") {
      if (!startsOn(node) && !levelNames.has(toString(node))) unaccounted.push(where);
      return "skip";
    }
    if (node.type === "paragraph") {
      if (!startsOn(node, node.position!.end.line)) unaccounted.push(where);
      return "skip";
    }
    if (parent?.type === "root") {
      if (!startsOn(node)) unaccounted.push(where);
      return "skip";
    }
  });
  return unaccounted;
}
