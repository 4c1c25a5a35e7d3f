/**
 * Proves fraud detection on a small seeded network, through the activity module and the real
 * database: a view farm (a few bot browsers reloading one author's material) and a reciprocal
 * like ring (five authors liking each other's materials) and slow bots (aged ids returning to one
 * author to do nothing else) and a click farm (never-seen ids that only view, paced like the
 * network's day) are flagged, with their signals; returning fans who engage, an honest popular
 * author (hundreds of viewers, old and new, spread over the day), a newsletter's wave of
 * newcomers and ordinary small authors are not. A re-run raises nothing new (one flag per member-day). Then the
 * decisions over the API: SUPPORT confirms the farm's flag (a DETECTOR reversal of all that
 * remains of that day's accrual) and dismisses a ring member's; a second, different decision is
 * CONFLICT; a moderator cannot see flags; and the auto-reverse threshold confirms what is left
 * above it as system:detect-fraud.
 */
import { addDays, dayOf, dayStart, type UtcDay } from '../core/day';
import { codeOf, startTestApi, type TestApi } from '../../test/support/harness';
import { accrue, recordEvents, seedMaterials, type SeedEvent } from '../../test/support/trust';
import { getAccount } from '../ledger';
import { FraudFlag } from './fraudFlag.model';
import { autoReverseActor, detectFraud } from '.';

let api: TestApi;
const day = dayOf(new Date(Date.now() - 86_400_000)) as UtcDay;
const history = addDays(day, -1);
// Spread over the day, deterministic: the i-th of n instants of `d` (the history day starts
// late enough to stay inside the 72-hour acceptance window).
const at = (d: UtcDay, i: number, n: number, fromHour = 0, hours = 24) =>
  new Date(dayStart(d).getTime() + (fromHour + ((i + 0.5) / n) * hours) * 3_600_000);

const honest = Array.from({ length: 20 }, (_, i) => `honest${i}`);
const ring = ['ring0', 'ring1', 'ring2', 'ring3', 'ring4'];
const authors = [
  'star',
  'farmed',
  'slowbotted',
  'fanned',
  'clickfarmed',
  'waved',
  ...honest,
  ...ring,
];
const material = (author: string) => `mat-${author}`;

beforeAll(async () => {
  api = await startTestApi({}, 'detect');
  await seedMaterials(authors.map((a) => ({ id: material(a), authorId: a, siteId: 'news' })));
  const events: SeedEvent[] = [];
  const view = (author: string, actorId: string, occurredAt: Date): SeedEvent => ({
    type: 'VIEW',
    materialId: material(author),
    actorId,
    occurredAt,
  });
  // History: 400 regular visitors, each on a few authors (so they count as seen).
  for (let v = 0; v < 400; v++) {
    events.push(view(authors[v % authors.length]!, `v${v}`, at(history, v, 400, 4, 18)));
  }
  // The popular author: 300 regulars and 150 newcomers, 40 likes from members, all day long.
  for (let v = 0; v < 450; v++) {
    const actor = v < 300 ? `v${v}` : `new${v}`;
    events.push(view('star', actor, at(day, v, 450)));
  }
  for (let m = 0; m < 40; m++) {
    events.push({ ...view('star', `member${m}`, at(day, m, 40)), type: 'LIKE' });
  }
  // Ordinary authors: 12 views each from regulars, one newcomer, spread over the day.
  honest.forEach((author, a) => {
    for (let v = 0; v < 12; v++) {
      const actor = v === 0 ? `newcomer${a}` : `v${(a * 17 + v * 7) % 400}`;
      events.push(view(author, actor, at(day, v, 12)));
    }
  });
  // The farm: 8 bot browsers reloading 25 times each within two hours, next to 10 regulars.
  for (let b = 0; b < 8; b++) {
    for (let r = 0; r < 25; r++)
      events.push(view('farmed', `bot${b}`, at(day, b * 25 + r, 200, 14, 2)));
  }
  for (let v = 0; v < 10; v++) events.push(view('farmed', `v${v + 100}`, at(day, v, 10)));
  // Slow bots: 12 aged ids that viewed one author yesterday and view it again today, spread over
  // the day, nothing else and no engagement. Next to them, an honest author whose 12 returning
  // fans view and like on both days: returning is not suspicious, returning to do nothing is.
  for (const d of [history, day]) {
    for (let b = 0; b < 12; b++) {
      events.push(view('slowbotted', `slowbot${b}`, at(d, b, 12, 4, 18)));
      events.push(view('fanned', `fan${b}`, at(d, b, 12, 4, 18)));
      events.push({ ...view('fanned', `fan${b}`, at(d, b, 12, 4, 18)), type: 'LIKE' });
    }
  }
  // A click farm: 200 never-seen ids that only view, arriving all day as everyone else does, on
  // an author whom a handful read the day before. Next to it, an honest wave: a newsletter brings
  // 200 newcomers within three hours to an author read by 100 regulars.
  for (let c = 0; c < 200; c++) {
    events.push(view('clickfarmed', `click${c}`, at(day, c, 200)));
    events.push(view('waved', `reader${c}`, at(day, c, 200, 8, 3)));
  }
  for (let v = 0; v < 100; v++) events.push(view('waved', `v${200 + v}`, at(day, v, 100)));
  // The ring: every member likes (and views) every other member's material; 8 regular viewers each.
  ring.forEach((author, a) => {
    for (const other of ring.filter((r) => r !== author)) {
      events.push(view(other, author, at(day, a, 5, 9, 8)));
      events.push({ ...view(other, author, at(day, a, 5, 10, 8)), type: 'LIKE' });
    }
    for (let v = 0; v < 8; v++)
      events.push(view(author, `v${(a * 31 + v * 11) % 400}`, at(day, v, 8)));
  });
  await recordEvents('news', events);
});
afterAll(() => api.close());

const flagsOfDay = () => FraudFlag.find({ day }).sort({ memberId: 1 }).lean();

it('flags the view farm and the like ring, and leaves honest authors alone', async () => {
  const summary = await detectFraud(day, { autoReverseThreshold: null });
  expect(summary).toMatchObject({ day, authors: authors.length, flagsRaised: 8, autoReversed: 0 });
  const flags = await flagsOfDay();
  expect(flags.map((f) => f.memberId)).toEqual(['clickfarmed', 'farmed', ...ring, 'slowbotted']);
  const clicked = flags.find((f) => f.memberId === 'clickfarmed')!;
  const surge = clicked.signals.find((signal) => signal.code === 'FLAT_SURGE');
  expect(surge).toMatchObject({ value: 200, strength: 1 });
  expect(surge!.detail).toMatch(
    /^200 never-seen actors who only viewed, \d+(\.\d)?x the usual daily audience/,
  );
  const slow = flags.find((f) => f.memberId === 'slowbotted')!;
  expect(slow.signals[0]).toMatchObject({ code: 'DEVOTED_AUDIENCE', value: 12 });
  expect(slow.signals[0]!.detail).toContain('12 of 12 actors (100%) came back');
  const farmed = flags.find((f) => f.memberId === 'farmed')!;
  expect(farmed.signals[0]).toMatchObject({ code: 'VIEW_CONCENTRATION', value: 11.667 });
  expect(farmed.confidence).toBeGreaterThanOrEqual(0.9);
  for (const member of flags.filter((f) => f.memberId.startsWith('ring'))) {
    expect(member.signals[0]).toMatchObject({ code: 'LIKE_RING', value: 4 });
  }
  for (const flag of flags) {
    expect(flag.confidence).toBeGreaterThanOrEqual(0.5);
    expect(flag.confidence).toBeLessThanOrEqual(1);
  }
});

it('raises nothing new when run again', async () => {
  const before = await flagsOfDay();
  const summary = await detectFraud(day, { autoReverseThreshold: null });
  expect(summary).toMatchObject({ flagged: 8, flagsRaised: 0 });
  expect(await flagsOfDay()).toEqual(before);
});

const flagsQuery = /* GraphQL */ `
  query ($status: FraudFlagStatus) {
    fraudFlags(status: $status, first: 50) {
      nodes {
        id
        memberId
        day
        confidence
        status
        signals {
          code
          value
          detail
        }
        reversalId
      }
    }
  }
`;
const confirmMutation = /* GraphQL */ `
  mutation ($id: ID!, $note: String!) {
    confirmFraudFlag(id: $id, note: $note) {
      id
      memberId
      day
      amount
      reason
      origin
      actorId
      status
      flagId
    }
  }
`;
const dismissMutation = /* GraphQL */ `
  mutation ($id: ID!, $note: String!) {
    dismissFraudFlag(id: $id, note: $note) {
      id
      status
      decidedBy
      note
    }
  }
`;

it('lets SUPPORT confirm (a DETECTOR reversal) or dismiss a flag, once', async () => {
  await accrue('farmed', day, 80);
  await accrue('ring0', day, 30);
  const sup1 = await api.as({ sub: 'sup1', roles: ['SUPPORT'] });
  const sup2 = await api.as({ sub: 'sup2', roles: ['SUPPORT'] });
  const open = await sup1<{ fraudFlags: { nodes: { id: string; memberId: string }[] } }>(
    flagsQuery,
    { status: 'OPEN' },
  );
  const idOf = (member: string) =>
    open.data!.fraudFlags.nodes.find((f) => f.memberId === member)!.id;

  const confirmed = await sup1(confirmMutation, { id: idOf('farmed'), note: 'bots, clearly' });
  expect(confirmed.errors).toBeUndefined();
  expect(confirmed.data?.confirmFraudFlag).toMatchObject({
    memberId: 'farmed',
    day,
    amount: 80,
    reason: 'FAKE_VIEWS',
    origin: 'DETECTOR',
    actorId: 'sup1',
    status: 'ACTIVE',
    flagId: idOf('farmed'),
  });
  expect((await getAccount('farmed')).balance).toBe(0);
  expect(codeOf(await sup2(dismissMutation, { id: idOf('farmed'), note: 'no' }))).toBe('CONFLICT');

  const dismissed = await sup2(dismissMutation, { id: idOf('ring0'), note: 'friends, checked' });
  expect(dismissed.data?.dismissFraudFlag).toEqual({
    id: idOf('ring0'),
    status: 'DISMISSED',
    decidedBy: 'sup2',
    note: 'friends, checked',
  });
  expect(codeOf(await sup1(confirmMutation, { id: idOf('ring0'), note: 'yes' }))).toBe('CONFLICT');
  expect((await getAccount('ring0')).balance).toBe(30);

  const blank = await sup1(confirmMutation, { id: idOf('ring1'), note: '' });
  expect([codeOf(blank), blank.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'note']);
  expect(codeOf(await sup1(confirmMutation, { id: 'nope', note: 'n' }))).toBe('NOT_FOUND');
  // No accrual for that member-day: nothing to reverse, the flag stays open.
  expect(codeOf(await sup1(confirmMutation, { id: idOf('ring1'), note: 'n' }))).toBe('CONFLICT');
  const moderator = await api.as({ sub: 'mod', roles: ['MODERATOR'] });
  expect(codeOf(await moderator(flagsQuery, {}))).toBe('FORBIDDEN');
});

it('auto-reverses open flags at or above the threshold, where there is an accrual', async () => {
  await accrue('ring2', day, 25);
  const summary = await detectFraud(day, { autoReverseThreshold: 0.5 });
  expect(summary).toMatchObject({ flagsRaised: 0, autoReversed: 1 });
  const ring2 = await FraudFlag.findOne({ day, memberId: 'ring2' }).lean();
  expect(ring2).toMatchObject({ status: 'CONFIRMED', decidedBy: autoReverseActor });
  expect((await getAccount('ring2')).balance).toBe(0);
  const support = await api.as({ sub: 'sup1', roles: ['SUPPORT'] });
  const still = await support<{ fraudFlags: { nodes: { memberId: string }[] } }>(flagsQuery, {
    status: 'OPEN',
  });
  expect(still.data?.fraudFlags.nodes.map((f) => f.memberId).sort()).toEqual([
    'clickfarmed',
    'ring1',
    'ring3',
    'ring4',
    'slowbotted',
  ]);
});
