import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { compareText } from "../lib/handbook/buildHandbook";
import { checkDocumentLinks, type CheckedLink } from "../lib/links/checkDocumentLinks";
import { documentFormat } from "../lib/links/extractLinks";
import type { Deployment } from "../lib/links/handbookPath";
import { createUrls } from "../lib/links/urls";
import { formatProblem, type Problem } from "../lib/data/problems";
import { formatSize, MAX_FILE_BYTES, readDataText } from "../lib/data/readDataText";
import { validateDataDir } from "../lib/data/validateDataDir";
import { dataDirOption, EXIT, parseCommandArgs, plural, printJson, UsageError, type Command } from "./cli";

/** The files `check-links` reads in a folder. */
const DOCUMENT = /\.(md|mdx|markdown)$/i;

/** Folders never searched for documents: dependencies, build output, hidden folders. */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", "test-output", "bench-output"]);

/**
 * One line of the report: a link that is broken or should be written otherwise, or a file or
 * folder that cannot be read (without a line and column when the problem is the whole of it).
 */
interface Finding {
  file: string;
  line?: number;
  column?: number;
  status: "broken" | "warning";
  message: string;
}

const asShown = (file: string) => file.split(path.sep).join("/");

/**
 * The documents named on the command line: files as they are, folders searched for Markdown
 * and MDX; and a problem for each folder that cannot be listed.
 */
function documentsIn(paths: string[]): { files: string[]; unreadable: Finding[] } {
  const found = new Set<string>();
  const unreadable: Finding[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      const message = `cannot be read (${code}): none of its documents are checked; make the folder readable`;
      unreadable.push({ file: asShown(folder), status: "broken", message });
      return;
    }
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (DOCUMENT.test(entry.name)) {
        found.add(full);
      }
    }
  };
  for (const given of paths) {
    let isFolder: boolean;
    try {
      isFolder = statSync(given).isDirectory();
    } catch {
      throw new UsageError(`${given}: no such file or folder`);
    }
    if (isFolder) walk(given);
    else found.add(given);
  }
  return { files: [...found].map(asShown), unreadable };
}

function formatFinding(finding: Finding): string {
  const severity = finding.status === "broken" ? "error" : "warning";
  const place = finding.line === undefined ? "" : `:${finding.line}:${finding.column ?? 1}`;
  return `${finding.file}${place}: ${severity}: ${finding.message}`;
}

export const checkLinksCommand: Command = {
  name: "check-links",
  summary: "check the handbook links in Markdown and MDX documents, such as career roadmaps",
  help: `Usage: ladder check-links [options] <file or folder>...

Finds every link in Markdown (.md, .markdown) and MDX (.mdx) files, and in the Markdown and
MDX files below each folder: inline links, reference-style links (their definitions),
autolinks and bare URLs, and href="…" in MDX. Links inside code are skipped. Each link into
the handbook (absolute on the site, or root-relative under the base) is checked against the
data and its releases, without a build: the page must exist and so must its #anchor (on a
history page, a release that held the id: a pinned link). Only regular files of up
to ${formatSize(MAX_FILE_BYTES)} are read, as UTF-8: a larger file, a pipe or a device is reported, not
read, and a file in another encoding at its first byte that is not UTF-8.

Prints one line per problem, "file:line:column: error: message" for a broken link and
"…: warning: …" for one that works but should be written otherwise (an old id through an
alias, a page section, a missing trailing slash) or may need a look (a pinned link whose
wording then is not today's), then a summary line.

Options:
  --site <url>         the handbook's origin, e.g. https://handbook.example.com
                       (default: $LADDER_SITE; without it absolute URLs are not checked)
  --base <path>        the path the handbook is served under, e.g. /handbook/
                       (default: $LADDER_BASE, else /)
  --data-dir <folder>  the data folder (default: $LADDER_DATA_DIR, else data)
  --json               print every handbook link and its verdict as JSON
  -h, --help           show this help

Exit code: 0 when no link is broken (warnings allowed), 1 when one is, a file cannot be
read, no link to the handbook was found at all (is --base right?) or the data has problems,
2 when called wrongly (such as a file that does not exist, or no document to check).`,

  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { site: { type: "string" }, base: { type: "string" } },
      true,
    );
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UsageError("name at least one file or folder to check");
    const deployment: Deployment = {
      site: values.site ?? (process.env.LADDER_SITE || undefined),
      base: values.base ?? (process.env.LADDER_BASE || "/"),
    };
    if (deployment.site) {
      try {
        new URL(deployment.site);
      } catch {
        throw new UsageError(
          `--site must be an absolute URL such as https://handbook.example.com, not "${deployment.site}"`,
        );
      }
    }
    const { files, unreadable } = documentsIn(positionals);
    if (files.length === 0 && unreadable.length === 0) {
      throw new UsageError(
        `no Markdown or MDX file (.md, .mdx, .markdown) in ${positionals.join(", ")}: name the documents to check, or folders that hold them`,
      );
    }

    const dir = dataDirOption(values["data-dir"]);
    const { handbook, problems, releases = [] } = await validateDataDir(dir);
    if (!handbook) {
      for (const problem of problems) console.error(formatProblem(problem));
      console.error(
        `\nThe data in ${dir}/ has ${plural(problems.length, "problem")}: links cannot be checked until it is valid (see ladder validate).`,
      );
      return EXIT.problems;
    }

    const links: (CheckedLink & { file: string })[] = [];
    const findings: Finding[] = [...unreadable];
    let others = 0;
    let uncheckedAbsolute = 0;
    /** Files whose links could all be found. */
    let read = 0;
    for (const file of files) {
      const notRead: Problem[] = [];
      const text = readDataText(file, file, notRead);
      if (text === undefined) {
        for (const { line, column, message } of notRead) {
          findings.push({ file, ...(line !== undefined && { line, column }), status: "broken", message });
        }
        continue;
      }
      try {
        const result = checkDocumentLinks(text, documentFormat(file), handbook, deployment, releases);
        read++;
        others += result.others.length;
        uncheckedAbsolute += result.others.filter((link) => /^https?:/i.test(link.url)).length;
        for (const link of result.checked) {
          links.push({ file, ...link });
          if (link.status !== "ok") findings.push({ file, ...link, status: link.status });
        }
      } catch (error) {
        // An MDX syntax error, or nesting too deep, hides every link after it: count it as broken.
        const { line, column, reason } = error as { line?: number; column?: number; reason?: string };
        const message = `cannot be read as ${documentFormat(file) === "mdx" ? "MDX" : "Markdown"}: ${reason ?? (error as Error).message}`;
        findings.push({ file, ...(line !== undefined && { line, column }), status: "broken", message });
      }
    }

    const broken = findings.filter((finding) => finding.status === "broken").length;
    const warnings = findings.length - broken;
    const summary = { files: files.length, links: links.length, broken, warnings, others };
    if (values.json) {
      printJson({ deployment, summary, links, problems: findings });
    } else {
      for (const finding of findings) console.log(formatFinding(finding));
      if (!deployment.site && uncheckedAbsolute > 0) {
        console.log(
          `note: ${plural(uncheckedAbsolute, "absolute URL was", "absolute URLs were")} not checked: give the handbook's site with --site or LADDER_SITE to check them`,
        );
      }
      console.log(
        `${plural(files.length, "file")}, ${plural(links.length, "handbook link")} checked: ${broken} broken, ${plural(warnings, "warning")}` +
          (others > 0 ? ` (${plural(others, "other link")} not checked)` : "") +
          ".",
      );
    }
    // A run that checks no link at all checks nothing: most likely --base (or --site) is wrong.
    const noneChecked = read > 0 && links.length === 0;
    if (noneChecked) {
      const urls = createUrls(deployment.base, deployment.site);
      const where = deployment.site ? `${urls.base} or ${urls.absolute(urls.base)}` : urls.base;
      const ask = deployment.site
        ? "are --base and --site right?"
        : `is --base right${uncheckedAbsolute > 0 ? ", and --site missing" : ""}?`;
      console.error(
        `ladder check-links: no link to the handbook under ${where} was found in ${plural(read, "file")}; ${ask}`,
      );
    }
    return broken > 0 || noneChecked ? EXIT.problems : EXIT.ok;
  },
};
