import type { Shape } from "../draft";
import { frontMatterShape } from "./frontMatter";
import { htmlShape } from "./html";
import { markdownShape } from "./markdown";
import { markdownTableShape } from "./markdownTable";
import { csvShape, tsvShape, xlsxShape } from "./sheets";
import { yamlShape } from "./yaml";

/**
 * Every shape `ladder import` knows, in the order they are tried. When several fit, the
 * reading with the most behaviors less losses wins, then the one that loses fewest items,
 * then the earlier here (see `importSource`).
 */
export const SHAPES: Shape[] = [
  markdownShape,
  markdownTableShape,
  htmlShape,
  frontMatterShape,
  yamlShape,
  csvShape,
  tsvShape,
  xlsxShape,
];
