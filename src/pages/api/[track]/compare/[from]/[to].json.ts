import type { APIRoute, GetStaticPaths } from "astro";
import { comparisonDocument } from "../../../../../lib/apiDocuments";
import type { LevelComparison } from "../../../../../lib/compareLevels";
import { getComparePaths } from "../../../../../lib/handbook";
import { createUrls } from "../../../../../lib/urls";

export const getStaticPaths = (async () => getComparePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<{ comparison: LevelComparison }> = ({ props, site }) =>
  new Response(
    JSON.stringify(comparisonDocument(props.comparison, createUrls(import.meta.env.BASE_URL, site)), null, 2),
    { headers: { "Content-Type": "application/json" } },
  );
