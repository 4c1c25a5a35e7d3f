import { insertNew } from '../core/insertNew';
import { Account, emptyAccount, type AccountDoc } from './account.model';
import { rememberState } from './accountMemo';

/**
 * Reads the accounts of many members in one query (creating the missing ones, empty, in one
 * insert) and remembers their states (accountMemo.ts), so the postings to them that follow skip
 * their own read: what the accrual job does before posting a batch of shares, where each member
 * is posted to once and a read per posting would cost a scan of `accounts` on FerretDB v1.
 * Remembered states are only where a posting starts (an old one costs a retry, never a wrong
 * entry), so priming never changes what gets posted.
 */
export async function primeAccounts(memberIds: readonly string[]): Promise<void> {
  const found = await Account.find({ _id: { $in: memberIds } }).lean<AccountDoc[]>();
  const known = new Set(found.map((account) => account._id));
  const missing = [...new Set(memberIds)]
    .filter((id) => !known.has(id))
    .map((id) => emptyAccount(id));
  await insertNew(Account.collection, missing);
  for (const account of [...found, ...missing]) rememberState(account);
}
