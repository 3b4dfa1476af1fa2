import type { APIRoute, GetStaticPaths } from "astro";
import type { CategoryThreads } from "../../../lib/compare/threads";
import type { Track } from "../../../lib/handbook/buildHandbook";
import { threadsDocument } from "../../../lib/handbook/apiDocuments";
import { growthPaths } from "../../../lib/handbook/staticPaths";
import { getHandbook } from "../../../site/handbook";
import { urls } from "../../../site/urls";

export const getStaticPaths = (async () => growthPaths(getHandbook())) satisfies GetStaticPaths;

export const GET: APIRoute<{ track: Track; threads: CategoryThreads[] }> = ({ props }) =>
  new Response(JSON.stringify(threadsDocument(props.track, props.threads, urls), null, 2), {
    headers: { "Content-Type": "application/json" },
  });
