/**
 * Ladder as a team gets it: the packed tarball installed into an empty folder, then used
 * (1) with a data folder alone, (2) inside an Astro site that has pages of its own, and
 * (3) with bad options and bad data, which `ladder build` and `ladder dev` report alike.
 */
import { execFile, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { buildEnv } from "../helpers/sites";

const exec = promisify(execFile);
const work = mkdtempSync(path.join(tmpdir(), "ladder-project-"));
const project = path.join(work, "project");

/** Runs a command in the project; resolves with its exit code and output, never rejects. */
async function run(command: string, args: string[]) {
  return exec(command, args, { cwd: project, env: buildEnv() }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

function write(file: string, content: unknown): void {
  const full = path.join(project, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, typeof content === "string" ? content : JSON.stringify(content, null, 2));
}

const page = (file: string) => cheerio.load(readFileSync(path.join(project, "dist", file), "utf8"));

/** A two-level framework, as a team would write it. */
function writeFramework(): void {
  write("data/acme/track.json", {
    title: "Acme engineering",
    order: 1,
    description: "How engineers grow at Acme.",
    cumulative: true,
    categories: [{ id: "craft", title: "Craft" }],
  });
  write("data/acme/levels/e1.json", {
    code: "E1",
    title: "Engineer",
    order: 1,
    status: "defined",
    behaviors: { craft: [{ id: "writes-tests", text: "Writes tests for the code they change." }] },
  });
  write("data/acme/levels/e2.json", {
    code: "E2",
    title: "Senior engineer",
    order: 2,
    status: "defined",
    behaviors: { craft: [{ id: "designs-tests", text: "Designs how a system is tested." }] },
  });
}

beforeAll(async () => {
  // The command was compiled by the unit tests' setup: packing without scripts leaves it be
  // while other tests run it.
  const { stdout } = await exec("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", work], {
    env: buildEnv(),
  });
  const tarball = path.join(work, stdout.trim().split("\n").at(-1)!);
  mkdirSync(project);
  write("package.json", { name: "project", private: true, type: "module" });
  // From npm's cache where it can: the same packages `npm ci` fetched for this repository.
  await exec("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], {
    cwd: project,
    env: buildEnv(),
  });
  writeFramework();
}, 240_000);

describe("the packed tarball installed into an empty folder", () => {
  it("installs only runtime dependencies: neither tsx nor prettier", () => {
    for (const tool of ["tsx", "prettier"]) {
      expect(existsSync(path.join(project, "node_modules", tool)), tool).toBe(false);
    }
    expect(existsSync(path.join(project, "node_modules/ladder-handbook/build/cli/index.mjs"))).toBe(true);
  });

  it("validates and builds a data folder with npx ladder, without an Astro configuration of its own", async () => {
    const validated = await run("npx", ["ladder", "validate"]);
    expect(validated.stdout).toMatch(/^data\/ is valid: 1 track, 2 levels, 2 behaviors, 0 roles\.$/m);
    expect(validated.code).toBe(0);

    const built = await run("npx", ["ladder", "build"]);
    expect(built.code, built.stderr).toBe(0);
    const level = page("acme/e2/index.html");
    expect(level("h1").text()).toContain("Senior engineer");
    expect(level("#designs-tests [data-copy-text]").text()).toBe("Designs how a system is tested.");
    expect(level(".site-name").text()).toBe("Career handbook");
    expect(existsSync(path.join(project, "dist/b/acme/writes-tests/index.html"))).toBe(true);
    const api = JSON.parse(readFileSync(path.join(project, "dist/api/behaviors.json"), "utf8"));
    expect(api.map((behavior: { id: string }) => behavior.id).sort()).toEqual([
      "designs-tests",
      "writes-tests",
    ]);
  }, 120_000);

  it("starts a new project with ladder init, which never overwrites a file", async () => {
    const started = await exec("npx", ["ladder", "init", "starter"], { cwd: project, env: buildEnv() });
    expect(started.stdout).toContain("npm install && npm run build");
    const again = await run("npx", ["ladder", "init", "starter"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Nothing was written");
    const manifest = JSON.parse(readFileSync(path.join(project, "starter/package.json"), "utf8"));
    expect(Object.keys(manifest.dependencies).sort()).toEqual(["astro", "ladder-handbook"]);
    // It builds as it is (with the Ladder installed in the folder around it).
    const built = await exec(
      "node",
      [path.join(project, "node_modules/ladder-handbook/bin/ladder.mjs"), "build"],
      {
        cwd: path.join(project, "starter"),
        env: buildEnv(),
      },
    );
    expect(built.stderr).not.toMatch(/error/i);
    const level = cheerio.load(
      readFileSync(path.join(project, "starter/dist/example/l2/index.html"), "utf8"),
    );
    expect(level("#improves-practices [data-copy-text]").text()).toBe(
      "Follows the team's practices independently and suggests improvements.",
    );
  }, 120_000);
});

describe("inside an Astro site with pages of its own, under /careers/", () => {
  beforeAll(async () => {
    write(
      "src/pages/index.astro",
      `---\n---\n<html lang="en"><head><title>Acme</title><style is:global>body { background: rgb(1, 2, 3); }</style></head><body><h1>Acme home</h1><a href="/careers/">Careers</a></body></html>\n`,
    );
    write("public/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`);
    write("src/assets/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`);
    write(
      "astro.config.mjs",
      `import { defineConfig } from "astro/config";
import ladder from "ladder-handbook";

export default defineConfig({
  site: "https://www.acme.example",
  integrations: [
    ladder({
      path: "careers",
      title: "Acme careers",
      organization: "Acme Inc.",
      logo: { light: "./src/assets/logo.svg", alt: "" },
      accentColor: { light: "#7a1fa2", dark: "#d08cf0" },
      footerLinks: [{ label: "People team", href: "https://people.acme.example/" }],
      editLink: "https://github.com/acme/careers/edit/main/{file}",
    }),
  ],
});
`,
    );
    rmSync(path.join(project, "dist"), { recursive: true, force: true });
    const built = await run("npx", ["ladder", "build"]);
    expect(built.code, built.stderr).toBe(0);
  }, 120_000);

  it("keeps the site's own pages, and puts every handbook page and link under /careers/", () => {
    expect(page("index.html")("h1").text()).toBe("Acme home");
    const home = page("careers/index.html");
    expect(home("h1").text()).toBe("Acme careers");
    const level = page("careers/acme/e1/index.html");
    const links = level("a[href^='/']")
      .map((_, a) => level(a).attr("href"))
      .get();
    expect(links.length).toBeGreaterThan(5);
    for (const href of links) expect(href).toMatch(/^\/careers\//);
    // No inline script anywhere: the handbook works under script-src 'self' in a team's site too.
    for (const file of [
      "index.html",
      "careers/index.html",
      "careers/behaviors/index.html",
      "careers/acme/e1/index.html",
    ]) {
      expect(page(file)("script:not([src])").length, file).toBe(0);
    }
    // Ladder's own files (its icon among them) ship with the package, not from a public/ folder.
    const icon = level("link[rel=icon]").attr("href")!;
    expect(existsSync(path.join(project, "dist", icon))).toBe(true);
    // The site's own "not found" page is its business: Ladder adds none under a path.
    expect(existsSync(path.join(project, "dist/404.html"))).toBe(false);
    expect(readdirSync(path.join(project, "dist"))).toEqual(
      expect.arrayContaining(["careers", "index.html"]),
    );
  });

  it("shows the team's settings: title, organization, logo, accent, footer links, edit links", () => {
    const level = page("careers/acme/e1/index.html");
    expect(level("title").text()).toMatch(/^E1\b.* · Acme careers$/);
    expect(level(".site-name").text()).toBe("Acme careers");
    expect(level(".site-logo").attr("src")).toMatch(/^\/_astro\/logo\.[\w-]+\.svg$/);
    expect(level("style").text()).toContain("--accent:#7a1fa2");
    expect(level(".footer-links").text()).toContain("Acme Inc.");
    expect(level(".footer-links a").attr("href")).toBe("https://people.acme.example/");
    expect(level('a:contains("Edit this page\'s data")').attr("href")).toBe(
      "https://github.com/acme/careers/edit/main/data/acme/levels/e1.json",
    );
    expect(level("copy-links").attr("data-edit")).toBe(
      "https://github.com/acme/careers/edit/main/data/acme/levels/e1.json",
    );
    expect(level("link[rel=canonical]").attr("href")).toBe("https://www.acme.example/careers/acme/e1/");
  });

  it("refuses deployment flags that the project's own configuration would ignore", async () => {
    const result = await run("npx", ["ladder", "build", "--data-dir", "elsewhere"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--data-dir cannot be used with this project's own astro.config.mjs");
  });

  it("keeps the two stylesheets apart: neither part loads the other's", () => {
    const css = (html: cheerio.CheerioAPI) =>
      html("link[rel=stylesheet]")
        .map((_, link) => readFileSync(path.join(project, "dist", html(link).attr("href")!), "utf8"))
        .get()
        .join("\n") + html("style").text();
    expect(css(page("index.html"))).not.toContain(".site-header");
    expect(css(page("careers/acme/e1/index.html"))).not.toContain("rgb(1, 2, 3)");
    expect(css(page("careers/acme/e1/index.html"))).not.toContain("rgb(1,2,3)");
  });
});

describe("bad options and bad data, in build and in dev", () => {
  /** Starts `ladder dev`, and resolves with what it printed once it is ready or has stopped. */
  function dev(port: number, afterReady: () => Promise<void> = async () => {}) {
    return new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn("npx", ["ladder", "dev", "--port", String(port)], {
        cwd: project,
        env: buildEnv(),
        detached: true,
      });
      let output = "";
      let ready = false;
      const collect = (chunk: Buffer) => {
        output += chunk;
        if (!ready && /localhost:\d+/.test(output)) {
          ready = true;
          void afterReady().finally(() => process.kill(-child.pid!, "SIGINT"));
        }
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      child.on("exit", (code) => resolve({ code, output }));
    });
  }

  it("names a wrong option, in build and in dev alike, without a stack trace", async () => {
    const config = readFileSync(path.join(project, "astro.config.mjs"), "utf8");
    write("astro.config.mjs", config.replace('title: "Acme careers"', "title: 3"));
    try {
      const message = "ladder() option title: Expected string, received number";
      const built = await run("npx", ["ladder", "build"]);
      expect(built.code).toBe(1);
      expect(built.stderr).toContain(message);
      expect(built.stderr).not.toMatch(/\n\s+at /);
      const served = await dev(4531);
      expect(served.code).toBe(1);
      expect(served.output).toContain(message);
    } finally {
      write("astro.config.mjs", config);
    }
  }, 120_000);

  it("reports bad data with the same lines in ladder validate, ladder build and ladder dev", async () => {
    const file = path.join(project, "data/acme/levels/e2.json");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace('"order": 2', '"order": "second"'));
    try {
      const validated = await run("npx", ["ladder", "validate"]);
      expect(validated.code).toBe(1);
      const lines = validated.stderr.split("\n\n")[0].trim().split("\n");
      expect(lines).toEqual(["data/acme/levels/e2.json: order: must be a number, not a string"]);

      const built = await run("npx", ["ladder", "build"]);
      expect(built.code).toBe(1);
      for (const line of lines) expect(built.stderr).toContain(line);

      let status = 0;
      let fixedStatus = 0;
      const served = await dev(4532, async () => {
        status = (await fetch("http://localhost:4532/careers/")).status;
        writeFileSync(file, good);
        // The page works again as soon as the file is fixed (the browser reloads by itself).
        for (let tries = 0; tries < 50 && fixedStatus !== 200; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          fixedStatus = (await fetch("http://localhost:4532/careers/")).status;
        }
      });
      expect(status).toBe(500);
      for (const line of lines) expect(served.output).toContain(line);
      expect(fixedStatus).toBe(200);
    } finally {
      writeFileSync(file, good);
    }
  }, 120_000);
});
