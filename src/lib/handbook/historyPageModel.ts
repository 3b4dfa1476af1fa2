import type { WordChange } from "../compare/wordDiff";
import type { Urls } from "../links/urls";
import type { ChangeKind } from "../releases/changes";
import type { IdHistory } from "../releases/history";
import { UNRELEASED, type ReleaseModel } from "../releases/model";
import { examplesOf, isResponsibility } from "../releases/items";
import type { Handbook } from "./buildHandbook";
import type { PageLink } from "./pageLink";
import { releaseDate, type ReleaseDate } from "../releases/changesPageModel";
import { releaseEntryHref } from "./releaseLinks";

/** A release that published a version: its name is the anchor of its pinned link. */
export interface HistoryRelease {
  name: string;
  date: ReleaseDate;
  /** Its changelog, at the entry about this id when the release changed it. */
  href: string;
}

/** A behavior or responsibility as a release published it, verbatim. */
export interface HistoryItem {
  id: string;
  /** Inline Markdown, as released. */
  text: string;
  /** A behavior's examples, as released (none for a responsibility). */
  examples: string[];
  /** Where it was: "L2 · Engineer II, Craft", "Tech Lead (role)". */
  where: string;
}

/** One wording of the id and the releases in a row that published it. */
export interface HistorySection {
  /** "v1", "v2 and v3", "v2 to v5". */
  heading: string;
  /** The heading's element id; with `--`, never a release's name (those are the section's anchors). */
  headingId: string;
  /** Oldest first; each name is an element id on the page, the target of a pinned link. */
  releases: HistoryRelease[];
  /** One item, or several: the behaviors later merged into it, the parts it was split into. */
  items: HistoryItem[];
  /** With several items, what they are: "Split into 2 behaviors", "3 behaviors, merged later". */
  itemsNote?: string;
  /** How the next version differs, absent on the last. */
  next?: {
    /** "Reworded and renamed in v3". */
    text: string;
    /** The release that made the change. */
    release: HistoryRelease;
    /** The word diff of the text, when one item was reworded into one: this version's release and the next's name its sides. */
    textDiff?: { diff: WordChange[]; older: string; newer: string };
  };
}

/** Where the id leads now, the end of its history. */
export interface HistoryNow {
  id: string;
  text: string;
  where: string;
  /** Its place: the level, track or role page, at its anchor. */
  href: string;
  /** Its permanent short link, and the URL shown for it (absolute when the site is configured). */
  permalink: PageLink;
  /** Whether it is another id than the page's: the page's id was renamed, merged or removed. */
  otherId: boolean;
  /** When its wording or place changed since the latest release, and where the preview tells what changed. */
  changed?: { text: string; href?: string };
}

/** Everything the history page of one released id shows. */
export interface HistoryPageModel {
  /** The page's title (the site name follows): "History of fixes-bugs", short as titles are. */
  title: string;
  /** The text the heading names ("History of “Fixes small bugs.”"), inline Markdown: its wording now, or its last released one. */
  text: string;
  /** The page's id, as in its URL. */
  id: string;
  track: PageLink;
  /** The pinned link to the latest release the id is in, as the page's example of one. */
  pinned: string;
  /** Oldest first. */
  sections: HistorySection[];
  /** Undefined only for data that failed validation. */
  now?: HistoryNow;
}

/** "v1", "v1 and v2", "v1 to v3": releases of one version follow each other in the chain. */
function releasesHeading(names: string[]): string {
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} to ${names.at(-1)}`;
}

/** "Reworded and renamed in v3"; with no kind, only what came with it changed (a part split off, say). */
export function nextVersionText(kinds: readonly ChangeKind[], release: string): string {
  if (kinds.length === 0) return `Changed around it in ${release}; its wording stayed the same`;
  const listed = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(", ")} and ${kinds.at(-1)}`;
  return `${listed[0].toUpperCase()}${listed.slice(1)} in ${release}`;
}

/**
 * The history page of one released id: a section per wording with the releases that published
 * it (each linking to its changelog entry), what changed to the next, and where it leads now.
 */
export function historyPageModel(
  history: IdHistory,
  model: ReleaseModel,
  handbook: Handbook,
  urls: Urls,
): HistoryPageModel {
  const { track, id, versions, now } = history;
  const trackTitle = handbook.tracks.find((candidate) => candidate.id === track)?.shortTitle ?? track;
  const entry = (release: { name: string; date: string }, ids: string[]): HistoryRelease => ({
    name: release.name,
    date: releaseDate(release.date),
    href: releaseEntryHref(model, urls, release.name, track, ids),
  });
  const itemIds = (index: number) => versions[index]?.items.map(({ item }) => item.id) ?? [];

  const sections = versions.map((version, index): HistorySection => {
    const names = version.releases.map((release) => release.name);
    // The release that brought this wording tells what it came from; those after it kept it.
    const releases = version.releases.map((release, position) =>
      position === 0 ? entry(release, [id, ...itemIds(index), ...itemIds(index - 1)]) : entry(release, []),
    );
    const following = versions[index + 1];
    const nextRelease =
      following && entry(following.releases[0], [id, ...itemIds(index + 1), ...itemIds(index)]);
    const noun = version.items.every(({ item }) => isResponsibility(item)) ? "responsibilities" : "behaviors";
    const itemsNote =
      version.items.length < 2
        ? undefined
        : versions[index - 1]?.next?.kinds.includes("split")
          ? `Split into ${version.items.length} ${noun}`
          : version.next?.kinds.includes("merged")
            ? `${version.items.length} ${noun}, merged later`
            : `${version.items.length} ${noun}`;
    return {
      heading: releasesHeading(names),
      headingId: `version--${names[0]}`,
      releases,
      items: version.items.map(({ item, where }) => ({
        id: item.id,
        text: item.text,
        examples: examplesOf(item),
        where,
      })),
      ...(itemsNote && { itemsNote }),
      ...(version.next &&
        nextRelease && {
          next: {
            text: nextVersionText(version.next.kinds, nextRelease.name),
            release: nextRelease,
            ...(version.next.textDiff && {
              textDiff: { diff: version.next.textDiff, older: names.at(-1)!, newer: nextRelease.name },
            }),
          },
        }),
    };
  });

  const latest = model.releases.at(-1)?.release;
  // Titled by the id's own last wording: a removed id's links lead to another behavior, whose
  // words are not its history's.
  const own = versions
    .flatMap((version) => version.items.map(({ item }) => item))
    .filter((item) => item.id === id)
    .at(-1);
  const text =
    (now?.id === id ? now.text : own?.text) ?? now?.text ?? versions.at(-1)?.items[0]?.item.text ?? id;
  return {
    title: `History of ${id}`,
    text,
    id,
    track: { href: urls.track(track), text: trackTitle },
    pinned: urls.pinned(track, id, versions.at(-1)?.releases.at(-1)?.name ?? ""),
    sections,
    ...(now && {
      now: {
        id: now.id,
        text: now.text,
        where: now.where,
        href: now.url,
        permalink: {
          href: urls.permalink(track, now.id),
          text: urls.absolute(urls.permalink(track, now.id)),
        },
        otherId: now.id !== id,
        ...(now.changed && {
          changed: {
            text: latest ? `Changed since ${latest}, the latest release` : "Changed since it was released",
            ...(model.unreleased && {
              href: releaseEntryHref(model, urls, UNRELEASED, track, [now.id, id]),
            }),
          },
        }),
      },
    }),
  };
}

/** `getStaticPaths` of `/b/{track}/{id}/history/`: every id and alias of every release. */
export function historyPaths(model: ReleaseModel) {
  return model.histories.map((history) => ({
    params: { track: history.track, id: history.id },
    props: { history },
  }));
}
