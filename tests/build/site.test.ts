import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../scripts/lib/listFiles";
import { describe, expect, it } from "vitest";
import { inheritedExpectations } from "../../src/lib/compare/inheritedExpectations";
import { buildTrackEvolution } from "../../src/lib/compare/trackEvolution";
import { allBehaviors } from "../../src/lib/handbook/allBehaviors";
import { behaviorsDocument, frameworksDocument } from "../../src/lib/handbook/apiDocuments";
import { createUrls, SEGMENTS } from "../../src/lib/links/urls";
import { BuiltSite } from "../helpers/builtSite";
import { SOURCE_BULLETS } from "../helpers/sourceBullets";
import { realHandbook, trackOf } from "../helpers/realHandbook";
import { SITES } from "../helpers/sites";

const bullets = SOURCE_BULLETS;
const normalize = (text: string) => text.replace(/\s+/g, " ").trim();

describe("the built handbook", async () => {
  const site = new BuiltSite(SITES.root.outDir, SITES.root.base);
  const handbook = await realHandbook();

  it("has the pages of the URL contract", () => {
    const pages = site.pagePaths();
    for (const expected of [
      "/",
      "/support/",
      "/support/ic1/",
      "/support/ic6/",
      "/support/roles/team-lead/",
      "/product/",
      "/product/ic5/",
      "/b/support/basic-git/",
      "/404.html",
    ]) {
      expect(pages).toContain(expected);
    }
  });

  it("puts every source bullet on its level page under its category heading", () => {
    for (const bullet of bullets) {
      if (bullet.role) {
        const $ = site.page(`/${bullet.track}/roles/${bullet.role}/`);
        const item = $(".responsibility").filter(
          (_, el) => normalize($(el).find(".responsibility-text").text()) === bullet.text,
        );
        expect(item.length, bullet.text).toBe(1);
        expect(normalize(item.find("dt").text())).toMatch(new RegExp(`^${bullet.title}`));
        continue;
      }
      const $ = site.page(bullet.level ? `/${bullet.track}/${bullet.level}/` : `/${bullet.track}/`);
      const item = $("li.behavior[id]").filter(
        (_, el) => normalize($(el).find(".behavior-text").text()) === bullet.text,
      );
      expect(item.length, `${bullet.track}/${bullet.level}: ${bullet.text}`).toBe(1);
      expect(normalize(item.closest("section.category").children("h2, h3").first().text())).toBe(
        bullet.category,
      );
      if (!bullet.level)
        expect(item.closest("#section--shared, section[aria-labelledby=section--shared]").length).toBe(1);
    }
  });

  it("shows every sentence of both source documents on the page for its section", () => {
    const text = (path: string) => normalize(site.page(path)("main").text());
    // Which page each part of a source document is published on, by the line that starts it.
    const sections: Record<string, [string, string][]> = {
      "tests/fixtures/sources/support.txt": [
        ["Customer support career framework", "/support/"],
        ["SE Regional Team Leads", "/support/roles/team-lead/"],
        ["Levels", "/support/"],
        ...["IC1", "IC2", "IC3", "IC4", "IC5", "IC6"].map((code): [string, string] => [
          code,
          `/support/${code.toLowerCase()}/`,
        ]),
      ],
      "tests/fixtures/sources/product.md": [
        ["# Sourcegraph product career development framework", "/product/"],
        ...["IC2", "IC3", "IC4", "IC5"].map((code): [string, string] => [
          `## ${code}`,
          `/product/${code.toLowerCase()}/`,
        ]),
      ],
    };
    // The source table's header row is structure, not a sentence: its words are the categories.
    const structural = new Set(["Level Non-Technical Proficiency Technical Proficiency Delivery Teamwork"]);
    let checked = 0;
    for (const [file, starts] of Object.entries(sections)) {
      let page = starts[0][1];
      for (const raw of readFileSync(file, "utf8").split("\n")) {
        page = starts.find(([start]) => raw.trim() === start)?.[1] ?? page;
        const line = raw.replace(/^\s*(?:#+ |•\s*|-\s*)/, "").trim();
        if (!line || structural.has(line)) continue;
        // "Label: text" lines (responsibilities, categories) show the label and the text apart.
        const labelled = /^([A-Z][a-z]+):\s*(.*)$/.exec(line);
        const parts = labelled ? [labelled[1], labelled[2]].filter(Boolean) : [line];
        for (const part of parts) {
          for (const sentence of part.split(/(?<=[.?!])\s+/)) {
            // Job titles end a summary sentence in the source but stand alone on the page.
            const expected = /^[A-Z][\w ]+ (?:Level|Engineer)\.$/.test(sentence)
              ? sentence.slice(0, -1)
              : sentence;
            expect(text(page), `${file} → ${page}: ${sentence}`).toContain(expected);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("gives each behavior its anchor on exactly one page, and no page a duplicate id", () => {
    const owners = new Map<string, string>();
    for (const path of site.pagePaths()) {
      const $ = site.page(path);
      const ids = $("[id]")
        .map((_, el) => $(el).attr("id"))
        .get();
      expect(ids.length, path).toBe(new Set(ids).size);
      $("li.behavior[id]").each((_, el) => {
        const key = `${path.split("/")[1]}/${$(el).attr("id")}`;
        expect(owners.get(key), key).toBeUndefined();
        owners.set(key, path);
      });
    }
    expect(owners.size).toBe(allBehaviors(handbook).length);
  });

  it("ships only the scripts a page needs, each from a file of its own", () => {
    // Astro names each script's file after its component.
    const needs = ($: ReturnType<typeof site.page>) => [
      "SearchShortcut",
      ...($("copy-links").length ? ["CopyLinks"] : []),
      ...($("level-picker").length ? ["LevelPicker"] : []),
      ...($("behavior-search").length ? ["BehaviorSearch"] : []),
      ...($("roadmap-builder").length ? ["RoadmapBuilder"] : []),
    ];
    for (const path of site.pagePaths().filter((p) => !p.startsWith("/b/"))) {
      const $ = site.page(path);
      const scripts = $("script")
        .map((_, el) => el.attribs.src?.match(/\/_astro\/([A-Za-z]+)\.astro_/)?.[1] ?? "inline")
        .get();
      expect(scripts.sort(), path).toEqual(needs($).sort());
    }
    expect(site.page("/support/")("script").length).toBe(1);
    expect(site.page("/b/support/basic-git/")("script").length).toBe(0);
  });

  it("carries no Markdown parser in the pages' scripts: the server parses every text", () => {
    const scripts = listFiles(path.join(SITES.root.outDir, "_astro")).filter((file) => file.endsWith(".js"));
    expect(scripts.some((file) => file.startsWith("searchWorker"))).toBe(true);
    for (const file of scripts) {
      const code = readFileSync(path.join(SITES.root.outDir, "_astro", file), "utf8");
      // micromark, the parser under remark, gives its constructs a resolveAll (a name minifying keeps).
      expect(code.includes("resolveAll"), file).toBe(false);
    }
  });

  it("marks the level that is not yet defined and lists no behaviors on it", () => {
    const $ = site.page("/support/ic6/");
    expect(normalize($(".notice").text())).toBe("No behaviors are listed for this level yet.");
    expect($("li.behavior").length).toBe(0);
    expect($("#section--inherited").length).toBe(0);
  });

  it("makes the inherited expectations of a cumulative level reachable from it, and the newer forms of those superseded", () => {
    const $ = site.page("/support/ic3/");
    expect(normalize($(".builds-on").text())).toContain("Builds on IC2");
    const links = $(".inherited-levels a")
      .map((_, a) => $(a).attr("href"))
      .get();
    const support = trackOf(handbook, "support");
    // Each lower level, its categories where something still holds, and the newest form of what does not.
    const expected = inheritedExpectations(buildTrackEvolution(support), "ic3").flatMap(
      ({ level, held, superseded }) => [
        `/support/${level.id}/`,
        ...held.map((g) => `/support/${level.id}/#category--${g.category!.id}`),
        ...superseded.map(
          ({ newerForms }) => `/support/${newerForms.at(-1)!.level}/#${newerForms.at(-1)!.id}`,
        ),
      ],
    );
    expect(links.sort()).toEqual(expected.sort());
  });

  it("serves the API documents of the URL contract", () => {
    const read = (file: string) => JSON.parse(readFileSync(site.fileFor(file)!, "utf8"));
    const frameworks = read("/api/frameworks.json");
    expect(frameworks).toEqual(JSON.parse(JSON.stringify(frameworksDocument(handbook))));
    expect(frameworks.schemaVersion).toBe(1);
    const support = frameworks.tracks.find((t: { id: string }) => t.id === "support");
    expect(support.levels.map((l: { code: string }) => l.code)).toEqual([
      "IC1",
      "IC2",
      "IC3",
      "IC4",
      "IC5",
      "IC6",
    ]);
    expect(support.prose.map((p: { title: string }) => p.title)).toEqual([
      "What are the expectations of my role?",
      "When do I get promoted?",
    ]);
    expect(support.prose[1].body).toMatch(/^Promotion discussions occur when/);

    const behaviors = read("/api/behaviors.json");
    expect(behaviors).toEqual(behaviorsDocument(handbook, createUrls("/")));
    expect(behaviors).toHaveLength(bullets.filter((b) => !b.role).length);
    expect(behaviors).toContainEqual({
      track: "support",
      level: "ic4",
      category: "technical-proficiency",
      id: "git-expert",
      text: "Is an expert in Git.",
      textPlain: "Is an expert in Git.",
      examples: [],
      examplesPlain: [],
      url: "/support/ic4/#git-expert",
      permalink: "/b/support/git-expert/",
    });
    expect(behaviors.find((b: { id: string }) => b.id === "seeks-clear-ownership")).toMatchObject({
      level: null,
      category: "execution",
      url: "/product/#seeks-clear-ownership",
    });
  });
});

describe.each(Object.entries(SITES))("links of the %s build", (_name, { outDir, base }) => {
  const site = new BuiltSite(outDir, base);

  it("resolve to a page and an anchor that exist, all under the base", () => {
    let checked = 0;
    for (const from of site.pagePaths()) {
      const $ = site.page(from);
      const refs = [
        ...$("a[href], link[href]")
          .map((_, el) => $(el).attr("href"))
          .get(),
        ...$("[src]")
          .map((_, el) => $(el).attr("src"))
          .get(),
        ...$('meta[http-equiv="refresh"]')
          .map((_, el) =>
            $(el)
              .attr("content")!
              .replace(/^\d+;\s*url=/, ""),
          )
          .get(),
      ];
      for (const ref of refs) {
        const url = new URL(ref, `http://site${from}`);
        expect(url.host, `${from} → ${ref}`).toBe("site");
        expect(url.pathname.startsWith(base), `${from} → ${ref} is outside ${base}`).toBe(true);
        expect(site.fileFor(url.pathname), `${from} → ${ref}`).toBeDefined();
        if (url.hash && url.pathname.endsWith("/")) {
          const id = decodeURIComponent(url.hash.slice(1));
          expect(site.page(url.pathname)(`[id="${id}"]`).length, `${from} → ${ref}`).toBe(1);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("has permanent short links that lead to the behavior's current anchor", () => {
    // Below a short link, its history (history.test.ts) is a page of its own.
    const shortLinks = site
      .pagePaths()
      .filter((p) => p.startsWith(`${base}b/`) && !p.endsWith(`/${SEGMENTS.history}/`));
    expect(shortLinks.length).toBeGreaterThan(160);
    for (const path of shortLinks) {
      const $ = site.page(path);
      const target = $('meta[http-equiv="refresh"]')
        .attr("content")!
        .replace(/^0; url=/, "");
      expect($('link[rel="canonical"]').attr("href")).toBe(target);
      expect($("a").attr("href")).toBe(target);
      expect(target).toMatch(
        new RegExp(`^${base}[a-z0-9-]+/(?:[a-z0-9-]+/|roles/[a-z0-9-]+/)?#${path.split("/").at(-2)}$`),
      );
    }
  });
});
