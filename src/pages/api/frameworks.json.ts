import type { APIRoute } from "astro";
import { frameworksDocument } from "../../lib/apiDocuments";
import { getHandbook } from "../../lib/handbook";

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(frameworksDocument(await getHandbook()), null, 2), {
    headers: { "Content-Type": "application/json" },
  });
