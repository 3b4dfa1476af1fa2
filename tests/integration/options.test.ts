import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio, parseLadderOptions } from "../../src/integration/options";
import { handbookBase, siteConfigModule } from "../../src/integration/siteConfig";

describe("ladder() options", () => {
  it("has neutral defaults: nothing of the example data", () => {
    expect(parseLadderOptions(undefined)).toEqual({
      options: { dataDir: "data", path: "", title: "Career handbook", footerLinks: [], preview: false },
    });
  });

  it("keeps what a team sets, trimming the handbook's path", () => {
    const { options } = parseLadderOptions({
      dataDir: "./frameworks",
      path: "/careers/",
      title: "Acme careers",
      organization: "Acme",
      accentColor: { light: "#0b6bcb", dark: "#8ab4f8" },
      footerLinks: [{ label: "Intranet", href: "https://intranet.example.com/" }],
      site: "https://careers.example.com",
      editLink: "https://github.com/acme/careers/edit/main/{file}",
      preview: true,
    });
    expect(options).toMatchObject({
      dataDir: "./frameworks",
      path: "careers",
      organization: "Acme",
      preview: true,
    });
  });

  it.each([
    [{ title: 3 }, "ladder() option title: Expected string, received number"],
    [{ title: "  " }, "ladder() option title: String must contain at least 1 character(s)"],
    [{ titel: "Acme" }, 'ladder(): unknown option "titel": the options are dataDir, path, title'],
    [{ accentColor: "red" }, "ladder() option accentColor: "],
    [{ accentColor: "#fff;}body{display:none" }, "ladder() option accentColor: "],
    [
      { footerLinks: [{ label: "x", href: "javascript:alert(1)" }] },
      "ladder() option footerLinks.0.href: must start with",
    ],
    [
      { editLink: "https://github.com/acme/careers/edit/main/" },
      "ladder() option editLink: must contain {file}",
    ],
    [{ path: "../careers" }, "ladder() option path: must be a path of plain segments"],
    [{ site: "careers.example.com" }, "ladder() option site: Invalid url"],
    [{ preview: "yes" }, "ladder() option preview: Expected boolean, received string"],
    [{ logo: { dark: "./logo.svg" } }, "ladder() option logo.light: Required"],
  ])("names the wrong option in %j", (input, message) => {
    const { problems } = parseLadderOptions(input);
    expect(problems?.join("\n")).toContain(message);
  });

  it("refuses an accent color that would make links hard to read, in either color scheme", () => {
    // Yellow is fine on the dark page, not on the light one.
    expect(parseLadderOptions({ accentColor: "#ffcc00" }).problems).toEqual([
      "ladder() option accentColor: #ffcc00 has a contrast of 1.4:1 with the light page; links need 4.5:1: choose a darker color",
    ]);
    expect(parseLadderOptions({ accentColor: "#0b5cad" }).problems?.[0]).toMatch(/with the dark page/);
    expect(
      parseLadderOptions({ accentColor: { light: "#0b5cad", dark: "#79b8ff" } }).problems,
    ).toBeUndefined();
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#ffffff")).toBe(1);
  });

  it("reports every wrong option at once", () => {
    expect(parseLadderOptions({ title: 1, dataDir: 2 }).problems).toHaveLength(2);
  });
});

describe("the site configuration handed to pages", () => {
  it.each([
    ["/", "", "/"],
    ["/", "careers", "/careers/"],
    ["/docs", "people/careers", "/docs/people/careers/"],
    ["/docs/", "", "/docs/"],
  ])("puts the handbook of base %s and path %j at %s", (base, handbookPath, expected) => {
    expect(handbookBase(base, handbookPath)).toBe(expected);
  });

  it("imports the logos, so Vite publishes them, and names a missing one by its option", () => {
    const root = mkdtempSync(path.join(tmpdir(), "ladder-logo-"));
    writeFileSync(path.join(root, "logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    const { options } = parseLadderOptions({
      logo: { light: "./logo.svg", dark: "./missing.svg", alt: "Acme" },
    });
    const module = siteConfigModule(options!, { base: "/", root });
    expect(module.code).toContain(`import lightLogo from ${JSON.stringify(path.join(root, "logo.svg"))};`);
    expect(module.problems).toEqual([
      "ladder() option logo.dark: ./missing.svg does not exist (paths are relative to the project root)",
    ]);
  });
});
