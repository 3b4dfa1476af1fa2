import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { THREE_RELEASES_DIR } from "../fixtures/releases/threeReleases";
import { ladder } from "../helpers/ladderCli";

/** A roadmap linking the fixture framework's releases and pinned wordings. */
const ROADMAP = [
  "# Roadmap",
  "",
  "- [Git, as of v1](/b/eng/basic-git/history/#v1)",
  "- [Docs, as of v2](/b/eng/writes-docs/history/#v2)",
  "- [Features, as of v1](/b/eng/supports-features/history/#v1)",
  "- [What changed](/changes/v3/)",
  "",
].join("\n");

describe("ladder check-links and releases", () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ladder-doc-")), "roadmap.md");
  writeFileSync(file, ROADMAP);

  it("reports a pinned link to a release that did not hold the id as broken, and one whose wording changed as a warning", async () => {
    const result = await ladder(["check-links", "--data-dir", THREE_RELEASES_DIR, file]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      `${file}:3:3: warning: pinned to v1, whose wording differs from today's: then “Has a basic understanding of Git.”, now “Has a working understanding of Git.”; the link works, but what it points to may need a look: /b/eng/basic-git/history/#v3 pins today's wording`,
      `${file}:5:3: error: "supports-features" was not in release v1: did you mean "v3", the release it was in?`,
      "1 file, 4 handbook links checked: 1 broken, 1 warning.",
      "",
    ]);
  });

  it("gives every verdict, warnings included, with --json", async () => {
    const result = await ladder(["check-links", "--json", "--data-dir", THREE_RELEASES_DIR, file]);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ files: 1, links: 4, broken: 1, warnings: 1 });
    expect(report.links.map(({ url, status }: { url: string; status: string }) => [url, status])).toEqual([
      ["/b/eng/basic-git/history/#v1", "warning"],
      ["/b/eng/writes-docs/history/#v2", "ok"],
      ["/b/eng/supports-features/history/#v1", "broken"],
      ["/changes/v3/", "ok"],
    ]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        line: 3,
        status: "warning",
        message: expect.stringMatching(/^pinned to v1, whose wording differs from today's: /),
        suggestions: ["/b/eng/basic-git/history/#v3"],
      }),
    );
  });
});
