import { describe, expect, it } from "vitest";
import { idRecord, ownValue } from "../../../src/lib/data/idRecords";
import { PROTOTYPE_NAMES } from "../../helpers/prototypeIds";

describe.each(PROTOTYPE_NAMES)("records keyed by %s", (name) => {
  it("find nothing under it on a plain object, and what is there when it is its own key", () => {
    expect(ownValue({}, name)).toBeUndefined();
    expect(ownValue(JSON.parse(`{ ${JSON.stringify(name)}: "kept" }`), name)).toBe("kept");
  });

  it("hold it as a key like any other, and write the JSON a plain object would", () => {
    const entries: [string, string][] = [
      ["basic-git", "first"],
      [name, "second"],
    ];
    const record = idRecord(entries);
    expect(Object.getPrototypeOf(record)).toBeNull();
    expect(Object.keys(record)).toEqual(["basic-git", name]);
    expect(ownValue(record, name)).toBe("second");
    expect(JSON.stringify(record)).toBe(`{"basic-git":"first",${JSON.stringify(name)}:"second"}`);
    expect(ownValue(idRecord(), name)).toBeUndefined();
  });
});
