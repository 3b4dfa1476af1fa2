import { describe, expect, it } from "vitest";
import type { Role } from "../../../src/lib/handbook/buildHandbook";
import { rolePageModel } from "../../../src/lib/handbook/rolePageModel";
import { createUrls } from "../../../src/lib/links/urls";
import { realHandbook, trackOf } from "../../helpers/realHandbook";
import { syntheticTrack } from "../../helpers/syntheticTrack";
import { fixtureModel } from "../../helpers/releaseModel";

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

describe("rolePageModel with the releases' model", async () => {
  const plain = createUrls("/");
  const { handbook, model } = await fixtureModel(plain);
  const eng = trackOf(handbook, "eng");

  it("gives each responsibility the release links of its menu", () => {
    const manager = eng.roles.find((role) => role.id === "manager")!;
    expect(rolePageModel(eng, manager, plain, model).responsibilities).toEqual([
      {
        id: "runs-one-on-ones",
        term: "runs-one-on-ones",
        text: "Runs one-on-ones.",
        permalink: "/b/eng/runs-one-on-ones/",
        releases: {
          changed: { text: "Changed in v3", href: "/changes/v3/#change--eng--runs-one-on-ones" },
          history: "/b/eng/runs-one-on-ones/history/",
          pinned: { release: "v3", href: "/b/eng/runs-one-on-ones/history/#v3" },
        },
      },
    ]);
    expect(rolePageModel(eng, manager, plain).responsibilities[0].releases).toBeUndefined();
  });
});
