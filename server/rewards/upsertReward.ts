import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { assert } from '../core/assert';
import { badInput, notFound } from '../core/errors';
import { limits } from '../core/limits';
import { fields, parseInput } from '../core/validate';
import type { CatalogueReward } from './listRewards';
import { Reward, type RewardDoc } from './reward.model';
import { appendStockMove, readStockTip } from './stockJournal';

/**
 * ADMIN manages the catalogue (SPEC §4). Without `id` a reward is created (title and price
 * required, unlimited stock and active unless told otherwise); with `id` that reward is updated
 * and an omitted field keeps its value, while `stock: null` makes it unlimited. An unknown id is
 * NOT_FOUND: an update never creates. `stock` is the number of units left: setting it appends a
 * SET move to the stock journal (stockJournal.ts), at creation too, and does not disturb
 * redemptions in flight (their units are already taken; a FAILED one's unit comes back on top).
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

export async function upsertReward(rawInput: unknown): Promise<CatalogueReward> {
  const input = parseInput(upsertRewardInput, rawInput);
  return input.id ? updateReward(input.id, input) : createReward(input);
}

async function createReward(input: UpsertRewardInput): Promise<CatalogueReward> {
  if (!input.title) throw badInput('title', 'is required when creating a reward');
  if (!input.price) throw badInput('price', 'is required when creating a reward');
  const now = new Date();
  const reward: RewardDoc = {
    _id: randomUUID(),
    title: input.title,
    price: input.price,
    active: input.active ?? true,
    createdAt: now,
    updatedAt: now,
  };
  const stock = input.stock ?? null;
  // The stock first: a crash in between leaves moves that no reward reads, never a reward
  // offered without the stock it was given (a reward without moves is unlimited).
  if (stock !== null) await setStock(reward._id, stock);
  await Reward.create(reward);
  return present(reward, stock);
}

async function updateReward(id: string, input: UpsertRewardInput): Promise<CatalogueReward> {
  if (!(await Reward.exists({ _id: id }))) throw notFound('Reward');
  // Null means "keep" for every field but stock, where an explicit null means unlimited.
  if (input.stock !== undefined) await setStock(id, input.stock);
  const changes: Partial<RewardDoc> = { updatedAt: new Date() };
  if (input.title) changes.title = input.title;
  if (input.price) changes.price = input.price;
  if (input.active !== undefined && input.active !== null) changes.active = input.active;
  const reward = await Reward.findOneAndUpdate(
    { _id: id },
    { $set: changes },
    { returnDocument: 'after', lean: true },
  );
  assert(reward, `reward ${id} exists (rewards are never deleted)`);
  return present(reward, (await readStockTip(id)).stock);
}

/**
 * ADMIN's stock change: a SET move to `stock` units (null: unlimited) after whatever the tip is
 * by then. Its key is fresh per change (there is no client key to replay), and a change to the
 * current value writes nothing.
 */
async function setStock(rewardId: string, stock: number | null): Promise<void> {
  await appendStockMove<'unchanged'>(rewardId, `set:${randomUUID()}`, (tip) =>
    tip.stock === stock ? { decline: 'unchanged' } : { kind: 'SET', stockAfter: stock },
  );
}

const present = (reward: RewardDoc, stock: number | null): CatalogueReward => ({
  _id: reward._id,
  title: reward.title,
  price: reward.price,
  active: reward.active,
  stock,
});
