/**
 * Proves programKpis over real HTTP on a hand-built history (entries posted through postEntry,
 * materials submitted through the API), every figure checked exactly against the definitions:
 * - ADMIN only, and the role is checked before the arguments; a range over 366 days, a `from`
 *   after `to` or a bad day is BAD_USER_INPUT naming the field;
 * - engagementRate = earners / active members, where members active through both the journal
 *   and a material count once (ids in mixed case and beyond ASCII, so that the merge of the two
 *   sorted streams is checked against the database's own order);
 * - pointsUsedRate = (redeemed - compensated) / issued, entries outside the period ignored;
 * - earnerRetentionRate and earnerChurnRate compare the first and last 7 days of a 20-day
 *   period: 3 earners at the start, 3 at the end of whom 1 new, so 2/3 and 1/3;
 * - rates with a zero denominator are null (a one-day period has no retention windows).
 */
import { addDays, today, type UtcDay } from '../core/day';
import type { EntryKind } from '../ledger';
import { postEntry } from '../ledger';
import { codeOf, startTestApi, type TestApi } from '../../test/support/harness';
import { submitAs, upsertSites } from '../../test/support/network';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, 'kpis');
  await upsertSites(api, ['news']);
});
afterAll(() => api.close());

const kpisQuery = `query ($from: Date!, $to: Date!) { programKpis(from: $from, to: $to) {
  engagementRate pointsUsedRate earnerRetentionRate earnerChurnRate activeEarners
  activeMembers issued spent retentionWindowDays earnersAtStart earnersAtEnd newEarners } }`;
const kpis = async (from: UtcDay, to: UtcDay) =>
  (await api.as({ sub: 'admin', roles: ['ADMIN'] }))(kpisQuery, { from, to });

const t = today();
const day = (offset: number) => addDays(t, offset);
let postings = 0;
const post = (memberId: string, kind: EntryKind, amount: number, dayOffset?: number) =>
  postEntry({
    memberId,
    kind,
    amount,
    day: dayOffset === undefined ? undefined : day(dayOffset),
    idempotencyKey: `kpi:${(postings += 1)}`,
    ref: { type: 'test', id: `kpi-${postings}` },
  });
const submitMaterial = (memberId: string, path: string) =>
  submitAs(api, memberId, { title: path, url: `https://news.example/${path}` });

describe('access and arguments', () => {
  it('is for ADMIN only, whatever the arguments', async () => {
    for (const roles of [['MEMBER'], ['SUPPORT'], ['EDITOR', 'MODERATOR']] as const) {
      const gql = await api.as({ sub: 'someone', roles: [...roles] });
      expect(codeOf(await gql(kpisQuery, { from: 'bad', to: '2026-13-45' }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await api.gql(kpisQuery, { from: day(-1), to: t }))).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a bad from', 'not-a-day', '2026-01-10', 'from'],
    ['a bad to', '2026-01-10', '2026-02-30', 'to'],
    ['from after to', '2026-01-11', '2026-01-10', 'from'],
    ['367 days', '2025-01-01', '2026-01-02', 'to'],
  ])('refuses %s naming the field', async (_label, from, to, field) => {
    const res = await kpis(from as UtcDay, to as UtcDay);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });

  it('accepts 366 days, and answers null rates when nothing happened', async () => {
    const res = await kpis('2020-01-01' as UtcDay, '2020-12-31' as UtcDay);
    expect(res.errors).toBeUndefined();
    expect(res.data?.programKpis).toEqual({
      engagementRate: null,
      pointsUsedRate: null,
      earnerRetentionRate: null,
      earnerChurnRate: null,
      activeEarners: 0,
      activeMembers: 0,
      issued: 0,
      spent: 0,
      retentionWindowDays: 7,
      earnersAtStart: 0,
      earnersAtEnd: 0,
      newEarners: 0,
    });
  });
});

describe('on a hand-built history', () => {
  // The period: 20 days ending today. Start window: days -19..-13; end window: days -6..0.
  const from = day(-19);
  beforeAll(async () => {
    await post('ann', 'ACCRUAL', 10, -19); // start
    await post('ann', 'ACCRUAL', 20, -1); // end: retained
    await post('Bob', 'ACCRUAL', 30, -15); // start only: churned
    await post('cid', 'ACCRUAL', 40, -13); // start
    await post('cid', 'ACCRUAL', 50, -10); // between the windows
    await post('cid', 'ACCRUAL', 60, -6); // end: retained
    await post('Dan', 'ACCRUAL', 70, -3); // end only: new
    await post('émile', 'ACCRUAL', 80, -9); // between the windows only
    await post('fay', 'ACCRUAL', 100, -25); // before the period: not issued in it
    await post('hal', 'ACCRUAL', 5, -30); // before the period, nothing since: not active
    await post('fay', 'REDEMPTION', -15); // posted today: spent, and fay is active
    await post('cid', 'REDEMPTION', -25);
    await post('cid', 'COMPENSATION', 25); // cid's redemption given back: not spent
    await submitMaterial('Gus', 'gus-guide'); // active through a material only
    await submitMaterial('ann', 'ann-guide'); // active both ways: counted once
  });

  it('computes every figure exactly', async () => {
    const res = await kpis(from, t);
    expect(res.errors).toBeUndefined();
    const issued = 10 + 20 + 30 + 40 + 50 + 60 + 70 + 80;
    expect(res.data?.programKpis).toEqual({
      activeEarners: 5, // ann Bob cid Dan émile
      activeMembers: 7, // the earners, fay (spent), Gus (submitted)
      engagementRate: 5 / 7,
      issued,
      spent: 15 + 25 - 25,
      pointsUsedRate: 15 / issued,
      retentionWindowDays: 7,
      earnersAtStart: 3, // ann Bob cid
      earnersAtEnd: 3, // ann cid Dan
      newEarners: 1, // Dan
      earnerRetentionRate: 2 / 3,
      earnerChurnRate: 1 / 3,
    });
  });

  it('narrows the windows for a short period, and has none for a single day', async () => {
    // 5 days (-6..-2): windows of 2 days, -6..-5 (cid) and -3..-2 (Dan).
    const short = (await kpis(day(-6), day(-2))).data?.programKpis;
    expect(short).toMatchObject({
      retentionWindowDays: 2,
      earnersAtStart: 1,
      earnersAtEnd: 1,
      newEarners: 1,
      earnerRetentionRate: 0,
      earnerChurnRate: 1,
      activeEarners: 2,
      activeMembers: 2,
      engagementRate: 1,
    });
    // Today alone: nobody earned for it; fay and cid posted entries, Gus and ann submitted.
    expect((await kpis(t, t)).data?.programKpis).toEqual({
      engagementRate: 0,
      pointsUsedRate: null,
      earnerRetentionRate: null,
      earnerChurnRate: null,
      activeEarners: 0,
      activeMembers: 4,
      issued: 0,
      spent: 15,
      retentionWindowDays: 0,
      earnersAtStart: 0,
      earnersAtEnd: 0,
      newEarners: 0,
    });
  });
});
