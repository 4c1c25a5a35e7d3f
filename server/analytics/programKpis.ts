import { addDays, dayEnd, dayStart, daysBetween, parseDayRange } from '../core/day';
import { distinctSorted } from '../core/distinctSorted';
import { limits } from '../core/limits';
import { countSortedUnion } from '../core/sortedUnion';
import { accountsWithEntries, countEarners, kindTotal, type DayRange } from '../ledger';
import { Material } from '../materials';

/**
 * ADMIN's programme KPIs over a period (SPEC §4 `programKpis`), from the journal and the
 * materials, computed in the database (ledger/programTotals.ts): no entry is loaded, and the one
 * figure that spans two collections (active members) merges two sorted id streams in constant
 * memory (core/sortedUnion.ts). The period is `from`..`to`, UTC days, both included, at most
 * 366 days; a bad range is BAD_USER_INPUT naming the field.
 *
 * Definitions (the SDL in analytics.graphql.ts says the same to clients):
 * - an earner of some days: a member with an ACCRUAL for one of those days (by the day it was
 *   earned for, as in the statement; a later reversal does not undo having earned);
 * - activeEarners: earners of the period;
 * - activeMembers: members with a ledger entry belonging to the period (an ACCRUAL for one of its
 *   days, or any other entry posted in it: spending, a reversal...) or who submitted a material
 *   in it, whatever became of it. Activity events do not count: their actors are mostly
 *   anonymous visitors, and viewing is not taking part in the programme;
 * - engagementRate = activeEarners / activeMembers (every earner is active, so at most 1);
 * - issued: the ACCRUALs of the period's days (the issuance report's `issued`, summed);
 *   spent: REDEMPTIONs posted in the period less the COMPENSATIONs posted in it (bonuses really
 *   used, R17); pointsUsedRate = spent / issued (above 1 when older balances are spent);
 * - retention windows: the first and the last `w` days of the period, w = min(7, floor(days/2)),
 *   so they never overlap; earnersAtStart (S) and earnersAtEnd (E) are their earners, and
 *   newEarners (N) those of the end window who did not earn in the start window.
 *   earnerRetentionRate = (E - N) / S, the share of start earners who earned again at the end;
 *   earnerChurnRate = 1 - earnerRetentionRate = (S - (E - N)) / S.
 * A rate whose denominator is 0 (no active member, nothing issued, no earner at the start, or a
 * one-day period with no two windows to compare) is null: undefined, not 0 %.
 */
export interface ProgramKpis {
  engagementRate: number | null;
  pointsUsedRate: number | null;
  earnerRetentionRate: number | null;
  earnerChurnRate: number | null;
  activeEarners: number;
  activeMembers: number;
  issued: number;
  spent: number;
  retentionWindowDays: number;
  earnersAtStart: number;
  earnersAtEnd: number;
  newEarners: number;
}

export async function programKpis(rawFrom: string, rawTo: string): Promise<ProgramKpis> {
  const period = parseDayRange(rawFrom, rawTo);
  const windowDays = Math.min(
    limits.kpiRetentionWindowDaysMax,
    Math.floor((daysBetween(period.from, period.to) + 1) / 2),
  );
  const start: DayRange = { from: period.from, to: addDays(period.from, windowDays - 1) };
  const end: DayRange = { from: addDays(period.to, 1 - windowDays), to: period.to };
  const windows = windowDays > 0;

  const [activeEarners, activeMembers, issued, redeemed, compensated] = await Promise.all([
    countEarners([period]),
    countSortedUnion(accountsWithEntries(period), materialAuthors(period)),
    kindTotal('ACCRUAL', period),
    kindTotal('REDEMPTION', period),
    kindTotal('COMPENSATION', period),
  ]);
  const [earnersAtStart, earnersAtEnd, earnersOfEither] = windows
    ? await Promise.all([countEarners([start]), countEarners([end]), countEarners([start, end])])
    : [0, 0, 0];
  const newEarners = earnersOfEither - earnersAtStart;
  const retained = earnersAtEnd - newEarners;
  const spent = -redeemed - compensated;
  const retainable = windows && earnersAtStart > 0;

  return {
    engagementRate: ratio(activeEarners, activeMembers),
    pointsUsedRate: ratio(spent, issued),
    earnerRetentionRate: retainable ? ratio(retained, earnersAtStart) : null,
    earnerChurnRate: retainable ? ratio(earnersAtStart - retained, earnersAtStart) : null,
    activeEarners,
    activeMembers,
    issued,
    spent,
    retentionWindowDays: windowDays,
    earnersAtStart,
    earnersAtEnd,
    newEarners,
  };
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Authors of the materials submitted in the range, each once, in byte order of their id. */
async function* materialAuthors(range: DayRange): AsyncGenerator<string> {
  const match = { createdAt: { $gte: dayStart(range.from), $lt: dayEnd(range.to) } };
  yield* distinctSorted(Material.collection, match, 'authorId');
}
