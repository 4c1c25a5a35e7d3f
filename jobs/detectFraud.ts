import { detectFraud } from '../server/fraud';
import { getProgramSettings } from '../server/settings';
import { parseEndedDay } from './jobArgs';
import type { JobCommand } from './jobCommand';

/** `detect-fraud [--day D]` (SPEC §6): flag suspicious member-days; auto-reverse above ADMIN's threshold. */
export const detectFraudJob: JobCommand = {
  usage: 'detect-fraud [--day YYYY-MM-DD]',
  describe: "raise fraud flags for a day's member-days (auto-reverse if ADMIN set a threshold)",
  takesDay: true,
  prepare(argv, now) {
    const day = parseEndedDay(argv, now);
    return async () => {
      const { autoReverseThreshold } = await getProgramSettings();
      const summary = await detectFraud(day, { autoReverseThreshold });
      return {
        ok: true,
        summary: {
          day,
          authors: summary.authors,
          flagged: summary.flagged,
          flagsRaised: summary.flagsRaised,
          autoReversed: summary.autoReversed,
          autoReverseThreshold,
        },
      };
    };
  },
};
