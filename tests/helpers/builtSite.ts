import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { listFiles } from "../../scripts/lib/listFiles";

export { listFiles };

/** A built site: its HTML pages parsed once, addressable by URL path. */
export class BuiltSite {
  private pages = new Map<string, cheerio.CheerioAPI>();

  constructor(
    readonly outDir: string,
    readonly base: string,
  ) {}

  /** URL paths (with base) of every HTML page. */
  pagePaths(): string[] {
    return listFiles(this.outDir)
      .filter((file) => file.endsWith(".html"))
      .map((file) => this.base + file.replace(/(^|\/)index\.html$/, "$1"));
  }

  /** The file a URL path (with base, without query or hash) is served from, or undefined. */
  fileFor(urlPath: string): string | undefined {
    if (!urlPath.startsWith(this.base)) return undefined;
    const relative = decodeURIComponent(urlPath.slice(this.base.length));
    const candidates = relative === "" || relative.endsWith("/") ? [`${relative}index.html`] : [relative];
    return candidates
      .map((c) => path.join(this.outDir, c))
      .find((file) => existsSync(file) && statSync(file).isFile());
  }

  /** The parsed page at a URL path (with base). */
  page(urlPath: string): cheerio.CheerioAPI {
    let page = this.pages.get(urlPath);
    if (!page) {
      const file = this.fileFor(urlPath);
      if (!file) throw new Error(`no page at ${urlPath}`);
      page = cheerio.load(readFileSync(file, "utf8"));
      this.pages.set(urlPath, page);
    }
    return page;
  }
}
