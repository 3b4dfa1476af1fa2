import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { rehypePrefixHeadingIds } from "./rehypePrefixHeadingIds";

// Parsed as MDX, as `readDataDir` checked it, so the page shows what was validated; MDX
// nodes cannot remain (validation rejects them) and raw HTML is never passed through.
const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypePrefixHeadingIds)
  .use(rehypeStringify);

/** The HTML of a prose page's Markdown body (already validated by `readDataDir`). */
export function renderProse(body: string): string {
  return String(processor.processSync(body));
}
