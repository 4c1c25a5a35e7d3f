/**
 * Proves recordActivity over real HTTP (SPEC §3, §4, R4, R7, R10, R13): only SITE tokens report;
 * a batch of 0 or 1001 events is BAD_USER_INPUT on `events` and writes nothing; every event that
 * does not count is listed with its reason (self-activity, unknown / pending / rejected /
 * duplicate material, too old, in the future, unreadable time, closed day, reused id); a replay
 * is a duplicate, also after its day closed; a viewer counts once per material, type and day
 * across batches and sites; two sites sending at once lose nothing.
 * Counts are read with uniqueActorCounts, the function accrual uses.
 */
import mongoose from 'mongoose';
import { codeOf, startTestApi, type TestApi } from '../../test/support/harness';
import { submitAs, upsertSites } from '../../test/support/network';
import { dayOf } from '../core/day';
import { closeDay, uniqueActorCounts, type UniqueActorCount } from './index';

let api: TestApi;
type Gql = Awaited<ReturnType<TestApi['as']>>;
let news: Gql;
let forum: Gql;
const m: Record<'published' | 'pending' | 'rejected' | 'duplicate' | 'other', string> = {
  published: '',
  pending: '',
  rejected: '',
  duplicate: '',
  other: '',
};

beforeAll(async () => {
  api = await startTestApi({ RATE_SUBMIT_PER_MIN: '1000' }, 'activity');
  await upsertSites(api, ['news', 'forum']);
  const submit = (sub: string, url: string) => submitAs(api, sub, { url });
  m.published = await submit('alice', 'https://a.example/published');
  m.duplicate = await submit('bob', 'https://a.example/published/');
  m.pending = await submit('alice', 'https://a.example/pending');
  m.rejected = await submit('alice', 'https://a.example/rejected');
  m.other = await submit('carol', 'https://a.example/other');
  const editor = await api.as({ sub: 'ed', roles: ['EDITOR'] });
  for (const id of [m.published, m.other]) {
    await editor('mutation($id: ID!) { publishMaterial(id: $id) { id } }', { id });
  }
  await editor('mutation($id: ID!) { rejectMaterial(id: $id, reason: "no") { id } }', {
    id: m.rejected,
  });
  news = await api.as({ sub: 'news-backend', roles: ['SITE'], site: 'news' });
  forum = await api.as({ sub: 'forum-backend', roles: ['SITE'], site: 'forum' });
});
afterAll(() => api.close());

interface Result {
  accepted: number;
  duplicates: number;
  rejected: { id: string; reason: string }[];
}
const record = async (site: Gql, events: unknown[]) => {
  const res = await site<{ recordActivity: Result }>(
    `mutation($events: [ActivityEventInput!]!) {
      recordActivity(events: $events) { accepted duplicates rejected { id reason } }
    }`,
    { events },
  );
  return res;
};
const ok = async (site: Gql, events: unknown[]) => {
  const res = await record(site, events);
  expect(res.errors).toBeUndefined();
  return res.data!.recordActivity;
};
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
let seq = 0;
const event = (over: Record<string, unknown> = {}) => ({
  id: `e${++seq}`,
  type: 'VIEW',
  materialId: m.published,
  actorId: 'visitor-1',
  occurredAt: minutesAgo(1),
  ...over,
});
const counts = async (day: string, materialId: string) => {
  const rows: UniqueActorCount[] = [];
  for await (const row of uniqueActorCounts(day as never))
    if (row.materialId === materialId) rows.push(row);
  return Object.fromEntries(rows.map((row) => [row.type, row.actors]));
};
const collectionCount = (name: string) => mongoose.connection.db!.collection(name).countDocuments();

describe('access and batch size', () => {
  it('is for SITE tokens only', async () => {
    const member = await api.as({ sub: 'alice' });
    expect(codeOf(await record(member, [event()]))).toBe('FORBIDDEN');
    const res = await api.gql('mutation { recordActivity(events: []) { accepted } }');
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it.each([0, 1001])('refuses %i events naming `events`, writing nothing', async (size) => {
    const before = await collectionCount('activityEvents');
    const res = await record(
      news,
      Array.from({ length: size }, () => event()),
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('events');
    expect(await collectionCount('activityEvents')).toBe(before);
  });

  it('takes 1000 events in one batch', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => event({ actorId: `bulk-${i % 10}` }));
    expect(await ok(news, events)).toEqual({ accepted: 1000, duplicates: 0, rejected: [] });
  });
});

describe('rules', () => {
  it('lists every event that does not count, with its reason', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['SELF_ACTIVITY', { actorId: 'alice' }],
      ['NOT_PUBLISHED', { materialId: m.pending }],
      ['NOT_PUBLISHED', { materialId: m.rejected }],
      ['NOT_PUBLISHED', { materialId: m.duplicate }],
      ['UNKNOWN_MATERIAL', { materialId: 'no-such-material' }],
      ['TOO_OLD', { occurredAt: minutesAgo(72 * 60 + 1) }],
      ['IN_FUTURE', { occurredAt: minutesAgo(-6) }],
      ['INVALID_OCCURRED_AT', { occurredAt: 'yesterday' }],
      ['INVALID_OCCURRED_AT', { occurredAt: '2026-01-01T10:00:00' }],
      ['INVALID_ACTOR', { actorId: ' ' }],
    ];
    const events = cases.map(([, over]) => event(over));
    const counted = [
      event({ occurredAt: minutesAgo(71 * 60) }),
      event({ occurredAt: minutesAgo(-4) }),
    ];
    const result = await ok(news, [...events, ...counted]);
    expect(result.accepted).toBe(2);
    expect(result.rejected).toEqual(cases.map(([reason], i) => ({ id: events[i]!.id, reason })));
  });

  it('counts activity on any site for the material author, whatever site reports it', async () => {
    const onOther = event({ materialId: m.other, actorId: 'alice', type: 'LIKE' });
    expect(await ok(forum, [onOther])).toMatchObject({ accepted: 1, rejected: [] });
  });
});

describe('replays', () => {
  it('answers a replayed event as a duplicate, in the batch and later', async () => {
    const first = event({ actorId: 'replayer' });
    expect(await ok(news, [first, first])).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await ok(news, [first])).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    // Event ids are per site: the same id from another site is another event.
    expect(await ok(forum, [first])).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('refuses an id reused for other content', async () => {
    const first = event({ actorId: 'reuser' });
    await ok(news, [first]);
    const other = { ...first, type: 'SHARE' };
    expect(await ok(news, [other])).toEqual({
      accepted: 0,
      duplicates: 0,
      rejected: [{ id: first.id, reason: 'ID_REUSED' }],
    });
  });
});

describe('unique actors', () => {
  it('counts a viewer once per material, type and day across batches and sites', async () => {
    const at = minutesAgo(2);
    const day = dayOf(new Date(at));
    const before = await counts(day, m.other);
    await ok(news, [event({ materialId: m.other, actorId: 'once', occurredAt: at })]);
    await ok(forum, [event({ materialId: m.other, actorId: 'once', occurredAt: at })]);
    await ok(news, [
      event({ materialId: m.other, actorId: 'once', type: 'SHARE', occurredAt: at }),
    ]);
    const after = await counts(day, m.other);
    expect((after.VIEW ?? 0) - (before.VIEW ?? 0)).toBe(1);
    expect((after.SHARE ?? 0) - (before.SHARE ?? 0)).toBe(1);
  });

  it('loses nothing when two sites send at once', async () => {
    const at = minutesAgo(3);
    const day = dayOf(new Date(at));
    const before = await counts(day, m.other);
    const batchFor = (site: string, b: number) =>
      Array.from({ length: 200 }, (_, i) =>
        event({
          id: `${site}-${b}-${i}`,
          materialId: m.other,
          actorId: `crowd-${(b * 200 + i) % 700}`,
          occurredAt: at,
        }),
      );
    const results = await Promise.all(
      [0, 1, 2, 3].flatMap((b) => [ok(news, batchFor('n', b)), ok(forum, batchFor('f', b))]),
    );
    expect(results.reduce((sum, r) => sum + r.accepted, 0)).toBe(1600);
    const after = await counts(day, m.other);
    expect((after.VIEW ?? 0) - (before.VIEW ?? 0)).toBe(700);
    expect(await collectionCount('activityEvents')).toBeGreaterThanOrEqual(1600);
  });
});

describe('closed days', () => {
  it('rejects events of a closed day but still recognises replays', async () => {
    const old = minutesAgo(48 * 60);
    const accepted = event({ actorId: 'before-close', occurredAt: old });
    await ok(news, [accepted]);
    await closeDay(dayOf(new Date(old)));
    const late = event({ actorId: 'after-close', occurredAt: old });
    expect(await ok(news, [late, accepted])).toEqual({
      accepted: 0,
      duplicates: 1,
      rejected: [{ id: late.id, reason: 'DAY_CLOSED' }],
    });
  });
});
