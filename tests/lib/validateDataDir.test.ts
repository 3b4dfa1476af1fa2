import { symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateDataDir } from "../../src/lib/validateDataDir";
import { minimalData, writeDataDir } from "../helpers/dataDir";

type Files = Record<string, unknown>;
const levelOne = (files: Files) => files["demo/levels/l1.json"] as Record<string, any>;
const track = (files: Files) => files["demo/track.json"] as Record<string, any>;

async function problemsFor(change: (files: Files) => void) {
  const files = minimalData();
  change(files);
  const dir = writeDataDir(files);
  return (await validateDataDir(dir, dir)).problems;
}

describe("validateDataDir", () => {
  it("accepts the minimal data set and builds its handbook", async () => {
    const dir = writeDataDir(minimalData());
    const { handbook, problems } = await validateDataDir(dir, dir);
    expect(problems).toEqual([]);
    expect(handbook?.tracks.map((t) => t.id)).toEqual(["demo"]);
  });

  // Each rule, with the smallest change that breaks it, and the problem it must report.
  it.each<[string, (files: Files) => void, { file: string; path: string; message: RegExp }]>([
    [
      "JSON syntax",
      (f) => (f["demo/levels/l1.json"] = '{ "code": "L1", }'),
      { file: "demo/levels/l1.json", path: "", message: /is not valid JSON .*fix the syntax/ },
    ],
    [
      "a missing field",
      (f) => delete track(f).title,
      { file: "demo/track.json", path: "title", message: /is required but missing/ },
    ],
    [
      "a wrong type",
      (f) => (levelOne(f).order = "1"),
      { file: "demo/levels/l1.json", path: "order", message: /must be a number, not a string/ },
    ],
    [
      "an unknown field",
      (f) => (levelOne(f).summery = "typo"),
      { file: "demo/levels/l1.json", path: "summery", message: /is not a known field/ },
    ],
    [
      "an id that is not kebab-case",
      (f) => (levelOne(f).behaviors.craft[0].id = "Basic_Git"),
      { file: "demo/levels/l1.json", path: "behaviors.craft[0].id", message: /must be kebab-case/ },
    ],
    [
      "an unknown status",
      (f) => (levelOne(f).status = "draft"),
      {
        file: "demo/levels/l1.json",
        path: "status",
        message: /must be one of: "defined", "not yet defined"/,
      },
    ],
    [
      "empty text",
      (f) => (levelOne(f).behaviors.teamwork[0].text = "   "),
      { file: "demo/levels/l1.json", path: "behaviors.teamwork[0].text", message: /must not be empty/ },
    ],
    [
      "a behavior id used in two files",
      (f) => (levelOne(f).behaviors.teamwork[0].id = "git-expert"),
      {
        file: "demo/levels/l2.json",
        path: "behaviors.craft[0].id",
        message: /"git-expert" is already used at demo\/levels\/l1.json: behaviors.teamwork\[0\].id/,
      },
    ],
    [
      "an alias equal to another behavior's id",
      (f) => (levelOne(f).behaviors.craft[0].aliases = ["asks-questions"]),
      {
        file: "demo/levels/l1.json",
        path: "behaviors.teamwork[0].id",
        message: /"asks-questions" is already used/,
      },
    ],
    [
      "a responsibility id equal to a behavior id",
      (f) => ((f["demo/roles/lead.json"] as any).responsibilities[0].id = "basic-git"),
      {
        file: "demo/roles/lead.json",
        path: "responsibilities[0].id",
        message: /responsibility id "basic-git" is already used/,
      },
    ],
    [
      "an unknown category at a level",
      (f) => (levelOne(f).behaviors.delivery = [{ id: "ships", text: "Ships." }]),
      {
        file: "demo/levels/l1.json",
        path: "behaviors.delivery",
        message: /unknown category "delivery": use one of "craft", "teamwork"/,
      },
    ],
    [
      "an unknown category in the shared expectations",
      (f) => (track(f).sharedExpectations.behaviors.craf = []),
      {
        file: "demo/track.json",
        path: "sharedExpectations.behaviors.craf",
        message: /unknown category "craf"/,
      },
    ],
    [
      "a category listed twice",
      (f) => track(f).categories.push({ id: "craft", title: "Craft again" }),
      { file: "demo/track.json", path: "categories[2].id", message: /category "craft" is listed twice/ },
    ],
    [
      "two levels with one order",
      (f) => ((f["demo/levels/l2.json"] as any).order = 1),
      {
        file: "demo/levels/l2.json",
        path: "order",
        message: /order 1 is also the order of demo\/levels\/l1.json/,
      },
    ],
    [
      "two levels with one code",
      (f) => ((f["demo/levels/l2.json"] as any).code = "L1"),
      {
        file: "demo/levels/l2.json",
        path: "code",
        message: /code "L1" is also the code of demo\/levels\/l1.json/,
      },
    ],
    [
      "a level not yet defined that lists behaviors",
      (f) => ((f["demo/levels/l3.json"] as any).behaviors = { craft: [{ id: "later", text: "Later." }] }),
      { file: "demo/levels/l3.json", path: "behaviors", message: /"not yet defined" lists no behaviors/ },
    ],
    [
      "a defined level without behaviors",
      (f) => (levelOne(f).behaviors = { craft: [] }),
      { file: "demo/levels/l1.json", path: "behaviors", message: /needs at least one behavior/ },
    ],
    [
      "a track id the site uses itself",
      (f) => {
        for (const name of Object.keys(f)) {
          f[name.replace(/^demo\//, "api/")] = f[name];
          delete f[name];
        }
      },
      { file: "api/track.json", path: "", message: /track id "api" is used by the site itself/ },
    ],
    [
      "a level id the site uses itself",
      (f) => {
        f["demo/levels/compare.json"] = f["demo/levels/l3.json"];
        delete f["demo/levels/l3.json"];
      },
      {
        file: "demo/levels/compare.json",
        path: "",
        message: /level id "compare" is used by the site itself/,
      },
    ],
    [
      "a track folder without track.json",
      (f) => delete f["demo/track.json"],
      { file: "demo/track.json", path: "", message: /is missing: every track folder needs a track.json/ },
    ],
    [
      "a file name that is not kebab-case",
      (f) => (f["demo/levels/IC1.json"] = f["demo/levels/l3.json"]),
      { file: "demo/levels/IC1.json", path: "", message: /must be kebab-case/ },
    ],
    [
      "a file that is not data",
      (f) => (f["demo/levels/l4.yaml"] = "code: L4"),
      { file: "demo/levels/l4.yaml", path: "", message: /is not a known data file/ },
    ],
    [
      "MDX that does not compile",
      (f) => (f["demo/prose/intro.mdx"] = "---\ntitle: Intro\norder: 1\n---\n\nA <b>broken tag.\n"),
      { file: "demo/prose/intro.mdx", path: "line 6", message: /is not valid MDX .*closing tag/ },
    ],
    [
      "prose without a title",
      (f) => (f["demo/prose/intro.mdx"] = "---\norder: 1\n---\n\nHello.\n"),
      { file: "demo/prose/intro.mdx", path: "title", message: /is required but missing/ },
    ],
    [
      "an evolution hint naming an unknown behavior",
      (f) => ((f["demo/levels/l2.json"] as any).behaviors.craft[0].evolvesFrom = "basic-gti"),
      {
        file: "demo/levels/l2.json",
        path: "behaviors.craft[0].evolvesFrom",
        message: /"basic-gti" is not a behavior of a level/,
      },
    ],
    [
      "an evolution hint naming a behavior at the same or a higher level",
      (f) => (levelOne(f).behaviors.craft[0].evolvesFrom = "git-expert"),
      {
        file: "demo/levels/l1.json",
        path: "behaviors.craft[0].evolvesFrom",
        message: /"git-expert" is at L2, not below L1/,
      },
    ],
    [
      "an evolution hint across categories",
      (f) => ((f["demo/levels/l2.json"] as any).behaviors.craft[0].evolvesFrom = "asks-questions"),
      {
        file: "demo/levels/l2.json",
        path: "behaviors.craft[0].evolvesFrom",
        message: /in the category "teamwork", not "craft"/,
      },
    ],
    [
      "two behaviors evolving from one",
      (f) => {
        const craft = (f["demo/levels/l2.json"] as any).behaviors.craft;
        craft[0].evolvesFrom = "basic-git";
        craft.push({ id: "git-mentor", text: "Mentors in Git.", evolvesFrom: "basic-git" });
      },
      {
        file: "demo/levels/l2.json",
        path: "behaviors.craft[1].evolvesFrom",
        message: /"basic-git" already evolves into "git-expert"/,
      },
    ],
    [
      "text with white space around it, rather than changing it quietly",
      (f) => (levelOne(f).behaviors.teamwork[0].text = "Asks questions. "),
      {
        file: "demo/levels/l1.json",
        path: "behaviors.teamwork[0].text",
        message: /must not start or end with white space/,
      },
    ],
    [
      "null where an object belongs",
      (f) => (track(f).sharedExpectations = null),
      { file: "demo/track.json", path: "sharedExpectations", message: /^must be an object, not null$/ },
    ],
    [
      "an id every page uses itself",
      (f) => (levelOne(f).behaviors.teamwork[0].id = "main"),
      {
        file: "demo/levels/l1.json",
        path: "behaviors.teamwork[0].id",
        message: /"main" is an id every page uses itself/,
      },
    ],
    [
      "shared expectations without behaviors",
      (f) => (track(f).sharedExpectations.behaviors = {}),
      { file: "demo/track.json", path: "sharedExpectations.behaviors", message: /lists no behavior/ },
    ],
    [
      "a role without responsibilities",
      (f) => ((f["demo/roles/lead.json"] as any).responsibilities = []),
      {
        file: "demo/roles/lead.json",
        path: "responsibilities",
        message: /must list at least one responsibility/,
      },
    ],
    [
      "front matter that is not YAML",
      (f) => (f["demo/prose/intro.mdx"] = "---\ntitle: [unclosed\norder: 1\n---\n\nHello.\n"),
      { file: "demo/prose/intro.mdx", path: "front matter", message: /is not valid YAML/ },
    ],
    [
      "a component in prose",
      (f) => (f["demo/prose/intro.mdx"] = "---\ntitle: Intro\norder: 1\n---\n\nHello <Widget />.\n"),
      {
        file: "demo/prose/intro.mdx",
        path: "line 6",
        message: /an HTML tag or component is not allowed in prose/,
      },
    ],
    [
      "a script tag in prose",
      (f) => (f["demo/prose/intro.mdx"] = "---\ntitle: Intro\norder: 1\n---\n\n<script>alert(1)</script>\n"),
      {
        file: "demo/prose/intro.mdx",
        path: "line 6",
        message: /an HTML tag or component is not allowed in prose/,
      },
    ],
    [
      "an expression in prose",
      (f) => (f["demo/prose/intro.mdx"] = "---\ntitle: Intro\norder: 1\n---\n\nHello {name}.\n"),
      { file: "demo/prose/intro.mdx", path: "line 6", message: /a \{…\} expression is not allowed in prose/ },
    ],
    [
      "an import in prose",
      (f) =>
        (f["demo/prose/intro.mdx"] =
          '---\ntitle: Intro\norder: 1\n---\n\nimport A from "./a.astro";\n\nHello.\n'),
      {
        file: "demo/prose/intro.mdx",
        path: "line 6",
        message: /an import or export is not allowed in prose/,
      },
    ],
    [
      "a script link in prose",
      (f) =>
        (f["demo/prose/intro.mdx"] = "---\ntitle: Intro\norder: 1\n---\n\n[Click](javascript:alert(1))\n"),
      { file: "demo/prose/intro.mdx", path: "line 6", message: /a link to a script URL is not allowed/ },
    ],
    [
      "a file at the top of a track folder that is not track.json",
      (f) => (f["demo/notes.txt"] = "notes"),
      {
        file: "demo/notes.txt",
        path: "",
        message: /is not a known data file: a track folder holds track.json/,
      },
    ],
    [
      "two prose pages with one order",
      (f) => (f["demo/prose/more.mdx"] = "---\ntitle: More\norder: 1\n---\n\nMore.\n"),
      {
        file: "demo/prose/more.mdx",
        path: "order",
        message: /order 1 is also the order of demo\/prose\/intro.mdx/,
      },
    ],
  ])("reports %s", async (_name, change, expected) => {
    const problems = await problemsFor(change);
    expect(problems).toContainEqual({
      file: expected.file,
      path: expected.path,
      message: expect.stringMatching(expected.message),
    });
  });

  it("lists every problem at once, sorted by file, and builds nothing", async () => {
    const files = minimalData();
    levelOne(files).order = "one";
    track(files).cumulative = "yes";
    (files["demo/levels/l2.json"] as any).behaviors.craft[0].id = "basic-git";
    const dir = writeDataDir(files);
    const { handbook, problems } = await validateDataDir(dir, dir);
    expect(handbook).toBeUndefined();
    expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      "demo/levels/l1.json order",
      "demo/levels/l2.json behaviors.craft[0].id",
      "demo/track.json cumulative",
    ]);
  });

  it("checks the valid parts of a file that fails its schema against the other files", async () => {
    const files = minimalData();
    (files["demo/levels/l2.json"] as any).code = 2;
    (files["demo/levels/l2.json"] as any).behaviors.craft[0].id = "basic-git";
    const dir = writeDataDir(files);
    const { problems } = await validateDataDir(dir, dir);
    expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      "demo/levels/l2.json behaviors.craft[0].id",
      "demo/levels/l2.json code",
    ]);
  });

  it("reports a file it cannot read, such as a broken link", async () => {
    const dir = writeDataDir(minimalData());
    symlinkSync(path.join(dir, "nowhere.json"), path.join(dir, "demo/levels/l9.json"));
    const { problems } = await validateDataDir(dir, dir);
    expect(problems).toEqual([
      { file: "demo/levels/l9.json", path: "", message: expect.stringMatching(/cannot be read \(ENOENT\)/) },
    ]);
  });

  it("reports a data folder without tracks", async () => {
    const dir = writeDataDir({});
    const { problems } = await validateDataDir(dir, dir);
    expect(problems).toEqual([{ file: ".", path: "", message: expect.stringMatching(/holds no track/) }]);
  });

  it("reports a data folder that does not exist", async () => {
    const { problems } = await validateDataDir("/nonexistent/ladder-data", "/");
    expect(problems).toEqual([
      { file: "nonexistent/ladder-data", path: "", message: expect.stringMatching(/data folder not found/) },
    ]);
  });
});
