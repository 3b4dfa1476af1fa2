import type { APIRoute } from "astro";
import { behaviorsDocument } from "../../lib/handbook/apiDocuments";
import { getHandbook } from "../../site/handbook";
import { urls } from "../../site/urls";

export const GET: APIRoute = () =>
  new Response(JSON.stringify(behaviorsDocument(getHandbook(), urls), null, 2), {
    headers: { "Content-Type": "application/json" },
  });
