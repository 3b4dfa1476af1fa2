import { releaseChanges, type PlacedItem, type ReleaseChanges } from "../../../src/lib/releases/changes";
import { isResponsibility } from "../../../src/lib/releases/release";
import type { ChangedItem, ReleaseChangesDocument } from "../../../src/scripts/roadmap/changesSince";
import { fixtureReleases } from "../../fixtures/releases/threeReleases";

/** A changed item as `/api/changes/{release}.json` gives it. */
function itemDocument({ item, where }: PlacedItem): ChangedItem {
  return isResponsibility(item)
    ? { id: item.id, text: item.text, where, role: item.role }
    : {
        id: item.id,
        text: item.text,
        where,
        level: item.level,
        category: item.category,
        examples: item.examples ?? [],
      };
}

/** A release's changes as `/api/changes/{release}.json` gives them. */
export function releaseDocument(changes: ReleaseChanges): ReleaseChangesDocument {
  return {
    release: changes.release,
    tracks: changes.tracks.map((track) => ({
      track: track.track,
      status: track.status,
      changes: track.groups.flatMap((group) =>
        group.changes.map((change) => ({
          kinds: change.kinds,
          before: change.before.map(itemDocument),
          after: change.after.map(itemDocument),
        })),
      ),
    })),
  };
}

/** The API document of each of the fixture framework's releases, oldest first. */
export function fixtureDocuments(): ReleaseChangesDocument[] {
  const releases = fixtureReleases();
  return releases.map((release, index) => releaseDocument(releaseChanges(releases[index - 1], release)));
}
