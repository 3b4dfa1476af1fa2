import type { Shape } from "../draft";
import { csvShape, tsvShape, xlsxShape } from "./sheets";

/**
 * Every shape `ladder import` knows, in the order they are tried. When several fit, the
 * reading that loses fewest items wins, and the earlier on a tie.
 */
export const SHAPES: Shape[] = [csvShape, tsvShape, xlsxShape];
