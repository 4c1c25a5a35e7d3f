import type { Persona } from '../../server/client';
import { getAccount } from '../../server/ledger';
import { DemoApiError, type DemoClient } from './demoClient';
import { cast, demoRewards, roundNicely } from './demoNetwork';

/**
 * ADMIN opens the rewards catalogue (demoNetwork.ts `demoRewards`: a small stock, an empty one,
 * an unlimited one, a retired one), priced as shares of a typical day's issue; then members
 * redeem through the API: the demo member buys a sticker pack, the best-off earners buy badges
 * and the last stickers, and one of them finds the T-shirt out of stock (a FAILED redemption,
 * nothing spent).
 */
export interface Catalogue {
  rewardIds: Record<string, string>;
  prices: Record<string, number>;
  redeemed: number;
  refused: number;
}

const upsertRewardMutation = /* GraphQL */ `
  mutation ($input: RewardInput!) {
    upsertReward(input: $input) {
      id
      price
    }
  }
`;
const redeemMutation = /* GraphQL */ `
  mutation ($rewardId: ID!, $key: String!) {
    redeemReward(rewardId: $rewardId, idempotencyKey: $key) {
      id
      status
    }
  }
`;

export async function openCatalogue(
  client: DemoClient,
  typicalDayIssue: number,
  earners: readonly Persona[],
): Promise<Catalogue> {
  const admin = await client.as(cast.admin);
  const catalogue: Catalogue = { rewardIds: {}, prices: {}, redeemed: 0, refused: 0 };
  for (const reward of demoRewards) {
    const price = roundNicely(Math.max(1, reward.priceShare * typicalDayIssue), 'down');
    const { upsertReward } = await admin<{ upsertReward: { id: string } }>(upsertRewardMutation, {
      input: { title: reward.title, price, stock: reward.stock, active: reward.active },
    });
    catalogue.rewardIds[reward.title] = upsertReward.id;
    catalogue.prices[reward.title] = price;
  }

  const redeem = async (person: Persona, title: string) => {
    const member = await client.as(person);
    try {
      await member(redeemMutation, {
        rewardId: catalogue.rewardIds[title],
        key: `demo:${title}`,
      });
      catalogue.redeemed += 1;
    } catch (error) {
      if (!(error instanceof DemoApiError && error.code === 'OUT_OF_STOCK')) throw error;
      catalogue.refused += 1;
    }
  };
  await redeem(cast.member, 'Sticker pack');

  const balances = await Promise.all(
    earners.map(async (person) => ({
      person,
      balance: (await getAccount(person.memberId)).balance,
    })),
  );
  const richest = balances
    .filter(({ balance }) => balance >= catalogue.prices['Sticker pack']!)
    .sort((a, b) => b.balance - a.balance || a.person.memberId.localeCompare(b.person.memberId))
    .map(({ person }) => person)
    .slice(0, 4);
  for (const person of richest) await redeem(person, 'Profile badge: Veteran');
  if (richest[0]) await redeem(richest[0], 'Sticker pack');
  if (richest[1]) await redeem(richest[1], 'Guild T-shirt');
  return catalogue;
}
