import { assert } from '../core/assert';
import { insertNew } from '../core/insertNew';
import { limits } from '../core/limits';
import { compareBytes } from '../core/sortedUnion';
import { Account, emptyAccount, type AccountDoc } from './account.model';
import { rememberState } from './accountMemo';

/**
 * Reads the accounts of many members ahead of posting to them, and remembers their states
 * (accountMemo.ts), so that each posting skips its own read: what the accrual job does before
 * posting each batch of a day's shares. The missing accounts are created, empty, in one insert.
 *
 * Members come in ascending batches, and the primer reads `accounts` once, in `_id` order,
 * alongside them (a merge): one pass over the collection for the whole day. Not a query per
 * batch: on FerretDB v1 a filter it cannot push down (`$in`, `$gt`) decodes every document of the
 * collection in its own process (about 5 s per 20,000 accounts, per batch).
 *
 * Remembered states are only where a posting starts (an old one costs a retry, never a wrong
 * entry), so priming never changes what gets posted.
 */
export interface AccountPrimer {
  /** Primes these members' accounts; ids ascend in byte order, across calls too. */
  prime(memberIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export function accountPrimer(): AccountPrimer {
  const cursor = Account.find({})
    .sort({ _id: 1 })
    .lean<AccountDoc[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  let next: AccountDoc | null | undefined; // undefined: not read yet; null: no more accounts
  let lastId: string | null = null;
  const peek = async () => {
    if (next === undefined) next = (await cursor.next()) ?? null;
    return next;
  };
  return {
    async prime(memberIds) {
      const found: AccountDoc[] = [];
      const missing: AccountDoc[] = [];
      for (const memberId of memberIds) {
        assert(lastId === null || compareBytes(lastId, memberId) < 0, 'primed ids ascend');
        lastId = memberId;
        let account = await peek();
        while (account && compareBytes(account._id, memberId) < 0) {
          next = undefined;
          account = await peek();
        }
        if (account?._id === memberId) found.push(account);
        else missing.push(emptyAccount(memberId));
      }
      await insertNew(Account.collection, missing);
      for (const account of [...found, ...missing]) rememberState(account);
    },
    close: () => cursor.close(),
  };
}
