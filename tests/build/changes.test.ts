import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import { createUrls } from "../../src/lib/links/urls";
import { CHANGE_KINDS } from "../../src/lib/releases/changes";
import { releaseChangesDocument } from "../../src/lib/releases/changesApi";
import { changeEntryAnchor } from "../../src/lib/releases/changes";
import { buildReleaseModel, UNRELEASED } from "../../src/lib/releases/model";
import { plainText } from "../../src/lib/text/inlineMarkdown";
import { EXPECTED_CHANGES, RELEASES } from "../fixtures/releases/threeReleases";
import { BuiltSite } from "../helpers/builtSite";
import { RELEASES_SITE, SITES, UNRELEASED_REWORDING } from "../helpers/sites";
import { childNamed, childrenNamed, parseXml } from "../helpers/xml";

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();
const urls = createUrls(RELEASES_SITE.base);
const site = new BuiltSite(RELEASES_SITE.outDir, RELEASES_SITE.base);
const names = RELEASES.map((release) => release.name);

describe("the changelog of a framework released three times, built as a preview", async () => {
  // The site's data as the build read it: the model its pages show, computed here again.
  const { handbook, releases = [], problems } = await validateDataDir(RELEASES_SITE.dataDir);
  const model = buildReleaseModel(releases, handbook!, urls, { unreleased: true, today: "2000-01-01" });

  it("has a page for each release, and one for the changes not released yet", () => {
    expect(problems).toEqual([]);
    for (const name of [...names, UNRELEASED]) expect(site.fileFor(urls.release(name)), name).toBeDefined();
    const pages = site.pagePaths().filter((page) => page.startsWith(urls.changes()));
    expect(pages.sort()).toEqual([urls.changes(), ...[...names, UNRELEASED].map(urls.release)].sort());
  });

  it("shows each change the fixture makes, written by hand, under its anchor with its kinds", () => {
    for (const [release, byTrack] of Object.entries(EXPECTED_CHANGES)) {
      const $ = site.page(urls.release(release));
      for (const [track, lines] of Object.entries(byTrack)) {
        for (const line of lines) {
          const [, kinds, before, after] = /^(.+): (.*?) ?→ ?(.*)$/.exec(line)!;
          const id = kinds === "removed" ? before.split(", ")[0] : after.split(", ")[0];
          const entry = $(`li[id="change--${track}--${id}"]`);
          expect(entry.length, `${release} ${line}`).toBe(1);
          expect(normalize(entry.find(".change-kinds").text()).toLowerCase(), `${release} ${line}`).toBe(
            kinds,
          );
          // Every id before and after is named in the entry.
          for (const named of [...before.split(", "), ...after.split(", ")].filter(Boolean))
            expect(entry.find("code").text(), `${release} ${line}`).toContain(named);
        }
      }
      const listed = Object.values(byTrack).flat().length;
      expect($(".change-entry").length, release).toBe(listed);
    }
  });

  it("shows every text of every change, verbatim: a diff gives both texts back whole", () => {
    let checked = 0;
    for (const changes of [...model.releases, model.unreleased!]) {
      const $ = site.page(urls.release(changes.release));
      for (const track of changes.tracks) {
        for (const change of track.groups.flatMap((group) => group.changes)) {
          const entry = $(`li[id="${changeEntryAnchor(change, track.track)}"]`);
          expect(entry.length).toBe(1);
          const diffs = entry.find("p.diff");
          if (change.textDiff) {
            // The word diff shows the words of each text a reader sees, the changed ones marked.
            expect(diffs.map((_, p) => $(p).text()).get()).toEqual([
              plainText(change.before[0].item.text),
              plainText(change.after[0].item.text),
            ]);
          } else expect(diffs.length).toBe(0);
          const shown = normalize(entry.text());
          for (const { item } of [...change.before, ...change.after]) {
            if (!change.textDiff) expect(shown, entry.attr("id")).toContain(normalize(plainText(item.text)));
            checked++;
          }
          for (const example of [...(change.examples?.before ?? []), ...(change.examples?.after ?? [])])
            expect(shown).toContain(normalize(plainText(example)));
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("shows the one change not released yet on the unreleased page, marked as not released", () => {
    const $ = site.page(urls.release(UNRELEASED));
    expect($(".change-entry").length).toBe(1);
    const entry = $(`li[id="change--eng--${UNRELEASED_REWORDING.id}"]`);
    expect(
      entry
        .find("p.diff")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual([UNRELEASED_REWORDING.before, UNRELEASED_REWORDING.after]);
    expect(normalize($("main").text())).toContain("Not released yet");
    const index = site.page(urls.changes());
    expect(
      index(".release-entry h2")
        .map((_, h) => normalize(index(h).text()))
        .get(),
    ).toEqual(["Unreleased changes", ...[...names].reverse()]);
  });

  it("sums each release up at the top: its sentence and its counts per track", () => {
    for (const changes of model.releases) {
      const $ = site.page(urls.release(changes.release));
      expect(normalize($("p.lead").first().text())).toBe(changes.summary);
      const kinds = CHANGE_KINDS.filter((kind) => changes.counts[kind] > 0);
      const table = $(".release-summary table");
      expect(
        table
          .find("thead th")
          .map((_, th) => normalize($(th).text()).toLowerCase())
          .get(),
      ).toEqual(["track", ...kinds]);
      const rows = table.find("tbody tr");
      for (const track of changes.tracks.filter((t) => kinds.some((kind) => t.counts[kind] > 0))) {
        const row = rows.filter((_, tr) => normalize($(tr).find("th").text()).startsWith(track.title));
        expect(
          row
            .find("td")
            .map((_, td) => Number($(td).text()))
            .get(),
        ).toEqual(kinds.map((kind) => track.counts[kind]));
      }
    }
  });

  it("links each release to the one before and after", () => {
    const sequence = [...names, UNRELEASED];
    sequence.forEach((name, index) => {
      const $ = site.page(urls.release(name));
      expect($('.pager a[rel="prev"]').attr("href") ?? null, name).toBe(
        index > 0 ? urls.release(sequence[index - 1]) : null,
      );
      expect($('.pager a[rel="next"]').attr("href") ?? null, name).toBe(
        index < sequence.length - 1 ? urls.release(sequence[index + 1]) : null,
      );
    });
  });

  it("links only to pages that exist, and to the history page of every released id it names", () => {
    const histories = new Set(model.histories.map((history) => urls.history(history.track, history.id)));
    let historyLinks = 0;
    for (const page of site.pagePaths().filter((p) => p.startsWith(urls.changes()))) {
      const $ = site.page(page);
      for (const href of $("main a[href]")
        .map((_, a) => $(a).attr("href"))
        .get()) {
        const url = new URL(href, `http://site${page}`);
        if (url.pathname.endsWith("/history/")) {
          // History pages are another part of the site's; each link names a released id.
          expect(histories.has(url.pathname), `${page} → ${href}`).toBe(true);
          historyLinks++;
          continue;
        }
        expect(site.fileFor(url.pathname), `${page} → ${href}`).toBeDefined();
        if (url.hash) expect(site.page(url.pathname)(`[id="${url.hash.slice(1)}"]`).length).toBe(1);
      }
    }
    expect(historyLinks).toBeGreaterThan(10);
  });

  it("serves each release's changes as JSON, as the model has them", () => {
    for (const changes of model.releases) {
      const file = site.fileFor(urls.releaseApi(changes.release))!;
      expect(JSON.parse(readFileSync(file, "utf8")), changes.release).toEqual(
        JSON.parse(JSON.stringify(releaseChangesDocument(changes, urls))),
      );
    }
    expect(site.fileFor(urls.releaseApi(UNRELEASED))).toBeUndefined();
  });

  it("has an Atom feed with one entry per release, newest first, that every page names", () => {
    const feed = parseXml(readFileSync(site.fileFor(urls.releaseFeed())!, "utf8"));
    expect(feed.name).toBe("feed");
    const entries = childrenNamed(feed, "entry");
    expect(entries.map((entry) => childNamed(entry, "link").attributes.href)).toEqual(
      [...names].reverse().map(urls.release),
    );
    expect(entries.map((entry) => childNamed(entry, "summary").text)).toEqual(
      [...model.releases].reverse().map((changes) => changes.summary),
    );
    for (const page of [urls.home(), urls.changes(), urls.release("v2"), urls.level("eng", "l1")]) {
      const $ = site.page(page);
      expect($('head link[rel="alternate"][type="application/atom+xml"]').attr("href"), page).toBe(
        urls.releaseFeed(),
      );
      expect($('.site-header a[href="/changes/"]').text(), page).toBe("Changes");
    }
  });

  it("is valid HTML and ships no script of its own", async () => {
    const validator = new HtmlValidate();
    const errors: string[] = [];
    const pages = site.pagePaths().filter((p) => p.startsWith(urls.changes()));
    for (const page of pages) {
      const report = await validator.validateFile(site.fileFor(page)!);
      for (const result of report.results)
        for (const message of result.messages) errors.push(`${page}:${message.line}: ${message.message}`);
      // The layout's search shortcut only, as on every page.
      const $ = site.page(page);
      expect($("script").length, page).toBe(site.page(urls.home())("script").length);
    }
    expect(errors).toEqual([]);
  });
});

describe("the changelog of the real data, built as for its readers", () => {
  const real = new BuiltSite(SITES.root.outDir, SITES.root.base);
  const realUrls = createUrls(SITES.root.base);

  it("lists its releases, and no unreleased changes: the build is not a preview", async () => {
    const { releases = [] } = await validateDataDir("data");
    expect(releases.length).toBeGreaterThan(0);
    for (const release of releases) expect(real.fileFor(realUrls.release(release.name))).toBeDefined();
    expect(real.fileFor(realUrls.release(UNRELEASED))).toBeUndefined();
    expect(existsSync(path.join(SITES.root.outDir, "changes", UNRELEASED))).toBe(false);
    const $ = real.page(realUrls.changes());
    expect(
      $(".release-entry h2")
        .map((_, h) => normalize($(h).text()))
        .get(),
    ).toEqual(releases.map((release) => release.name).reverse());
    expect(normalize($("main").text())).not.toContain("Not released yet");
  });
});
