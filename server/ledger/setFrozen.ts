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

export async function isFrozen(memberId: string): Promise<boolean> {
  return (await Freeze.exists({ _id: memberId })) !== null;
}
