import { dayEnd, dayStart, type UtcDay } from '../core/day';
import { limits } from '../core/limits';
import { Ban, type BanDoc } from './ban.model';

/** The member's latest ban interval (open or closed), or null if they were never banned. */
export async function latestBan(memberId: string): Promise<BanDoc | null> {
  return Ban.findOne({ memberId }).sort({ n: -1 }).lean<BanDoc>();
}

/** Intervals that overlap `day`: begun before its end, not ended before its start. */
const overlapping = (day: UtcDay) => ({
  from: { $lt: dayEnd(day) },
  $or: [{ until: null }, { until: { $gt: dayStart(day) } }],
});

/**
 * R16: no accrual for a day on which the member was banned. "On which" means at any moment of
 * that UTC day: a member banned at 23:59 or unbanned at 00:01 earns nothing for the day, since
 * activity a ban was meant to stop may have come in while it was in force, and a ban is rare.
 */
export async function wasBannedOn(memberId: string, day: UtcDay): Promise<boolean> {
  return (await Ban.exists({ memberId, ...overlapping(day) })) !== null;
}

/** The same question for every member at once: the members banned at some moment of `day`. */
export async function membersBannedOn(day: UtcDay): Promise<Set<string>> {
  const banned = new Set<string>();
  const cursor = Ban.find(overlapping(day), { memberId: 1 })
    .lean<Pick<BanDoc, 'memberId'>[]>()
    .cursor({ batchSize: limits.cursorBatchSize });
  for await (const ban of cursor) banned.add(ban.memberId);
  return banned;
}
