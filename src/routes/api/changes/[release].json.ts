import type { APIRoute, GetStaticPaths } from "astro";
import type { ReleaseChanges } from "../../../lib/releases/changes";
import { releaseChangesDocument } from "../../../lib/releases/changesApi";
import { getReleaseModel } from "../../../site/releases";
import { urls } from "../../../site/urls";

/** Every release (not the unreleased changes, which change until they are released). */
export const getStaticPaths = (async () =>
  getReleaseModel().releases.map((changes) => ({
    params: { release: changes.release },
    props: { changes },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ changes: ReleaseChanges }> = ({ props }) =>
  new Response(JSON.stringify(releaseChangesDocument(props.changes, urls), null, 2), {
    headers: { "Content-Type": "application/json" },
  });
