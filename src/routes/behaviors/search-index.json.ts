import type { APIRoute } from "astro";
import { buildSearchPayload } from "../../lib/search/behaviorSearch";
import { getHandbook } from "../../site/handbook";
import { searchDocuments } from "../../lib/search/searchDocuments";
import { urls } from "../../site/urls";

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildSearchPayload(searchDocuments(getHandbook(), urls))), {
    headers: { "Content-Type": "application/json" },
  });
