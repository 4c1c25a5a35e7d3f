import { isDuplicateKey } from '../core/mongo';
import { Freeze } from './freeze.model';

/**
 * Freezes or unfreezes a member's account (R16: a ban freezes, an unban unfreezes; the balance
 * is kept). Idempotent; the trust-and-safety acts call it. A redemption that read the account
 * just before the freeze may still land: it happened first.
 */
export async function setFrozen(memberId: string, frozen: boolean): Promise<void> {
  if (!frozen) {
    await Freeze.deleteOne({ _id: memberId });
    return;
  }
  try {
    await Freeze.create({ _id: memberId, since: new Date() });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** Every member frozen now (accrual skips them, SPEC §6); bans are rare, so the list is short. */
export async function frozenMembers(): Promise<string[]> {
  const frozen = await Freeze.find({}, { _id: 1 }).lean<{ _id: string }[]>();
  return frozen.map((doc) => doc._id);
}

export async function isFrozen(memberId: string): Promise<boolean> {
  return (await Freeze.exists({ _id: memberId })) !== null;
}
