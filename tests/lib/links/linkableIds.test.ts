import { describe, expect, it } from "vitest";
import { parseSources } from "../../../src/lib/data/parseSources";
import { readDataDir } from "../../../src/lib/data/readDataDir";
import { linkableIds } from "../../../src/lib/links/linkableIds";
import { minimalData, uncategorizedData, writeDataDir } from "../../helpers/dataDir";
import { realHandbook } from "../../helpers/realHandbook";
import { permalinkTargets } from "../../../src/lib/links/permalinkTargets";
import { createUrls } from "../../../src/lib/links/urls";

async function partialSources(dir: string) {
  return parseSources((await readDataDir(dir)).sources).partial;
}

describe("linkable ids", () => {
  it("lists every behavior and responsibility id, then its aliases, with where each is written", async () => {
    const dir = writeDataDir(minimalData());
    const ids = linkableIds(await partialSources(dir));
    expect(ids.map(({ id, kind, path, itemPath }) => [id, kind, path, itemPath])).toEqual([
      [
        "shows-up",
        "behavior id",
        "sharedExpectations.behaviors.craft[0].id",
        "sharedExpectations.behaviors.craft[0]",
      ],
      ["basic-git", "behavior id", "behaviors.craft[0].id", "behaviors.craft[0]"],
      ["asks-questions", "behavior id", "behaviors.teamwork[0].id", "behaviors.teamwork[0]"],
      ["git-expert", "behavior id", "behaviors.craft[0].id", "behaviors.craft[0]"],
      ["expert-git", "alias", "behaviors.craft[0].aliases[0]", "behaviors.craft[0]"],
      ["mentor", "responsibility id", "responsibilities[0].id", "responsibilities[0]"],
    ]);
    const alias = ids.find((linkable) => linkable.id === "expert-git")!;
    expect(alias).toMatchObject({ currentId: "git-expert", level: "l2", text: "Is an expert in Git." });
    expect(ids.find((linkable) => linkable.id === "mentor")).toMatchObject({ role: "lead" });
  });

  it("finds the same ids in a track without categories, at their places in the arrays", async () => {
    const categorized = linkableIds(await partialSources(writeDataDir(minimalData())));
    const ids = linkableIds(await partialSources(writeDataDir(uncategorizedData())));
    expect(ids.map(({ id, kind }) => [id, kind])).toEqual(categorized.map(({ id, kind }) => [id, kind]));
    expect(ids.map(({ id, path }) => [id, path])).toEqual([
      ["shows-up", "sharedExpectations.behaviors[0].id"],
      ["basic-git", "behaviors[0].id"],
      ["asks-questions", "behaviors[1].id"],
      ["git-expert", "behaviors[0].id"],
      ["expert-git", "behaviors[0].aliases[0]"],
      ["mentor", "responsibilities[0].id"],
    ]);
  });

  it("agrees with the short links the site serves for the real data", async () => {
    const fromData = linkableIds(await partialSources("data"));
    const served = permalinkTargets(await realHandbook(), createUrls());
    const key = ({ track, id }: { track: string; id: string }) => `${track}/${id}`;
    expect(fromData.map(key).sort()).toEqual(served.map(key).sort());
  });
});
