import type { Handbook } from "../handbook/buildHandbook";
import type { Release } from "../releases/release";
import { checkHandbookUrl } from "../links/checkHandbookUrl";
import { behaviorLists, type LevelBehaviorsData } from "../schemas";
import { parseInlineMarkdown, type InlineNode } from "../text/inlineMarkdown";
import type { Problem } from "./problems";
import type { HandbookSources } from "./sources";

/** Every text of the data that holds inline Markdown, with the file and field it is in. */
function markdownFields(sources: HandbookSources): { file: string; path: string; text: string }[] {
  const fields: { file: string; path: string; text: string }[] = [];
  const add = (file: string, path: string, text: string | undefined) => {
    if (text !== undefined) fields.push({ file, path, text });
  };
  const behaviors = (file: string, prefix: string, written: LevelBehaviorsData | undefined) => {
    for (const { path, behaviors: list } of behaviorLists(written))
      list.forEach((behavior, index) => {
        const at = `${[prefix, ...path].join(".")}[${index}]`;
        add(file, `${at}.text`, behavior.text);
        (behavior.examples ?? []).forEach((example, n) => add(file, `${at}.examples[${n}]`, example));
      });
  };
  for (const { file, data } of sources.tracks) {
    add(file, "description", data.description);
    (data.categories ?? []).forEach((category, index) =>
      add(file, `categories[${index}].description`, category.description),
    );
    behaviors(file, "sharedExpectations.behaviors", data.sharedExpectations?.behaviors);
  }
  for (const { file, data } of sources.levels) {
    add(file, "summary", data.summary);
    behaviors(file, "behaviors", data.behaviors);
  }
  for (const { file, data } of sources.roles) {
    add(file, "summary", data.summary);
    (data.body ?? []).forEach((paragraph, index) => add(file, `body[${index}]`, paragraph));
    data.responsibilities.forEach((responsibility, index) =>
      add(file, `responsibilities[${index}].text`, responsibility.text),
    );
  }
  return fields;
}

/** The URLs of a tree's links, in reading order. */
function linkUrls(nodes: InlineNode[]): string[] {
  return nodes.flatMap((node) =>
    node.type === "link"
      ? [node.url, ...linkUrls(node.children)]
      : "children" in node
        ? linkUrls(node.children)
        : [],
  );
}

/**
 * The links into the handbook (paths from its base, `/support/ic3/#basic-git`) that the data's
 * Markdown texts hold and that lead nowhere: checked as `ladder check-links` checks a document
 * (the page and its anchor must exist, and so must a release it names), once the handbook is whole. An anchor alone (`#id`) is
 * on whichever page shows the text, so it is not checked; nor are addresses on the web.
 */
export function checkTextLinks(
  sources: HandbookSources,
  handbook: Handbook,
  releases: readonly Release[] = [],
): Problem[] {
  return markdownFields(sources).flatMap(({ file, path, text }) =>
    linkUrls(parseInlineMarkdown(text).nodes)
      .filter((url) => url.startsWith("/"))
      .flatMap((url): Problem[] => {
        const verdict = checkHandbookUrl(url, handbook, {}, releases);
        if (verdict?.status !== "broken") return [];
        return [{ file, path, message: `links to ${url}, which leads nowhere: ${verdict.message}` }];
      }),
  );
}
