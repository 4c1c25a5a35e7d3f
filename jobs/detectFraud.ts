import { detectFraud } from '../server/fraud';
import { getProgramSettings } from '../server/settings';
import { dayJob } from './jobArgs';

/** `detect-fraud [--day D]` (SPEC §6): flag suspicious member-days; auto-reverse above ADMIN's threshold. */
export const detectFraudJob = dayJob({
  usage: 'detect-fraud [--day YYYY-MM-DD]',
  describe: "raise fraud flags for a day's member-days (auto-reverse if ADMIN set a threshold)",
  async run(day) {
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
  },
});
