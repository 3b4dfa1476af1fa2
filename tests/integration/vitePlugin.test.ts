import { describe, expect, it } from "vitest";
import { loadSiteData } from "../../src/integration/siteData";
import { ladderVitePlugin, siteDataModule, todayUtc } from "../../src/integration/vitePlugin";
import { createUrls } from "../../src/lib/links/urls";
import { buildReleaseModel, UNRELEASED, type ReleaseModel } from "../../src/lib/releases/model";
import { THREE_RELEASES_DIR } from "../fixtures/releases/threeReleases";
import { PROTOTYPE_NAMES } from "../helpers/prototypeIds";

describe("the integration's Vite plugin", () => {
  const plugin = ladderVitePlugin({ configModule: "", dataDir: "data", root: process.cwd() });
  const resolveId = plugin.resolveId as (id: string) => string | undefined;

  it("resolves its two virtual modules", () => {
    expect(resolveId("virtual:ladder/config")).toBe("\0virtual:ladder/config");
    expect(resolveId("virtual:ladder/data")).toBe("\0virtual:ladder/data");
  });

  it.each(PROTOTYPE_NAMES)("leaves an import of %s to others", (name) => {
    expect(resolveId(name)).toBeUndefined();
  });
});

describe("the data module", async () => {
  const loaded = await loadSiteData(THREE_RELEASES_DIR, process.cwd(), "/handbook/");
  const data = loaded.data!;
  /** What pages import from the module's code. */
  const evaluate = async (code: string) =>
    (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
      releaseModel: ReleaseModel;
      releaseDigests: Record<string, string>;
    };

  it("holds the releases' model, computed with the handbook's base", async () => {
    expect(loaded.problems).toBeUndefined();
    const module = await evaluate(siteDataModule(data, { base: "/handbook/" }));
    expect(module.releaseModel).toEqual(
      buildReleaseModel(data.releases, data.handbook, createUrls("/handbook/"), {
        unreleased: false,
        today: "2000-01-01",
      }),
    );
    expect(module.releaseModel.histories.some((history) => history.now?.url.startsWith("/handbook/"))).toBe(
      true,
    );
    expect(module.releaseDigests).toEqual(
      Object.fromEntries(data.releases.map((release) => [release.name, release.digest])),
    );
  });

  it("holds the changes since the latest release, dated today, only when unreleased ones are shown", async () => {
    // Without its last release, the data holds changes not released yet.
    const older = { ...data, releases: data.releases.slice(0, -1) };
    const view = { unreleased: true, today: "2027-02-03" };
    const shown = await evaluate(siteDataModule(older, { view }));
    expect(shown.releaseModel.unreleased).toMatchObject({
      release: UNRELEASED,
      date: "2027-02-03",
      previous: data.releases.at(-2)!.name,
    });
    const hidden = await evaluate(siteDataModule(older, { view: { ...view, unreleased: false } }));
    expect(hidden.releaseModel.unreleased).toBeUndefined();
  });

  it("dates unreleased changes by the day in UTC", () => {
    expect(todayUtc(new Date("2026-12-31T23:30:00-05:00"))).toBe("2027-01-01");
  });
});
