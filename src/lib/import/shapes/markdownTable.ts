import type { Shape } from "../draft";
import { tooDeepMessage } from "../../data/nesting";
import { readMarkdownPage } from "../tables/markdownTables";
import { onePage, readTablePage } from "../tables/tablePage";

/** Files that are surely not a Markdown page, whatever their text: another shape reads them. */
const NOT_MARKDOWN = /\.(?:html?|xhtml|csv|tsv|xlsx|xls|ya?ml|json)$/i;

/**
 * A Markdown page whose framework is a table of levels × categories, in either orientation
 * (a GitHub table, its cells holding several behaviors between `<br>`s; or an HTML `<table>`
 * written in the page), or several such tables: one per level section, one per category. The
 * track's title is the page's `#` heading, its description the first paragraph; every other
 * item outside the tables is reported as not taken. See `readGridMatrix` for how a table is read.
 */
export const markdownTableShape: Shape = {
  name: "markdown-table",
  label: "Markdown: a table of levels × categories",
  async read(input) {
    const page = onePage(input);
    if ("misfit" in page) return page;
    if (NOT_MARKDOWN.test(page.path)) return { misfit: "its name says it is not a Markdown page" };
    const read = readMarkdownPage(page.text, page.path);
    if ("tooDeep" in read) return { misfit: `it ${tooDeepMessage(read.tooDeep, "document")}` };
    return readTablePage(
      read,
      "it has no table: neither a Markdown table (`| … |` rows) nor an HTML `<table>`",
    );
  },
};
