/**
 * The options of `ladder()`: what a team sets in `astro.config.mjs`, checked by a zod schema
 * so a wrong option is reported by name before anything is built.
 */
import { z } from "astro/zod";

/** A color the handbook can use as its accent: written as CSS hex, never as free CSS text. */
const hexColor = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "must be a hex color such as #0b6bcb");

/** Where a footer link may lead: a page of the web, an e-mail address or a path of the site. */
const linkTarget = z
  .string()
  .regex(/^(?:https?:\/\/|mailto:|\/(?![/\\]))/i, "must start with https://, http://, mailto: or /");

/** A folder of the handbook below the site's base: `careers`, `people/careers`, or "" for the root. */
const handbookPath = z
  .string()
  .transform((value) => value.replace(/^\/+|\/+$/g, ""))
  .refine(
    (value) => value === "" || value.split("/").every((segment) => /^[a-z0-9][a-z0-9._-]*$/i.test(segment)),
    "must be a path of plain segments such as careers or people/careers",
  );

export const LadderOptionsSchema = z
  .object({
    /** The data folder, relative to the project root: one folder per track. */
    dataDir: z.string().min(1).default("data"),
    /** Where the handbook lives below the site's `base`: "" (the default) for the whole site, or e.g. "careers". */
    path: handbookPath.default(""),
    /** The handbook's name, in the header and in every page title. */
    title: z.string().trim().min(1).default("Career handbook"),
    /** The organization the framework belongs to, shown beside the title and in the footer. */
    organization: z.string().trim().min(1).optional(),
    /** A logo shown before the title: image files relative to the project root, one per color scheme. */
    logo: z
      .object({
        light: z.string().min(1),
        dark: z.string().min(1).optional(),
        /** Text for readers who cannot see the logo; empty when the title beside it says it all. */
        alt: z.string().default(""),
      })
      .strict()
      .optional(),
    /** The accent color of links and marks, one for both schemes or one per scheme. */
    accentColor: z.union([hexColor, z.object({ light: hexColor, dark: hexColor }).strict()]).optional(),
    /** Links at the foot of every page, e.g. to the team's intranet or to who owns the framework. */
    footerLinks: z
      .array(z.object({ label: z.string().trim().min(1), href: linkTarget }).strict())
      .default([]),
    /** The public address of the site (Astro's `site`), so copied links are absolute. */
    site: z.string().url().optional(),
    /**
     * An "Edit" link for each behavior: a URL with `{file}` where the data file's path (from the
     * project root) goes, e.g. `https://github.com/acme/careers/edit/main/{file}`.
     */
    editLink: z
      .string()
      .regex(/^https?:\/\//i, "must start with https:// or http://")
      .refine((value) => value.includes("{file}"), "must contain {file}, where the data file's path goes")
      .optional(),
    /**
     * A preview build: it also shows the changes not released yet (`/changes/unreleased/`), for
     * reviewing them before `ladder release`. `astro dev` always shows them.
     */
    preview: z.boolean().default(false),
  })
  .strict();

/**
 * The page and panel backgrounds of each color scheme (the `--bg` and `--surface` tokens of
 * the site's CSS), which links in the accent color must stand out from.
 */
const BACKGROUNDS = { light: ["#ffffff", "#f6f8fa"], dark: ["#0f1419", "#1a2129"] } as const;

/** WCAG's minimum contrast for text, which links are. */
const MIN_CONTRAST = 4.5;

/** WCAG's relative luminance of a hex color. */
function luminance(hex: string): number {
  const digits =
    hex.length === 4 ? [...hex.slice(1)].map((d) => d + d) : [1, 3, 5].map((i) => hex.slice(i, i + 2));
  const [r, g, b] = digits.map((pair) => {
    const channel = parseInt(pair, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG's contrast ratio of two hex colors, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/** A problem when an accent color would make links hard to read in a color scheme. */
function accentProblem(color: string, scheme: keyof typeof BACKGROUNDS, option: string): string | undefined {
  const worst = Math.min(...BACKGROUNDS[scheme].map((background) => contrastRatio(color, background)));
  if (worst >= MIN_CONTRAST) return undefined;
  const advice =
    scheme === "light" ? "a darker color" : "a lighter color, or { light, dark } with one for each";
  return `ladder() option ${option}: ${color} has a contrast of ${worst.toFixed(1)}:1 with the ${scheme} page; links need ${MIN_CONTRAST}:1: choose ${advice}`;
}

/** What a team writes in `ladder({...})`. */
export type LadderUserOptions = z.input<typeof LadderOptionsSchema>;
/** The options with their defaults, as the integration uses them. */
export type LadderOptions = z.output<typeof LadderOptionsSchema>;

/**
 * Checks the options; returns them with defaults, or one line per wrong option naming it
 * (`ladder({ title }): Expected string, received number`).
 */
export function parseLadderOptions(
  input: unknown,
): { options: LadderOptions; problems?: undefined } | { options?: undefined; problems: string[] } {
  const parsed = LadderOptionsSchema.safeParse(input ?? {});
  if (parsed.success) {
    const accent = parsed.data.accentColor;
    const problems =
      accent === undefined
        ? []
        : typeof accent === "string"
          ? [accentProblem(accent, "light", "accentColor"), accentProblem(accent, "dark", "accentColor")]
          : [
              accentProblem(accent.light, "light", "accentColor.light"),
              accentProblem(accent.dark, "dark", "accentColor.dark"),
            ];
    const found = problems.filter((problem) => problem !== undefined);
    return found.length > 0 ? { problems: found } : { options: parsed.data };
  }
  return {
    problems: parsed.error.issues.map((issue) => {
      const at = issue.path.length > 0 ? ` option ${issue.path.join(".")}` : "";
      if (issue.code === "unrecognized_keys") {
        const known =
          issue.path.length === 0
            ? `: the options are ${Object.keys(LadderOptionsSchema.shape).join(", ")}`
            : "";
        return `ladder()${at}: unknown option${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}${known}`;
      }
      return `ladder()${at}: ${issue.message}`;
    }),
  };
}
