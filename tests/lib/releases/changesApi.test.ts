import { describe, expect, it } from "vitest";
import { diffSide } from "../../../src/lib/compare/wordDiff";
import { API_SCHEMA_VERSION } from "../../../src/lib/handbook/apiDocuments";
import { createUrls } from "../../../src/lib/links/urls";
import { releaseChanges } from "../../../src/lib/releases/changes";
import { releaseChangesDocument } from "../../../src/lib/releases/changesApi";
import { isResponsibility } from "../../../src/lib/releases/release";
import { plainText } from "../../../src/lib/text/inlineMarkdown";
import { EXPECTED_CHANGES, fixtureReleases } from "../../fixtures/releases/threeReleases";

const releases = fixtureReleases();
const changelogs = releases.map((release, index) => releaseChanges(releases[index - 1], release));
const urls = createUrls("/handbook/");

describe("releaseChangesDocument", () => {
  it("gives the release, its date, the release before, its summary and counts", () => {
    for (const changes of changelogs) {
      expect(releaseChangesDocument(changes, urls)).toMatchObject({
        schemaVersion: API_SCHEMA_VERSION,
        release: changes.release,
        date: changes.date,
        previous: changes.previous,
        url: `/handbook/changes/${changes.release}/`,
        summary: changes.summary,
        counts: changes.counts,
      });
    }
  });

  it("lists each change the fixture makes, as written by hand, with its kinds and ids", () => {
    const listed = Object.fromEntries(
      changelogs.map((changes) => [
        changes.release,
        Object.fromEntries(
          releaseChangesDocument(changes, urls)
            .tracks.filter((track) => track.changes.length > 0)
            .map((track) => [
              track.track,
              track.changes.map((change) =>
                `${change.kinds.join(", ")}: ${change.before.map((i) => i.id).join(", ")} → ${change.after.map((i) => i.id).join(", ")}`.replace(
                  ":  →",
                  ": →",
                ),
              ),
            ]),
        ),
      ]),
    );
    expect(listed).toEqual(EXPECTED_CHANGES);
  });

  it("gives every item verbatim, its plain words beside, and where it was", () => {
    let checked = 0;
    for (const changes of changelogs) {
      const document = releaseChangesDocument(changes, urls);
      changes.tracks.forEach((track, trackIndex) => {
        const changeList = track.groups.flatMap((group) => group.changes);
        const documented = document.tracks[trackIndex].changes;
        expect(documented).toHaveLength(changeList.length);
        changeList.forEach((change, index) => {
          for (const side of ["before", "after"] as const) {
            change[side].forEach(({ item, where }, position) => {
              const shown = documented[index][side][position];
              expect(shown).toMatchObject({
                id: item.id,
                text: item.text,
                textPlain: plainText(item.text),
                where,
              });
              if (isResponsibility(item)) expect(shown).toMatchObject({ role: item.role });
              else
                expect(shown).toMatchObject({
                  level: item.level,
                  category: item.category,
                  examples: item.examples ?? [],
                  examplesPlain: (item.examples ?? []).map(plainText),
                });
              checked++;
            });
          }
        });
      });
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("gives word diffs whose pieces rebuild the texts before and after", () => {
    const reworded = changelogs.flatMap((changes) =>
      releaseChangesDocument(changes, urls).tracks.flatMap((track) =>
        track.changes.filter((c) => c.textDiff),
      ),
    );
    expect(reworded.length).toBeGreaterThan(0);
    for (const change of reworded) {
      const side = (which: "older" | "newer") =>
        diffSide(change.textDiff!, which)
          .map((part) => part.value)
          .join("");
      expect([side("older"), side("newer")]).toEqual([change.before[0].textPlain, change.after[0].textPlain]);
    }
  });

  it("points each change at its entry on the release's page, absolutely when the site is known", () => {
    const v2 = releaseChangesDocument(changelogs[1], createUrls("/", "https://careers.example.com"));
    const eng = v2.tracks.find((track) => track.track === "eng")!;
    expect(eng.changes.find((change) => change.kinds.includes("removed"))!.url).toBe(
      "https://careers.example.com/changes/v2/#change--eng--runs-demos",
    );
    expect(eng.changes.find((change) => change.kinds.includes("added"))!.url).toBe(
      "https://careers.example.com/changes/v2/#change--eng--sets-direction",
    );
    expect(v2.url).toBe("https://careers.example.com/changes/v2/");
  });

  it("names the place of each change: a level or a role", () => {
    const eng = releaseChangesDocument(changelogs[2], urls).tracks[0];
    expect(eng.changes.map((change) => [change.place, change.heading])).toEqual([
      [{ level: "l2" }, "L2 · Engineer II"],
      [{ level: "l2" }, "L2 · Engineer II"],
      [{ level: "l3" }, "L3 · Senior Engineer"],
      [{ role: "manager" }, "Engineering Manager (role)"],
    ]);
  });

  it("is JSON: what it serializes to reads back the same", () => {
    for (const changes of changelogs) {
      const document = releaseChangesDocument(changes, urls);
      expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    }
  });
});
