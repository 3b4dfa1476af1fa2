import type { APIRoute } from "astro";
import { behaviorsDocument } from "../../lib/apiDocuments";
import { getHandbook } from "../../lib/handbook";
import { createUrls } from "../../lib/urls";

export const GET: APIRoute = async ({ site }) =>
  new Response(
    JSON.stringify(
      behaviorsDocument(await getHandbook(), createUrls(import.meta.env.BASE_URL, site)),
      null,
      2,
    ),
    { headers: { "Content-Type": "application/json" } },
  );
