import type { Shape } from "../draft";
import { MAX_HTML_DEPTH } from "../tables/htmlTables";
import { readHtmlPage } from "../tables/htmlPage";
import { onePage, readTablePage } from "../tables/tablePage";

/** A name that says HTML. */
const HTML_NAME = /\.(?:html?|xhtml)$/i;

/**
 * An HTML page whose framework is a table of levels × categories (a handbook's levels table),
 * or several. Only the page's content counts: its `<main>`, else its `<article>`, else its
 * `<body>`; scripts, styles, navigation and (around a body) its header, footer and asides are
 * site chrome, not items of the framework, and are neither taken nor reported. The track's
 * title is the page's `<h1>` (else its `<title>`, else its first heading), its description the
 * first paragraph of the content; every other item of the content outside the tables is
 * reported as not taken. See `readGridMatrix` for how a table is read.
 */
export const htmlShape: Shape = {
  name: "html",
  label: "HTML: a table of levels × categories",
  async read(input) {
    const page = onePage(input);
    if ("misfit" in page) return page;
    if (!HTML_NAME.test(page.path) && !/^\s*</.test(page.text)) {
      return { misfit: "it is not HTML: its name does not end in .html and it does not start with a tag" };
    }
    const read = readHtmlPage(page.text, page.path);
    if (!read)
      return { misfit: `it nests elements more than ${MAX_HTML_DEPTH} deep, deeper than Ladder reads` };
    return readTablePage(read, "it has no <table> in its content");
  },
};
