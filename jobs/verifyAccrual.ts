import { verifyAccrual } from '../server/accrual';
import { parseEndedDay } from './jobArgs';
import type { JobCommand } from './jobCommand';

/** `verify-accrual [--day D]`: recompute day D and hold it against its shares and the ledger. */
export const verifyAccrualJob: JobCommand = {
  usage: 'verify-accrual [--day YYYY-MM-DD]',
  describe: "recompute a day's allocation; non-zero exit if the ledger credited anything else",
  takesDay: true,
  prepare(argv, now) {
    const day = parseEndedDay(argv, now);
    return async () => {
      const result = await verifyAccrual(day);
      return {
        ok: result.ok,
        summary: { day, earners: result.earners, issued: result.issued, cap: result.cap },
        problems: result.problems,
      };
    };
  },
};
