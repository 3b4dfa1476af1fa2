/** The "Edit" link of a page's data file, when the site has an `editLink` template. */
import { config } from "virtual:ladder/config";
import { dataFile, editUrl, type DataFileOf } from "../lib/data/dataFiles";

export function editHref(of: DataFileOf): string | undefined {
  return config.editLink && editUrl(config.editLink, config.dataDir, dataFile(of));
}
