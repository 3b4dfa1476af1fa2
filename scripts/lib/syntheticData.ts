/**
 * A synthetic handbook of realistic shape for benchmarks: tracks × levels × categories ×
 * behaviors, sentences of 10 to 25 words, behaviors that evolve from level to level (the same
 * topic, a stronger degree), aliases, roles and prose. Deterministic for a given seed.
 */

/** How big the synthetic handbook is. */
export interface SyntheticShape {
  tracks: number;
  levels: number;
  categories: number;
  /** Behaviors per category per level. */
  behaviorsPerCategory: number;
  seed?: number;
}

/**
 * A shape of about `behaviors` behaviors as a company's handbook grows: tracks of eight
 * levels, four categories and ten behaviors per category (forty a level, "dozens"), and as
 * many tracks as that takes. A handbook grows by tracks, not by ever longer levels.
 */
export function shapeFor(behaviors: number, seed = 1): SyntheticShape {
  const levels = 8;
  const categories = 4;
  const behaviorsPerCategory = 10;
  const tracks = Math.max(1, Math.round(behaviors / (levels * categories * behaviorsPerCategory)));
  return { tracks, levels, categories, behaviorsPerCategory, seed };
}

const TRACKS = [
  "engineering",
  "support",
  "product",
  "design",
  "sales",
  "management",
  "data",
  "security",
  "marketing",
  "finance",
];
const CATEGORIES = ["craft", "delivery", "collaboration", "impact", "leadership", "communication"];
const DEGREES = [
  "with guidance",
  "independently",
  "reliably",
  "proactively",
  "across teams",
  "across the company",
  "as a recognized expert",
  "setting direction for others",
];
const VERBS = [
  "Designs",
  "Reviews",
  "Documents",
  "Improves",
  "Maintains",
  "Plans",
  "Explains",
  "Tests",
  "Prioritizes",
  "Measures",
  "Automates",
  "Simplifies",
  "Debugs",
  "Mentors others on",
  "Presents",
  "Negotiates",
];
const OBJECTS = [
  "service interfaces",
  "release plans",
  "customer escalations",
  "incident reviews",
  "onboarding guides",
  "data pipelines",
  "pricing proposals",
  "hiring loops",
  "roadmap documents",
  "accessibility audits",
  "design systems",
  "support playbooks",
  "security reviews",
  "deployment tooling",
  "quarterly goals",
  "research findings",
  "API contracts",
  "test strategies",
  "on-call rotations",
  "budget forecasts",
];
const CONTEXTS = [
  "for their own team",
  "for products with many users",
  "in ambiguous situations",
  "under tight deadlines",
  "with partners in other functions",
  "for long-lived systems",
  "when priorities conflict",
  "in regulated markets",
];
const OUTCOMES = [
  "so that customers get faster answers",
  "so the team ships with confidence",
  "and shares what they learn in writing",
  "while keeping quality high",
  "and makes trade-offs explicit",
  "so others can build on the work",
  "and measures the result",
  "without creating hidden risk",
];

/** A small deterministic random number generator (mulberry32), so every run writes the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every file of the synthetic data folder, by path relative to it: JSON as objects, MDX as text. */
export function generateSyntheticData(shape: SyntheticShape): Record<string, unknown> {
  const next = random(shape.seed ?? 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const files: Record<string, unknown> = {};
  for (let t = 0; t < shape.tracks; t++) {
    const track =
      TRACKS[t % TRACKS.length] + (t >= TRACKS.length ? `-${Math.floor(t / TRACKS.length) + 1}` : "");
    const categories = Array.from({ length: shape.categories }, (_, c) => {
      const id = CATEGORIES[c % CATEGORIES.length] + (c >= CATEGORIES.length ? `-${c + 1}` : "");
      return { id, title: id[0].toUpperCase() + id.slice(1).replace(/-/g, " ") };
    });
    files[`${track}/track.json`] = {
      title: `${track[0].toUpperCase()}${track.slice(1)} career framework`,
      shortTitle: track[0].toUpperCase() + track.slice(1),
      order: t + 1,
      description: `The levels of the ${track} track and the behaviors expected at each of them.`,
      cumulative: t % 2 === 0,
      categories,
    };
    // Each behavior "topic" keeps its verb and object as it evolves; the degree grows.
    let topics: { id: string; verb: string; object: string; context: string; degree: number }[][] =
      categories.map(() => []);
    let serial = 0;
    for (let l = 0; l < shape.levels; l++) {
      const behaviors: Record<string, unknown[]> = {};
      categories.forEach((category, c) => {
        const evolving = l === 0 ? [] : topics[c].filter(() => next() < 0.6);
        const list = [];
        const nextTopics = [];
        for (let b = 0; b < shape.behaviorsPerCategory; b++) {
          const previous = evolving[b];
          const topic = previous
            ? { ...previous, degree: Math.min(previous.degree + 1, DEGREES.length - 1) }
            : {
                id: "",
                verb: pick(VERBS),
                object: pick(OBJECTS),
                context: pick(CONTEXTS),
                degree: Math.min(l, DEGREES.length - 1),
              };
          topic.id = `${category.id}-${topic.object.replace(/[^a-z]+/gi, "-").toLowerCase()}-${++serial}`;
          const text = `${topic.verb} ${topic.object} ${DEGREES[topic.degree]} ${topic.context} ${pick(OUTCOMES)}.`;
          list.push({
            id: topic.id,
            text,
            ...(serial % 50 === 0 && { aliases: [`${topic.id}-old`] }),
            ...(previous && serial % 7 === 0 && { evolvesFrom: previous.id }),
          });
          nextTopics.push(topic);
        }
        behaviors[category.id] = list;
        topics[c] = nextTopics;
      });
      files[`${track}/levels/l${l + 1}.json`] = {
        code: `L${l + 1}`,
        title: `Level ${l + 1}`,
        summary: `Someone at level ${l + 1} of the ${track} track.`,
        order: l + 1,
        status: "defined",
        behaviors,
      };
    }
    topics = [];
    files[`${track}/roles/lead.json`] = {
      title: "Team lead",
      summary: `A senior member of the ${track} track who also leads a team.`,
      responsibilities: [
        {
          id: `${track}-lead-facilitator`,
          title: "Facilitator",
          text: "Facilitates team meetings and keeps processes healthy.",
        },
        { id: `${track}-lead-mentor`, title: "Mentor", text: "Mentors engineers and develops their skills." },
      ],
    };
    files[`${track}/prose/about.mdx`] =
      `---\ntitle: About this track\norder: 1\n---\n\nThis synthetic track has ${shape.levels} levels.\n`;
  }
  return files;
}
