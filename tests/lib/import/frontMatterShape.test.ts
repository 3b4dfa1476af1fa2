import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  isMisfit,
  type DraftGroup,
  type ImportInput,
  type ShapeReading,
} from "../../../src/lib/import/draft";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { draftToFiles } from "../../../src/lib/import/draftToFiles";
import { importSource, readInput } from "../../../src/lib/import/importSource";
import { frontMatterShape } from "../../../src/lib/import/shapes/frontMatter";
import {
  bodyOnly,
  frontMatterOnly,
  placeKey,
  unaccountedBlocks,
  unaccountedScalars,
} from "./draftAccounting";

const FIXTURES = "tests/fixtures/import";

/** A fixture folder as `ladder import` gives it: every file, sorted by path. */
function folderOf(folder: string): ImportInput {
  const path = join(FIXTURES, folder);
  const files = readdirSync(path)
    .sort()
    .map((name) => ({ path: join(path, name), bytes: readFileSync(join(path, name)) }));
  return { path, isFolder: true, files };
}

async function read(folder: string): Promise<ShapeReading> {
  const reading = await frontMatterShape.read(folderOf(folder));
  if (isMisfit(reading)) throw new Error(reading.misfit);
  return reading;
}

async function misfit(folder: string): Promise<string> {
  const reading = await frontMatterShape.read(folderOf(folder));
  if (!isMisfit(reading)) throw new Error(`${folder} was read`);
  return reading.misfit;
}

/**
 * Checks, by independent walks of every page (its front matter's YAML and its body's
 * Markdown), that every scalar and every block or list item is accounted for.
 */
function expectEverythingAccountedFor(folder: string, reading: ShapeReading): void {
  const input = folderOf(folder);
  for (const file of input.files.filter((file) => file.path.endsWith(".md"))) {
    const text = new TextDecoder().decode(file.bytes);
    expect(unaccountedScalars(file.path, frontMatterOnly(text), reading)).toEqual([]);
    expect(unaccountedBlocks(file.path, bodyOnly(text), reading)).toEqual([]);
  }
}

const texts = (groups: DraftGroup[]) =>
  groups.map((group) => ({
    category: group.category?.text ?? null,
    behaviors: group.behaviors.map((behavior) =>
      behavior.examples.length > 0
        ? { text: behavior.text, examples: behavior.examples.map((example) => example.text) }
        : behavior.text,
    ),
  }));

/** A place as `file:line:column`, the file named within the fixtures' folder. */
const where = (at: { file: string; line: number; column: number }) =>
  placeKey(at).slice(`${FIXTURES}/front-matter/`.length);

describe("frontMatterShape", () => {
  it("reads a folder of level pages (front matter and body), the shared expectations' page, an index page for the track and a prose page", async () => {
    const folder = "front-matter/levels-folder";
    const reading = await read(folder);
    const { draft, losses, warnings } = reading;
    expect(draft.title).toEqual({
      text: "Platform Engineering",
      at: { file: `${FIXTURES}/${folder}/index.md`, line: 2, column: 8 },
    });
    expect(draft.description?.text).toBe("How platform engineers grow at Example.");
    expect(draft.cumulative).toBe(true);
    expect(draft.categories.map((category) => [category.text, category.description?.text])).toEqual([
      ["Technical", "Building and running systems."],
      ["Delivery", "Shipping what matters."],
    ]);

    const [junior, senior] = draft.levels;
    expect(draft.levels).toHaveLength(2);
    expect(junior).toMatchObject({
      heading: { text: "Junior Engineer" },
      code: "E1",
      title: "Junior Engineer",
      order: 2,
      summary: { text: "Learns the systems with help." },
    });
    expect(junior.facts.map((fact) => [fact.label, fact.value, where(fact.at)])).toEqual([
      ["years", "0–2", "levels-folder/junior.md:5:8"],
    ]);
    expect(texts(junior.groups)).toEqual([
      {
        category: "Technical",
        behaviors: [
          {
            text: "Writes code that is **tested** and reviewed",
            examples: ["Fixed the retry loop in `billing`", "Paired on a flaky test"],
          },
          "Fixes bugs in a service they know",
        ],
      },
      { category: "Delivery", behaviors: ["Ships small changes every week"] },
    ]);
    expect(where(junior.groups[0].behaviors[0].at)).toBe("levels-folder/junior.md:12:3");

    // The `#` heading repeats the front matter's title; the body's paragraph is the summary.
    expect(senior).toMatchObject({
      heading: { text: "Senior Engineer" },
      code: "E2",
      order: 3,
      summary: { text: "Leads the design of [whole services](https://example.com/services)." },
    });
    expect(senior.facts.map((fact) => [fact.label, fact.value])).toEqual([["salary band", "B4"]]);
    expect(texts(senior.groups)).toEqual([
      { category: "Technical", behaviors: ["Designs systems that span several teams"] },
      { category: "Delivery", behaviors: ["Plans projects of a quarter"] },
    ]);

    expect(draft.shared?.title.text).toBe("All levels");
    expect(texts(draft.shared!.groups)).toEqual([
      { category: "Technical", behaviors: ["Keeps the on-call runbook current"] },
    ]);
    expect(draft.prose).toEqual([
      { title: draft.title, body: "Read your level's page, then the next one." },
      {
        title: { text: "About this framework", at: expect.objectContaining({ line: 2, column: 8 }) },
        body: "This framework is reviewed every spring.\n\n- It is a compass, not a checklist.\n- Ask your manager about it.",
      },
    ]);
    expect(losses).toEqual([]);
    expect(warnings.map((warning) => `${where(warning.at)} ${warning.message}`)).toEqual([
      "levels-folder/all-levels.md:3:1 `weight` of the shared expectations `All levels` is not read: the shared expectations come before every level",
      `levels-folder/config.toml:1:1 ${FIXTURES}/${folder}/config.toml is not a Markdown page: not read`,
      "levels-folder/index.md:5:1 `weight` under the index page's front matter is a setting of the site or its tools, not framework content: not imported",
      "levels-folder/junior.md:7:1 `layout` under level `Junior Engineer` is a setting of the site or its tools, not framework content: not imported",
    ]);
    expectEverythingAccountedFor(folder, reading);
  });

  it("orders levels by their `level` number over file names, and reads a level's facts and summary", async () => {
    const folder = "front-matter/level-numbers";
    const reading = await read(folder);
    const { draft, losses, warnings } = reading;
    expect(draft.levels.map((level) => [level.heading.text, level.order])).toEqual([
      ["Analyst", 1],
      ["Senior Analyst", 2],
    ]);
    const [analyst, senior] = draft.levels;
    expect(analyst.summary?.text).toBe("Cleans data with guidance.");
    expect(analyst.facts.map((fact) => [fact.label, fact.value])).toEqual([["experience", "0–2 years"]]);
    expect(texts(analyst.groups)).toEqual([
      {
        category: null,
        behaviors: [
          {
            text: "Cleans data sets with guidance, checking each step.",
            examples: ["Removed duplicate rows from the churn table"],
          },
        ],
      },
    ]);
    expect(texts(senior.groups)).toEqual([
      { category: null, behaviors: ["Chooses the right model for the question"] },
    ]);
    expect(losses).toEqual([]);
    expect(warnings).toEqual([]);
    expectEverythingAccountedFor(folder, reading);
  });

  it("keeps file-name order without orders, names a level by its `#` heading, reads criteria kept in front matter, a README without front matter as the index and another page without it as prose", async () => {
    const folder = "front-matter/file-order";
    const reading = await read(folder);
    const { draft, losses, warnings } = reading;
    expect(draft.title).toEqual({
      text: "Support Ladder",
      at: { file: `${FIXTURES}/${folder}/README.md`, line: 1, column: 3 },
    });
    // A page without front matter is prose, though it holds a list.
    expect(draft.prose).toEqual([
      { title: draft.title, body: "How our support team grows." },
      {
        title: {
          text: "Notes for reviewers",
          at: { file: `${FIXTURES}/${folder}/notes.md`, line: 1, column: 3 },
        },
        body: "- Read the levels in order.\n- Ask questions in #support-ladder.",
      },
    ]);
    expect(draft.levels.map((level) => [level.heading.text, level.order, where(level.heading.at)])).toEqual([
      ["Support Associate", undefined, "file-order/1-associate.md:2:8"],
      ["Support Specialist", undefined, "file-order/2-specialist.md:5:3"],
    ]);
    expect(texts(draft.levels[0].groups)).toEqual([
      {
        category: "Customers",
        behaviors: [
          "Replies to tickets within a day",
          { text: "Asks for help on hard tickets", examples: ["Escalated a billing dispute"] },
        ],
      },
    ]);
    expect(texts(draft.levels[1].groups)).toEqual([
      { category: null, behaviors: ["Owns a queue", "Writes help articles"] },
    ]);
    expect(losses).toEqual([]);
    expect(warnings.map((warning) => `${where(warning.at)} ${warning.message}`)).toEqual([
      "file-order/2-specialist.md:2:1 `date` under level `Support Specialist` is a setting of the site or its tools, not framework content: not imported",
    ]);
    expectEverythingAccountedFor(folder, reading);
  });

  it("reports what no page part holds: unknown keys, a second summary, a table, a prose page's description", async () => {
    const folder = "front-matter/losses";
    const reading = await read(folder);
    const { draft, losses } = reading;
    expect(draft.levels.map((level) => [level.heading.text, level.summary?.text])).toEqual([
      ["Junior Designer", "Works from the design system."],
    ]);
    expect(texts(draft.levels[0].groups)).toEqual([
      { category: "Craft", behaviors: ["Uses the design system"] },
    ]);
    // A page titled FAQ is prose, though its body is a list.
    expect(draft.prose.map((page) => [page.title.text, page.body])).toEqual([
      ["FAQ", "1. Can I skip a level? No."],
    ]);
    expect(losses.map((loss) => `${where(loss.at)} ${loss.what}: ${loss.why}`)).toEqual([
      'losses/faq.md:3:14 `description` "Questions people ask.": a prose page keeps its title and its Markdown: `description` in the front matter of a prose page has no place',
      'losses/index.md:3:8 `owner` "People Ops": key `owner` under the index page\'s front matter is not part of the framework shape',
      'losses/junior.md:3:13 `reviewers` "Grace": key `reviewers` under level `Junior Designer` is not part of the framework shape',
      'losses/junior.md:3:20 `reviewers` "Linus": key `reviewers` under level `Junior Designer` is not part of the framework shape',
      'losses/junior.md:7:1 paragraph "Builds screens from existing parts.": the level\'s summary is its front matter\'s ("Works from the design system.…"): this paragraph would be a second one',
      'losses/junior.md:13:1 table "| Skill | Level |": a table: tables are read by --format markdown-table',
    ]);
    expectEverythingAccountedFor(folder, reading);
  });

  it("writes prose bodies as a reader sees them: shortcodes and raw HTML kept out as losses, comments left out silently, a list split by comments whole again", async () => {
    const folder = "front-matter/site-generator-prose";
    const reading = await read(folder);
    const { draft, losses, warnings } = reading;
    expect(draft.title?.text).toBe("Platform");
    expect(draft.levels.map((level) => level.heading.text)).toEqual(["Engineer"]);
    expect(draft.prose.map((page) => [page.title.text, page.body])).toEqual([
      [
        "Platform",
        // The text between a paired shortcode's lines is shown, so it stays; the comment after a sentence goes.
        "The platform ladder has two levels so far:\n\nLevels are reviewed every spring.\n\nQuestions go to your manager.",
      ],
      [
        "FAQ",
        "1) **Will staff engineers lead projects?**  \n   Most of them, with a principal engineer nearby.\n\n" +
          "2) **How often are levels reviewed?**  \n   Every spring.\n   Ask your manager for the date.",
      ],
    ]);
    const SHORTCODE = "a shortcode of the site generator (Hugo/Jekyll): not text a reader sees";
    expect(losses.map((loss) => `${where(loss.at)} ${loss.what}: ${loss.why}`)).toEqual([
      `site-generator-prose/_index.md:8:1 shortcode "{{< cards >}}": ${SHORTCODE}`,
      `site-generator-prose/_index.md:9:1 shortcode "{{< card link="engineer" title="1. Engineer" >}}": ${SHORTCODE}`,
      `site-generator-prose/_index.md:10:1 shortcode "{{< /cards >}}": ${SHORTCODE}`,
      `site-generator-prose/_index.md:14:1 shortcode "{{% notice info %}}": ${SHORTCODE}`,
      `site-generator-prose/_index.md:16:1 shortcode "{{% /notice %}}": ${SHORTCODE}`,
      'site-generator-prose/_index.md:18:1 HTML "<div class="hero">": raw HTML (<div>) kept out of the prose page: the Markdown shape does not read HTML (HTML tables of levels × categories are read by --format markdown-table or --format html)',
      `site-generator-prose/_index.md:23:1 shortcode "{% include footer.html %}": ${SHORTCODE}`,
      'site-generator-prose/about.md:2:8 page title "About": the page\'s body holds nothing a reader sees but raw HTML or shortcodes, which are not read: no prose page is made of it',
      `site-generator-prose/about.md:7:1 shortcode "{{< toc >}}": ${SHORTCODE}`,
    ]);
    // The comments (the authors' hidden notes) are neither lost nor warned about.
    expect(
      [...losses, ...warnings].filter((item) => /<!--|TODO|People Ops|autumn/.test(JSON.stringify(item))),
    ).toEqual([]);
    expect(warnings).toEqual([]);
    expectEverythingAccountedFor(folder, reading);

    // The FAQ is one ordered list of two items (the source's comment between them split it in two, the second starting at 2).
    const faq = unified().use(remarkParse).parse(draft.prose[1].body);
    expect(
      faq.children.map((node) => [
        node.type,
        node.type === "list" && [node.ordered, node.start, node.children.length],
      ]),
    ).toEqual([["list", [true, 1, 2]]]);
    // And the MDX pages show no shortcode, no comment, nothing escaped.
    const { files } = draftToFiles(draft, "platform");
    const pages = Object.entries(files).filter(([path]) => path.startsWith("platform/prose/"));
    expect(pages.map(([path]) => path).sort()).toEqual([
      "platform/prose/faq.mdx",
      "platform/prose/platform.mdx",
    ]);
    for (const [, page] of pages) expect(page).not.toMatch(/\{\{|\{%|<|&lt;|\\/);
  });

  it("writes InfraCloud's index and FAQ pages without their Hugo cards and hidden Q&A notes, the FAQ's questions one list", async () => {
    const result = await importSource(readInput("tests/fixtures/frameworks/infracloud/engineering"), {
      track: "t",
    });
    const index = result.files["t/prose/engineering.mdx"] as string;
    expect(index).not.toMatch(/\{\{|card/);
    expect(index).toMatch(/Currently there are following job levels starting from Associate Engineer:\n$/);
    const faq = result.files["t/prose/faq.mdx"] as string;
    expect(faq).not.toMatch(/<!--|&lt;|Q7|Ans 7|skip a level/);
    const body = faq.split("---\n").slice(2).join("---\n");
    const list = unified().use(remarkParse).parse(body).children;
    expect(list.map((node) => node.type)).toEqual(["list"]);
    expect(list[0].type === "list" && list[0].children.length).toBe(2);
    expect(body).toContain("1. **Will staff engineers be taking care of multiple projects?**");
    expect(body).toContain("1. **Will all projects be led by staff and principal engineers?**");
    const shortcodes = result.losses.filter((loss) => loss.what.startsWith("shortcode"));
    expect(shortcodes.map((loss) => `${loss.at.file.split("/").pop()}:${loss.at.line}`)).toEqual(
      [12, 13, 14, 15, 16, 17, 18].map((line) => `_index.md:${line}`),
    );
    expect(result.losses.filter((loss) => loss.at.file.endsWith("faq.md")).map((loss) => loss.what)).toEqual([
      '`description` "FAQ related to the Engineering career…"',
    ]);
  });

  it("does not fit a folder without front matter, one file, a folder of whole frameworks, or broken front matter (naming its place)", async () => {
    expect(await misfit("front-matter/no-front-matter")).toBe(
      `no page in ${FIXTURES}/front-matter/no-front-matter starts with YAML front matter (\`---\` lines at its top)`,
    );
    const file = join(FIXTURES, "front-matter/levels-folder/junior.md");
    const one = await frontMatterShape.read({
      path: file,
      isFolder: false,
      files: [{ path: file, bytes: readFileSync(file) }],
    });
    expect(one).toEqual({
      misfit: expect.stringMatching(/junior\.md is one file: front matter is read from a folder/),
    });
    expect(await misfit("yaml/front-matter-page")).toBe(
      `${FIXTURES}/yaml/front-matter-page/framework.md holds a whole framework in its front matter (levels \`1\`, \`2\`): read such a page with --format yaml`,
    );
    expect(await misfit("yaml/syntax-error")).toBe(
      `YAML syntax error in the front matter of ${FIXTURES}/yaml/syntax-error/framework.md:7:1: A block sequence may not be used as an implicit map key`,
    );
  });
});
