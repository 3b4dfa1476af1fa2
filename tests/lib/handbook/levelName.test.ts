import { describe, expect, it } from "vitest";
import { levelName } from "../../../src/lib/handbook/levelName";
import { realHandbook, trackOf } from "../../helpers/realHandbook";

describe("levelName", () => {
  it("names a level by its code and, when it has one, its job title", () => {
    expect(levelName({ code: "IC3", title: "Senior Support Engineer" })).toBe(
      "IC3 · Senior Support Engineer",
    );
    expect(levelName({ code: "IC3" })).toBe("IC3");
    expect(levelName({ code: "IC3", title: "" })).toBe("IC3");
  });

  it("names the real levels, with and without titles", async () => {
    const handbook = await realHandbook();
    expect(trackOf(handbook, "support").levels.map(levelName).slice(0, 2)).toEqual([
      "IC1 · Entry Level",
      "IC2 · Support Engineer",
    ]);
    expect(trackOf(handbook, "product").levels.map(levelName)).toEqual(["IC2", "IC3", "IC4", "IC5"]);
  });
});
