import { releaseChanges } from "../../../src/lib/releases/changes";
import { releaseChangesDocument } from "../../../src/lib/releases/changesApi";
import { createUrls } from "../../../src/lib/links/urls";
import type { ReleaseChangesDocument } from "../../../src/scripts/roadmap/changesSince";
import { fixtureReleases } from "../../fixtures/releases/threeReleases";

/**
 * `/api/changes/{release}.json` of each of the fixture framework's releases, oldest first, as
 * the site publishes it and the roadmap's script reads it (through JSON, as fetched).
 */
export function fixtureDocuments(): ReleaseChangesDocument[] {
  const releases = fixtureReleases();
  const urls = createUrls("/");
  return releases.map((release, index) => {
    const document: ReleaseChangesDocument = releaseChangesDocument(
      releaseChanges(releases[index - 1], release),
      urls,
    );
    return JSON.parse(JSON.stringify(document));
  });
}
