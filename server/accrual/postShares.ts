import { assert } from '../core/assert';
import { crashPoint } from '../core/crashPoint';
import type { UtcDay } from '../core/day';
import { forEachBounded } from '../core/forEachBounded';
import { limits } from '../core/limits';
import { accountPrimer, postEntry } from '../ledger';
import { AccrualDay } from './accrualDay.model';
import { AccrualShare, type AccrualShareDoc } from './accrualShare.model';

/**
 * Step 3 of accruing a day: post every stored share as one ACCRUAL through the ledger's single
 * write path, key `accrual:<memberId>:<day>`. A share already posted (a racing run, or a run
 * killed half-way and started again) is a replay: the ledger returns the first entry, writes
 * nothing and pushes nothing. Shares are read in member order through one cursor, a batch at a
 * time; each batch's accounts are primed (ledger/primeAccounts.ts) and its shares posted a few at
 * a time (different accounts, so they never queue behind each other).
 */
export const accrualKey = (memberId: string, day: string) => `accrual:${memberId}:${day}`;

export interface PostingTally {
  posted: number;
  replayed: number;
}

export async function postShares(day: UtcDay): Promise<PostingTally> {
  const tally: PostingTally = { posted: 0, replayed: 0 };
  const shares = AccrualShare.find({ day })
    .sort({ memberId: 1 })
    .lean<AccrualShareDoc[]>()
    .cursor({ batchSize: limits.accrualPostingBatch });
  const primer = accountPrimer();
  try {
    let batch: AccrualShareDoc[] = [];
    const postBatch = async () => {
      await primer.prime(batch.map((share) => share.memberId));
      await forEachBounded(batch, limits.accrualPostingConcurrency, async (share) => {
        const { created, sameTerms } = await postEntry({
          memberId: share.memberId,
          amount: share.amount,
          kind: 'ACCRUAL',
          day,
          idempotencyKey: accrualKey(share.memberId, day),
          ref: { type: 'accrualDay', id: day },
        });
        assert(sameTerms, `${accrualKey(share.memberId, day)} was posted with other terms`);
        tally[created ? 'posted' : 'replayed'] += 1;
        crashPoint('accrual.posted');
      });
      batch = [];
    };
    for await (const share of shares) {
      batch.push(share);
      if (batch.length === limits.accrualPostingBatch) await postBatch();
    }
    if (batch.length > 0) await postBatch();
  } finally {
    await Promise.all([shares.close(), primer.close()]);
  }
  await AccrualDay.updateOne({ _id: day }, { $set: { postedAt: new Date() } });
  return tally;
}
