import { accrueJob } from './accrue';
import { detectFraudJob } from './detectFraud';
import type { JobCommand } from './jobCommand';
import { resumeRedemptionsJob } from './resumeRedemptions';
import { verifyAccrualJob } from './verifyAccrual';
import { verifyLedgerJob } from './verifyLedger';

/** Every job by its CLI name; the worker schedules some of them (worker.ts). */
export const jobCommands: Readonly<Record<string, JobCommand>> = {
  accrue: accrueJob,
  'detect-fraud': detectFraudJob,
  'resume-redemptions': resumeRedemptionsJob,
  'verify-ledger': verifyLedgerJob,
  'verify-accrual': verifyAccrualJob,
};
