import { decodeText, type ImportInput, type Misfit, type Shape, type ShapeReading } from "../draft";
import { readMarkdownPage } from "../markdown/readPage";

/** Files of other formats, which a Markdown parser would read as text without complaint. */
const OTHER_FORMATS = /\.(ya?ml|json|csv|tsv|xlsx?|ods|html?|xml)$/i;

/**
 * A framework written as one Markdown page: a heading per level (at any depth) holding its
 * behaviors as a list, a list item per category, a sub-heading per category or one-line
 * `Category: behavior` items; see `readMarkdownPage`.
 */
export const markdownShape: Shape = {
  name: "markdown",
  label: "Markdown: a heading per level",
  async read(input: ImportInput): Promise<ShapeReading | Misfit> {
    if (input.isFolder || input.files.length !== 1) {
      return {
        misfit: `a folder of ${input.files.length} files: this shape reads one Markdown page (a folder of pages with front matter is --format front-matter)`,
      };
    }
    const [file] = input.files;
    const other = OTHER_FORMATS.exec(file.path);
    if (other) return { misfit: `a .${other[1]} file is not a Markdown page` };
    const text = decodeText(file);
    if (text === undefined) return { misfit: "the file is not UTF-8 text, so not a Markdown page" };
    return readMarkdownPage(text, file.path);
  },
};
