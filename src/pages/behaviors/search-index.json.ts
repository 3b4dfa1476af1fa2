import type { APIRoute } from "astro";
import { buildSearchPayload } from "../../lib/behaviorSearch";
import { getHandbook } from "../../lib/handbook";
import { searchDocuments } from "../../lib/searchDocuments";
import { createUrls } from "../../lib/urls";

export const GET: APIRoute = async ({ site }) =>
  new Response(
    JSON.stringify(
      buildSearchPayload(searchDocuments(await getHandbook(), createUrls(import.meta.env.BASE_URL, site))),
    ),
    { headers: { "Content-Type": "application/json" } },
  );
