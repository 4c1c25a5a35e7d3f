/**
 * Proves R11, R19 and R20 over the real API: only SUPPORT reverses (a moderator, an admin and a
 * member get FORBIDDEN); a reversal names one accrual, takes at most what remains (over-amount
 * is BAD_USER_INPUT on `amount`, a fully reversed accrual is CONFLICT, a missing accrual and a
 * missing member the same NOT_FOUND) and books a REVERSAL today, so today's statement row is
 * negative; the reverser cannot reinstate (FORBIDDEN), another SUPPORT member can, once (then
 * CONFLICT); every reversal and reinstatement is announced for a live push and audited. Then the
 * races and crashes: 10 reversals racing on one accrual take exactly all of it and no more, and
 * a reversal or reinstatement interrupted between its steps is finished by resumeFraud.
 */
import { randomUUID } from 'node:crypto';
import { dayOf, type UtcDay } from '../core/day';
import { codeOf, startTestApi, type TestApi } from '../../test/support/harness';
import {
  accountFields,
  accrue,
  auditLogQuery,
  reinstateMutation,
  reverseMutation,
} from '../../test/support/trust';
import { getAccount, onEntryPosted, readStatement, type EntryDoc } from '../ledger';
import { verifyAuditLog } from '../audit';
import { claimReversal } from './claimReversal';
import { Reinstatement } from './reinstatement.model';
import { Reversal } from './reversal.model';
import { resumeFraud } from '.';

let api: TestApi;
const posted: EntryDoc[] = [];
let stopListening: () => void;
beforeAll(async () => {
  api = await startTestApi({}, 'reversals');
  stopListening = onEntryPosted((entry) => posted.push(entry));
});
afterAll(async () => {
  stopListening();
  await api.close();
});

const day = '2026-01-05';
const evidence = '412 views from 3 visitor hashes within 4 minutes';
const as = (sub: string, roles: ('SUPPORT' | 'MODERATOR' | 'ADMIN' | 'MEMBER')[]) =>
  api.as({ sub, roles });
type ReversalResult = { reverseAccrual: { id: string; amount: number; status: string } };

it('lets only SUPPORT reverse', async () => {
  await accrue('alice', day, 100);
  for (const [sub, roles] of [
    ['mod', ['MODERATOR']],
    ['admin', ['ADMIN']],
    ['alice', ['MEMBER']],
  ] as const) {
    const caller = await as(sub, [...roles]);
    const res = await caller(reverseMutation, {
      memberId: 'alice',
      day,
      reason: 'FAKE_VIEWS',
      evidence,
    });
    expect(codeOf(res)).toBe('FORBIDDEN');
  }
  expect((await getAccount('alice')).balance).toBe(100);
});

it('refuses bad input, naming the field, and writes nothing', async () => {
  const support = await as('sup1', ['SUPPORT']);
  const cases: [Record<string, unknown>, string][] = [
    [{ evidence: '   ' }, 'evidence'],
    [{ evidence: 'x'.repeat(4001) }, 'evidence'],
    [{ amount: 0 }, 'amount'],
    [{ amount: -5 }, 'amount'],
    [{ amount: 101 }, 'amount'],
    [{ day: '2026-02-30' }, 'day'],
    [{ memberId: ' ' }, 'memberId'],
  ];
  for (const [change, field] of cases) {
    const vars = { memberId: 'alice', day, reason: 'FAKE_VIEWS', evidence, ...change };
    const res = await support(reverseMutation, vars);
    expect([codeOf(res), res.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
  }
  expect(await Reversal.countDocuments({ memberId: 'alice' })).toBe(0);
});

it('answers the same NOT_FOUND for a missing accrual and a missing member', async () => {
  const support = await as('sup1', ['SUPPORT']);
  const noAccrual = await support(reverseMutation, {
    memberId: 'alice',
    day: '2026-01-06',
    reason: 'FAKE_VIEWS',
    evidence,
  });
  const noMember = await support(reverseMutation, {
    memberId: 'ghost',
    day,
    reason: 'FAKE_VIEWS',
    evidence,
  });
  expect(codeOf(noAccrual)).toBe('NOT_FOUND');
  expect(noMember.errors?.[0]).toEqual(noAccrual.errors?.[0]);
});

it('reverses part, then the rest, then refuses; today goes negative; all pushed and audited', async () => {
  const support = await as('sup1', ['SUPPORT']);
  const first = await support<ReversalResult>(reverseMutation, {
    memberId: 'alice',
    day,
    reason: 'FAKE_VIEWS',
    evidence,
    amount: 30,
  });
  expect(first.errors).toBeUndefined();
  expect(first.data?.reverseAccrual).toMatchObject({
    memberId: 'alice',
    day,
    amount: 30,
    reason: 'FAKE_VIEWS',
    evidence,
    origin: 'STAFF',
    actorId: 'sup1',
    status: 'ACTIVE',
    reinstatedBy: null,
  });
  const over = await support(reverseMutation, {
    memberId: 'alice',
    day,
    reason: 'VOTE_RING',
    evidence,
    amount: 71,
  });
  expect([codeOf(over), over.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'amount']);
  const rest = await support<ReversalResult>(reverseMutation, {
    memberId: 'alice',
    day,
    reason: 'VOTE_RING',
    evidence,
  });
  expect(rest.data?.reverseAccrual.amount).toBe(70);
  const again = await support(reverseMutation, {
    memberId: 'alice',
    day,
    reason: 'VOTE_RING',
    evidence,
  });
  expect(codeOf(again)).toBe('CONFLICT');

  const alice = await as('alice', ['MEMBER']);
  const today = dayOf(new Date());
  const view = await alice<{ myAccount: Record<string, number>; myStatement: unknown[] }>(
    `query ($from: Date!, $to: Date!) { myAccount { ${accountFields} } myStatement(from: $from, to: $to) { day accrued reversed net } }`,
    { from: day, to: today },
  );
  expect(view.data?.myAccount).toMatchObject({ balance: 0, lifetimeReversed: 100 });
  expect(view.data?.myStatement).toEqual([
    { day, accrued: 100, reversed: 0, net: 100 },
    { day: today, accrued: 0, reversed: 100, net: -100 },
  ]);
  const pushed = posted.filter((e) => e.accountId === 'alice' && e.kind === 'REVERSAL');
  expect(pushed.map((e) => e.amount)).toEqual([-30, -70]);

  const log = await support<{ auditLog: { nodes: Record<string, unknown>[] } }>(auditLogQuery, {
    first: 10,
  });
  const reversals = log.data!.auditLog.nodes.filter((r) => r.action === 'REVERSAL');
  expect(reversals).toHaveLength(2);
  expect(reversals[1]).toMatchObject({
    actorId: 'sup1',
    targetId: 'alice',
    reason: 'FAKE_VIEWS',
    note: evidence,
  });
});

it('lets another SUPPORT member reinstate once, never the reverser', async () => {
  await accrue('bob', day, 50);
  const sup1 = await as('sup1', ['SUPPORT']);
  const sup2 = await as('sup2', ['SUPPORT']);
  const sup3 = await as('sup3', ['SUPPORT']);
  const reversed = await sup1<ReversalResult>(reverseMutation, {
    memberId: 'bob',
    day,
    reason: 'PLAGIARISM',
    evidence,
  });
  const id = reversed.data!.reverseAccrual.id;
  expect(codeOf(await sup1(reinstateMutation, { id, note: 'I was wrong' }))).toBe('FORBIDDEN');
  const blank = await sup2(reinstateMutation, { id, note: ' ' });
  expect([codeOf(blank), blank.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'note']);
  expect(codeOf(await sup2(reinstateMutation, { id: randomUUID(), note: 'n' }))).toBe('NOT_FOUND');
  const moderator = await as('mod', ['MODERATOR']);
  expect(codeOf(await moderator(reinstateMutation, { id, note: 'n' }))).toBe('FORBIDDEN');

  const reinstated = await sup2<{ reinstateReversal: Record<string, unknown> }>(reinstateMutation, {
    id,
    note: 'original content, checked',
  });
  expect(reinstated.errors).toBeUndefined();
  expect(reinstated.data?.reinstateReversal).toMatchObject({
    id,
    status: 'REINSTATED',
    reinstatedBy: 'sup2',
    note: 'original content, checked',
    amount: 50,
  });
  expect(codeOf(await sup2(reinstateMutation, { id, note: 'again' }))).toBe('CONFLICT');
  expect(codeOf(await sup3(reinstateMutation, { id, note: 'again' }))).toBe('CONFLICT');
  expect(await getAccount('bob')).toMatchObject({ balance: 50, lifetimeReinstated: 50 });
  expect(posted.filter((e) => e.accountId === 'bob').map((e) => e.kind)).toEqual([
    'ACCRUAL',
    'REVERSAL',
    'REINSTATEMENT',
  ]);
  // A reinstated accrual does not reopen: it stays fully reversed.
  expect(
    codeOf(await sup1(reverseMutation, { memberId: 'bob', day, reason: 'PLAGIARISM', evidence })),
  ).toBe('CONFLICT');
});

it('forbids reinstating a reversal of one’s own account', async () => {
  await accrue('sup4', day, 10);
  const sup1 = await as('sup1', ['SUPPORT']);
  const reversed = await sup1<ReversalResult>(reverseMutation, {
    memberId: 'sup4',
    day,
    reason: 'SELF_PROMOTION',
    evidence,
  });
  const sup4 = await as('sup4', ['SUPPORT']);
  const res = await sup4(reinstateMutation, { id: reversed.data!.reverseAccrual.id, note: 'mine' });
  expect(codeOf(res)).toBe('FORBIDDEN');
});

it('lists reversals with optional filters, newest first', async () => {
  const support = await as('sup1', ['SUPPORT']);
  const list = (vars: Record<string, unknown>) =>
    support<{ reversals: { nodes: { memberId: string; status: string; amount: number }[] } }>(
      `query ($memberId: ID, $from: Date, $to: Date, $status: ReversalStatus) {
        reversals(memberId: $memberId, from: $from, to: $to, status: $status, first: 50) {
          nodes { memberId status amount } pageInfo { hasNextPage } } }`,
      vars,
    );
  expect((await list({})).data?.reversals.nodes.map((r) => r.memberId)).toEqual([
    'sup4',
    'bob',
    'alice',
    'alice',
  ]);
  expect((await list({ memberId: 'alice' })).data?.reversals.nodes.map((r) => r.amount)).toEqual([
    70, 30,
  ]);
  expect((await list({ status: 'REINSTATED' })).data?.reversals.nodes).toEqual([
    { memberId: 'bob', status: 'REINSTATED', amount: 50 },
  ]);
  expect((await list({ from: '2026-01-06' })).data?.reversals.nodes).toEqual([]);
  const backwards = await list({ from: '2026-01-06', to: '2026-01-05' });
  expect([codeOf(backwards), backwards.errors?.[0]?.extensions?.field]).toEqual([
    'BAD_USER_INPUT',
    'from',
  ]);
  const member = await as('alice', ['MEMBER']);
  expect(codeOf(await member('{ reversals { nodes { id } } }'))).toBe('FORBIDDEN');
  expect(await verifyAuditLog()).toMatchObject({ ok: true });
});

it('takes exactly all of an accrual when 10 reversals race on it', async () => {
  await accrue('carol', day, 100);
  const support = await as('sup1', ['SUPPORT']);
  const results = await Promise.all(
    Array.from({ length: 10 }, () =>
      support(reverseMutation, {
        memberId: 'carol',
        day,
        reason: 'FAKE_VIEWS',
        evidence,
        amount: 20,
      }),
    ),
  );
  const codes = results.map((r) => codeOf(r) ?? 'OK');
  expect(codes.filter((c) => c === 'OK')).toHaveLength(5);
  expect(
    codes.filter((c) => c !== 'OK').every((c) => c === 'CONFLICT' || c === 'BAD_USER_INPUT'),
  ).toBe(true);
  expect(await getAccount('carol')).toMatchObject({ balance: 0, lifetimeReversed: 100 });
});

it('finishes a reversal and a reinstatement interrupted between their steps', async () => {
  await accrue('dan', day, 40);
  // Killed after step 1: the reversal is claimed, nothing posted.
  const claimed = await claimReversal(
    { memberId: 'dan', day: day as UtcDay, amount: 40 },
    {
      _id: randomUUID(),
      reason: 'RULES_VIOLATION',
      evidence,
      origin: 'STAFF',
      actorId: 'sup1',
      flagId: null,
      amount: null,
    },
  );
  expect((await getAccount('dan')).balance).toBe(40);
  expect(await resumeFraud()).toEqual({
    reversalsPosted: 1,
    reinstatementsCompleted: 0,
    flagDecisionsCompleted: 0,
  });
  expect((await getAccount('dan')).balance).toBe(0);

  // Killed after the reinstatement's decision: nothing posted, status still ACTIVE.
  await Reinstatement.create({ _id: claimed._id, by: 'sup2', note: 'wrong', at: new Date() });
  expect(await resumeFraud()).toEqual({
    reversalsPosted: 0,
    reinstatementsCompleted: 1,
    flagDecisionsCompleted: 0,
  });
  expect((await getAccount('dan')).balance).toBe(40);
  expect(await Reversal.findById(claimed._id).lean()).toMatchObject({
    status: 'REINSTATED',
    reinstatedBy: 'sup2',
    posted: true,
  });
  expect(await resumeFraud()).toEqual({
    reversalsPosted: 0,
    reinstatementsCompleted: 0,
    flagDecisionsCompleted: 0,
  });
  const statement = await readStatement('dan', day, dayOf(new Date()));
  expect(statement.at(-1)).toMatchObject({ reversed: 40, reinstated: 40, net: 0 });
  expect(await verifyAuditLog()).toMatchObject({ ok: true });
});
