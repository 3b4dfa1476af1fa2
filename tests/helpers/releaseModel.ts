import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Handbook } from "../../src/lib/handbook/buildHandbook";
import { validateDataDir } from "../../src/lib/data/validateDataDir";
import type { Urls } from "../../src/lib/links/urls";
import { buildReleaseModel, type ReleaseModel } from "../../src/lib/releases/model";
import {
  fixtureReleases,
  RELEASES,
  THREE_RELEASES_DIR,
  thirdState,
} from "../fixtures/releases/threeReleases";
import { writeDataDir } from "./dataDir";

type Files = Record<string, unknown>;
type Behaviors = Record<string, { id: string; text: string; aliases?: string[] }[]>;

/** The fixture's release files, as `releases/{name}.json` → content. */
function releaseFiles(): Files {
  return Object.fromEntries(
    RELEASES.map(({ name }) => {
      const file = `releases/${name}.json`;
      return [file, JSON.parse(readFileSync(path.join(THREE_RELEASES_DIR, file), "utf8"))];
    }),
  );
}

/** The handbook of `files` (path → JSON) beside the fixture's releases, validated as the build would. */
export async function handbookOf(files: Files): Promise<Handbook> {
  const { handbook, problems } = await validateDataDir(writeDataDir({ ...releaseFiles(), ...files }));
  expect(problems).toEqual([]);
  return handbook!;
}

/** The three-release fixture's data, with `edit` applied to the behaviors of one of its level files. */
export function editedState(level: string, edit: (behaviors: Behaviors) => Behaviors): Files {
  const files = thirdState();
  const file = `eng/levels/${level}.json`;
  const data = files[file] as { behaviors: Behaviors };
  return { ...files, [file]: { ...data, behaviors: edit(data.behaviors) } };
}

/** The release model of the three-release fixture over `files` (its data as of the third release by default). */
export async function fixtureModel(
  urls: Urls,
  { files = thirdState(), unreleased = false }: { files?: Files; unreleased?: boolean } = {},
): Promise<{ handbook: Handbook; model: ReleaseModel }> {
  const handbook = await handbookOf(files);
  return {
    handbook,
    model: buildReleaseModel(fixtureReleases(), handbook, urls, { unreleased, today: "2026-12-05" }),
  };
}
