import type { APIRoute } from "astro";
import { frameworksDocument } from "../../lib/handbook/apiDocuments";
import { getHandbook } from "../../site/handbook";

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(frameworksDocument(getHandbook()), null, 2), {
    headers: { "Content-Type": "application/json" },
  });
