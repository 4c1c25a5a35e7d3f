import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { badInput, notFound } from '../core/errors';
import { limits } from '../core/limits';
import { fields, parseInput } from '../core/validate';
import { Reward, type RewardDoc } from './reward.model';

/**
 * ADMIN manages the catalogue (SPEC §4). Without `id` a reward is created (title and price
 * required, unlimited stock and active unless told otherwise); with `id` that reward is updated
 * and an omitted field keeps its value, while `stock: null` makes it unlimited. An unknown id is
 * NOT_FOUND: an update never creates. `stock` is the number of units left; setting it does not
 * disturb redemptions in flight (their units are already taken, see stockHold.ts).
 */
export const upsertRewardInput = z.object({
  id: fields.id().nullish(),
  title: fields.text(limits.titleLengthMax).nullish(),
  price: z
    .number()
    .int('must be a whole number of bonuses')
    .min(1, 'must be positive')
    .max(limits.rewardPriceMax, `must be at most ${limits.rewardPriceMax}`)
    .nullish(),
  stock: z.number().int('must be a whole number').min(0, 'must not be negative').nullish(),
  active: z.boolean().nullish(),
});
export type UpsertRewardInput = z.infer<typeof upsertRewardInput>;

export async function upsertReward(rawInput: unknown): Promise<RewardDoc> {
  const input = parseInput(upsertRewardInput, rawInput);
  return input.id ? updateReward(input.id, input) : createReward(input);
}

async function createReward(input: UpsertRewardInput): Promise<RewardDoc> {
  if (!input.title) throw badInput('title', 'is required when creating a reward');
  if (!input.price) throw badInput('price', 'is required when creating a reward');
  const now = new Date();
  const reward: RewardDoc = {
    _id: randomUUID(),
    title: input.title,
    price: input.price,
    stock: input.stock ?? null,
    active: input.active ?? true,
    heldBy: [],
    doneWith: [],
    createdAt: now,
    updatedAt: now,
  };
  await Reward.create(reward);
  return reward;
}

async function updateReward(id: string, input: UpsertRewardInput): Promise<RewardDoc> {
  // Null means "keep" for every field but stock, where an explicit null means unlimited.
  const changes: Partial<RewardDoc> = { updatedAt: new Date() };
  if (input.title) changes.title = input.title;
  if (input.price) changes.price = input.price;
  if (input.stock !== undefined) changes.stock = input.stock;
  if (input.active !== undefined && input.active !== null) changes.active = input.active;
  const reward = await Reward.findOneAndUpdate(
    { _id: id },
    { $set: changes },
    { returnDocument: 'after', lean: true },
  );
  if (!reward) throw notFound('Reward');
  return reward;
}
