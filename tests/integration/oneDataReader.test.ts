import { execFile } from "node:child_process";
import { EventEmitter } from "node:events";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";
import { describe, expect, it, vi } from "vitest";
import ladderIntegration from "../../src/integration/index";
import { UNEXPECTED_HINT } from "../../src/integration/unexpectedError";
import { formatProblem } from "../../src/lib/data/problems";
import * as prose from "../../src/lib/handbook/renderProse";
import { MALFORMED } from "../fixtures/malformedData";
import { minimalData, writeDataDir } from "../helpers/dataDir";
import { ladder } from "../helpers/ladderCli";
import { buildEnv } from "../helpers/sites";

type SetupHook = NonNullable<AstroIntegration["hooks"]["astro:config:setup"]>;

/**
 * Runs the integration's setup as `astro build` or `astro dev` does, on a data folder.
 * Resolves with the error it stops with, or the Vite plugin it hands to Astro.
 */
async function setUp(dataDir: string, command: "build" | "dev", config: Record<string, unknown> = {}) {
  const integration = ladderIntegration({ dataDir });
  const plugins: Plugin[] = [];
  const warnings: string[] = [];
  const setup = integration.hooks["astro:config:setup"] as SetupHook;
  const params = {
    command,
    config: {
      root: pathToFileURL(`${process.cwd()}/`),
      srcDir: pathToFileURL(`${process.cwd()}/src/`),
      publicDir: pathToFileURL(`${process.cwd()}/public/`),
      // A new folder: what this repository's dist/ holds must not matter.
      outDir: pathToFileURL(`${mkdtempSync(path.join(tmpdir(), "ladder-out-"))}/dist/`),
      base: "/",
      build: { format: "directory" },
      trailingSlash: "ignore",
      ...config,
    },
    injectRoute: () => {},
    logger: { warn: (message: string) => void warnings.push(message) },
    updateConfig: (config: { vite?: { plugins?: Plugin[] } }) =>
      void plugins.push(...(config.vite?.plugins ?? [])),
  } as unknown as Parameters<SetupHook>[0];
  try {
    await setup(params);
    return { plugin: plugins[0], warnings };
  } catch (error) {
    return { error: error as Error, warnings };
  }
}

/** What `virtual:ladder/data` gives a page in `astro dev`: its code, or the error the page shows. */
async function devLoad(plugin: Plugin): Promise<{ code?: string; error?: Error }> {
  const resolved = (plugin.resolveId as (id: string) => string)("virtual:ladder/data");
  const load = plugin.load as (id: string) => Promise<string>;
  return load.call({}, resolved).then(
    (code) => ({ code }),
    (error: Error) => ({ error }),
  );
}

/** The problem lines of a message (those before the summary). */
const problemLines = (text: string) => text.trim().split("\n\n")[0].split("\n");

describe("one data reader: ladder validate, astro build and astro dev accept and reject the same data", () => {
  it("has at least twenty kinds of malformed data to refuse", () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(20);
  });

  it.each(MALFORMED)(
    "all three refuse %s, with the same file: path: message lines",
    async (_name, change, problem) => {
      const files = minimalData();
      change(files);
      const dataDir = writeDataDir(files);
      const validated = await ladder(["validate", "--data-dir", dataDir]);
      expect(validated.code).toBe(1);
      const lines = problemLines(validated.stderr);
      const expected = formatProblem({ ...problem, file: `${dataDir}/${problem.file}`, message: "" });
      const reported = lines.find(
        (l) => l.startsWith(expected) && problem.message.test(l.slice(expected.length)),
      );
      expect(reported, validated.stderr).toBeDefined();

      // `astro build` stops in the integration's setup, before Vite starts.
      const build = await setUp(dataDir, "build");
      expect(problemLines(build.error?.message ?? "")).toEqual(lines);
      expect(build.error?.stack).toBe("");

      // `astro dev` starts, and each page load reads the data (its error overlay shows the message).
      const dev = await setUp(dataDir, "dev");
      expect(dev.error).toBeUndefined();
      const { error } = await devLoad(dev.plugin!);
      expect(problemLines(error?.message ?? "")).toEqual(lines);
    },
  );

  it("all three accept valid data, and remind alike that ids are not in a legacy lock yet", async () => {
    const dataDir = writeDataDir({
      ...minimalData(),
      "published-ids.json": { tracks: { demo: ["basic-git"] } },
    });
    const validated = await ladder(["validate", "--data-dir", dataDir]);
    expect(validated.code).toBe(0);
    const reminder = validated.stdout.trim().split("\n")[1];
    expect(reminder).toMatch(
      /^5 ids are not in .*published-ids\.json yet .*: npx ladder release <name> --data-dir /,
    );
    const build = await setUp(dataDir, "build");
    expect(build.error).toBeUndefined();
    expect(build.warnings).toEqual([reminder]);
    const dev = await setUp(dataDir, "dev");
    expect((await devLoad(dev.plugin!)).code).toMatch(/^export const handbook = JSON\.parse\(/);
  });

  it.each([[{ build: { format: "file" } }], [{ trailingSlash: "never" }]])(
    "refuses Astro settings that would break the handbook's links: %j",
    async (config) => {
      const { error } = await setUp(writeDataDir(minimalData()), "build", config);
      expect(error?.message).toMatch(
        /^ladder\(\) needs pages as folders: .* would break the handbook's links/,
      );
    },
  );

  it("refuses to build into the data folder, or with a base that is another host, deleting nothing", async () => {
    const dataDir = writeDataDir(minimalData());
    const intoData = await setUp(dataDir, "build", { outDir: pathToFileURL(`${dataDir}/`) });
    expect(intoData.error?.message).toMatch(
      /^Astro's outDir .* is the data folder .*, which a build would replace whole/,
    );
    expect(intoData.error?.stack).toBe("");
    expect(existsSync(path.join(dataDir, "demo/track.json"))).toBe(true);
    const elsewhere = await setUp(dataDir, "dev", { base: "//cdn.example/" });
    expect(elsewhere.error?.message).toMatch(
      /^Astro's base "\/\/cdn\.example\/" must be a path of this site/,
    );
  });

  it("a crash while reading the data stops astro build and astro dev in one line, its stack only with DEBUG=ladder", async () => {
    const dataDir = writeDataDir(minimalData());
    const overflow = vi.spyOn(prose, "renderProse").mockImplementation(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    const saved = process.env.DEBUG;
    try {
      delete process.env.DEBUG;
      const build = await setUp(dataDir, "build");
      expect(build.error?.message).toBe("ladder(): unexpected error: Maximum call stack size exceeded");
      expect((build.error as { hint?: string }).hint).toBe(UNEXPECTED_HINT);
      expect(build.error?.stack).toBe("");
      const dev = await setUp(dataDir, "dev");
      const { error } = await devLoad(dev.plugin!);
      expect(error?.message).toBe(build.error?.message);
      expect(error?.stack).toBe("");

      process.env.DEBUG = "ladder";
      const debugged = await setUp(dataDir, "build");
      expect(debugged.error?.stack).toMatch(/^RangeError: Maximum call stack size exceeded\n\s+at /);
    } finally {
      if (saved === undefined) delete process.env.DEBUG;
      else process.env.DEBUG = saved;
      overflow.mockRestore();
    }
  });

  it("a real build stops before anything is written, listing every problem at once without a stack trace", async () => {
    const files = minimalData();
    (files["demo/levels/l1.json"] as { behaviors: { craft: { text: unknown }[] } }).behaviors.craft[0].text =
      42;
    files["demo/prose/intro.mdx"] = "---\ntitle: Intro\norder: 1\n---\n\nHello <Widget />.\n";
    const dataDir = writeDataDir(files);
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "ladder-out-")), "dist");
    const result = await promisify(execFile)("npm", ["run", "build", "--silent"], {
      env: { ...buildEnv(), LADDER_DATA_DIR: dataDir, LADDER_OUT_DIR: outDir },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${dataDir}/demo/levels/l1.json: behaviors.craft[0].text: must be a string, not a number`,
    );
    expect(result.stderr).toContain(
      `${dataDir}/demo/prose/intro.mdx:6:7: an HTML tag or component is not allowed in prose`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe("a data folder is a path, whatever characters it holds", () => {
  it("reads every track of a folder whose path holds #, ?, %41 and a space, in a build and in dev", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "ladder-path-"));
    const dataDir = path.join(parent, "hash#question?percent%41 space");
    cpSync(writeDataDir(minimalData()), dataDir, { recursive: true });
    for (const command of ["build", "dev"] as const) {
      const { plugin, error } = await setUp(dataDir, command);
      expect(error).toBeUndefined();
      const { code } = await devLoad(plugin!);
      expect(code).toContain('\\"Demo framework\\"');
      expect(code).toContain("Has a basic understanding of Git.");
    }
  });

  it("stops a build that finds no track there, before anything is built", async () => {
    const empty = path.join(mkdtempSync(path.join(tmpdir(), "ladder-path-")), "frameworks#1");
    mkdirSync(empty);
    const { error } = await setUp(empty, "build");
    expect(error?.message).toMatch(/holds no track: add a folder with a track\.json for each track/);
  });
});

describe("astro dev follows the data folder", () => {
  /** The parts of Vite's dev server the plugin uses, recording what it does with them. */
  function devServer() {
    const watcher = new EventEmitter() as EventEmitter & { add: (file: string) => void };
    const watched: string[] = [];
    watcher.add = (file) => void watched.push(file);
    const invalidated: string[] = [];
    const sent: unknown[] = [];
    const moduleGraph = {
      getModuleById: (id: string) => ({ id }),
      invalidateModule: (module: { id: string }) => void invalidated.push(module.id),
    };
    type Middleware = (
      request: { url: string },
      response: { setHeader: (name: string, value: string) => void; end: (body: Buffer) => void },
      next: () => void,
    ) => void;
    const middlewares: Middleware[] = [];
    const server = {
      watcher,
      environments: { client: { moduleGraph }, ssr: { moduleGraph } },
      ws: { send: (payload: unknown) => void sent.push(payload) },
      middlewares: { use: (middleware: Middleware) => void middlewares.push(middleware) },
    };
    /** What the server's own middlewares answer to a request for `url`: a body, or nothing (next). */
    const request = (url: string) =>
      new Promise<{ type?: string; body?: Buffer }>((resolve) => {
        const headers: Record<string, string> = {};
        const response = {
          setHeader: (name: string, value: string) => void (headers[name] = value),
          end: (body: Buffer) => resolve({ type: headers["Content-Type"], body }),
        };
        const next = (index: number) => () =>
          index < middlewares.length ? middlewares[index]({ url }, response, next(index + 1)) : resolve({});
        next(0)();
      });
    return { server, watcher, watched, invalidated, sent, request };
  }

  it("reloads the page with the new data when a data file is edited, added or removed, and only then", async () => {
    // A temporary folder: outside the project's root, as a team's data folder may be.
    const dataDir = writeDataDir(minimalData());
    const { plugin } = await setUp(dataDir, "dev");
    const dev = devServer();
    (plugin!.configureServer as (server: unknown) => void)(dev.server);
    expect(dev.watched).toEqual([dataDir]);
    const reloads = () => dev.sent.filter((payload) => (payload as { type: string }).type === "full-reload");

    const level = path.join(dataDir, "demo/levels/l1.json");
    writeFileSync(level, readFileSync(level, "utf8").replace("Asks questions.", "Asks good questions."));
    dev.watcher.emit("change", level);
    expect(reloads()).toHaveLength(1);
    expect(dev.invalidated).toEqual(["\0virtual:ladder/data", "\0virtual:ladder/data"]);
    expect((await devLoad(plugin!)).code).toContain("Asks good questions.");

    const added = path.join(dataDir, "demo/levels/l4.json");
    writeFileSync(added, JSON.stringify({ code: "L4", order: 4, status: "not yet defined" }));
    dev.watcher.emit("add", added);
    expect(reloads()).toHaveLength(2);
    expect((await devLoad(plugin!)).code).toContain('\\"L4\\"');

    rmSync(added);
    dev.watcher.emit("unlink", added);
    expect(reloads()).toHaveLength(3);
    expect((await devLoad(plugin!)).code).not.toContain('\\"L4\\"');

    // Files beside the data folder, even one whose name starts like it, are not data.
    dev.watcher.emit("change", path.resolve("src/routes/index.astro"));
    dev.watcher.emit("change", `${dataDir}-other/demo/track.json`);
    expect(reloads()).toHaveLength(3);
  });

  it("serves the images prose shows at the URLs the page gives them, from the data folder as it is", async () => {
    const files = minimalData();
    files["demo/prose/chart.png"] = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1]);
    files["demo/prose/intro.mdx"] = "---\ntitle: Intro\norder: 1\n---\n\n![Chart](./chart.png)\n";
    // A folder whose path Vite could not import from.
    const dataDir = path.join(
      mkdtempSync(path.join(tmpdir(), "ladder-path-")),
      "hash#question?percent%41 space",
    );
    cpSync(writeDataDir(files), dataDir, { recursive: true });
    const { plugin } = await setUp(dataDir, "dev", { base: "/handbook/" });
    const dev = devServer();
    (plugin!.configureServer as (server: unknown) => void)(dev.server);
    /** The src of the prose's image, as `virtual:ladder/data` gives it to the page now, and its code. */
    const load = async () => {
      const { code } = await devLoad(plugin!);
      const page = await import(`data:text/javascript,${encodeURIComponent(code!)}`);
      return { code: code!, src: /<img src="([^"]+)"/.exec(page.proseHtml["demo/intro"])![1] };
    };
    const first = await load();
    expect(first.src).toMatch(/^\/handbook\/_images\/chart-[0-9a-f]{12}\.png$/);
    const served = { type: "image/png", body: readFileSync(path.join(dataDir, "demo/prose/chart.png")) };
    expect(await dev.request(`${first.src}?t=1`)).toEqual(served);
    // As Astro hands it on, without the site's base.
    expect(await dev.request(first.src.slice("/handbook".length))).toEqual(served);
    expect(await dev.request("/handbook/_images/other.png")).toEqual({});
    // By a server whose plugin has not read the data yet (Astro may set the integration up twice).
    const other = devServer();
    const again = await setUp(dataDir, "dev", { base: "/handbook/" });
    (again.plugin!.configureServer as (server: unknown) => void)(other.server);
    expect(await other.request(first.src)).toEqual(served);

    // A changed image is a new URL, served as it is now.
    writeFileSync(path.join(dataDir, "demo/prose/chart.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 2]));
    const changed = await load();
    expect(changed.src).not.toBe(first.src);
    expect((await dev.request(changed.src)).body).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 2]));
    // The page's module names no file of the data folder.
    expect(changed.code).not.toContain(dataDir);
  });
});
