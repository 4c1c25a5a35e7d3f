/**
 * Proves R2's "no existence oracle": a member who names another member (or another member's
 * record) in any operation gets exactly the same response, code and message, whether that member
 * or record exists or not. Every operation that takes a member id or the id of a member's record
 * is asked twice by the same MEMBER, once about a real member with an account, a ledger, a ban
 * and a reversal, once about an id that does not exist; the two responses must be identical.
 * A ledger cursor taken from another member's page shows nothing of theirs.
 */
import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '../support/harness';
import { accrue, banMutation, reinstateMutation, reverseMutation } from '../support/trust';

let api: TestApi;
let reversalId: string;
beforeAll(async () => {
  api = await startTestApi({}, 'privacy');
  await (
    await api.as({ sub: 'alice' })
  )('{ me { id } }');
  await accrue('alice', '2026-01-01', 100);
  await accrue('alice', '2026-01-02', 50);
  const support = await api.as({ sub: 'sup', roles: ['SUPPORT'] });
  const reversed = await support<{ reverseAccrual: { id: string } }>(reverseMutation, {
    memberId: 'alice',
    day: '2026-01-01',
    reason: 'FAKE_VIEWS',
    evidence: 'farm',
    amount: 10,
  });
  reversalId = reversed.data!.reverseAccrual.id;
  await (
    await api.as({ sub: 'mod', roles: ['MODERATOR'] })
  )(banMutation, {
    memberId: 'alice',
    reason: 'spam',
  });
});
afterAll(() => api.close());

const probes: [
  string,
  string,
  (target: { memberId: string; id: string }) => Record<string, unknown>,
][] = [
  [
    'supportAccount',
    'query ($memberId: ID!) { supportAccount(memberId: $memberId, reason: "curious") { account { balance } } }',
    ({ memberId }) => ({ memberId }),
  ],
  [
    'reversals',
    'query ($memberId: ID) { reversals(memberId: $memberId) { nodes { amount } } }',
    ({ memberId }) => ({ memberId }),
  ],
  [
    'reverseAccrual',
    reverseMutation,
    ({ memberId }) => ({ memberId, day: '2026-01-01', reason: 'FAKE_VIEWS', evidence: 'x' }),
  ],
  ['banMember', banMutation, ({ memberId }) => ({ memberId, reason: 'x' })],
  [
    'unbanMember',
    'mutation ($memberId: ID!) { unbanMember(memberId: $memberId, reason: "x") { id } }',
    ({ memberId }) => ({ memberId }),
  ],
  ['reinstateReversal', reinstateMutation, ({ id }) => ({ id, note: 'x' })],
];

it.each(probes)(
  '%s answers a member the same for a real and a missing target',
  async (_, query, vars) => {
    const mallory = await api.as({ sub: 'mallory' });
    const real = await mallory(query, vars({ memberId: 'alice', id: reversalId }));
    const missing = await mallory(
      query,
      vars({ memberId: `ghost-${randomUUID()}`, id: randomUUID() }),
    );
    expect(real.errors).toHaveLength(1);
    expect(real.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect({ status: missing.status, data: missing.data, errors: missing.errors }).toEqual({
      status: real.status,
      data: real.data,
      errors: real.errors,
    });
  },
);

it("shows nothing of another member's ledger through their cursor", async () => {
  const support = await api.as({ sub: 'sup', roles: ['SUPPORT'] });
  const page = await support<{
    supportAccount: { ledger: { pageInfo: { endCursor: string } } };
  }>(
    'query { supportAccount(memberId: "alice", reason: "ticket", first: 1) { ledger { pageInfo { endCursor } } } }',
  );
  const cursor = page.data!.supportAccount.ledger.pageInfo.endCursor;
  const mallory = await api.as({ sub: 'mallory' });
  const res = await mallory<{ myLedger: { nodes: unknown[] } }>(
    'query ($after: String) { myLedger(after: $after) { nodes { amount } } }',
    { after: cursor },
  );
  expect(res.data?.myLedger.nodes).toEqual([]);
});
