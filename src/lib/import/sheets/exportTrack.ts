import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { BehaviorGroup, Track } from "../../handbook/buildHandbook";

/** The formats a track is exported in. */
export type ExportFormat = "csv" | "xlsx" | "md";

/** One row of an exported sheet: one behavior. */
export interface ExportRow {
  id: string;
  /** The level's code; the shared section's title for a shared expectation. */
  level: string;
  /** The category's title; empty on a track without categories. */
  category: string;
  text: string;
  /** Ids it was published under before. */
  aliases: string[];
  examples: string[];
}

/** The sheet's columns before the examples. */
export const EXPORT_COLUMNS = ["id", "level", "category", "text"] as const;

/**
 * Every behavior of a track as a row, in the handbook's order: the shared expectations first,
 * then the levels in order, each by category in the track's order. Texts are verbatim.
 */
export function exportRows(track: Track): ExportRow[] {
  const rows = (level: string, groups: BehaviorGroup[]) =>
    groups.flatMap((group) =>
      group.behaviors.map((behavior) => ({
        id: behavior.id,
        level,
        category: group.category?.title ?? "",
        text: behavior.text,
        aliases: behavior.aliases,
        examples: behavior.examples,
      })),
    );
  return [
    ...(track.shared ? rows(track.shared.title, track.shared.groups) : []),
    ...track.levels.flatMap((level) => rows(level.code, level.groups)),
  ];
}

/**
 * The header and rows of the sheet: `id | level | category | text | aliases | example 1 | …`,
 * with an `aliases` column when a behavior has one (so reviewers see the ids a link may still
 * use, and can give a removed behavior's id to the row that takes its place), and as many
 * example columns as the most examples.
 */
export function exportTable(track: Track): string[][] {
  const rows = exportRows(track);
  const examples = Math.max(0, ...rows.map((row) => row.examples.length));
  const withAliases = rows.some((row) => row.aliases.length > 0);
  const header = [
    ...EXPORT_COLUMNS,
    ...(withAliases ? ["aliases"] : []),
    ...Array.from({ length: examples }, (_, n) => `example ${n + 1}`),
  ];
  return [
    header,
    ...rows.map((row) => [
      row.id,
      row.level,
      row.category,
      row.text,
      ...(withAliases ? [row.aliases.join(", ")] : []),
      ...Array.from({ length: examples }, (_, n) => row.examples[n] ?? ""),
    ]),
  ];
}

/**
 * A track as a file people edit and read outside Ladder: a CSV text or an XLSX workbook with one
 * row per behavior and a column of ids (which `ladder import --into` reads back as a change), or
 * a Markdown page in the shape the Markdown importer reads. Texts are kept verbatim, inline
 * Markdown included. The CSV has no byte-order mark: the command line adds one to a file.
 */
export async function exportTrack(track: Track, format: ExportFormat): Promise<Uint8Array | string> {
  if (format === "csv") return stringify(exportTable(track), { record_delimiter: "unix" });
  if (format === "md") return exportMarkdown(track);
  return exportWorkbook(track);
}

/** A sheet's name: at most 31 characters, none of `[]:*?/\`, as Excel requires. */
function sheetName(track: Track): string {
  const name = track.shortTitle
    .replace(/[[\]:*?/\\]/g, " ")
    .trim()
    .slice(0, 31)
    .trim();
  return name === "" ? "Behaviors" : name;
}

/** The column widths, in characters, for a reader: ids and levels narrow, texts wide. */
const WIDTHS: Record<string, number> = { id: 32, level: 14, category: 26, text: 80, aliases: 32 };

/**
 * The workbook: one sheet, its header row bold and frozen, every cell a string (so a text that
 * looks like a number or a formula stays text) wrapped at the top of its cell.
 */
async function exportWorkbook(track: Track): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Ladder";
  const sheet = workbook.addWorksheet(sheetName(track), { views: [{ state: "frozen", ySplit: 1 }] });
  const [header, ...rows] = exportTable(track);
  sheet.columns = header.map((name) => ({ header: name, key: name, width: WIDTHS[name] ?? 50 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // An empty cell is left out, not written as an empty string.
    const added = sheet.addRow(row.map((value) => (value === "" ? null : value)));
    added.eachCell((cell) => {
      cell.alignment = { wrapText: true, vertical: "top" };
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * The Markdown page: `# {track title}`, `## {code} · {title}` per level (the shared section
 * first, by its title), `### {category}` per category, each behavior an item `- {text} {#id}`
 * with its examples as items nested under it.
 */
function exportMarkdown(track: Track): string {
  const blocks: string[] = [`# ${track.title}`];
  const section = (heading: string, groups: BehaviorGroup[]) => {
    blocks.push(`## ${heading}`);
    for (const group of groups) {
      if (group.category) blocks.push(`### ${group.category.title}`);
      blocks.push(
        group.behaviors
          .map((behavior) =>
            [
              `- ${behavior.text} {#${behavior.id}}`,
              ...behavior.examples.map((example) => `  - ${example}`),
            ].join("\n"),
          )
          .join("\n"),
      );
    }
  };
  if (track.shared) section(track.shared.title, track.shared.groups);
  for (const level of track.levels)
    section(level.title ? `${level.code} · ${level.title}` : level.code, level.groups);
  return `${blocks.join("\n\n")}\n`;
}
