/**
 * What pages and components know of the integration's options (`virtual:ladder/config`):
 * the settings a team chose, and where the handbook lives.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { LadderOptions } from "./options";
import { jsonModule } from "./vitePlugin";

/** The site settings every page reads. */
export interface SiteConfig {
  title: string;
  organization?: string;
  logo?: { light: string; dark?: string; alt: string };
  accentColor?: { light: string; dark: string };
  footerLinks: { label: string; href: string }[];
  /** The "Edit" link template, with `{file}` for the data file's path from the project root. */
  editLink?: string;
  /** The data folder from the project root, with `/`, as edit links name it. */
  dataDir: string;
  /** The handbook's own base: the site's `base` and the handbook's path, ending with `/`. */
  base: string;
  /** The public address of the site, when known. */
  site?: string;
}

/** The handbook's base URL path: `/` + the site's base + the handbook's path, with one `/` between parts. */
export function handbookBase(siteBase: string, handbookPath: string): string {
  const parts = [...siteBase.split("/"), ...handbookPath.split("/")].filter(Boolean);
  return `/${parts.map((part) => `${part}/`).join("")}`;
}

/**
 * The code of `virtual:ladder/config`. Logo files are imported, so Vite copies them into the
 * site with a hashed name; a logo that does not exist is reported by its option's name.
 */
export function siteConfigModule(
  options: LadderOptions,
  site: { base: string; site?: string; root: string },
): { code: string; problems: string[] } {
  const problems: string[] = [];
  const imports: string[] = [];
  const logo: Record<string, string> = {};
  for (const scheme of ["light", "dark"] as const) {
    const file = options.logo?.[scheme];
    if (file === undefined) continue;
    const absolute = path.resolve(site.root, file);
    if (!existsSync(absolute)) {
      problems.push(
        `ladder() option logo.${scheme}: ${file} does not exist (paths are relative to the project root)`,
      );
      continue;
    }
    imports.push(`import ${scheme}Logo from ${JSON.stringify(absolute)};`);
    logo[scheme] = `${scheme}Logo.src`;
  }
  const accent = options.accentColor;
  const config: Omit<SiteConfig, "logo"> = {
    title: options.title,
    ...(options.organization && { organization: options.organization }),
    ...(accent && { accentColor: typeof accent === "string" ? { light: accent, dark: accent } : accent }),
    footerLinks: options.footerLinks,
    ...(options.editLink && { editLink: options.editLink }),
    dataDir: path.relative(site.root, path.resolve(site.root, options.dataDir)).split(path.sep).join("/"),
    base: handbookBase(site.base, options.path),
    ...(site.site && { site: site.site }),
  };
  const logoCode = options.logo
    ? `config.logo = { alt: ${JSON.stringify(options.logo.alt)}, ${Object.entries(logo)
        .map(([scheme, value]) => `${scheme}: ${value}`)
        .join(", ")} };`
    : "";
  return { code: [...imports, jsonModule({ config }), logoCode].join("\n"), problems };
}
