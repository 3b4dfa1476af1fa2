/**
 * How each behavior grows, on the level pages of the built sites: every behavior with a next
 * form (from `trackThreads`, as the growth page and the comparisons pair them) leads to it, on
 * an anchor that exists, with the words that change rebuilding both texts; every form of a
 * longer thread links to the thread, and a behavior alone in its thread says nothing.
 */
import { removesWords, sameWords, showsDiff } from "../../src/lib/handbook/threadWords";
import { levelInText } from "../../src/lib/handbook/levelName";
import { describe, expect, it } from "vitest";
import { trackThreads, type ThreadForm } from "../../src/lib/compare/threads";
import { buildTrackEvolution } from "../../src/lib/compare/trackEvolution";
import type { Handbook } from "../../src/lib/handbook/buildHandbook";
import { formatProblem } from "../../src/lib/data/problems";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import { createUrls } from "../../src/lib/links/urls";
import { plainText } from "../../src/lib/text/inlineMarkdown";
import { BuiltSite } from "../helpers/builtSite";
import { HOSTILE_SITE, SITES } from "../helpers/sites";

async function handbookOf(dataDir: string): Promise<Handbook> {
  const { handbook, problems } = await validateDataDir(dataDir);
  if (!handbook) throw new Error(problems.map(formatProblem).join("\n"));
  return handbook;
}

/** Each behavior's place in its thread: the forms of the thread, and which one it is. */
function threadPlaces(handbook: Handbook) {
  const places = new Map<string, { forms: ThreadForm[]; index: number }>();
  for (const track of handbook.tracks)
    for (const { threads } of trackThreads(buildTrackEvolution(track)))
      for (const { forms } of threads)
        forms.forEach((form, index) => places.set(`${track.id}/${form.behavior.id}`, { forms, index }));
  return places;
}

const sites = { ...SITES, hostile: HOSTILE_SITE };

describe.each(Object.entries(sites))("growth on the level pages of the %s build", async (_name, site) => {
  const built = new BuiltSite(site.outDir, site.base);
  const urls = createUrls(site.base);
  const handbook = await handbookOf(site.dataDir);
  const places = threadPlaces(handbook);
  const levelPages = handbook.tracks.flatMap((track) =>
    track.levels.map((level) => ({ track, level, $: built.page(urls.level(track.id, level.id)) })),
  );

  it("leads every behavior with a next form to it, on its anchor, with the words that change", () => {
    let checked = 0;
    for (const { track, level, $ } of levelPages) {
      for (const behavior of level.groups.flatMap((group) => group.behaviors)) {
        const where = `${urls.level(track.id, level.id)}#${behavior.id}`;
        const { forms, index } = places.get(`${track.id}/${behavior.id}`)!;
        const next = forms[index + 1];
        const details = $(`li.behavior[id="${behavior.id}"] > details.growth`);
        if (!next) {
          expect(details.length, where).toBe(0);
          continue;
        }
        expect(details.length, where).toBe(1);
        expect(details.attr("open"), where).toBeUndefined();
        const summary = sameWords(next.step!.diff)
          ? `Restated in the same words at ${levelInText(next.level)}`
          : `Grows into its ${levelInText(next.level)} form`;
        expect(details.children("summary").text(), where).toBe(summary);
        const link = details.find("dt a");
        expect(link.length, where).toBe(1);
        expect(link.attr("href"), where).toBe(urls.behavior(next.behavior));
        expect(link.text(), where).toBe(next.level.code);
        // It lands on the next form's own item on its level's page.
        const target = new URL(link.attr("href")!, "http://site");
        const landing = built.page(target.pathname)(`[id="${decodeURIComponent(target.hash.slice(1))}"]`);
        expect(landing.length, where).toBe(1);
        expect(landing.is("li.behavior"), where).toBe(true);
        // Verbatim: the next form's words, as a diff, or as written when it is rewritten whole or
        // restates this one by reference (showsDiff); the older side (when shown) this one's.
        const newer = details.find("dd > p").last();
        expect(newer.text(), where).toBe(plainText(next.behavior.text));
        expect(newer.find("del").length, where).toBe(0);
        expect(newer.is(".diff"), where).toBe(showsDiff(next));
        // The older side only when words are removed and some kept (removesWords, as on the
        // growth page): otherwise the behavior's text just above says it.
        const sides = details.find("dd > p.diff");
        const removes = showsDiff(next) && removesWords(next.step!.diff);
        expect(sides.length, where).toBe(removes ? 2 : showsDiff(next) ? 1 : 0);
        if (removes) {
          expect(sides.first().text(), where).toBe(plainText(behavior.text));
          expect(sides.first().find("ins").length, where).toBe(0);
        }
        checked++;
      }
    }
    // Every form but the last of each thread.
    const expected = [...places.values()].filter(({ forms, index }) => index < forms.length - 1).length;
    expect(checked).toBe(expected);
    expect(checked).toBeGreaterThan(0);
  });

  it("links every form of a thread of two forms or more to the thread, at its own id, and says nothing of a form alone", () => {
    let checked = 0;
    for (const { track, level, $ } of levelPages) {
      for (const behavior of level.groups.flatMap((group) => group.behaviors)) {
        const where = `${urls.level(track.id, level.id)}#${behavior.id}`;
        const { forms, index } = places.get(`${track.id}/${behavior.id}`)!;
        const growth = $(`li.behavior[id="${behavior.id}"] > .growth`);
        if (forms.length < 2) {
          expect(growth.length, where).toBe(0);
          continue;
        }
        expect(growth.length, where).toBe(1);
        const thread = growth.find("a").filter((_, a) => $(a).text().startsWith("How it grows"));
        expect(thread.length, where).toBe(1);
        expect(thread.attr("href"), where).toBe(`${urls.growth(track.id)}#${behavior.id}`);
        expect(thread.text(), where).toBe(
          `How it grows from ${forms[0].level.code} to ${forms.at(-1)!.level.code}`,
        );
        // A last form below levels that do not restate it says so, in a line of its own.
        const last = index === forms.length - 1;
        const above = track.levels.some((other) => other.status === "defined" && other.order > level.order);
        if (last) {
          expect(growth.is("p"), where).toBe(true);
          const stops = track.cumulative
            ? `Stops rising at ${level.code}: still expected at `
            : `Not listed above ${level.code}`;
          expect(growth.text().includes(stops), where).toBe(above);
        }
        checked++;
      }
    }
    expect(checked).toBe([...places.values()].filter(({ forms }) => forms.length > 1).length);
    // No "How it grows" link anywhere else on the level pages.
    const links = levelPages.reduce(
      (count, { $ }) => count + $("main a").filter((_, a) => $(a).text().startsWith("How it grows")).length,
      0,
    );
    expect(links).toBe(checked);
  });
});
