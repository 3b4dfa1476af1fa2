import { inlineMarkdownProblems } from "../text/inlineMarkdown";
import { textSchema } from "./text";

/**
 * A text that may hold inline Markdown (see `text/inlineMarkdown`): checked as every text is,
 * and for what no page may show — raw HTML, images, links to other schemes — each reported with
 * where it is and what to write instead. Kept apart from `text`, which the browser's roadmap
 * import uses, so the Markdown parser stays out of the pages' scripts.
 */
export const markdownTextSchema = textSchema.superRefine((text, context) => {
  for (const problem of inlineMarkdownProblems(text))
    context.addIssue({ code: "custom", message: problem.message });
});
