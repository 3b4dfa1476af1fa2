import type { APIRoute, GetStaticPaths } from "astro";
import { config } from "virtual:ladder/config";
import { atomFeed } from "../../lib/releases/atomFeed";
import { getReleaseDigests, getReleaseModel } from "../../site/releases";
import { urls } from "../../site/urls";

/** `/changes/feed.xml`, once there is a release to follow (see `atomFeed`). */
export const getStaticPaths = (async () =>
  getReleaseModel().releases.length > 0 ? [{ params: { feed: "feed" } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(
    atomFeed({
      releases: getReleaseModel().releases,
      digests: getReleaseDigests(),
      title: config.title,
      author: config.organization ?? config.title,
      urls,
    }),
    { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } },
  );
