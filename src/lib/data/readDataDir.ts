import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseFrontmatter } from "@astrojs/markdown-remark";
import { createProcessor } from "@mdx-js/mdx";
import { checkProse } from "./checkProse";
import { displayPath } from "./displayPath";
import { parseWithinNesting, tooDeepMessage } from "./nesting";
import { isProseImageName, PROSE_IMAGE_EXTENSIONS } from "./proseImages";
import { positionAt, readJsonText } from "./parseJson";
import { readDataText } from "./readDataText";
import { PUBLISHED_IDS_FILE } from "../links/readPublishedIds";
import { RELEASES_FOLDER } from "../links/urls";
import type { Problem } from "./problems";
import { ID_TOO_LONG, KEBAB_CASE, MAX_ID_LENGTH } from "../schemas/ids";
import { codePoint, unshowableCharacter } from "../schemas/text";
import type { Source, UncheckedSources } from "./sources";

/** What {@link readDataDir} found: the parsed files and whatever could not be read. */
export interface DataDirReading {
  sources: UncheckedSources;
  problems: Problem[];
}

/** The files the data folder may hold beside its track folders (hidden files are skipped). */
const ROOT_FILES = [PUBLISHED_IDS_FILE, "README.md"];

/** The folders of a track folder, by name (own keys only: a folder may be named `constructor`). */
const KINDS = { levels: ".json", roles: ".json", prose: ".mdx" } as const;

/**
 * Reads every data file below `dataDir` (`{track}/track.json`, `{track}/levels/*.json`,
 * `{track}/roles/*.json`, `{track}/prose/*.mdx`; `releases/` is no track, `readReleases` reads
 * it) without judging its content: syntax errors,
 * misnamed and unexpected files become problems; schemas are checked by `parseSources`.
 * Paths in problems are relative to `root` so they can be opened from the project.
 */
export async function readDataDir(dataDir: string, root = process.cwd()): Promise<DataDirReading> {
  const sources: UncheckedSources = { tracks: [], levels: [], roles: [], prose: [] };
  const problems: Problem[] = [];
  const relative = (file: string) => displayPath(file, root);

  let trackNames: string[];
  try {
    const [folders, files] = partition(listDir(dataDir), (name) => isDirectory(path.join(dataDir, name)));
    // The releases are read and checked by readReleases.
    trackNames = folders.filter((name) => name !== RELEASES_FOLDER);
    // Anything else there would be published nowhere: most likely a file in the wrong place.
    for (const name of files.filter((name) => !ROOT_FILES.includes(name))) {
      problems.push({
        file: relative(path.join(dataDir, name)),
        path: "",
        message: `is not a known data file: the data folder holds a folder per track, ${RELEASES_FOLDER}/ and perhaps a README.md (and ${PUBLISHED_IDS_FILE}, which releases replace): move it into its track's folder, or out of the data folder`,
      });
    }
  } catch (error) {
    const missing = ["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "");
    problems.push({
      file: relative(dataDir) || ".",
      path: "",
      message: missing
        ? "data folder not found: create it with one folder per track"
        : unreadableFolder(error),
    });
    return { sources, problems };
  }
  if (trackNames.length === 0) {
    problems.push({
      file: relative(dataDir) || ".",
      path: "",
      message: "holds no track: add a folder with a track.json for each track",
    });
  }

  for (const track of trackNames) {
    const trackDir = path.join(dataDir, track);
    if (!KEBAB_CASE.test(track)) {
      problems.push({
        file: relative(trackDir),
        path: "",
        message: `track folder name "${track}" must be kebab-case (it becomes the track's URL): rename the folder`,
      });
      continue;
    }
    if (track.length > MAX_ID_LENGTH) {
      problems.push({
        file: relative(trackDir),
        path: "",
        message: `track folder name ${ID_TOO_LONG}, not ${track.length}: rename the folder`,
      });
      continue;
    }
    const names = listFolder(trackDir, relative(trackDir), problems);
    if (!names) continue;
    for (const name of names) {
      const file = path.join(trackDir, name);
      if (name === "track.json") {
        const data = readJson(file, relative(file), problems);
        if (data !== undefined) sources.tracks.push({ file: relative(file), track, id: track, data });
      } else if (Object.hasOwn(KINDS, name) && isDirectory(file)) {
        await readKindDir(name as keyof typeof KINDS, file, track, sources, problems, { dataDir, root });
      } else {
        problems.push({
          file: relative(file),
          path: "",
          message:
            "is not a known data file: a track folder holds track.json and the folders levels/, roles/ and prose/",
        });
      }
    }
    // One that exists but cannot be read or parsed has its own problem already.
    if (!names.includes("track.json")) {
      problems.push({
        file: relative(path.join(trackDir, "track.json")),
        path: "",
        message:
          "is missing: every track folder needs a track.json with its title, description and categories",
      });
    }
  }
  return { sources, problems };
}

async function readKindDir(
  kind: keyof typeof KINDS,
  dir: string,
  track: string,
  sources: UncheckedSources,
  problems: Problem[],
  place: { dataDir: string; root: string },
): Promise<void> {
  for (const name of listFolder(dir, displayPath(dir, place.root), problems) ?? []) {
    const file = path.join(dir, name);
    const shown = displayPath(file, place.root);
    // Prose pages show images kept beside them; the build publishes those they show.
    const image = kind === "prose" && isProseImageName(name);
    const extension = image ? path.extname(name) : KINDS[kind];
    const id = name.slice(0, -extension.length);
    if (!name.endsWith(extension) || isDirectory(file)) {
      problems.push({
        file: shown,
        path: "",
        message:
          kind === "prose"
            ? `is not a known data file: prose/ holds only .mdx pages and the images they show (${PROSE_IMAGE_EXTENSIONS.join(", ")})`
            : `is not a known data file: ${kind}/ holds only ${extension} files`,
      });
      continue;
    }
    if (!KEBAB_CASE.test(id)) {
      problems.push({
        file: shown,
        path: "",
        message: `file name "${id}" must be kebab-case (it becomes a URL): rename the file`,
      });
      continue;
    }
    if (id.length > MAX_ID_LENGTH) {
      problems.push({
        file: shown,
        path: "",
        message: `file name ${ID_TOO_LONG}, not ${id.length} (before ${extension}): rename the file`,
      });
      continue;
    }
    if (image) continue;
    const read: { data: unknown; body?: string } | undefined =
      kind === "prose"
        ? await readMdx(file, shown, problems, place)
        : { data: readJson(file, shown, problems) };
    const data = read?.data;
    if (data === undefined) continue;
    const source: Source<unknown> = {
      file: shown,
      track,
      id,
      data,
      ...(read?.body !== undefined && { body: read.body }),
    };
    if (kind === "levels") sources.levels.push(source);
    else if (kind === "roles") sources.roles.push(source);
    else sources.prose.push(source);
  }
}

function readJson(file: string, shown: string, problems: Problem[]): unknown {
  const text = readDataText(file, shown, problems);
  if (text === undefined) return undefined;
  const read = readJsonText(shown, text);
  problems.push(...read.problems);
  return read.data;
}

/** Returns the front matter and body of an MDX file after checking that its body is plain prose. */
async function readMdx(
  file: string,
  shown: string,
  problems: Problem[],
  place: { dataDir: string; root: string },
): Promise<{ data: unknown; body: string } | undefined> {
  const text = readDataText(file, shown, problems);
  if (text === undefined) return undefined;
  // JSON escapes such characters and its text fields are checked by the schemas; MDX holds them raw.
  const unshowable = unshowableCharacter(text);
  if (unshowable) {
    problems.push({
      file: shown,
      path: "",
      ...positionAt(text, unshowable.index),
      message: `contains ${codePoint(unshowable.char)}, ${unshowable.what}: remove it`,
    });
    return undefined;
  }
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(text, { frontmatter: "empty-with-spaces" });
  } catch (error) {
    // js-yaml counts from 0, and from the file's first line (the opening ---).
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? firstLine(error);
    problems.push({
      file: shown,
      path: "",
      message: `front matter is not valid YAML: ${reason}: fix the syntax`,
      ...(mark && { line: mark.line + 1, column: mark.column + 1 }),
    });
    return undefined;
  }
  const before = problems.length;
  let parsing: ReturnType<typeof parseWithinNesting>;
  try {
    // Measured before anything walks the tree by recursion, as checkProse and the page's rendering do.
    parsing = parseWithinNesting(parsed.content, (content) => createProcessor().parse(content));
  } catch (error) {
    // The front matter was blanked out line for line, so places are those of the file.
    const { line, column, reason } = error as { line?: number; column?: number; reason?: string };
    problems.push({
      file: shown,
      path: "",
      message: `is not valid MDX: ${reason ?? firstLine(error)}: fix the MDX syntax (in plain text, write < as &lt; and { as &#123;)`,
      ...(line !== undefined && { line, column: column ?? 1 }),
    });
    return undefined;
  }
  if ("tooDeep" in parsing) {
    const { line, column } = parsing.tooDeep;
    problems.push({
      file: shown,
      path: "",
      ...(line !== undefined && { line, column }),
      message: tooDeepMessage(parsing.tooDeep, "prose"),
    });
    return undefined;
  }
  problems.push(...checkProse(parsing.tree, { file, shown, ...place }));
  if (problems.length > before) return undefined;
  return { data: parsed.frontmatter, body: parsed.content.trim() };
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split("\n")[0];
}

/** The items for which `test` holds, and the others. */
function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/** The names in a folder, sorted, without hidden ones (.DS_Store, .gitkeep, an editor's swap files). */
function listDir(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .sort();
}

function unreadableFolder(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? firstLine(error);
  return `cannot be read (${code}): none of its files are checked; make the folder readable, or remove it`;
}

/** The names in a folder, or undefined (and a problem) when it cannot be read. */
function listFolder(dir: string, shown: string, problems: Problem[]): string[] | undefined {
  try {
    return listDir(dir);
  } catch (error) {
    problems.push({ file: shown, path: "", message: unreadableFolder(error) });
    return undefined;
  }
}

/** Whether `file` is a folder; false for anything unreadable, such as a broken link. */
function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
