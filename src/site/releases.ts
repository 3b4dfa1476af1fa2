/**
 * What the pages about releases read: the releases' model as the integration computed it once
 * per build (`virtual:ladder/data`), with the unreleased changes in `astro dev` and preview builds.
 */
import { releaseDigests, releaseModel } from "virtual:ladder/data";
import type { ReleaseModel } from "../lib/releases/model";

/** Every release's changes, the unreleased ones when shown, every released id's history. */
export function getReleaseModel(): ReleaseModel {
  return releaseModel;
}

/** Each release's digest, by name: what names a release for good (the feed's entry ids). */
export function getReleaseDigests(): Record<string, string> {
  return releaseDigests;
}
