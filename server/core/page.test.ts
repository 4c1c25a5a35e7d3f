/**
 * Proves the one pagination helper: pages are keyset slices that together list every record
 * exactly once in order, even with ties on the sort field; `first` outside 1..100 and a forged
 * cursor are BAD_USER_INPUT naming the argument.
 */
import { Member, type MemberDoc } from '../members';
import { useTestDatabase } from '../../test/support/harness';
import { findPage, type PageArgs } from './page';

useTestDatabase('page');
beforeAll(async () => {
  const base = Date.UTC(2026, 0, 1);
  // 25 members, createdAt repeating in threes so that ties are broken by _id.
  await Member.insertMany(
    Array.from({ length: 25 }, (_, i) => ({
      _id: `m${String(i).padStart(2, '0')}`,
      name: null,
      banned: false,
      createdAt: new Date(base + Math.floor(i / 3) * 1000),
    })),
  );
});

const page = (args: PageArgs, direction: 'asc' | 'desc' = 'desc') =>
  findPage({
    model: Member,
    filter: {},
    sortField: 'createdAt',
    direction,
    args,
    present: (d: MemberDoc) => d._id,
  });

it.each(['asc', 'desc'] as const)('walks every record once, %s', async (direction) => {
  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 10; i++) {
    const result = await page({ first: 7, after }, direction);
    seen.push(...result.nodes);
    if (!result.pageInfo.hasNextPage) break;
    after = result.pageInfo.endCursor;
  }
  const all = Array.from({ length: 25 }, (_, i) => `m${String(i).padStart(2, '0')}`);
  expect(seen).toEqual(direction === 'asc' ? all : [...all].reverse());
});

it.each([0, 101, 2.5, -1])('refuses first=%p', async (first) => {
  await expect(page({ first })).rejects.toMatchObject({
    code: 'BAD_USER_INPUT',
    extensions: { field: 'first' },
  });
});

it('refuses a forged cursor', async () => {
  await expect(page({ first: 5, after: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({
    code: 'BAD_USER_INPUT',
    extensions: { field: 'after' },
  });
});
