import { resumeRedemptions } from '../server/rewards';
import { plainJob } from './jobArgs';

/**
 * `resume-redemptions` (STYLE habit 3): finishes, settles or compensates the redemptions that
 * crashes left behind, once they have not moved for a grace period
 * (server/rewards/resumeRedemptions.ts). The worker runs it every few minutes; it is idempotent,
 * so a manual run alongside changes nothing more. Exits non-zero if a redemption could not be
 * moved (it is logged, and the next run tries it again).
 */
export const resumeRedemptionsJob = plainJob({
  usage: 'resume-redemptions',
  describe: 'finish, settle or compensate redemptions left behind by crashes',
  async run(_, { log }) {
    const summary = await resumeRedemptions({ log });
    return { ok: summary.errors === 0, summary: { ...summary } };
  },
});
