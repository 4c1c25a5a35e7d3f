import { limits } from '../core/limits';
import { Reward, type RewardDoc } from './reward.model';
import { readStockTips, stockOf } from './stockJournal';

/** A catalogue item as shown: the reward and its stock, read at the stock journal's tip. */
export type CatalogueReward = Pick<RewardDoc, '_id' | 'title' | 'price' | 'active'> & {
  /** Units left; null means unlimited. */
  stock: number | null;
};

/**
 * The catalogue in the order it was built. Members see active rewards only; ADMIN sees all,
 * to manage them. A catalogue is small by nature; still bounded by `rewardsListedMax`.
 */
export async function listRewards(includeInactive: boolean): Promise<CatalogueReward[]> {
  const rewards = await Reward.find(includeInactive ? {} : { active: true })
    .select({ title: 1, price: 1, active: 1 })
    .sort({ createdAt: 1, _id: 1 })
    .limit(limits.rewardsListedMax)
    .lean<Pick<RewardDoc, '_id' | 'title' | 'price' | 'active'>[]>();
  const tips = await readStockTips(rewards.map((r) => r._id));
  return rewards.map((reward) => ({ ...reward, stock: stockOf(tips, reward._id) }));
}
