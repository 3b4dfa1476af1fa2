import type { APIRoute, GetStaticPaths } from "astro";
import { comparisonDocument } from "../../../../../lib/handbook/apiDocuments";
import type { LevelComparison } from "../../../../../lib/compare/compareLevels";
import { getComparePaths } from "../../../../../site/handbook";
import { urls } from "../../../../../site/urls";

export const getStaticPaths = (async () => getComparePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<{ comparison: LevelComparison }> = ({ props }) =>
  new Response(JSON.stringify(comparisonDocument(props.comparison, urls), null, 2), {
    headers: { "Content-Type": "application/json" },
  });
