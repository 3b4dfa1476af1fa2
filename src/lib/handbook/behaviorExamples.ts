/**
 * Up to this many examples show open under their behavior; more fold into a disclosure, so a
 * criterion with a dozen sub-points does not push the next behavior off the screen.
 */
export const EXAMPLES_SHOWN_OPEN = 3;

/** How a behavior's examples are shown on the page where it lives. */
export interface ExamplesView {
  /** Whether they fold into a disclosure named by `label`. */
  collapsed: boolean;
  /** "2 examples", the list's accessible name, and the disclosure's summary when collapsed. */
  label: string;
}

/** How to show `examples` under their behavior; undefined when it has none. */
export function examplesView(examples: readonly unknown[]): ExamplesView | undefined {
  if (examples.length === 0) return undefined;
  return {
    collapsed: examples.length > EXAMPLES_SHOWN_OPEN,
    label: examples.length === 1 ? "1 example" : `${examples.length} examples`,
  };
}
