import type { JobCommand } from './jobCommand';
import { verifyLedgerJob } from './verifyLedger';

/** Every job by its CLI name; the worker schedules some of them (worker.ts). */
export const jobCommands: Readonly<Record<string, JobCommand>> = {
  'verify-ledger': verifyLedgerJob,
};
