/** The rewards module's only door. */
export { Reward, type RewardDoc } from './reward.model';
export { Redemption, type RedemptionDoc, type RedemptionStatus } from './redemption.model';
export { upsertReward } from './upsertReward';
export { listRewards } from './listRewards';
export { redeemReward } from './redeemReward';
export { myRedemptions } from './myRedemptions';
export {
  openRedemption,
  reserveStock,
  postDebit,
  confirmRedemption,
  failRedemption,
  completeRedemption,
  settleRedemption,
  debitKey,
  compensationKey,
} from './redemptionSteps';
export { resumeRedemptions, type ResumeSummary } from './resumeRedemptions';
export {
  presentReward,
  presentRedemption,
  type RewardView,
  type RedemptionView,
} from './rewards.present';
export { rewardsTypeDefs } from './rewards.graphql';
export { rewardsResolvers } from './rewards.resolvers';
