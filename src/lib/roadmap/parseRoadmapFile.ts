import { formatProblem, zodIssuesToProblems } from "../data/problems";
import { roadmapStateSchema, type RoadmapState } from "../schemas/roadmap";

/**
 * Reads a roadmap exported as JSON (to move it between browsers). Returns the roadmap, or
 * what is wrong with the file in the words of the data validation.
 */
export function parseRoadmapFile(
  text: string,
  fileName = "the file",
): { roadmap: RoadmapState } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: `${fileName}: is not JSON: choose a roadmap exported with "Export JSON"` };
  }
  const result = roadmapStateSchema.safeParse(data);
  if (result.success) return { roadmap: result.data };
  return { error: zodIssuesToProblems(fileName, result.error.issues).map(formatProblem).join("\n") };
}
