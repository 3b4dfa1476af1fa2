import type { Image, Root } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { eachProseImage } from "../data/proseImages";
import { rehypePrefixHeadingIds } from "./rehypePrefixHeadingIds";

/** Where the page finds an image, given the URL the prose writes (a path from its file). */
export type ImageSrc = (url: string) => string;

/**
 * Points every image at `file.data.imageSrc(url)`. An `![alt][ref]` becomes an image of its
 * own, so that a link through the same definition keeps the URL as written.
 */
function remarkImageSrc() {
  return (tree: Root, file: { data: object }) => {
    const { imageSrc } = file.data as { imageSrc?: ImageSrc };
    if (!imageSrc) return;
    eachProseImage(tree, (node, url, definition) => {
      const image = node as unknown as Image;
      if (node.type === "imageReference") {
        const { alt, position } = node;
        for (const key of Object.keys(node)) delete (node as unknown as Record<string, unknown>)[key];
        Object.assign(image, { type: "image", alt, title: definition?.title, position });
      }
      image.url = imageSrc(url);
    });
  };
}

// Parsed as MDX, as `readDataDir` checked it, so the page shows what was validated; MDX
// nodes cannot remain (validation rejects them) and raw HTML is never passed through.
const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkImageSrc)
  .use(remarkRehype)
  .use(rehypePrefixHeadingIds)
  .use(rehypeStringify);

/**
 * The HTML of a prose page's Markdown body (already validated by `readDataDir`). `imageSrc`
 * gives each image's `src` from the URL the prose writes; without it, images keep that URL.
 */
export function renderProse(body: string, imageSrc?: ImageSrc): string {
  return String(processor.processSync({ value: body, data: { imageSrc } }));
}
