import { dailyCapOf } from '../server/accrual';
import { verifyLedger } from '../server/ledger';
import { plainJob } from './jobArgs';

/** `verify-ledger`: every account against its journal (server/ledger/verifyLedger.ts). */
export const verifyLedgerJob = plainJob({
  usage: 'verify-ledger',
  describe: 'check every account against its journal; non-zero exit on any breach',
  async run() {
    const result = await verifyLedger({ capForDay: dailyCapOf });
    return {
      ok: result.ok,
      summary: {
        accounts: result.accounts,
        entries: result.entries,
        cappedDays: result.cappedDays,
        rolledForward: result.rolledForward,
        breaches: result.breachCount,
      },
      problems: result.breaches.map((b) =>
        [b.accountId && `account ${b.accountId}`, b.day && `day ${b.day}`, b.problem]
          .filter(Boolean)
          .join(': '),
      ),
    };
  },
});
