import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A small valid data set: one track, two levels, one role, one prose page. */
export function minimalData(): Record<string, unknown> {
  return {
    "demo/track.json": {
      title: "Demo framework",
      order: 1,
      description: "A framework for tests.",
      cumulative: true,
      categories: [
        { id: "craft", title: "Craft" },
        { id: "teamwork", title: "Teamwork" },
      ],
      sharedExpectations: {
        title: "All Levels",
        behaviors: { craft: [{ id: "shows-up", text: "Shows up." }] },
      },
    },
    "demo/levels/l1.json": {
      code: "L1",
      title: "Junior",
      summary: "Learning.",
      order: 1,
      status: "defined",
      behaviors: {
        craft: [{ id: "basic-git", text: "Has a basic understanding of Git." }],
        teamwork: [{ id: "asks-questions", text: "Asks questions." }],
      },
    },
    "demo/levels/l2.json": {
      code: "L2",
      order: 2,
      status: "defined",
      behaviors: { craft: [{ id: "git-expert", text: "Is an expert in Git.", aliases: ["expert-git"] }] },
    },
    "demo/levels/l3.json": { code: "L3", order: 3, status: "not yet defined" },
    "demo/roles/lead.json": {
      title: "Lead",
      summary: "Leads.",
      responsibilities: [{ id: "mentor", title: "Mentor", text: "Mentors others." }],
    },
    "demo/prose/intro.mdx": "---\ntitle: Introduction\norder: 1\n---\n\nHello.\n",
  };
}

/**
 * `minimalData()` as a track without categories: no `categories` in track.json, and the
 * behaviors of each level and of the shared expectations as one array, in the order written.
 */
export function uncategorizedData(): Record<string, unknown> {
  const files = minimalData() as Record<string, Record<string, any>>;
  const flatten = (holder: { behaviors?: Record<string, unknown[]> } | undefined) => {
    if (holder?.behaviors) holder.behaviors = Object.values(holder.behaviors).flat() as never;
  };
  delete files["demo/track.json"].categories;
  flatten(files["demo/track.json"].sharedExpectations);
  for (const [name, data] of Object.entries(files)) if (name.startsWith("demo/levels/")) flatten(data);
  return files;
}

/**
 * Writes a data folder into a new temporary directory: objects become JSON, strings are
 * written as they are (for syntax errors and MDX), and bytes too (for text that is not UTF-8).
 * Returns the folder's path.
 */
export function writeDataDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ladder-data-"));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      typeof content === "string" || content instanceof Uint8Array
        ? content
        : JSON.stringify(content, null, 2),
    );
  }
  return dir;
}
