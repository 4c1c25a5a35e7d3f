/** The ledger's only door. Money is written by `postEntry` alone; everything else reads. */
export { postEntry, type Posting, type PostResult } from './postEntry';
export { onEntryPosted, type EntryPostedListener } from './entryPosted';
export { setFrozen, frozenMembers } from './setFrozen';
export { getAccount } from './getAccount';
export { accountPrimer, type AccountPrimer } from './primeAccounts';
/** Read-only: whether a posting with this key happened (rewards settle a failed redemption by it). */
export { findEntryByKey } from './journal';
export { readLedgerPage } from './readLedgerPage';
export { kindTotalsByDay, dayAccruals, type KindTotal } from './dayTotals';
export { readStatement, type DailyStatement } from './statement';
export { countEarners, kindTotal, accountsWithEntries, type DayRange } from './programTotals';
export { rebuildAccount } from './rebuildAccount';
export {
  verifyLedger,
  type LedgerBreach,
  type LedgerVerification,
  type VerifyLedgerOptions,
} from './verifyLedger';
export {
  presentAccount,
  presentEntry,
  type AccountView,
  type LedgerEntryView,
} from './ledger.present';
export { entryKinds, type EntryDoc, type EntryKind, type EntryRef } from './entry.model';
export type { AccountDoc, AccountState } from './account.model';
export { ledgerTypeDefs } from './ledger.graphql';
export { ledgerResolvers } from './ledger.resolvers';
