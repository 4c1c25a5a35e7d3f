import type { CatalogueReward } from './listRewards';
import type { RedemptionDoc, RedemptionFailure, RedemptionStatus } from './redemption.model';

/**
 * What clients see, field by field: a reward's stock journal and a redemption's keys and entry
 * ids stay inside.
 */
export interface RewardView {
  id: string;
  title: string;
  price: number;
  stock: number | null;
  active: boolean;
}

export const presentReward = (reward: CatalogueReward): RewardView => ({
  id: reward._id,
  title: reward.title,
  price: reward.price,
  stock: reward.stock,
  active: reward.active,
});

export interface RedemptionView {
  id: string;
  reward: { id: string; title: string };
  price: number;
  status: RedemptionStatus;
  failureCode: RedemptionFailure | null;
  compensated: boolean;
  createdAt: Date;
}

export const presentRedemption = (redemption: RedemptionDoc): RedemptionView => ({
  id: redemption._id.toHexString(),
  reward: { id: redemption.rewardId, title: redemption.rewardTitle },
  price: redemption.price,
  status: redemption.status,
  failureCode: redemption.failureCode ?? null,
  compensated: Boolean(redemption.compensationEntryId),
  createdAt: redemption.createdAt,
});
