import { execFileSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH, tooDeepMessage } from "../../../src/lib/data/nesting";
import { MAX_JSON_DEPTH } from "../../../src/lib/data/parseJson";
import { validateDataDir } from "../../../src/lib/data/validateDataDir";
import { MALFORMED, type Files } from "../../fixtures/malformedData";
import { minimalData, uncategorizedData, writeDataDir } from "../../helpers/dataDir";
import { withUnreadableFolder } from "../../helpers/unreadableFolder";

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
  it.each(MALFORMED)("reports %s", async (_name, change, expected) => {
    const problems = await problemsFor(change);
    expect(problems).toContainEqual({ ...expected, message: expect.stringMatching(expected.message) });
  });

  it("checks the handbook links of Markdown texts against the whole handbook", async () => {
    const files = minimalData();
    levelOne(files).summary =
      "Learning, as [L2](/demo/l2/#git-expert) and [the lead](/demo/roles/lead/) say.";
    levelOne(files).behaviors.craft[0].text =
      "Reads [a level](/demo/l9/) and [a behavior](/demo/l1/#no-such-id).";
    (files["demo/roles/lead.json"] as any).body = [
      "Works with [everyone](/demo/#shows-up) at [any](#anchor).",
    ];
    const dir = writeDataDir(files);
    const { handbook, problems } = await validateDataDir(dir, dir);
    expect(handbook).toBeUndefined();
    expect(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).sort()).toEqual([
      'demo/levels/l1.json: behaviors.craft[0].text: links to /demo/l1/#no-such-id, which leads nowhere: no behavior "#no-such-id" on L1 of Demo framework: did you mean "basic-git"?',
      'demo/levels/l1.json: behaviors.craft[0].text: links to /demo/l9/, which leads nowhere: no level "l9" in the track "demo" (its levels are "l1", "l2" and "l3")',
    ]);
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

  it("accepts a track without categories, its behaviors one list per level with no category", async () => {
    const files = uncategorizedData();
    const dir = writeDataDir(files);
    const { handbook, problems } = await validateDataDir(dir, dir);
    expect(problems).toEqual([]);
    const [demo] = handbook!.tracks;
    expect(demo.categories).toEqual([]);
    const written = (name: string) => (files[name] as { behaviors?: { id: string }[] }).behaviors ?? [];
    expect(demo.shared?.groups.map((group) => group.category)).toEqual([null]);
    expect(demo.shared?.groups[0].behaviors.map((b) => b.id)).toEqual(
      (files["demo/track.json"] as any).sharedExpectations.behaviors.map((b: { id: string }) => b.id),
    );
    for (const level of demo.levels) {
      const ids = written(`demo/levels/${level.id}.json`).map((b) => b.id);
      // One group, in the order written, or none for the level that is not yet defined.
      expect(level.groups.map((group) => group.behaviors.map((b) => b.id))).toEqual(ids.length ? [ids] : []);
      expect(level.groups.flatMap((group) => group.behaviors).every((b) => b.category === null)).toBe(true);
    }
  });

  it("reports each list of the wrong shape for its track once, without calling its keys unknown categories", async () => {
    const files = minimalData();
    delete (files["demo/track.json"] as any).categories;
    const dir = writeDataDir(files);
    const { problems } = await validateDataDir(dir, dir);
    expect(problems.map((p) => `${p.file} ${p.path}: ${p.message}`)).toEqual(
      [
        "demo/levels/l1.json behaviors",
        "demo/levels/l2.json behaviors",
        "demo/track.json sharedExpectations.behaviors",
      ].map(
        (where) =>
          `${where}: this track has no categories: list the behaviors as an array, or add categories to demo/track.json`,
      ),
    );
  });

  it("checks the valid behaviors of a file in the array form that fails its schema against the other files", async () => {
    const files = uncategorizedData();
    (files["demo/levels/l2.json"] as any).code = 2;
    (files["demo/levels/l2.json"] as any).behaviors[0].id = "basic-git";
    const dir = writeDataDir(files);
    const { problems } = await validateDataDir(dir, dir);
    expect(problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      "demo/levels/l2.json behaviors[0].id",
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

  it("reports a named pipe in place of a data file without waiting on it", async () => {
    const dir = writeDataDir(minimalData());
    execFileSync("mkfifo", [path.join(dir, "demo/levels/l9.json")]);
    const { problems } = await validateDataDir(dir, dir);
    expect(problems).toEqual([
      {
        file: "demo/levels/l9.json",
        path: "",
        message: "is a named pipe (FIFO), not a regular file: Ladder reads only regular files",
      },
    ]);
  });

  it.each([
    ["a track folder", "demo"],
    ["a folder of levels", "demo/levels"],
  ])("reports %s it cannot read by its name, and skips it", async (_name, folder) => {
    const dir = writeDataDir(minimalData());
    const { result } = await withUnreadableFolder(path.join(dir, folder), () => validateDataDir(dir, dir));
    expect(result.problems).toContainEqual({
      file: folder,
      path: "",
      message:
        "cannot be read (EACCES): none of its files are checked; make the folder readable, or remove it",
    });
    expect(result.handbook).toBeUndefined();
  });

  it("tells a data folder it cannot read from one that does not exist", async () => {
    const dir = writeDataDir(minimalData());
    const { result } = await withUnreadableFolder(dir, () => validateDataDir(dir, path.dirname(dir)));
    expect(result.problems).toEqual([
      {
        file: path.basename(dir),
        path: "",
        message:
          "cannot be read (EACCES): none of its files are checked; make the folder readable, or remove it",
      },
    ]);
  });

  // Ten thousand levels: far past where a recursive walk of the syntax tree overflows the stack,
  // and in one line, which the parser would take minutes over.
  it.each([
    ["quotes", `${">".repeat(10_000)} Deep.`, MAX_NESTING_DEPTH + 1],
    ["lists", `${"- ".repeat(10_000)}Deep.`, 2 * MAX_NESTING_DEPTH + 1],
  ])("reports prose of %s nested too deep at the place it goes too deep", async (_name, body, column) => {
    const problems = await problemsFor((files) => {
      files["demo/prose/intro.mdx"] = `---\ntitle: Introduction\norder: 1\n---\n\n${body}\n`;
    });
    expect(problems).toEqual([
      {
        file: "demo/prose/intro.mdx",
        path: "",
        line: 6,
        column,
        message: tooDeepMessage({ depth: MAX_NESTING_DEPTH + 1 }, "prose"),
      },
    ]);
  });

  it("reports elements nested thousands deep at the one too deep, before a walk of the tree overflows", async () => {
    const elements = 10_000;
    const problems = await problemsFor((files) => {
      files["demo/prose/intro.mdx"] =
        `---\ntitle: Introduction\norder: 1\n---\n\n${"<div>\n".repeat(elements)}Deep.\n${"</div>\n".repeat(elements)}`;
    });
    expect(problems).toEqual([
      {
        file: "demo/prose/intro.mdx",
        path: "",
        line: 6 + MAX_NESTING_DEPTH,
        column: 1,
        message: tooDeepMessage({ depth: MAX_NESTING_DEPTH + 1 }, "prose"),
      },
    ]);
  });

  it("accepts prose nested as deep as it may be", async () => {
    const problems = await problemsFor((files) => {
      files["demo/prose/intro.mdx"] =
        `---\ntitle: Introduction\norder: 1\n---\n\n${">".repeat(MAX_NESTING_DEPTH)} Deep.\n`;
    });
    expect(problems).toEqual([]);
  });

  it("reports a JSON file nested thousands deep at its first bracket too deep", async () => {
    const problems = await problemsFor((files) => {
      files["demo/levels/l3.json"] = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    });
    expect(problems).toEqual([
      {
        file: "demo/levels/l3.json",
        path: "",
        line: 1,
        column: MAX_JSON_DEPTH + 1,
        message: expect.stringMatching(
          new RegExp(`^is not valid JSON: objects and lists are nested more than ${MAX_JSON_DEPTH} deep`),
        ),
      },
    ]);
  });

  it("reports a track.json that does not parse once, at its place, not also as missing", async () => {
    const files = minimalData();
    files["demo/track.json"] = JSON.stringify(files["demo/track.json"], null, 2).replace('"title"', "title");
    const dir = writeDataDir(files);
    const { problems } = await validateDataDir(dir, dir);
    expect(problems).toEqual([
      {
        file: "demo/track.json",
        path: "",
        line: 2,
        column: 3,
        message: 'is not valid JSON: a field name is not in double quotes: write title as "title"',
      },
    ]);
  });

  it("reads a JSON or MDX file that starts with a UTF-8 byte order mark as the text after it", async () => {
    const plain = minimalData();
    plain["published-ids.json"] = { tracks: { demo: ["basic-git"] } };
    const withBom = Object.fromEntries(
      Object.entries(plain).map(([name, content]) => [
        name,
        `\uFEFF${typeof content === "string" ? content : JSON.stringify(content, null, 2)}`,
      ]),
    );
    const plainDir = writeDataDir(plain);
    const expected = await validateDataDir(plainDir, plainDir);
    const dir = writeDataDir(withBom);
    const read = await validateDataDir(dir, dir);
    expect(read.problems).toEqual([]);
    expect(read.handbook).toEqual(expected.handbook);
    expect(read.unlockedIds).toEqual(expected.unlockedIds);
    expect(read.handbook?.tracks[0].prose[0].body).toBe("Hello.");
  });

  it("passes over hidden files and a README.md beside the track folders", async () => {
    const files = minimalData();
    files["README.md"] = "# Our career framework\n";
    files[".DS_Store"] = Buffer.from([0, 0, 0, 1, 0xff]);
    files["demo/.gitkeep"] = "";
    const dir = writeDataDir(files);
    expect((await validateDataDir(dir, dir)).problems).toEqual([]);
  });

  it("accepts images in prose that are files beside the page, inline or by reference", async () => {
    const files = minimalData();
    files["demo/prose/chart.png"] = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    files["demo/prose/ladder-2.webp"] = Buffer.from("RIFF");
    files["demo/prose/intro.mdx"] =
      "---\ntitle: Intro\norder: 1\n---\n\n![Chart](./chart.png) ![Ladder][l] ![Again](chart.png)\n\n[l]: <ladder-2.webp>\n";
    const dir = writeDataDir(files);
    expect((await validateDataDir(dir, dir)).problems).toEqual([]);
  });

  it("reports an image in prose that is a link to a file outside the data folder", async () => {
    const files = minimalData();
    files["demo/prose/intro.mdx"] = "---\ntitle: Intro\norder: 1\n---\n\n![Secret](./secret.png)\n";
    const dir = writeDataDir(files);
    const outside = path.join(writeDataDir({ "secret.png": "not data" }), "secret.png");
    symlinkSync(outside, path.join(dir, "demo/prose/secret.png"));
    expect((await validateDataDir(dir, dir)).problems).toEqual([
      {
        file: "demo/prose/intro.mdx",
        path: "",
        line: 6,
        column: 1,
        message: expect.stringMatching(
          /^the image "\.\/secret\.png" is a link to a file outside the data folder/,
        ),
      },
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
