/**
 * Rewards test helpers: GraphQL operations, an ADMIN-made catalogue item, and credits posted the
 * only way money enters an account in tests (an ACCRUAL through postEntry, as the accrual job does).
 */
import type { UtcDay } from '../../server/core/day';
import { postEntry } from '../../server/ledger';
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
