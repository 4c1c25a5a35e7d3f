/** Daily accrual under the global budget (R5, R10, R14, R16): the module's only door. */
export { accrueDay, type AccrualSummary } from './accrueDay';
export { verifyAccrual, type AccrualVerification } from './verifyAccrual';
export { findAccrual, type Accrual } from './findAccrual';
export { accrualKey } from './postShares';
export { dailyCapOf } from './dailyCapOf';
export { readPlan } from './planDay';
export { accrualTypeDefs } from './accrual.graphql';
export { accrualResolvers } from './accrual.resolvers';
export { computeAllocation } from './allocateDay';
