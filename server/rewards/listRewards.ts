import { limits } from '../core/limits';
import { Reward, type RewardDoc } from './reward.model';

export type CatalogueReward = Pick<RewardDoc, '_id' | 'title' | 'price' | 'stock' | 'active'>;

/**
 * The catalogue in the order it was built. Members see active rewards only; ADMIN sees all,
 * to manage them. A catalogue is small by nature; still bounded by `rewardsListedMax`.
 */
export async function listRewards(includeInactive: boolean): Promise<CatalogueReward[]> {
  return Reward.find(includeInactive ? {} : { active: true })
    .select({ title: 1, price: 1, stock: 1, active: 1 })
    .sort({ createdAt: 1, _id: 1 })
    .limit(limits.rewardsListedMax)
    .lean<CatalogueReward[]>();
}
