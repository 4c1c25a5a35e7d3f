import type { UtcDay } from '../core/day';
import type { AccountState } from './account.model';
import type { EntryDoc, EntryKind } from './entry.model';

/**
 * What a member (or SUPPORT, on an audited request) sees of the ledger, field by field. An
 * entry's key, hash, seq and cause stay inside: a cause may name another member's record.
 */
export interface AccountView {
  balance: number;
  frozen: boolean;
  lifetimeAccrued: number;
  lifetimeReversed: number;
  lifetimeReinstated: number;
  lifetimeSpent: number;
  lifetimeCompensated: number;
}

export const presentAccount = (account: AccountState): AccountView => ({
  balance: account.balance,
  frozen: account.frozen,
  lifetimeAccrued: account.lifetimeAccrued,
  lifetimeReversed: account.lifetimeReversed,
  lifetimeReinstated: account.lifetimeReinstated,
  lifetimeSpent: account.lifetimeSpent,
  lifetimeCompensated: account.lifetimeCompensated,
});

export interface LedgerEntryView {
  id: string;
  amount: number;
  balanceAfter: number;
  kind: EntryKind;
  day: UtcDay;
  createdAt: Date;
}

export const presentEntry = (entry: EntryDoc): LedgerEntryView => ({
  id: entry._id.toHexString(),
  amount: entry.amount,
  balanceAfter: entry.balanceAfter,
  kind: entry.kind,
  day: entry.day,
  createdAt: entry.createdAt,
});
