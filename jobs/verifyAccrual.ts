import { verifyAccrual } from '../server/accrual';
import { dayJob } from './jobArgs';

/** `verify-accrual [--day D]`: recompute day D and hold it against its shares and the ledger. */
export const verifyAccrualJob = dayJob({
  usage: 'verify-accrual [--day YYYY-MM-DD]',
  describe: "recompute a day's allocation; non-zero exit if the ledger credited anything else",
  async run(day) {
    const result = await verifyAccrual(day);
    return {
      ok: result.ok,
      summary: { day, earners: result.earners, issued: result.issued, cap: result.cap },
      problems: result.problems,
    };
  },
});
