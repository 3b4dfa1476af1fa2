// The modules the integration's Vite plugin serves (src/integration/vitePlugin.ts).
declare module "virtual:ladder/config" {
  export const config: import("./integration/siteConfig").SiteConfig;
}
declare module "virtual:ladder/data" {
  export const handbook: import("./integration/siteData").SiteData["handbook"];
  export const proseHtml: import("./integration/siteData").SiteData["proseHtml"];
  export const releaseModel: import("./lib/releases/model").ReleaseModel;
  /** Each release's digest, by name. */
  export const releaseDigests: Record<string, string>;
}
