import { describe, expect, it } from "vitest";
import { dataFile, editUrl } from "../../../src/lib/data/dataFiles";

describe("data files", () => {
  it("names the file that holds a level, a role or a track's shared expectations", () => {
    expect(dataFile({ track: "support", level: "ic3" })).toBe("support/levels/ic3.json");
    expect(dataFile({ track: "support", role: "team-lead" })).toBe("support/roles/team-lead.json");
    expect(dataFile({ track: "support", level: null })).toBe("support/track.json");
  });

  it("fills an edit link template with the file's path from the project root", () => {
    const template = "https://github.com/acme/careers/edit/main/{file}";
    expect(editUrl(template, "data", "support/levels/ic3.json")).toBe(
      "https://github.com/acme/careers/edit/main/data/support/levels/ic3.json",
    );
    expect(editUrl(template, "./frameworks/", "a/track.json")).toBe(
      "https://github.com/acme/careers/edit/main/frameworks/a/track.json",
    );
  });
});
