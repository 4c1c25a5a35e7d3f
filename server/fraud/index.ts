/** Trust and safety: reversals, reinstatements and fraud flags. The module's only door. */
export { reverseAccrual } from './reverseAccrual';
export { reinstateReversal } from './reinstateReversal';
export { listReversals } from './listReversals';
export { confirmFraudFlag, dismissFraudFlag } from './decideFlag';
export { listFlags } from './listFlags';
export {
  detectFraud,
  autoReverseActor,
  type DetectFraudOptions,
  type DetectFraudSummary,
} from './detectFraud';
export { resumeFraud, type ResumeFraudSummary } from './resumeFraud';
export { Reversal, reversalReasons, type ReversalDoc, type ReversalReason } from './reversal.model';
export { FraudFlag, type FraudFlagDoc } from './fraudFlag.model';
export {
  presentReversal,
  presentFlag,
  type ReversalView,
  type FraudFlagView,
} from './fraud.present';
export { fraudTypeDefs } from './fraud.graphql';
export { fraudResolvers } from './fraud.resolvers';
