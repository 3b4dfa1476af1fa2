/**
 * A track without categories lists each level's behaviors as one list. Level pages show that
 * list under no heading; where a layout needs a name for it (the levels matrix's column, a
 * comparison's section and summary, a roadmap's section), it is called this, never a category.
 */
export const UNCATEGORIZED_TITLE = "Behaviors";

/** The anchor of that list's section on a compare page: with `--`, never a behavior's id. */
export const UNCATEGORIZED_ANCHOR = "section--behaviors";
