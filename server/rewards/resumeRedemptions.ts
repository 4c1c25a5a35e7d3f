import type { Logger } from '../core/log';
import { limits } from '../core/limits';
import { Redemption, type RedemptionDoc } from './redemption.model';
import { completeRedemption, settleRedemption } from './redemptionSteps';

/**
 * The recovery pass (job `resume-redemptions`, jobs/resumeRedemptions.ts, run by the worker every
 * few minutes). It looks at redemptions that have not moved for a grace period and are not
 * settled yet:
 * - PENDING (a runner crashed or its process was killed, before or after the decision): takes it
 *   forward through the same steps as the request did (redemptionSteps.ts): if it is decided
 *   already, follows and mirrors the decision; otherwise reserve, debit, decide. It finishes the
 *   redemption the member asked for; it is refused only if the member can no longer pay (or the
 *   stock is gone), and then any unit taken goes back.
 * - decided (DONE or FAILED): settles it: a FAILED one gives back a unit it still holds and, if
 *   its debit landed after all, gets its COMPENSATION; it is marked settled.
 * A redemption completed by this pass is settled by the next one, a grace period later, so that
 * settling never overlaps a runner that may still be at work on it.
 *
 * Idempotent: every step is keyed or an insert that decides once, so two passes racing, a pass
 * racing a member's replay, or a pass killed and run again, change nothing more than one pass.
 * Bounded: one cursor in batches, at most `redemptionsResumedMax` redemptions per run (the rest
 * wait for the next run).
 */
export interface ResumeOptions {
  log: Logger;
  now?: Date;
  graceMs?: number;
}

export interface ResumeSummary {
  examined: number;
  /** PENDING redemptions taken to a decision. */
  completed: number;
  settled: number;
  /** COMPENSATION entries posted by this pass. */
  compensated: number;
  errors: number;
}

export async function resumeRedemptions(options: ResumeOptions): Promise<ResumeSummary> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.graceMs ?? limits.redemptionGraceMs));
  const summary: ResumeSummary = {
    examined: 0,
    completed: 0,
    settled: 0,
    compensated: 0,
    errors: 0,
  };
  const stale = Redemption.find({ settled: false, updatedAt: { $lt: cutoff } })
    .sort({ updatedAt: 1 })
    .limit(limits.redemptionsResumedMax)
    .lean<RedemptionDoc[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  for await (const redemption of stale) {
    summary.examined += 1;
    try {
      await resumeOne(redemption, summary);
    } catch (error) {
      // One redemption that cannot move must not stop the others; the next run tries it again.
      summary.errors += 1;
      options.log.error(
        { err: error, redemptionId: redemption._id.toHexString() },
        'redemption not resumed',
      );
    }
  }
  options.log.info(summary, 'resume-redemptions done');
  return summary;
}

async function resumeOne(redemption: RedemptionDoc, summary: ResumeSummary): Promise<void> {
  if (redemption.status === 'PENDING') {
    const decided = await completeRedemption(redemption);
    if (decided.compensationEntryId && !redemption.compensationEntryId) summary.compensated += 1;
    summary.completed += 1;
    return;
  }
  const settled = await settleRedemption(redemption);
  if (settled.compensationEntryId && !redemption.compensationEntryId) summary.compensated += 1;
  summary.settled += 1;
}
