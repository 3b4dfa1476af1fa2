import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument, stringify, visit } from "yaml";
import {
  isMisfit,
  type DraftGroup,
  type ImportInput,
  type ShapeReading,
  type SourcePlace,
} from "../../../src/lib/import/draft";
import { yamlShape } from "../../../src/lib/import/shapes/yaml";
import { frontMatterOnly, placedTexts, unaccountedScalars } from "./draftAccounting";

const FIXTURES = "tests/fixtures/import/yaml";

function inputOf(path: string): ImportInput {
  const file = join(FIXTURES, path);
  return { path: file, isFolder: false, files: [{ path: file, bytes: readFileSync(file) }] };
}

async function read(path: string): Promise<ShapeReading> {
  const reading = await yamlShape.read(inputOf(path));
  if (isMisfit(reading)) throw new Error(reading.misfit);
  return reading;
}

async function misfit(path: string): Promise<string> {
  const reading = await yamlShape.read(inputOf(path));
  if (!isMisfit(reading)) throw new Error(`${path} was read`);
  return reading.misfit;
}

const key = (at: SourcePlace) => `${at.line}:${at.column}`;

/** Checks, by an independent walk of the YAML, that every scalar is accounted for (see `unaccountedScalars`). */
function expectEveryScalarAccountedFor(path: string, reading: ShapeReading): void {
  const file = join(FIXTURES, path);
  const text = readFileSync(file, "utf8");
  expect(unaccountedScalars(file, path.endsWith(".md") ? frontMatterOnly(text) : text, reading)).toEqual([]);
}

const texts = (groups: DraftGroup[]) =>
  groups.map((group) => ({
    category: group.category?.text ?? null,
    behaviors: group.behaviors.map((behavior) =>
      behavior.examples.length > 0
        ? { text: behavior.text, examples: behavior.examples.map((e) => e.text) }
        : behavior.text,
    ),
  }));

describe("yamlShape", () => {
  it("reads topics holding criteria keyed by level, with examples, as YAML decodes each text", async () => {
    const path = "topics-levels-map/framework.yml";
    const { draft, losses, warnings } = await read(path);
    expect(draft.title?.text).toBe("Platform Engineering");
    expect(draft.description?.text).toBe("How platform engineers grow, from junior to senior.");
    expect(draft.categories.map((category) => [category.text, category.description?.text])).toEqual([
      ["Technical", "Building and running systems."],
      ["Delivery", undefined],
    ]);
    expect(draft.levels.map((level) => level.heading.text)).toEqual(["junior", "senior"]);
    expect(texts(draft.levels[0].groups)).toEqual([
      {
        category: "Technical",
        behaviors: [
          "Writes code that is **tested** and reviewed",
          {
            text: "Fixes bugs in a service they know — with help",
            examples: ["Fixed the retry loop in `billing`", "Paired on a flaky test"],
          },
        ],
      },
      { category: "Delivery", behaviors: ["Ships small changes every week"] },
    ]);
    expect(texts(draft.levels[1].groups)).toEqual([
      {
        category: "Technical",
        behaviors: [
          "Designs systems that span [several teams](https://example.com/teams)",
          { text: "Writes tests first", examples: ["Test-first in the payments rewrite"] },
        ],
      },
      { category: "Delivery", behaviors: ["Plans projects of a quarter\nand delivers them."] },
    ]);
    // Places: where each scalar starts, the quote of a quoted one included.
    const technicalJunior = draft.levels[0].groups[0];
    expect(technicalJunior.behaviors[1].at).toMatchObject({ line: 12, column: 17 });
    expect(technicalJunior.behaviors[1].examples[0].at).toMatchObject({ line: 14, column: 15 });
    expect(draft.levels[0].heading.at).toMatchObject({ line: 10, column: 7 });
    expect(losses).toEqual([]);
    expect(warnings).toEqual([]);
    expectEveryScalarAccountedFor(path, { draft, losses, warnings });
  });

  it("reads categories holding records that name their level by number, matched to the levels listed with their facts", async () => {
    const path = "topics-records/framework.yaml";
    const { draft, losses, warnings } = await read(path);
    expect(draft.title?.text).toBe("Data Science");
    expect(
      draft.levels.map((level) => ({
        heading: level.heading.text,
        order: level.order,
        summary: level.summary?.text,
        facts: level.facts.map((fact) => `${fact.label}=${fact.value}@${fact.at.line}`),
      })),
    ).toEqual([
      {
        heading: "Associate Data Scientist",
        order: 1,
        summary: undefined,
        facts: ["years=0–2@6", "salary band=B1@7"],
      },
      {
        heading: "Data Scientist",
        order: 2,
        summary: "Works on their own on well-scoped questions.",
        facts: ["years=2–5@10"],
      },
    ]);
    expect(draft.categories.map((category) => [category.text, category.description?.text])).toEqual([
      ["Analysis", "Turning data into answers."],
      ["Communication", undefined],
    ]);
    expect(texts(draft.levels[0].groups)).toEqual([
      {
        category: "Analysis",
        behaviors: [
          {
            text: "Cleans data sets with guidance",
            examples: ["Removed duplicate rows from the churn table"],
          },
        ],
      },
      { category: "Communication", behaviors: ["Shares progress in stand-ups"] },
    ]);
    expect(texts(draft.levels[1].groups)).toEqual([
      {
        category: "Analysis",
        behaviors: [
          "Chooses the right model for the question",
          "Explains uncertainty to stakeholders",
          "Reviews peers' notebooks",
          {
            text: "Writes analysis that others can rerun",
            examples: ["Published the notebook with pinned versions"],
          },
        ],
      },
    ]);
    expect(losses).toEqual([]);
    expect(warnings).toEqual([]);
    expectEveryScalarAccountedFor(path, { draft, losses, warnings });
  });

  it("reads levels holding their categories (a map, a list of named categories, or criteria with none), facts and the shared expectations", async () => {
    const path = "levels-categories/framework.yml";
    const { draft, losses, warnings } = await read(path);
    expect(draft.cumulative).toBe(true);
    expect(draft.shared?.title.text).toBe("All levels");
    expect(texts(draft.shared!.groups)).toEqual([
      { category: "Values", behaviors: ["Treats every customer with respect"] },
    ]);
    const [ic1, ic2, ic3] = draft.levels;
    expect(draft.levels).toHaveLength(3);
    expect(ic1).toMatchObject({
      heading: { text: "Support Associate" },
      code: "IC1",
      title: "Support Associate",
      summary: { text: "Answers customers' questions with a playbook." },
    });
    expect(ic1.facts.map((fact) => [fact.label, fact.value])).toEqual([["years of experience", "0-1"]]);
    expect(texts(ic1.groups)).toEqual([
      {
        category: "Customers",
        behaviors: [
          "Replies to tickets within a day",
          { text: "Asks for help on hard tickets", examples: ["Escalated a billing dispute"] },
        ],
      },
      { category: "Product", behaviors: ["Knows the product's main flows"] },
    ]);
    expect(ic2).toMatchObject({ heading: { text: "IC2" }, order: 2 });
    expect(ic2.facts.map((fact) => [fact.label, fact.value])).toEqual([
      ["Salary band", "S2"],
      ["Scope", "A queue"],
    ]);
    expect(texts(ic2.groups)).toEqual([
      { category: "Customers", behaviors: ["Owns a queue"] },
      { category: "Product", behaviors: ["Writes help articles"] },
    ]);
    expect(ic3.heading.text).toBe("IC3");
    expect(texts(ic3.groups)).toEqual([{ category: null, behaviors: ["Leads the support rotation"] }]);
    expect(losses).toEqual([]);
    expect(warnings).toEqual([]);
    expectEveryScalarAccountedFor(path, { draft, losses, warnings });
  });

  it("reads flat records referring to listed levels and areas by id or name, keeping a given id, and loses a record that names no level", async () => {
    const path = "flat-records/framework.yml";
    const { draft, losses, warnings } = await read(path);
    expect(draft.title?.text).toBe("Engineering");
    expect(draft.description?.text).toBe("Competencies for engineers.");
    expect(
      draft.categories.map((category) => [category.id, category.text, category.description?.text]),
    ).toEqual([
      ["tech", "Technical", "Writing and running software."],
      ["people", "People", undefined],
    ]);
    expect(draft.levels.map((level) => [level.id, level.heading.text])).toEqual([
      ["l1", "Engineer 1"],
      ["l2", "Engineer 2"],
      [undefined, "l3"],
    ]);
    const [l1, l2, l3] = draft.levels;
    expect(l1.groups).toMatchObject([
      {
        categoryId: "tech",
        category: { text: "Technical" },
        behaviors: [
          {
            id: "writes-tested-code",
            text: "Writes tested code",
            examples: [{ text: "Adds unit tests with each change" }],
          },
        ],
      },
    ]);
    // The group's category is the listed one's text, at its place: the record only refers to it.
    expect(l1.groups[0].category!.at).toEqual(draft.categories[0].at);
    expect(texts(l2.groups)).toEqual([
      { category: "People", behaviors: ["Mentors new joiners"] },
      { category: "Technical", behaviors: ["Designs services"] },
    ]);
    expect(l2.groups.map((group) => group.categoryId)).toEqual(["people", "tech"]);
    expect(texts(l3.groups)).toEqual([
      { category: "Technical", behaviors: ["Sets the technical direction"] },
    ]);
    expect(warnings.map((warning) => `${key(warning.at)} ${warning.message}`)).toEqual([
      "29:12 level `l3` is not among the levels listed: it is added after them",
    ]);
    expect(losses.map((loss) => `${key(loss.at)} ${loss.what}: ${loss.why}`)).toEqual([
      '32:11 criterion "tech": a criterion under `competencies` names no level',
      '33:18 criterion "Keeps the build green": a criterion under `competencies` names no level',
      '35:9 criterion "Fixed the flaky pipeline": a criterion under `competencies` names no level',
    ]);
    expectEveryScalarAccountedFor(path, { draft, losses, warnings });
  });

  it("reads a list of records as the whole file, grouping by the category each names", async () => {
    const path = "root-list/records.yaml";
    const { draft, losses } = await read(path);
    expect(draft.levels.map((level) => level.heading.text)).toEqual(["Junior", "Senior"]);
    expect(texts(draft.levels[0].groups)).toEqual([
      { category: "Code", behaviors: ["Writes readable code"] },
      { category: "Teamwork", behaviors: ["Asks for reviews early"] },
    ]);
    expect(texts(draft.levels[1].groups)).toEqual([
      {
        category: "Code",
        behaviors: [{ text: "Reviews designs", examples: ["Reviewed the queue redesign"] }],
      },
      { category: null, behaviors: ["Runs the incident rotation"] },
    ]);
    expect(losses).toEqual([]);
    expectEveryScalarAccountedFor(path, { ...(await read(path)) });
  });

  it("reports every key no structure has, with its place, the key and where it was; a site setting and an empty key are warned about", async () => {
    const path = "unknown-keys/framework.yml";
    const { draft, losses, warnings } = await read(path);
    expect(texts(draft.levels[0].groups)).toEqual([
      { category: "Technical", behaviors: ["Uses the design system"] },
      { category: "Craft", behaviors: ["Sketches before building"] },
    ]);
    expect(losses.map((loss) => `${key(loss.at)} ${loss.what}: ${loss.why}`)).toEqual([
      '4:9 `owner` "Ada Lovelace": key `owner` under the top level is not part of the framework shape',
      '5:9 `owner` "People Ops": key `owner` under the top level is not part of the framework shape',
      '9:12 `notes` "Reviewed every spring": key `notes` under topic `Technical` is not part of the framework shape',
      '11:9 `links` "https://example.com/design": key `links` under topic `Technical` is not part of the framework shape',
      '15:21 `priority` "high": key `priority` under a criterion under topic `Technical`, level `junior` is not part of the framework shape',
      '25:17 `reviewers` "Grace": key `reviewers` under level `junior` is not part of the framework shape',
      '25:24 `reviewers` "Linus": key `reviewers` under level `junior` is not part of the framework shape',
    ]);
    expect(warnings.map((warning) => `${key(warning.at)} ${warning.message}`)).toEqual([
      "6:1 `layout` under the top level is a setting of the site or its tools, not framework content: not imported",
      "19:5 key `owner` under topic `Craft` is not part of the framework shape; it is empty",
      "27:5 key `resources` under level `senior` is not part of the framework shape; it is empty",
    ]);
    expectEveryScalarAccountedFor(path, { draft, losses, warnings });
  });

  it("reads a page whose front matter holds the framework (Monzo's shape), places in the page's own lines, its body a prose page", async () => {
    const path = "front-matter-page/framework.md";
    const { draft, losses, warnings } = await read(path);
    expect(draft.title).toEqual({
      text: "📱 Mobile Engineering",
      at: expect.objectContaining({ line: 3, column: 8 }),
    });
    expect(draft.categories.map((category) => [category.id, category.text])).toEqual([
      ["craft", "🛠️ Craft"],
      [undefined, "impact"],
    ]);
    expect(draft.levels.map((level) => [level.heading.text, level.order, level.heading.at.line])).toEqual([
      ["1", 1, 9],
      ["2", 2, 12],
    ]);
    expect(texts(draft.levels[0].groups)).toEqual([
      { category: "🛠️ Craft", behaviors: ["Ships small features"] },
      { category: "impact", behaviors: ["Delivers assigned tasks"] },
    ]);
    expect(texts(draft.levels[1].groups)).toEqual([
      {
        category: "🛠️ Craft",
        behaviors: [
          "Ships features across platforms",
          { text: "Improves the release process", examples: ["Automated the store screenshots"] },
        ],
      },
    ]);
    expect(draft.levels[1].groups[0].categoryId).toBe("craft");
    expect(draft.prose).toEqual([
      {
        title: draft.title,
        body: "The mobile framework explains **how** we grow.\n\nIt is a compass, not a GPS.",
      },
    ]);
    expect(losses).toEqual([]);
    expect(warnings.map((warning) => `${key(warning.at)} ${warning.message}`)).toEqual([
      "2:1 `path` under the top level is a setting of the site or its tools, not framework content: not imported",
    ]);
    expectEveryScalarAccountedFor(path, { draft, losses, warnings });
  });

  it("says where a YAML syntax error is, in a file or in a page's front matter (the page's own line)", async () => {
    const broken =
      "title: Broken\nlevels:\n  - name: Junior\n    criteria:\n      - Writes code\n     - Reviews code\n";
    const file = await yamlShape.read({
      path: "broken.yml",
      isFolder: false,
      files: [{ path: "broken.yml", bytes: new TextEncoder().encode(broken) }],
    });
    expect(file).toEqual({
      misfit: "YAML syntax error at broken.yml:6:1: A block sequence may not be used as an implicit map key",
    });
    expect(await misfit("syntax-error/framework.md")).toBe(
      "YAML syntax error at tests/fixtures/import/yaml/syntax-error/framework.md:7:1: A block sequence may not be used as an implicit map key",
    );
  });

  it("does not fit YAML without levels, naming the keys it has, nor a folder, a page without front matter or plain text", async () => {
    expect(await misfit("no-levels/config.yml")).toBe(
      "no levels in tests/fixtures/import/yaml/no-levels/config.yml (its keys are `site`, `theme`, `pages`): expected `levels`, topics or categories holding criteria per level, or records naming their level",
    );
    const folder = await yamlShape.read({ path: FIXTURES, isFolder: true, files: [] });
    expect(folder).toEqual({ misfit: expect.stringContaining("is a folder") });
    const page = await yamlShape.read({
      path: "page.md",
      isFolder: false,
      files: [{ path: "page.md", bytes: new TextEncoder().encode("# Levels\n\n- one\n") }],
    });
    expect(page).toEqual({
      misfit: "page.md is a Markdown page without YAML front matter (`---` lines at its top)",
    });
    const plain = await yamlShape.read({
      path: "notes.txt",
      isFolder: false,
      files: [{ path: "notes.txt", bytes: new TextEncoder().encode("just a sentence\n") }],
    });
    expect(plain).toEqual({ misfit: "notes.txt does not hold YAML keys or a YAML list" });
  });
});

describe("yamlShape on any YAML", () => {
  /** Keys of every structure the reader knows, and some it does not, to mix at random. */
  const keys = fc.constantFrom(
    "title",
    "name",
    "description",
    "summary",
    "levels",
    "topics",
    "categories",
    "competencies",
    "criteria",
    "content",
    "level",
    "category",
    "theme",
    "text",
    "examples",
    "exampleCriteria",
    "id",
    "code",
    "order",
    "years",
    "facts",
    "shared",
    "All levels",
    "junior",
    "senior",
    "notes",
    "layout",
  );
  const scalar = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer({ min: 0, max: 4 }),
    fc.boolean(),
    fc.constant(null),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(keys, tie("value"), { maxKeys: 5 }),
    ),
  }));

  it("never throws, keeps every text as the scalar at its place decodes, and loses only scalars", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(keys, value, { minKeys: 1, maxKeys: 6 }), async (document) => {
        const text = stringify(document);
        const reading = await yamlShape.read({
          path: "any.yml",
          isFolder: false,
          files: [{ path: "any.yml", bytes: new TextEncoder().encode(text) }],
        });
        if (isMisfit(reading)) return;
        const lineCounter = new LineCounter();
        const scalars = new Map<string, string>();
        visit(parseDocument(text, { lineCounter }), {
          Scalar: (_, node) => {
            const { line, col } = lineCounter.linePos(node.range![0]);
            const decoded = typeof node.value === "string" ? node.value.trim() : String(node.source ?? "");
            scalars.set(`${line}:${col}`, decoded);
          },
        });
        for (const [place, text] of placedTexts(reading.draft)) {
          expect(scalars.get(place.slice("any.yml:".length))).toBe(text);
        }
        for (const loss of reading.losses) expect(scalars.has(key(loss.at))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
