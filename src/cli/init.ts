/**
 * `ladder init [dir]`: a new handbook project that builds as it is: package.json, an Astro
 * configuration with `ladder()`, a small example track and a README with the two commands.
 * It writes nothing when any of its files exists already.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { displayPath } from "../lib/data/displayPath";
import { ASTRO_CONFIG_NAMES, EXIT, parseCommandArgs, plural, UsageError, type Command } from "./cli";
import { packageRoot } from "../integration/packageRoot";

/** Ladder's own package.json, for its name and the versions a new project depends on. */
function ladderPackage(): { name: string; version: string; peerDependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(new URL("package.json", packageRoot), "utf8"));
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The files of a new project, by path from its folder. */
export function starterFiles(name: string): Record<string, string> {
  const ladder = ladderPackage();
  return {
    "package.json": json({
      name,
      private: true,
      type: "module",
      scripts: { dev: "ladder dev", build: "ladder build", validate: "ladder validate" },
      dependencies: {
        astro: ladder.peerDependencies?.astro ?? "^5.18.2",
        [ladder.name]: `^${ladder.version}`,
      },
    }),
    "astro.config.mjs": `// @ts-check
import { defineConfig } from "astro/config";
import ladder from "${ladder.name}";

export default defineConfig({
  // The public address of the handbook, so copied links are absolute:
  // site: "https://careers.example.com",
  integrations: [
    ladder({
      dataDir: "data",
      title: "Career handbook",
      // organization: "Example Inc.",
      // editLink: "https://github.com/example/careers/edit/main/{file}",
    }),
  ],
});
`,
    ".gitignore": "node_modules/\ndist/\n.astro/\n",
    "README.md": `# ${name}

Our career framework, published with [Ladder](https://www.npmjs.com/package/${ladder.name}).

\`\`\`sh
npm install && npm run build   # install, validate the data and build the handbook into dist/
npm run dev                    # serve it at http://localhost:4321/; pages reload as you edit
\`\`\`

The framework is in \`data/\`: a folder per track with its \`track.json\` and a file per level in
\`levels/\`. \`npm run validate\` checks the data alone and lists every problem at once.
`,
    "data/example/track.json": json({
      title: "Example track",
      order: 1,
      description: "Replace this track with your own: its levels are in levels/.",
      cumulative: true,
      categories: [
        { id: "craft", title: "Craft", description: "How the work is done." },
        { id: "collaboration", title: "Collaboration", description: "How we work with others." },
      ],
    }),
    "data/example/levels/l1.json": json({
      code: "L1",
      title: "Developing",
      summary: "Learns the craft with guidance.",
      order: 1,
      status: "defined",
      behaviors: {
        craft: [{ id: "follows-practices", text: "Follows the team's practices, with guidance." }],
        collaboration: [{ id: "asks-for-help", text: "Asks for help when stuck." }],
      },
    }),
    "data/example/levels/l2.json": json({
      code: "L2",
      title: "Proficient",
      summary: "Works independently.",
      order: 2,
      status: "defined",
      behaviors: {
        craft: [
          {
            id: "improves-practices",
            text: "Follows the team's practices independently and suggests improvements.",
            evolvesFrom: "follows-practices",
          },
        ],
        collaboration: [{ id: "helps-others", text: "Helps others when they are stuck." }],
      },
    }),
  };
}

export const initCommand: Command = {
  name: "init",
  summary: "start a new handbook project in a folder (never overwrites a file)",
  help: `Usage: ladder init [folder]

Writes a new handbook project into the folder (default: the current one): package.json,
astro.config.mjs with ladder(), a small example track in data/, .gitignore and a README.
Then: npm install && npm run build.

If any of these files exists already, nothing is written and the command lists them.

Exit code: 0 when the project is written, 1 when a file is in the way, 2 when called wrongly.`,

  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {}, true);
    if (values.help) {
      console.log(this.help);
      return EXIT.ok;
    }
    if (positionals.length > 1) throw new UsageError("name one folder at most");
    const folder = path.resolve(positionals[0] ?? ".");
    const name = path
      .basename(folder)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[._-]+|-+$/g, "");
    // A project named like Ladder's package would depend on itself, which npm refuses.
    const files = starterFiles(!name || name === ladderPackage().name ? "career-handbook" : name);
    // Another Astro configuration would be shadowed by ours (Astro loads astro.config.mjs first).
    const inTheWay = [...new Set([...Object.keys(files), ...ASTRO_CONFIG_NAMES])].filter((file) =>
      existsSync(path.join(folder, file)),
    );
    if (existsSync(folder) && !statSync(folder).isDirectory()) inTheWay.unshift(".");
    if (inTheWay.length > 0) {
      for (const file of inTheWay) console.error(`${path.join(folder, file)}: exists already`);
      console.error(
        `\nNothing was written: move ${inTheWay.length === 1 ? "it" : "them"} away, or run ladder init in another folder.`,
      );
      return EXIT.problems;
    }
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      // "wx": should a file appear meanwhile, it is not overwritten.
      writeFileSync(path.join(folder, file), text, { flag: "wx" });
    }
    const shown = displayPath(folder, process.cwd()) || ".";
    console.log(`Wrote ${plural(Object.keys(files).length, "file")} into ${shown}/. Next:`);
    if (shown !== ".") console.log(`  cd ${shown}`);
    console.log("  npm install && npm run build");
    return EXIT.ok;
  },
};
