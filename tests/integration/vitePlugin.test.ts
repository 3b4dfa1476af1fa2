import { describe, expect, it } from "vitest";
import { ladderVitePlugin } from "../../src/integration/vitePlugin";
import { PROTOTYPE_NAMES } from "../helpers/prototypeIds";

describe("the integration's Vite plugin", () => {
  const plugin = ladderVitePlugin({ configModule: "", dataDir: "data", root: process.cwd() });
  const resolveId = plugin.resolveId as (id: string) => string | undefined;

  it("resolves its two virtual modules", () => {
    expect(resolveId("virtual:ladder/config")).toBe("\0virtual:ladder/config");
    expect(resolveId("virtual:ladder/data")).toBe("\0virtual:ladder/data");
  });

  it.each(PROTOTYPE_NAMES)("leaves an import of %s to others", (name) => {
    expect(resolveId(name)).toBeUndefined();
  });
});
