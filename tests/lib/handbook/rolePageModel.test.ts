import { describe, expect, it } from "vitest";
import type { Role } from "../../../src/lib/handbook/buildHandbook";
import { rolePageModel } from "../../../src/lib/handbook/rolePageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack } from "../../helpers/syntheticTrack";

const urls = createUrls("/handbook/", "https://example.com");

describe("rolePageModel", async () => {
  const handbook = await realHandbook();
  const support = trackOf(handbook, "support");
  const teamLead = support.roles[0];

  it("titles the page with the role and the track's short title", () => {
    expect(rolePageModel(support, teamLead, urls).title).toBe("SE Regional Team Leads · Support");
  });

  it("lists each responsibility by its title with an absolute permanent link", () => {
    const [facilitator] = rolePageModel(support, teamLead, urls).responsibilities;
    expect(facilitator).toEqual({
      id: "facilitator",
      term: "Facilitator",
      text: teamLead.responsibilities[0].text,
      permalink: "https://example.com/handbook/b/support/facilitator/",
    });
    expect(rolePageModel(support, teamLead, createUrls("/")).responsibilities[0].permalink).toBe(
      "/b/support/facilitator/",
    );
  });

  it("names a responsibility without a title by its id", () => {
    const role: Role = {
      track: "t",
      id: "lead",
      title: "Lead",
      summary: "Leads.",
      body: [],
      responsibilities: [
        { id: "plans-work", text: "Plans the work.", aliases: [], track: "t", role: "lead" },
      ],
    };
    expect(rolePageModel(syntheticTrack([{}]), role, urls).responsibilities[0].term).toBe("plans-work");
  });
});
