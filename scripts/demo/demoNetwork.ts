import type { UtcDay } from '../../server/core/day';
import { addDays } from '../../server/core/day';
import { demoPersonas, type Persona } from '../../server/client';
import { randomFor } from './random';

/**
 * The demo network, as data: who is in it, what they submitted and what becomes of it, the
 * rewards, and how the daily budget moved. Pure and deterministic (seeded): the seed
 * (seedDemo.ts) plays it through the real API, and the tests read the same plan to know what
 * to expect. Names and sites are invented; the six personas of the development sign-in
 * (server/client/personas.ts) are members of it under their own ids.
 */
export const demoSeed = 20_240_917;

/** Days of activity, today included; every one before today is accrued. */
export const historyDays = 30;

export interface DemoSite {
  id: string;
  name: string;
  domain: string;
  /** The first path segment of the site's article URLs. */
  section: string;
}

export const demoSites: readonly DemoSite[] = [
  { id: 'pixel-news', name: 'Pixel News', domain: 'pixelnews.example', section: 'news' },
  { id: 'guild-forum', name: 'Guild Forum', domain: 'guildforum.example', section: 't' },
  { id: 'quest-guides', name: 'Quest Guides', domain: 'questguides.example', section: 'guides' },
];

const otherNames = [
  'Lucas Fontaine',
  'Aiko Tanaka',
  'Mateo García',
  'Priya Raman',
  'Jonas Weber',
  'Fatou Diallo',
  'Oliver Brooks',
  'Sofia Rossi',
  'Kwame Mensah',
  'Elena Popescu',
  'Hugo Lefèvre',
  'Mei Chen',
  'Tomasz Nowak',
  'Amara Okoye',
  'Liam O’Connor',
  'Yasmin Haddad',
  'Nils Johansson',
  'Chloé Girard',
  'Rafael Souza',
  'Hana Kim',
  'Daniel Cohen',
  'Zoe Papadopoulos',
  'Arjun Mehta',
  'Léa Petit',
  'Marek Dvořák',
  'Ingrid Larsen',
  'Omar Benali',
  'Valentina Cruz',
  'Finn Müller',
  'Nadia Petrova',
  'Ewa Kowalska',
  'Samuel Adeyemi',
  'Ravi Iyer',
  'Clara Schmidt',
  'Diego Herrera',
  'Emma Laurent',
  'Kenji Watanabe',
  'Aisha Bello',
  'Pablo Ruiz',
  'Freya Nilsson',
  'Victor Blanc',
  'Maja Horvat',
  'Noah Fischer',
  'Sara Lindqvist',
] as const;

/** 'Chloé Girard' -> 'chloe-girard': ids and URL slugs without accents or punctuation. */
export const slugOf = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const memberIdOf = (name: string) => `demo-${slugOf(name)}`;

/** Everyone in the network: the six personas, then the other members (MEMBER only). */
export const demoPeople: readonly Persona[] = [
  ...demoPersonas,
  ...otherNames.map((name): Persona => {
    const memberId = memberIdOf(name);
    return { key: memberId, memberId, name, roles: ['MEMBER'] };
  }),
];

const personaOf = (key: string): Persona => {
  const persona = demoPersonas.find((p) => p.key === key);
  if (!persona) throw new Error(`no persona ${key} in server/client/personas.ts`);
  return persona;
};

/** Who plays which part of the story (the people the tests and the printed summary name). */
export const cast = {
  member: personaOf('member'),
  editor: personaOf('editor'),
  moderator: personaOf('moderator'),
  support: personaOf('support'),
  secondSupport: personaOf('support-2'),
  admin: personaOf('admin'),
  /** Farms views on a recent day: flagged by the detector, banned by the moderator. */
  viewFarmer: demoPeople.find((p) => p.name === 'Victor Blanc')!,
  /** Reversed for a like ring that was none; another support agent reinstates it. */
  wronglyReversed: demoPeople.find((p) => p.name === 'Aiko Tanaka')!,
} as const;

export const personOf = (memberId: string): Persona => {
  const person = demoPeople.find((p) => p.memberId === memberId);
  if (!person) throw new Error(`${memberId} is not in the demo network`);
  return person;
};

/**
 * What the editor does with a submission: publish it, reject it, or leave it in the queue. A
 * material left in a duplicate group that the editor settles ends DUPLICATE (R8).
 */
export type MaterialFate = 'PUBLISH' | 'REJECT' | 'LEAVE';

export interface PlannedMaterial {
  /** The plan's own name for it (the server assigns the id). */
  key: string;
  authorId: string;
  siteId: string;
  title: string;
  url: string;
  category: string;
  fate: MaterialFate;
  rejectionReason?: string;
  /** A settled duplicate group (one PUBLISH, the rest DUPLICATE) or one left for the editor. */
  group?: 'settled' | 'pending';
  /** Unique viewers on its first day, before decay and noise (published materials only). */
  popularity: number;
  /** The history day (0 = the oldest) its audience starts. */
  firstDay: number;
  /** Part of the story (not everyday writing): submitted first, in order, one at a time. */
  story: boolean;
}

export const expectedStatus = (m: PlannedMaterial) =>
  m.fate === 'PUBLISH'
    ? 'PUBLISHED'
    : m.fate === 'REJECT'
      ? 'REJECTED'
      : m.group === 'settled'
        ? 'DUPLICATE'
        : 'PENDING';

const games = [
  'Starfall Tactics',
  'Ironvale',
  'Neon Drift',
  'Hollow Crown',
  'Skyforge Legends',
  'Ember Tides',
  'Quantum Harvest',
  'Mossy Knights',
  'Rift Runners',
  'Lantern Deep',
] as const;

/** Title patterns per site; `{g}` is the game, `{n}` a small number. */
const titlePatterns: Record<string, readonly string[]> = {
  'pixel-news': [
    '{g} patch 1.{n} notes: what changed',
    '{g} announces its winter expansion',
    '{g} review: {n} hours in',
    'Interview: the composer of {g}',
    '{g} servers back after a {n}-hour outage',
  ],
  'guild-forum': [
    'Why {g} ranked needs a rethink',
    'Our guild’s first week in {g}',
    '{g} tier list debate, season {n}',
    'Tips thread: surviving {g} on hardcore',
  ],
  'quest-guides': [
    'Beginner’s guide to {g}',
    '{g}: every hidden relic in chapter {n}',
    '{g} boss guide: the warden of floor {n}',
    'Best {g} builds for solo players',
  ],
};

/** A URL of its own: the number keeps two articles with one title apart (R8 groups by URL). */
const articleUrl = (siteId: string, title: string, number: number) => {
  const site = demoSites.find((s) => s.id === siteId)!;
  return `https://${site.domain}/${site.section}/${slugOf(title)}-${number}`;
};

type StoryMaterial = Omit<
  PlannedMaterial,
  'key' | 'url' | 'category' | 'popularity' | 'firstDay' | 'story'
> &
  Partial<Pick<PlannedMaterial, 'url' | 'category' | 'popularity' | 'firstDay'>>;

/** The submissions the story needs: the member's own, both duplicate groups, the rejections. */
function storyMaterials(): StoryMaterial[] {
  const id = (name: string) => memberIdOf(name);
  const member = cast.member.memberId;
  const ironvale = 'https://pixelnews.example/news/ironvale-2-0-patch-notes';
  const neonDrift = 'guildforum.example/t/neon-drift-season-4-roadmap';
  return [
    // The member of the demo: popular guides and a review, a rejection, one waiting for review.
    {
      authorId: member,
      siteId: 'quest-guides',
      title: 'Hollow Crown: every hidden relic in chapter 3',
      fate: 'PUBLISH',
      popularity: 40,
      firstDay: 1,
    },
    {
      authorId: member,
      siteId: 'pixel-news',
      title: 'Skyforge Legends review: a sky worth sailing',
      fate: 'PUBLISH',
      popularity: 28,
      firstDay: 8,
    },
    {
      authorId: member,
      siteId: 'guild-forum',
      title: 'Why Ember Tides endgame needs a rethink',
      fate: 'PUBLISH',
      popularity: 16,
      firstDay: 19,
    },
    {
      authorId: member,
      siteId: 'pixel-news',
      title: 'Ten games to play this weekend',
      fate: 'REJECT',
      rejectionReason:
        'A list of links without a write-up of your own: add your take and resubmit.',
    },
    {
      authorId: member,
      siteId: 'quest-guides',
      title: 'Lantern Deep: a beginner’s guide to the first dive',
      fate: 'LEAVE',
    },
    // A news hit submitted three times (scheme, www, trailing slash, host case, utm_* differ):
    // the editor published the best write-up; the two others are DUPLICATE.
    {
      authorId: id('Lucas Fontaine'),
      siteId: 'pixel-news',
      title: 'Ironvale 2.0 patch notes',
      url: ironvale,
      fate: 'LEAVE',
      group: 'settled',
    },
    {
      authorId: id('Mateo García'),
      siteId: 'pixel-news',
      title: 'Ironvale 2.0 patch notes: every change explained',
      url: 'http://www.pixelnews.example/news/ironvale-2-0-patch-notes/',
      fate: 'PUBLISH',
      group: 'settled',
      popularity: 70,
      firstDay: 15,
    },
    {
      authorId: id('Priya Raman'),
      siteId: 'guild-forum',
      title: 'Ironvale 2.0 patch notes (summary)',
      url: `${ironvale.replace('pixelnews', 'PixelNews')}?utm_source=discord`,
      fate: 'LEAVE',
      group: 'settled',
    },
    // A leak submitted three times, still in the editor's queue: two by URL (www, fragment),
    // one by content fingerprint (same title and path on the forum's mobile host).
    {
      authorId: id('Jonas Weber'),
      siteId: 'guild-forum',
      title: 'Neon Drift season 4 roadmap leaked',
      url: `https://${neonDrift}`,
      fate: 'LEAVE',
      group: 'pending',
    },
    {
      authorId: id('Fatou Diallo'),
      siteId: 'guild-forum',
      title: 'Neon Drift: the season 4 roadmap, leaked',
      url: `https://www.${neonDrift}#reply-12`,
      fate: 'LEAVE',
      group: 'pending',
    },
    {
      authorId: id('Oliver Brooks'),
      siteId: 'pixel-news',
      title: 'Neon Drift season 4 roadmap leaked',
      url: `https://m.${neonDrift}`,
      fate: 'LEAVE',
      group: 'pending',
    },
    // Rejections and other submissions waiting for review.
    {
      authorId: id('Sofia Rossi'),
      siteId: 'pixel-news',
      title: 'Cheap Ironvale gold, fast delivery',
      fate: 'REJECT',
      rejectionReason: 'Advertising: links to a gold-selling shop.',
    },
    {
      authorId: id('Kwame Mensah'),
      siteId: 'guild-forum',
      title: 'My cat’s birthday party',
      fate: 'REJECT',
      rejectionReason: 'Off-topic: not about games.',
    },
    {
      authorId: id('Elena Popescu'),
      siteId: 'quest-guides',
      title: 'Starfall Tactics tier list',
      fate: 'REJECT',
      rejectionReason: 'Copied from another site without credit.',
    },
    {
      authorId: id('Hugo Lefèvre'),
      siteId: 'quest-guides',
      title: 'Rift Runners speedrun route, any%',
      fate: 'LEAVE',
    },
    {
      authorId: id('Mei Chen'),
      siteId: 'guild-forum',
      title: 'Mossy Knights co-op: is it worth it?',
      fate: 'LEAVE',
    },
    // The view farmer's own, honest-looking guides (the farm is in demoActivity.ts).
    {
      authorId: cast.viewFarmer.memberId,
      siteId: 'quest-guides',
      title: 'Quantum Harvest: farming routes for the first week',
      fate: 'PUBLISH',
      popularity: 5,
      firstDay: 6,
    },
    {
      authorId: cast.viewFarmer.memberId,
      siteId: 'quest-guides',
      title: 'Quantum Harvest: the fastest way to level crops',
      fate: 'PUBLISH',
      popularity: 4,
      firstDay: 22,
    },
    // Staff write too (as members).
    {
      authorId: cast.editor.memberId,
      siteId: 'pixel-news',
      title: 'Rift Runners patch 1.4 notes: what changed',
      fate: 'PUBLISH',
      popularity: 9,
      firstDay: 4,
    },
    {
      authorId: cast.moderator.memberId,
      siteId: 'guild-forum',
      title: 'Forum rules refresher: spoilers and tags',
      fate: 'PUBLISH',
      popularity: 6,
      firstDay: 12,
    },
  ];
}

/** Every submission of the network, the story's first, then everyone's everyday writing. */
export function planMaterials(): PlannedMaterial[] {
  const rng = randomFor(demoSeed, 1);
  const planned: PlannedMaterial[] = [];
  const add = (m: StoryMaterial, game: string, story: boolean) => {
    const number = planned.length + 1;
    planned.push({
      ...m,
      key: `material-${String(number).padStart(3, '0')}`,
      url: m.url ?? articleUrl(m.siteId, m.title, number),
      category: m.category ?? game,
      popularity: m.popularity ?? 0,
      firstDay: m.firstDay ?? 0,
      story,
    });
  };
  for (const m of storyMaterials()) {
    add(m, games.find((g) => m.title.includes(g)) ?? 'Community', true);
  }

  const writers = demoPeople.filter(
    (p) => p.roles.includes('MEMBER') && !demoPersonas.includes(p) && p !== cast.viewFarmer,
  );
  for (const writer of writers) {
    const count = 1 + rng.int(3);
    for (let i = 0; i < count; i++) {
      const site = rng.pick(demoSites);
      const game = rng.pick(games);
      const title = rng
        .pick(titlePatterns[site.id]!)
        .replace('{g}', game)
        .replace('{n}', String(2 + rng.int(9)));
      add(
        {
          authorId: writer.memberId,
          siteId: site.id,
          title,
          fate: 'PUBLISH',
          // Heavy-tailed: most materials find a handful of readers, a few find crowds.
          popularity: Math.min(90, rng.pareto(2.5, 1.2)),
          firstDay: rng.int(historyDays - 3),
        },
        game,
        false,
      );
    }
  }
  return planned;
}

/** The history's days, oldest first; the last is today (not accrued). */
export const historyOf = (today: UtcDay): UtcDay[] =>
  Array.from({ length: historyDays }, (_, i) => addDays(today, i - historyDays + 1));

/**
 * How ADMIN moved the daily budget over the history: generous at launch, cut, raised again,
 * cut again. A generous phase's cap is above every day's demand in it (uncapped days), a tight
 * phase's below every day's demand (capped days: the cap is shared in proportion to score).
 * From the demand of each day under the settings in force, so it holds whatever the scoring.
 */
export const budgetPhases = [
  { fromDay: 0, budget: 'generous' },
  { fromDay: 9, budget: 'tight' },
  { fromDay: 16, budget: 'generous' },
  { fromDay: 23, budget: 'tight' },
] as const;

/** Two significant digits, rounded up or down: 347 -> 350 or 340. */
export function roundNicely(value: number, direction: 'up' | 'down'): number {
  if (value <= 0) return 0;
  const step = Math.pow(10, Math.max(0, Math.floor(Math.log10(value)) - 1));
  const rounded = (direction === 'up' ? Math.ceil : Math.floor)(value / step) * step;
  return Math.max(1, rounded);
}

/** The cap set at the start of each phase, given each accrued day's demand (oldest first). */
export function phaseCaps(demands: readonly number[]): { fromDay: number; dailyCap: number }[] {
  return budgetPhases
    .filter((phase) => phase.fromDay < demands.length)
    .map((phase, i, phases) => {
      const end = phases[i + 1]?.fromDay ?? demands.length;
      const inPhase = demands.slice(phase.fromDay, end).filter((d) => d > 0);
      const dailyCap =
        phase.budget === 'generous'
          ? roundNicely(1.5 * Math.max(1, ...inPhase), 'up')
          : roundNicely(0.7 * Math.min(...inPhase, Number.MAX_SAFE_INTEGER), 'down');
      return { fromDay: phase.fromDay, dailyCap: Math.max(1, dailyCap) };
    });
}

/**
 * The catalogue: one reward with a small stock, one out of stock, one unlimited, one retired.
 * Prices are shares of a typical day's budget, so they stay in reach whatever the scoring.
 */
export const demoRewards = [
  { title: 'Sticker pack', priceShare: 0.3, stock: 3, active: true },
  { title: 'Guild T-shirt', priceShare: 2, stock: 0, active: true },
  { title: 'Profile badge: Veteran', priceShare: 0.1, stock: null, active: true },
  { title: 'Early-access beta key', priceShare: 1, stock: 20, active: false },
] as const;
