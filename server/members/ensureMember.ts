import { isDuplicateKey } from '../core/mongo';
import { Member } from './member.model';

/**
 * Creates a member on first sight of their `sub`, exactly once even when many first requests
 * race: the upsert is keyed by `_id`, and a racing upsert that loses gets E11000, which means
 * the member now exists. A bounded in-process memo saves the write on later requests.
 */
const seenMax = 50_000;
const seen = new Set<string>();

export async function ensureMember(memberId: string, name: string | null): Promise<void> {
  if (seen.has(memberId)) return;
  try {
    await Member.updateOne(
      { _id: memberId },
      { $setOnInsert: { name, createdAt: new Date(), banned: false } },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  if (seen.size >= seenMax) seen.clear();
  seen.add(memberId);
}

/** Forgets the memo (tests drop their database between files). */
export function forgetSeenMembers(): void {
  seen.clear();
}
