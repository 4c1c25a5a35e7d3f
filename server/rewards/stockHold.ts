import { assert } from '../core/assert';
import { limits } from '../core/limits';
import { Reward, type RewardDoc } from './reward.model';

/**
 * A redemption's unit of stock, moved only by single-document updates of the reward, each safe
 * to repeat: the update that takes a unit also records who took it (`heldBy`), and the one that
 * consumes or gives it back moves that record to `doneWith`, so no repetition, crash or late
 * runner can take or give back a unit twice. Stock never goes below zero: a unit is taken only
 * where `stock >= 1`.
 */
export type TakeOutcome = 'taken' | 'unlimited' | 'outOfStock';

type HoldView = Pick<RewardDoc, 'stock' | 'heldBy' | 'doneWith'>;

export async function takeUnit(rewardId: string, redemptionId: string): Promise<TakeOutcome> {
  for (let attempt = 1; attempt <= limits.retryAttemptsMax; attempt++) {
    const taken = await Reward.updateOne(
      {
        _id: rewardId,
        stock: { $gte: 1 },
        heldBy: { $ne: redemptionId },
        doneWith: { $ne: redemptionId },
      },
      { $inc: { stock: -1 }, $push: { heldBy: redemptionId } },
    );
    if (taken.modifiedCount === 1) return 'taken';
    const reward = await Reward.findById(rewardId)
      .select({ stock: 1, heldBy: 1, doneWith: 1 })
      .lean<HoldView>();
    assert(
      reward,
      `reward ${rewardId} of redemption ${redemptionId} exists (rewards are never deleted)`,
    );
    // Taken by an earlier attempt of this very step (it may have crashed before saying so).
    if (reward.heldBy.includes(redemptionId) || reward.doneWith.includes(redemptionId))
      return 'taken';
    const stock = reward.stock ?? null;
    if (stock === null) return 'unlimited';
    if (stock < 1) return 'outOfStock';
    // A unit came back between the update and the read: try again.
  }
  assert(false, `takeUnit(${rewardId}, ${redemptionId}) kept racing`);
}

/** DONE: the unit leaves the stock for good. */
export async function consumeUnit(rewardId: string, redemptionId: string): Promise<void> {
  await Reward.updateOne(
    { _id: rewardId, heldBy: redemptionId },
    { $pull: { heldBy: redemptionId }, $push: { doneWith: redemptionId } },
  );
}

/** FAILED: the unit goes back to the stock (unless ADMIN has made the reward unlimited since). */
export async function returnUnit(rewardId: string, redemptionId: string): Promise<void> {
  const returned = await Reward.updateOne(
    { _id: rewardId, heldBy: redemptionId, stock: { $ne: null } },
    { $inc: { stock: 1 }, $pull: { heldBy: redemptionId }, $push: { doneWith: redemptionId } },
  );
  if (returned.modifiedCount === 1) return;
  await Reward.updateOne(
    { _id: rewardId, heldBy: redemptionId, stock: null },
    { $pull: { heldBy: redemptionId }, $push: { doneWith: redemptionId } },
  );
}

/** Once no runner can still be at work on the redemption, the reward forgets it. */
export async function forgetUnit(rewardId: string, redemptionId: string): Promise<void> {
  await Reward.updateOne(
    { _id: rewardId, doneWith: redemptionId },
    { $pull: { doneWith: redemptionId } },
  );
}
