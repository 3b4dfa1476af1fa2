import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeDataDir } from "../helpers/dataDir";
import { ladder } from "../helpers/ladderCli";
import { dataWithIdEverywhere, PROTOTYPE_IDS } from "../helpers/prototypeIds";

describe.each(PROTOTYPE_IDS)("ladder on data where %s is the id of everything", (id) => {
  it("validates it, locks its ids and then finds the lock complete", async () => {
    const dir = writeDataDir(dataWithIdEverywhere(id));
    const valid = await ladder(["validate", "--data-dir", dir]);
    expect(valid).toMatchObject({ code: 0, stderr: "" });

    const locked = await ladder(["lock", "--data-dir", dir]);
    expect(locked).toMatchObject({ code: 0, stderr: "" });
    expect(locked.stdout).toContain(
      `\n  ${id}: shows-up, basic-git, asks-questions, ${id}, expert-git, mentor\n`,
    );
    const lock = JSON.parse(readFileSync(path.join(dir, "published-ids.json"), "utf8"));
    expect(Object.keys(lock.tracks)).toEqual([id]);
    expect(lock.tracks[id][id]).toEqual({ level: "l2", text: "Is an expert in Git." });

    expect(await ladder(["lock", "--check", "--data-dir", dir])).toMatchObject({ code: 0, stderr: "" });
    expect(await ladder(["validate", "--data-dir", dir])).toMatchObject({ code: 0, stderr: "" });
  });

  it(`imports a framework whose titles make ${id} the id of its level, category, behavior and page`, async () => {
    const title = id[0].toUpperCase() + id.slice(1);
    const source = path.join(writeDataDir({ "framework.md": "" }), "framework.md");
    // Front matter names the levels, so the level's name need not look like one.
    writeFileSync(
      source,
      `---\ntitle: ${title}\ndescription: A framework.\nlevels:\n  - name: ${title}\n    categories:\n      ${title}: [${title}]\n  - name: L2\n    categories:\n      ${title}: [Leads.]\n---\n\nWhat it means.\n`,
    );
    const dir = path.join(path.dirname(source), "data");
    const imported = await ladder(["import", "--track", id, "--data-dir", dir, source]);
    expect(imported).toMatchObject({ code: 0, stderr: "" });
    expect(readdirSync(path.join(dir, id, "prose"))).toEqual([`${id}.mdx`]);
    const level = JSON.parse(readFileSync(path.join(dir, id, "levels", `${id}.json`), "utf8"));
    expect(level.behaviors).toEqual({ [id]: [{ id, text: title }] });
    expect(await ladder(["validate", "--data-dir", dir])).toMatchObject({ code: 0, stderr: "" });
  });
});
