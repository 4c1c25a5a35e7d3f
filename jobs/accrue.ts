import { accrueDay } from '../server/accrual';
import { dayJob } from './jobArgs';

/** `accrue [--day D]` (SPEC §6): credit day D under its budget; D defaults to yesterday (UTC). */
export const accrueJob = dayJob({
  usage: 'accrue [--day YYYY-MM-DD]',
  describe: 'score a day that has ended, share its budget, credit one ACCRUAL per member',
  async run(day) {
    const summary = await accrueDay(day);
    return {
      ok: true,
      summary: {
        day: summary.day,
        alreadyAccrued: summary.alreadyAccrued,
        membersScored: summary.scored,
        membersExcluded: summary.excluded,
        earners: summary.earners,
        demand: summary.demand,
        cap: summary.cap,
        issued: summary.issued,
        capped: summary.capped,
        posted: summary.posted,
        planMs: summary.planMs,
        allocateMs: summary.allocateMs,
        postMs: summary.postMs,
      },
    };
  },
});
