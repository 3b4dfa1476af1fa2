import { describe, expect, it } from "vitest";
import { createUrls } from "../../../src/lib/links/urls";
import { atomFeed, escapeXml, uuidUrn } from "../../../src/lib/releases/atomFeed";
import { releaseChanges } from "../../../src/lib/releases/changes";
import { fixtureReleases } from "../../fixtures/releases/threeReleases";
import { childNamed, childrenNamed, parseXml } from "../../helpers/xml";

const ATOM = "http://www.w3.org/2005/Atom";
const releases = fixtureReleases();
const changelogs = releases.map((release, index) => releaseChanges(releases[index - 1], release));
const digests = Object.fromEntries(releases.map((release) => [release.name, release.digest]));

function feedOf(urls = createUrls("/handbook/"), overrides: Partial<Parameters<typeof atomFeed>[0]> = {}) {
  return atomFeed({
    releases: changelogs,
    digests,
    title: "Acme careers",
    author: "Acme",
    urls,
    ...overrides,
  });
}

describe("atomFeed", () => {
  it("is an Atom 1.0 feed with what RFC 4287 requires of a feed: id, title, updated, author", () => {
    const feed = parseXml(feedOf()!);
    expect([feed.name, feed.uri]).toEqual(["feed", ATOM]);
    expect(childNamed(feed, "id").text).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(childNamed(feed, "title").text).toBe("Acme careers: changes");
    expect(childNamed(feed, "updated").text).toBe(`${releases.at(-1)!.date}T00:00:00Z`);
    expect(childNamed(childNamed(feed, "author"), "name").text).toBe("Acme");
    expect(childrenNamed(feed, "link").map((link) => link.attributes)).toEqual([
      { rel: "self", type: "application/atom+xml", href: "/handbook/changes/feed.xml" },
      { rel: "alternate", type: "text/html", href: "/handbook/changes/" },
    ]);
  });

  it("has an entry per release, newest first, each with its id, title, dates, page and summary", () => {
    const entries = childrenNamed(parseXml(feedOf()!), "entry");
    expect(entries.map((entry) => childNamed(entry, "title").text)).toEqual(
      [...releases].reverse().map((release) => `Changes in ${release.name}`),
    );
    for (const [index, entry] of entries.entries()) {
      const changes = changelogs[changelogs.length - 1 - index];
      expect(childNamed(entry, "updated").text).toBe(`${changes.date}T00:00:00Z`);
      expect(childNamed(entry, "published").text).toBe(`${changes.date}T00:00:00Z`);
      expect(childNamed(entry, "link").attributes).toEqual({
        rel: "alternate",
        type: "text/html",
        href: `/handbook/changes/${changes.release}/`,
      });
      expect(childNamed(entry, "summary").text).toBe(changes.summary);
    }
    const ids = entries.map((entry) => childNamed(entry, "id").text);
    expect(new Set(ids).size).toBe(releases.length);
  });

  it("names feed and entries by the releases' digests: the same wherever the site moves, different for another framework", () => {
    const here = parseXml(feedOf()!);
    const moved = parseXml(feedOf(createUrls("/", "https://careers.example.com"))!);
    const ids = (feed: typeof here) => [
      childNamed(feed, "id").text,
      ...childrenNamed(feed, "entry").map((entry) => childNamed(entry, "id").text),
    ];
    expect(ids(moved)).toEqual(ids(here));
    const other = parseXml(
      feedOf(undefined, { digests: Object.fromEntries(releases.map((r) => [r.name, `${r.digest}0`])) })!,
    );
    expect(ids(other).filter((id) => ids(here).includes(id))).toEqual([]);
  });

  it("links absolutely when the site's address is known", () => {
    const feed = parseXml(feedOf(createUrls("/", "https://careers.example.com"))!);
    expect(childrenNamed(feed, "link").map((link) => link.attributes.href)).toEqual([
      "https://careers.example.com/changes/feed.xml",
      "https://careers.example.com/changes/",
    ]);
    for (const entry of childrenNamed(feed, "entry"))
      expect(childNamed(entry, "link").attributes.href).toMatch(
        /^https:\/\/careers\.example\.com\/changes\//,
      );
  });

  it("gives back every title and summary exactly, whatever markup it holds", () => {
    const hostile = `<script>alert("x")</script> & 'quoted' ]]> &amp;`;
    const feed = parseXml(
      feedOf(undefined, {
        title: hostile,
        author: hostile,
        releases: changelogs.map((changes) => ({ ...changes, summary: `${changes.summary} ${hostile}` })),
      })!,
    );
    expect(childNamed(feed, "title").text).toBe(`${hostile}: changes`);
    expect(childNamed(childNamed(feed, "author"), "name").text).toBe(hostile);
    for (const entry of childrenNamed(feed, "entry"))
      expect(childNamed(entry, "summary").text.endsWith(` ${hostile}`)).toBe(true);
  });

  it("is not written before the first release: a feed must say when it last changed", () => {
    expect(feedOf(undefined, { releases: [] })).toBeUndefined();
  });
});

describe("escapeXml", () => {
  it("keeps every character XML can hold, and replaces those it cannot", () => {
    const text = "a<b>&\"'\té\u{1F600}\n\r\nz";
    expect(parseXml(`<t a="${escapeXml(text)}">${escapeXml(text)}</t>`)).toMatchObject({ text });
    expect(escapeXml("a\u0007b\ud800c\uFFFE")).toBe("a\uFFFDb\uFFFDc\uFFFD");
  });
});

describe("uuidUrn", () => {
  it("is a version 5 UUID of its name: stable, and different for another name", () => {
    expect(uuidUrn("release:a")).toBe(uuidUrn("release:a"));
    expect(uuidUrn("release:a")).not.toBe(uuidUrn("release:b"));
    expect(uuidUrn("x")).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
