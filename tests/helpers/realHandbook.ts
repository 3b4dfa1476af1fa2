import type { Handbook } from "../../src/lib/handbook/buildHandbook";
import { formatProblem } from "../../src/lib/data/problems";
import { validateDataDir } from "../../src/lib/data/validateDataDir";

/** The real handbook from `data/`, failing loudly if it does not validate. */
export async function realHandbook(): Promise<Handbook> {
  const { handbook, problems } = await validateDataDir("data");
  if (!handbook) throw new Error(problems.map(formatProblem).join("\n"));
  return handbook;
}

/** A track of the real handbook by id. */
export function trackOf(handbook: Handbook, id: string) {
  const track = handbook.tracks.find((t) => t.id === id);
  if (!track) throw new Error(`no track ${id}`);
  return track;
}
