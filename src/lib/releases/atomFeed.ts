import { createHash } from "node:crypto";
import type { Urls } from "../links/urls";
import type { ReleaseChanges } from "./changes";

/**
 * The namespace of the name-based UUIDs (RFC 9562, version 5) that name feeds and entries:
 * Ladder's own, so its ids never meet those of another generator.
 */
const LADDER_NAMESPACE = "5d1c5f0e-8a39-4e0b-9c4b-3f6f0d2a7b61";

/**
 * A name-based UUID (version 5) as a URN: the same name always gives the same id. Atom wants
 * each id to be an absolute IRI that never changes; a release's digest never changes either.
 */
export function uuidUrn(name: string): string {
  const namespace = Buffer.from(LADDER_NAMESPACE.replace(/-/g, ""), "hex");
  const bytes = createHash("sha1").update(namespace).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Text as XML character data or an attribute value: markup characters escaped, white space
 * that a parser would change (line breaks, tabs in attributes) written as references, and the
 * characters XML 1.0 cannot hold at all (control characters, lone surrogates) replaced by
 * U+FFFD, so the feed always parses. Data texts never hold those; a release file might.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu, "\uFFFD")
    .replace(/[&<>"'\t\n\r]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A day as Atom dates it (RFC 3339): midnight UTC, as releases have a day and no time. */
function atomDate(date: string): string {
  return `${date}T00:00:00Z`;
}

export interface AtomFeedInput {
  /** Each release's changes, oldest first (the model's order); the feed lists them newest first. */
  releases: ReleaseChanges[];
  /** Each release's digest, by name: what its entry's id is made from. */
  digests: Record<string, string>;
  /** The handbook's name. */
  title: string;
  /** Who publishes the framework: the organization, else the handbook's name. */
  author: string;
  urls: Urls;
}

/**
 * `/changes/feed.xml`: an Atom 1.0 feed (RFC 4287) with an entry per release, newest first, each
 * with its summary sentence and a link to its page. Ids are `urn:uuid:` names made from release
 * digests (the feed's from the first release's), so they never change, whatever address the site
 * moves to. Links are absolute when the site's address is configured, otherwise root-relative,
 * which Atom resolves against the feed's own address. Undefined without a release: Atom requires
 * a feed to say when it last changed, and there is nothing to follow yet.
 */
export function atomFeed({ releases, digests, title, author, urls }: AtomFeedInput): string | undefined {
  const first = releases[0];
  const latest = releases.at(-1);
  if (!first || !latest) return undefined;
  const link = (rel: string, type: string, href: string) =>
    `<link rel="${rel}" type="${type}" href="${escapeXml(urls.absolute(href))}"/>`;
  const entries = [...releases]
    .reverse()
    .map((changes) =>
      [
        "  <entry>",
        `    <id>${uuidUrn(`release:${digests[changes.release] ?? changes.release}`)}</id>`,
        `    <title>${escapeXml(`Changes in ${changes.release}`)}</title>`,
        `    <published>${atomDate(changes.date)}</published>`,
        `    <updated>${atomDate(changes.date)}</updated>`,
        `    ${link("alternate", "text/html", urls.release(changes.release))}`,
        `    <summary type="text">${escapeXml(changes.summary)}</summary>`,
        "  </entry>",
      ].join("\n"),
    );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${uuidUrn(`feed:${digests[first.release] ?? first.release}`)}</id>`,
    `  <title>${escapeXml(`${title}: changes`)}</title>`,
    `  <updated>${atomDate(latest.date)}</updated>`,
    `  <author><name>${escapeXml(author)}</name></author>`,
    `  ${link("self", "application/atom+xml", urls.releaseFeed())}`,
    `  ${link("alternate", "text/html", urls.changes())}`,
    "  <generator>Ladder</generator>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
