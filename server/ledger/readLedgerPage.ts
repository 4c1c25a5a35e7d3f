import { findPage, type Page, type PageArgs } from '../core/page';
import { Entry } from './entry.model';
import { presentEntry, type LedgerEntryView } from './ledger.present';

/**
 * One page of a member's ledger, newest first (by seq, the journal's own order). The filter
 * always names the member, so a cursor taken from another member's page shows nothing of theirs.
 */
export function readLedgerPage(memberId: string, args: PageArgs): Promise<Page<LedgerEntryView>> {
  return findPage({
    model: Entry,
    filter: { accountId: memberId },
    sortField: 'seq',
    direction: 'desc',
    args,
    present: presentEntry,
  });
}
