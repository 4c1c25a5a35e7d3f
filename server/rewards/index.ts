/** The rewards module's only door. */
export { Reward, type RewardDoc } from './reward.model';
export { Redemption, type RedemptionDoc, type RedemptionStatus } from './redemption.model';
export { upsertReward } from './upsertReward';
export { listRewards, type CatalogueReward } from './listRewards';
export { redeemReward } from './redeemReward';
export { myRedemptions } from './myRedemptions';
export { type RedemptionDecisionDoc, RedemptionDecision } from './redemptionDecision.model';
export { StockMove, type StockMoveDoc, type StockMoveKind } from './stockMove.model';
export { readStockTip, type StockTip } from './stockJournal';
export { takeUnit, takeKey, returnKey } from './stockHold';
/** The steps, one by one, for crash tests that stop between two of them. */
export {
  openRedemption,
  postDebit,
  decideRedemption,
  findDecision,
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
