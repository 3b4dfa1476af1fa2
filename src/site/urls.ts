/** Every URL of the handbook as deployed (its base and site come from the integration), made once. */
import { config } from "virtual:ladder/config";
import { createUrls } from "../lib/links/urls";

export const urls = createUrls(config.base, config.site);
