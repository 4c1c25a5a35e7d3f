/**
 * Proves R2's audited look-up over the real API: SUPPORT reads a member's account and a page of
 * their ledger; every look-up writes an audit record with its reason (an unknown member's too,
 * then NOT_FOUND); a blank reason or a bad `first` is BAD_USER_INPUT and writes nothing; no
 * other role gets in (FORBIDDEN).
 */
import { codeOf, startTestApi, type TestApi } from '../../test/support/harness';
import { accrue, auditLogQuery } from '../../test/support/trust';
import { AuditRecord } from '../audit';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({}, 'support');
});
afterAll(() => api.close());

const lookup = /* GraphQL */ `
  query ($memberId: ID!, $reason: String!, $first: Int, $after: String) {
    supportAccount(memberId: $memberId, reason: $reason, first: $first, after: $after) {
      member {
        id
        banned
      }
      account {
        balance
        frozen
        lifetimeAccrued
      }
      ledger {
        nodes {
          kind
          amount
          day
        }
        pageInfo {
          endCursor
          hasNextPage
        }
      }
    }
  }
`;
type View = {
  supportAccount: {
    ledger: { nodes: { amount: number }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
  };
};

it('shows account and ledger pages, auditing every look-up with its reason', async () => {
  await (
    await api.as({ sub: 'alice' })
  )('{ me { id } }');
  for (const [i, d] of ['2026-01-01', '2026-01-02', '2026-01-03'].entries()) {
    await accrue('alice', d, 10 * (i + 1));
  }
  const support = await api.as({ sub: 'sup', roles: ['SUPPORT'] });
  const first = await support<View>(lookup, { memberId: 'alice', reason: 'ticket #12', first: 2 });
  expect(first.errors).toBeUndefined();
  expect(first.data?.supportAccount).toMatchObject({
    member: { id: 'alice', banned: false },
    account: { balance: 60, frozen: false, lifetimeAccrued: 60 },
    ledger: { nodes: [{ kind: 'ACCRUAL', amount: 30 }, { amount: 20 }] },
  });
  const next = await support<View>(lookup, {
    memberId: 'alice',
    reason: 'ticket #12, older entries',
    first: 2,
    after: first.data!.supportAccount.ledger.pageInfo.endCursor,
  });
  expect(next.data?.supportAccount.ledger.nodes).toEqual([
    { kind: 'ACCRUAL', amount: 10, day: '2026-01-01' },
  ]);

  const log = await support<{ auditLog: { nodes: Record<string, unknown>[] } }>(auditLogQuery, {
    first: 5,
  });
  expect(log.data?.auditLog.nodes.slice(0, 2)).toMatchObject([
    {
      action: 'SUPPORT_ACCOUNT_VIEW',
      actorId: 'sup',
      targetId: 'alice',
      reason: 'ticket #12, older entries',
    },
    { action: 'SUPPORT_ACCOUNT_VIEW', actorId: 'sup', targetId: 'alice', reason: 'ticket #12' },
  ]);
});

it('answers NOT_FOUND for an unknown member, and records the look-up', async () => {
  const support = await api.as({ sub: 'sup', roles: ['SUPPORT'] });
  const res = await support(lookup, { memberId: 'nobody', reason: 'ticket #13' });
  expect(codeOf(res)).toBe('NOT_FOUND');
  const record = await AuditRecord.findOne({ targetId: 'nobody' }).lean();
  expect(record).toMatchObject({ action: 'SUPPORT_ACCOUNT_VIEW', data: { found: false } });
});

it('refuses bad input without writing, and every other role', async () => {
  const support = await api.as({ sub: 'sup', roles: ['SUPPORT'] });
  const before = await AuditRecord.countDocuments();
  const blank = await support(lookup, { memberId: 'alice', reason: '  ' });
  expect([codeOf(blank), blank.errors?.[0]?.extensions?.field]).toEqual([
    'BAD_USER_INPUT',
    'reason',
  ]);
  const tooMany = await support(lookup, { memberId: 'alice', reason: 'r', first: 101 });
  expect([codeOf(tooMany), tooMany.errors?.[0]?.extensions?.field]).toEqual([
    'BAD_USER_INPUT',
    'first',
  ]);
  for (const roles of [['MEMBER'], ['ADMIN'], ['MODERATOR'], ['EDITOR']] as const) {
    const caller = await api.as({ sub: 'x', roles: [...roles] });
    expect(codeOf(await caller(lookup, { memberId: 'alice', reason: 'r' }))).toBe('FORBIDDEN');
  }
  expect(await AuditRecord.countDocuments()).toBe(before);
});
