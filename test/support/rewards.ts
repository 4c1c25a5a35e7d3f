/**
 * Rewards test helpers: GraphQL operations, an ADMIN-made catalogue item, credits posted the
 * only way money enters an account in tests (an ACCRUAL through postEntry, as the accrual job
 * does), and an audit of where a reward's units went.
 */
import type { UtcDay } from '../../server/core/day';
import { postEntry } from '../../server/ledger';
import { Redemption, StockMove, type StockMoveDoc } from '../../server/rewards';
import type { TestApi } from './harness';

export const redeemMutation = /* GraphQL */ `
  mutation ($rewardId: ID!, $key: String!) {
    redeemReward(rewardId: $rewardId, idempotencyKey: $key) {
      id
      reward {
        id
        title
      }
      price
      status
      failureCode
      compensated
      createdAt
    }
  }
`;

export const upsertRewardMutation = /* GraphQL */ `
  mutation ($input: RewardInput!) {
    upsertReward(input: $input) {
      id
      title
      price
      stock
      active
    }
  }
`;

export interface RewardFields {
  id: string;
  title: string;
  price: number;
  stock: number | null;
  active: boolean;
}

export async function createReward(
  api: TestApi,
  input: { title: string; price: number; stock?: number | null; active?: boolean },
): Promise<RewardFields> {
  const res = await api.gql<{ upsertReward: RewardFields }>(
    upsertRewardMutation,
    { input },
    await api.token({ sub: 'admin', roles: ['ADMIN'] }),
  );
  if (!res.data?.upsertReward)
    throw new Error(`upsertReward failed: ${JSON.stringify(res.errors)}`);
  return res.data.upsertReward;
}

export async function rewardAsAdmin(api: TestApi, id: string): Promise<RewardFields | undefined> {
  const res = await api.gql<{ rewards: RewardFields[] }>(
    '{ rewards { id title price stock active } }',
    {},
    await api.token({ sub: 'admin', roles: ['ADMIN'] }),
  );
  return res.data?.rewards.find((reward) => reward.id === id);
}

/** Credits `amount` to a member as the accrual of `day`. */
export async function credit(
  memberId: string,
  amount: number,
  day = '2026-01-01' as UtcDay,
): Promise<void> {
  await postEntry({
    memberId,
    amount,
    kind: 'ACCRUAL',
    day,
    idempotencyKey: `accrual:${memberId}:${day}`,
    ref: { type: 'test', id: `${memberId}:${day}` },
  });
}

export interface StockAudit {
  /** The stock at the journal's tip (null: unlimited). */
  stock: number | null;
  /** TAKE moves, and RETURN moves (each redemption's unit, by key). */
  taken: number;
  returned: number;
  /** Redemptions of the reward mirrored DONE. */
  done: number;
  /** Every move's stockAfter = the previous one's + its delta, and never below zero. */
  chainIntact: boolean;
}

/**
 * Where a reward's units went, from the stock journal and the redemptions: once everything is
 * decided and settled, `stock + (taken - returned)` is what ADMIN set, and `taken - returned`
 * is the number of DONE redemptions (each DONE one keeps its unit, each FAILED one gave it back).
 */
export async function stockAudit(rewardId: string): Promise<StockAudit> {
  const moves = await StockMove.find({ rewardId }).sort({ seq: 1 }).lean<StockMoveDoc[]>();
  let chainIntact = true;
  moves.forEach((move, i) => {
    const before = i === 0 ? null : (moves[i - 1]!.stockAfter ?? null);
    const after = move.stockAfter ?? null;
    if (move.seq !== i + 1 || (after !== null && after < 0)) chainIntact = false;
    if (before !== null && after !== null && after !== before + (move.delta ?? NaN)) {
      chainIntact = false;
    }
  });
  return {
    stock: moves.at(-1)?.stockAfter ?? null,
    taken: moves.filter((m) => m.kind === 'TAKE').length,
    returned: moves.filter((m) => m.kind === 'RETURN').length,
    done: await Redemption.countDocuments({ rewardId, status: 'DONE' }),
    chainIntact,
  };
}
