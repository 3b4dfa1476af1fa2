import { describe, expect, it } from "vitest";
import { handbookPath } from "../../../src/lib/links/handbookPath";

const deployment = { site: "https://h.example.com", base: "/handbook/" };

describe("handbookPath", () => {
  it("takes apart absolute URLs on the site and root-relative ones under the base", () => {
    expect(handbookPath("https://h.example.com/handbook/support/ic2/#basic-git", deployment)).toEqual({
      segments: ["support", "ic2"],
      anchor: "basic-git",
      trailingSlash: true,
      absolute: true,
    });
    expect(handbookPath("/handbook/b/support/basic-git/", deployment)).toEqual({
      segments: ["b", "support", "basic-git"],
      trailingSlash: true,
      absolute: false,
    });
  });

  it("accepts http for an https site, since the host decides, and ignores the query", () => {
    expect(handbookPath("http://h.example.com/handbook/behaviors/?q=git", deployment)?.segments).toEqual([
      "behaviors",
    ]);
  });

  it("reads the base without its trailing slash as the home page", () => {
    expect(handbookPath("https://h.example.com/handbook", deployment)).toEqual({
      segments: [],
      trailingSlash: false,
      absolute: true,
    });
  });

  it("decodes segments and anchors", () => {
    expect(handbookPath("/handbook/support/ic%32/#basic%2Dgit", deployment)).toMatchObject({
      segments: ["support", "ic2"],
      anchor: "basic-git",
    });
    expect(handbookPath("/handbook/support/%E0%A4%A/", deployment)?.segments).toEqual([
      "support",
      "%E0%A4%A",
    ]);
  });

  it.each([
    ["another site", "https://other.example.com/handbook/support/"],
    ["another path of the site", "https://h.example.com/blog/"],
    ["a root-relative URL outside the base", "/support/ic2/"],
    ["a relative URL", "support/ic2/"],
    ["a fragment of the document itself", "#next-steps"],
    ["mail", "mailto:someone@h.example.com"],
    ["another protocol", "ftp://h.example.com/handbook/"],
  ])("leaves out %s", (_, url) => expect(handbookPath(url, deployment)).toBeUndefined());

  it("leaves out absolute URLs when no site is configured, and defaults the base to /", () => {
    expect(handbookPath("https://h.example.com/support/")).toBeUndefined();
    expect(handbookPath("/support/")?.segments).toEqual(["support"]);
    expect(handbookPath("//h.example.com/handbook/support/", deployment)?.segments).toEqual(["support"]);
  });
});
