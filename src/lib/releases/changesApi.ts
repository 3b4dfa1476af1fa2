import type { WordChange } from "../compare/wordDiff";
import { API_SCHEMA_VERSION } from "../handbook/apiDocuments";
import type { Urls } from "../links/urls";
import { plainText } from "../text/inlineMarkdown";
import type { ChangeKind, ChangePlace, PlacedItem, ReleaseChanges, TrackChanges } from "./changes";
import { changeEntryAnchor } from "./changes";
import { isResponsibility } from "./release";

/** A behavior or responsibility of a change, as released: verbatim, with its plain words beside. */
export type ChangedItemDocument = {
  id: string;
  text: string;
  textPlain: string;
  /** Where it was, in words: "L2 · Engineer II, Craft", "Tech Lead (role)". */
  where: string;
} & (
  | { level: string | null; category: string | null; examples: string[]; examplesPlain: string[] }
  | { role: string }
);

export interface ChangeDocument {
  kinds: ChangeKind[];
  /** Where the change is listed: a level (null for the shared expectations) or a role. */
  place: ChangePlace;
  heading: string;
  /** The change's entry on the release's page. */
  url: string;
  before: ChangedItemDocument[];
  after: ChangedItemDocument[];
  /** Reworded: the word diff of the text; joined, the pieces give both texts. */
  textDiff?: WordChange[];
  examples?: { before: string[]; after: string[] };
}

function itemDocument({ item, where }: PlacedItem): ChangedItemDocument {
  const base = { id: item.id, text: item.text, textPlain: plainText(item.text), where };
  if (isResponsibility(item)) return { ...base, role: item.role };
  const examples = item.examples ?? [];
  return {
    ...base,
    level: item.level,
    category: item.category,
    examples,
    examplesPlain: examples.map(plainText),
  };
}

function trackDocument(track: TrackChanges, page: string, urls: Urls) {
  return {
    track: track.track,
    title: track.title,
    status: track.status,
    items: track.items,
    counts: track.counts,
    structure: track.structure,
    changes: track.groups.flatMap((group) =>
      group.changes.map((change): ChangeDocument => ({
        kinds: change.kinds,
        place: group.place,
        heading: group.heading,
        url: urls.absolute(`${page}#${changeEntryAnchor(change, track.track)}`),
        before: change.before.map(itemDocument),
        after: change.after.map(itemDocument),
        ...(change.textDiff && { textDiff: change.textDiff }),
        ...(change.examples && { examples: change.examples }),
      })),
    ),
  };
}

/**
 * `/api/changes/{release}.json`: what changed in a release since the one before, track by track,
 * every text verbatim (inline Markdown as written, `textPlain` beside it).
 */
export function releaseChangesDocument(changes: ReleaseChanges, urls: Urls) {
  const page = urls.release(changes.release);
  return {
    schemaVersion: API_SCHEMA_VERSION,
    release: changes.release,
    date: changes.date,
    previous: changes.previous,
    url: urls.absolute(page),
    summary: changes.summary,
    counts: changes.counts,
    tracks: changes.tracks.map((track) => trackDocument(track, page, urls)),
  };
}
